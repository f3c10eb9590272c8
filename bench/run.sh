#!/usr/bin/env bash
# Throughput and peak RSS of `neuron-cw --dry-run` against the filters users reach for (jq, Python's
# json module) on the same ~80 MB of generated trn1.32xlarge reports, same machine, same run.
#
#   bench/run.sh [--aot] [--runs N] [--mb MB] [--live SECONDS] [--soak]
#
#   --aot     also publish and measure the NativeAOT build (scripts/publish.sh aot; needs clang and
#             zlib1g-dev), and its start-to-first-output time on a one-report input
#   --runs N  runs per tool; the median time is reported (default 5)
#   --mb MB   size of the generated input (default 80)
#   --live S  after the table: CPU per report of the AOT binary fed one report a second for S seconds,
#             sending to a loopback CloudWatch stand-in (bench/live_cpu.py)
#   --soak    after the table: 1,000,000 reports through the AOT binary, RSS flat? (bench/soak.sh)
#
# One table, every row from the same run: NativeAOT and the JIT builds (framework-dependent publish
# with ReadyToRun, as users get it; and the plain `dotnet build` output, as `dotnet run` uses), each
# with the default config and with every group, beside jq and Python. Everything it writes goes to
# bench/out/ (gitignored). Timings on a shared machine are noisy: the min-max spread is printed next
# to each median, with CPU time (user+sys, less sensitive to other load) and the load average.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/out"
RUNS=5
MB=80
AOT=0
LIVE=0
SOAK=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --aot) AOT=1 ;;
    --runs) RUNS="$2"; shift ;;
    --mb) MB="$2"; shift ;;
    --live) LIVE="$2"; shift ;;
    --soak) SOAK=1 ;;
    *) echo "usage: bench/run.sh [--aot] [--runs N] [--mb MB] [--live SECONDS] [--soak]" >&2; exit 2 ;;
  esac
  shift
done

missing=()
command -v jq >/dev/null || missing+=(jq)
command -v python3 >/dev/null || missing+=(python3)
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing: ${missing[*]}" >&2
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

mkdir -p "$OUT"
INPUT="$OUT/reports-${MB}mb.jsonl"
if [[ ! -s "$INPUT" ]]; then
  python3 "$ROOT/bench/generate_reports.py" --mb "$MB" > "$INPUT"
fi
head -n 1 "$INPUT" > "$OUT/one-report.jsonl"
BYTES=$(stat -c %s "$INPUT")
REPORTS=$(wc -l < "$INPUT")
CONFIG="$ROOT/samples/monitor-all-groups.conf"

echo "building Release (dotnet build) and publishing framework-dependent (ReadyToRun)..." >&2
dotnet build "$ROOT/src/NeuronMetrics.Cli" -c Release -nologo -v q -o "$OUT/jit" >/dev/null
JIT="$OUT/jit/neuron-cw"
# The SDK reuses ReadyToRun images across self-contained and framework-dependent publishes of one RID, and a
# self-contained one (scripts/publish.sh single-file) compiles them against its own framework: such an image aborts at start.
rm -rf "$ROOT/src/NeuronMetrics.Cli/obj/Release/net10.0/linux-x64/R2R"
dotnet publish "$ROOT/src/NeuronMetrics.Cli" -c Release -r linux-x64 --self-contained false -nologo -v q -o "$OUT/jit-r2r" >/dev/null
R2R="$OUT/jit-r2r/neuron-cw"

AOT_BIN=""
if [[ $AOT -eq 1 ]]; then
  echo "publishing NativeAOT (scripts/publish.sh aot)..." >&2
  if NEURON_CW_DIST="$OUT/dist" "$ROOT/scripts/publish.sh" aot >"$OUT/aot-publish.log" 2>&1 \
     && [[ -x "$OUT/dist/aot/neuron-cw" ]] && file "$OUT/dist/aot/neuron-cw" | grep -q ELF; then
    mkdir -p "$OUT/aot"
    cp "$OUT/dist/aot/neuron-cw" "$OUT/aot/neuron-cw"
    AOT_BIN="$OUT/aot/neuron-cw"
    if grep -q "warning" "$OUT/aot-publish.log"; then
      echo "NativeAOT publish printed warnings: see $OUT/aot-publish.log" >&2
    fi
  else
    echo "NativeAOT publish failed (needs clang and zlib1g-dev); see $OUT/aot-publish.log. Measuring the JIT builds only." >&2
  fi
fi

JQ_FILTER='.instance_info.instance_id as $i | .neuron_runtime_data[]?.report.neuroncore_counters.neuroncores_in_use | to_entries[] | {InstanceId: $i, NeuronCore: .key, Value: .value.neuroncore_utilization}'

# measure NAME CMD... : RUNS runs on $INPUT; prints "name median min max peak_rss_kb cpu_median"
measure() {
  local name="$1"; shift
  local times=() cpus=() rss=0
  for ((r = 0; r < RUNS; r++)); do
    # Wall time from bash's microsecond clock around the run: /usr/bin/time's %e has 10 ms steps, an eighth of a
    # 1 GB/s run on 80 MB. It includes starting /usr/bin/time itself, so it errs on the slow side.
    local start end
    start=$EPOCHREALTIME
    /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" "$@" < "$INPUT" > "$OUT/$name.out" 2>"$OUT/$name.err"
    end=$EPOCHREALTIME
    read -r _ m u s < "$OUT/time.txt"
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
    times+=("$t")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
    (( m > rss )) && rss=$m
  done
  local sorted median min max cpu
  sorted=$(printf '%s\n' "${times[@]}" | sort -g)
  median=$(echo "$sorted" | awk -v n="$RUNS" 'NR == int((n + 1) / 2)')
  min=$(echo "$sorted" | head -n 1)
  max=$(echo "$sorted" | tail -n 1)
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk -v n="$RUNS" 'NR == int((n + 1) / 2)')
  echo "$name $median $min $max $rss $cpu"
}

CONFIG_ALL=(--config "$CONFIG")
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "input: $INPUT ($REPORTS reports, $BYTES bytes); $RUNS runs each; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
results=()
# "default": no config (neuroncore_counters only: the per-core utilization jq and Python extract too);
# "all groups": samples/monitor-all-groups.conf (every group read, validated and mapped: 111 metrics).
if [[ -n "$AOT_BIN" ]]; then
  results+=("$(measure "AOT_default" "$AOT_BIN" --dry-run)")
  results+=("$(measure "AOT_all_groups" "$AOT_BIN" --dry-run "${CONFIG_ALL[@]}")")
fi
results+=("$(measure "JIT_R2R_default" "$R2R" --dry-run)")
results+=("$(measure "JIT_R2R_all_groups" "$R2R" --dry-run "${CONFIG_ALL[@]}")")
results+=("$(measure "JIT_build_default" "$JIT" --dry-run)")
results+=("$(measure "jq" jq -c "$JQ_FILTER")")
results+=("$(measure "python" python3 "$ROOT/bench/python_filter.py")")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

printf '%s\n' "${results[@]}" | awk -v bytes="$BYTES" '
  { name[NR] = $1; med[NR] = $2; min[NR] = $3; max[NR] = $4; rss[NR] = $5; cpu[NR] = $6 }
  $1 == "jq" { jq = $2; jqc = $6 } $1 == "python" { py = $2; pyc = $6 }
  END {
    printf "| %-20s | %8s | %11s | %7s | %7s | %9s | %8s | %8s | %8s |\n", "build, config", "median s", "(min-max)", "MB/s", "CPU s", "MB/CPU-s", "vs jq", "vs Python", "peak RSS"
    printf "|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", "----------------------", "---------:", "------------:", "--------:", "--------:", "----------:", "---------:", "---------:", "---------:"
    for (i = 1; i <= NR; i++) {
      t = med[i] > 0 ? med[i] : 0.01; c = cpu[i] > 0 ? cpu[i] : 0.01
      label = name[i]; gsub("_", " ", label)
      printf "| %-20s | %8.3f | %5.3f-%-5.3f | %7.0f | %7.2f | %9.0f | %7.1fx | %8.1fx | %5.1f MB |\n", label, med[i], min[i], max[i], bytes / 1e6 / t, cpu[i], bytes / 1e6 / c, jq / t, py / t, rss[i] / 1024
    }
  }'

echo
echo "vs jq / vs Python: wall-clock ratios from this run. MB/CPU-s: input MB per second of user+sys CPU."
echo "JIT R2R = dotnet publish -r linux-x64 --self-contained false (ReadyToRun); JIT build = dotnet build (no ReadyToRun, as dotnet run)."
echo "check: jq and python print $(wc -l < "$OUT/jq.out") / $(wc -l < "$OUT/python.out") per-core values; neuron-cw: $(tail -n 1 "$OUT/JIT_R2R_all_groups.err")"
if [[ -n "$AOT_BIN" ]]; then
  read -r med lo hi < <(python3 "$ROOT/bench/first_output.py" 11 "$OUT/one-report.jsonl" "$AOT_BIN" --dry-run "${CONFIG_ALL[@]}")
  echo "NativeAOT start to first output (one report, all groups): median ${med} ms (min ${lo}, max ${hi}, 11 runs)"
fi
read -r med lo hi < <(python3 "$ROOT/bench/first_output.py" 5 "$OUT/one-report.jsonl" "$R2R" --dry-run "${CONFIG_ALL[@]}")
echo "JIT (ReadyToRun) start to first output (one report, all groups): median ${med} ms (min ${lo}, max ${hi}, 5 runs)"

if [[ $LIVE -gt 0 && -n "$AOT_BIN" ]]; then
  echo
  echo "live CPU ($LIVE s at one report a second, all groups, NativeAOT sending to a loopback stand-in):"
  python3 "$ROOT/bench/live_cpu.py" --seconds "$LIVE" --bin "$AOT_BIN" --config "$CONFIG"
fi

if [[ $SOAK -eq 1 && -n "$AOT_BIN" ]]; then
  echo
  echo "soak (1,000,000 reports, all groups, NativeAOT):"
  "$ROOT/bench/soak.sh" --aot
fi

#!/usr/bin/env bash
# Throughput and peak RSS of `neuron-cw --dry-run` against the filters users reach for (jq, Python's
# json module) on the same ~80 MB of generated trn1.32xlarge reports, same machine, same run.
#
#   bench/run.sh [--aot] [--runs N] [--mb MB]
#
#   --aot     also publish and measure the NativeAOT build (needs clang and zlib1g-dev), and its
#             start-to-first-output time on a one-report input
#   --runs N  runs per tool; the median time is reported (default 5)
#   --mb MB   size of the generated input (default 80)
#
# Everything it writes goes to bench/out/ (gitignored). Timings on a shared machine are noisy:
# the min-max spread is printed next to each median.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/out"
RUNS=5
MB=80
AOT=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --aot) AOT=1 ;;
    --runs) RUNS="$2"; shift ;;
    --mb) MB="$2"; shift ;;
    *) echo "usage: bench/run.sh [--aot] [--runs N] [--mb MB]" >&2; exit 2 ;;
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

echo "building Release..." >&2
dotnet build "$ROOT/src/NeuronMetrics.Cli" -c Release -nologo -v q -o "$OUT/jit" >/dev/null
JIT="$OUT/jit/neuron-cw"

AOT_BIN=""
if [[ $AOT -eq 1 ]]; then
  echo "publishing NativeAOT..." >&2
  if dotnet publish "$ROOT/src/NeuronMetrics.Cli" -c Release -r linux-x64 -p:PublishAot=true -nologo -v q -o "$OUT/aot" >"$OUT/aot-publish.log" 2>&1 \
     && [[ -x "$OUT/aot/neuron-cw" ]] && file "$OUT/aot/neuron-cw" | grep -q ELF; then
    AOT_BIN="$OUT/aot/neuron-cw"
  else
    echo "NativeAOT publish failed (needs clang and zlib1g-dev); see $OUT/aot-publish.log. Measuring the JIT build only." >&2
  fi
fi

JQ_FILTER='.instance_info.instance_id as $i | .neuron_runtime_data[]?.report.neuroncore_counters.neuroncores_in_use | to_entries[] | {InstanceId: $i, NeuronCore: .key, Value: .value.neuroncore_utilization}'

# measure NAME CMD... : RUNS runs on $INPUT; prints "name median min max peak_rss_kb"
measure() {
  local name="$1"; shift
  local times=() rss=0
  for ((r = 0; r < RUNS; r++)); do
    /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" < "$INPUT" > "$OUT/$name.out" 2>"$OUT/$name.err"
    read -r t m < "$OUT/time.txt"
    times+=("$t")
    (( m > rss )) && rss=$m
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -g)
  local median min max
  median=$(echo "$sorted" | awk -v n="$RUNS" 'NR == int((n + 1) / 2)')
  min=$(echo "$sorted" | head -n 1)
  max=$(echo "$sorted" | tail -n 1)
  echo "$name $median $min $max $rss"
}

echo "neuron-cw rows: aot/jit = NativeAOT / JIT build; all = --config samples/monitor-all-groups.conf; util = default config (per-core utilization, as jq and python)" >&2
echo "input: $INPUT ($REPORTS reports, $BYTES bytes); $RUNS runs each; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
results=()
# "all": samples/monitor-all-groups.conf (every group read and validated); "util": no config, the
# default (neuroncore_counters only: the same per-core utilization jq and Python extract).
if [[ -n "$AOT_BIN" ]]; then
  results+=("$(measure aot-all "$AOT_BIN" --dry-run --config "$CONFIG")")
  results+=("$(measure aot-util "$AOT_BIN" --dry-run)")
fi
results+=("$(measure jit-all "$JIT" --dry-run --config "$CONFIG")")
results+=("$(measure jit-util "$JIT" --dry-run)")
results+=("$(measure jq jq -c "$JQ_FILTER")")
results+=("$(measure python python3 "$ROOT/bench/python_filter.py")")

printf '%s\n' "${results[@]}" | awk -v bytes="$BYTES" '
  { name[NR] = $1; med[NR] = $2; min[NR] = $3; max[NR] = $4; rss[NR] = $5 }
  $1 == "jq" { jq = $2 } $1 == "python" { py = $2 }
  END {
    printf "| %-14s | %9s | %11s | %8s | %11s | %15s |\n", "tool", "median s", "(min-max)", "MB/s", "peak RSS MB", "speed vs jq/py"
    printf "|%s|%s|%s|%s|%s|%s|\n", "----------------", "----------:", "-------------:", "---------:", "------------:", "----------------:"
    for (i = 1; i <= NR; i++) {
      t = med[i] > 0 ? med[i] : 0.01
      printf "| %-14s | %9.2f | %5.2f-%-5.2f | %8.0f | %11.1f | %6.1fx / %5.1fx |\n", name[i], med[i], min[i], max[i], bytes / 1e6 / t, rss[i] / 1024, jq / t, py / t
    }
  }'

echo
echo "check: jq and python print $(wc -l < "$OUT/jq.out") / $(wc -l < "$OUT/python.out") per-core values; neuron-cw: $(tail -n 1 "$OUT/jit-all.err")"
if [[ -n "$AOT_BIN" ]]; then
  read -r med lo hi < <(python3 "$ROOT/bench/first_output.py" 11 "$OUT/one-report.jsonl" "$AOT_BIN" --dry-run --config "$CONFIG")
  echo "NativeAOT start to first output (one report): median ${med} ms (min ${lo}, max ${hi}, 11 runs)"
fi
read -r med lo hi < <(python3 "$ROOT/bench/first_output.py" 5 "$OUT/one-report.jsonl" "$JIT" --dry-run --config "$CONFIG")
echo "JIT start to first output (one report): median ${med} ms (min ${lo}, max ${hi}, 5 runs)"

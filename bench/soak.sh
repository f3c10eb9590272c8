#!/usr/bin/env bash
# Soak: streams 1,000,000 generated trn1.32xlarge reports (cycling over 1000 distinct ones, never
# stored on disk) through `neuron-cw --dry-run` as fast as the pipe goes, and samples the process's
# RSS every 100,000 reports. Pass: RSS at the end within 10% of RSS after 100,000 reports, and the peak
# (VmHWM) at most the issue's 32 MB (--max-peak-mb).
# A fast replay puts every report in one 60 s interval: this is what the aggregator's seal bound
# (150 distinct values per metric) is for.
#
#   bench/soak.sh [--aot] [--count N] [--max-peak-mb MB] [-- extra neuron-cw options]
#
# --aot uses bench/out/aot/neuron-cw (made by bench/run.sh --aot); default: the Release JIT build.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench/out"
COUNT=1000000
AOT=0
MAX_PEAK_MB=32
EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --aot) AOT=1 ;;
    --count) COUNT="$2"; shift ;;
    --max-peak-mb) MAX_PEAK_MB="$2"; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "usage: bench/soak.sh [--aot] [--count N] [--max-peak-mb MB] [-- neuron-cw options]" >&2; exit 2 ;;
  esac
  shift
done
EVERY=$((COUNT / 10))

mkdir -p "$OUT"
if [[ $AOT -eq 1 ]]; then
  BIN="$OUT/aot/neuron-cw"
  [[ -x "$BIN" ]] || { echo "no $BIN: run bench/run.sh --aot first" >&2; exit 1; }
else
  dotnet build "$ROOT/src/NeuronMetrics.Cli" -c Release -nologo -v q -o "$OUT/jit" >/dev/null
  BIN="$OUT/jit/neuron-cw"
fi

FIFO="$OUT/soak-progress.fifo"
rm -f "$FIFO"
mkfifo "$FIFO"
trap 'rm -f "$FIFO"' EXIT

start=$(date +%s.%N)
"$BIN" --dry-run --config "$ROOT/samples/monitor-all-groups.conf" "${EXTRA[@]}" \
  < <(python3 "$ROOT/bench/generate_reports.py" --count "$COUNT" --distinct 1000 --progress-every "$EVERY" 2>"$FIFO") \
  > /dev/null 2> "$OUT/soak.err" &
PID=$!

kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$PID/status" 2>/dev/null || echo 0; }
first=0
last=0
peak=0
marks=0
anon2=0
anon_last=0
n2=0
n_last=0
# RssAnon is the heaps (GC, malloc) and stacks; RssFile mostly the binary's code pages touched so far.
echo "| reports | RSS MB | anon MB | file MB | peak RSS MB | elapsed s |"
echo "|--------:|-------:|--------:|--------:|------------:|----------:|"
exec 3< "$FIFO"
while read -r -u 3 word n _; do
  [[ "$word" == progress ]] || continue
  rss=$(kb VmRSS); hwm=$(kb VmHWM); anon=$(kb RssAnon); file=$(kb RssFile)
  [[ -n "$rss" && "$rss" -gt 0 ]] || continue
  (( first == 0 )) && first=$rss
  last=$rss
  (( hwm > peak )) && peak=$hwm
  marks=$((marks + 1))
  (( marks == 2 )) && { anon2=${anon:-0}; n2=$n; }
  anon_last=${anon:-0}; n_last=$n
  awk -v n="$n" -v r="$rss" -v a="${anon:-0}" -v f="${file:-0}" -v h="$hwm" -v s="$start" -v now="$(date +%s.%N)" \
    'BEGIN { printf "| %7d | %6.1f | %7.1f | %7.1f | %11.1f | %9.1f |\n", n, r / 1024, a / 1024, f / 1024, h / 1024, now - s }'
done
wait "$PID"
echo "neuron-cw: $(tail -n 1 "$OUT/soak.err")"
awk -v a="$first" -v b="$last" 'BEGIN {
  d = (b - a) * 100 / a
  printf "RSS after %s: %.1f MB, at the end: %.1f MB (%+.1f%%): %s\n", "first mark", a / 1024, b / 1024, d, (d <= 10 && d >= -10) ? "PASS (within 10%)" : "FAIL (more than 10%)"
}'
# A slow leak passes the 10% check over 1M reports (a ConditionalWeakTable's handles grew 0.58 MB per million): the
# heaps' trend from the second mark to the end, per million reports, must stay under 0.25 MB.
awk -v a="$anon2" -v b="$anon_last" -v n2="$n2" -v n="$n_last" 'BEGIN {
  if (n <= n2) { print "anon trend: too few marks to tell"; exit }
  t = (b - a) / 1024 / ((n - n2) / 1e6)
  printf "anon (heaps) from the second mark to the end: %+.2f MB per million reports: %s\n", t, (t <= 0.25) ? "PASS (at most 0.25)" : "FAIL (a leak: more than 0.25)"
}'
awk -v p="$peak" -v m="$MAX_PEAK_MB" 'BEGIN {
  printf "peak RSS (VmHWM at the last mark): %.1f MB: %s\n", p / 1024, (p / 1024 <= m) ? "PASS (at most " m " MB)" : "FAIL (more than " m " MB)"
}'

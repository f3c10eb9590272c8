#!/usr/bin/env bash
# Builds the two self-contained neuron-cw binaries for linux-x64 (no .NET needed on the target):
#   dist/aot/neuron-cw          Native AOT: one small native executable, fast start (needs clang + zlib1g-dev to build)
#   dist/single-file/neuron-cw  single-file self-contained JIT build (ReadyToRun, see the .csproj): the fallback where AOT cannot be built
# Usage: scripts/publish.sh [aot|single-file|all]   (default all). Installs the AOT toolchain with apt if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
rid="${NEURON_CW_RID:-linux-x64}"
out="${NEURON_CW_DIST:-dist}"

ensure_aot_toolchain() {
  if command -v clang >/dev/null 2>&1 && [[ -f /usr/include/zlib.h ]]; then
    return
  fi
  echo "publish: installing clang and zlib1g-dev (Native AOT linker and zlib)" >&2
  local sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq clang zlib1g-dev
}

publish_aot() {
  ensure_aot_toolchain
  dotnet publish src/NeuronMetrics.Cli -c Release -r "$rid" -p:PublishAot=true -o "$out/aot"
  rm -f "$out/aot/"*.pdb "$out/aot/"*.dbg
}

publish_single_file() {
  # Uncompressed: a compressed bundle is inflated into memory at every start. 80 MB bench file, CPU s / peak RSS / first
  # output: compressed without ReadyToRun 1.05 / 76 MB / 486 ms; compressed with it 1.05 / 119 MB; uncompressed with it
  # 0.50 / 57 MB / 170 ms. The price: ~90 MB on disk instead of ~40.
  # ReadyToRun images left by a framework-dependent publish of this RID would be reused as they are: start clean.
  rm -rf "src/NeuronMetrics.Cli/obj/Release/net10.0/$rid/R2R"
  dotnet publish src/NeuronMetrics.Cli -c Release -r "$rid" --self-contained \
    -p:PublishSingleFile=true -p:PublishAot=false -p:EnableCompressionInSingleFile=false -o "$out/single-file"
  rm -f "$out/single-file/"*.pdb
}

case "$what" in
  aot) publish_aot ;;
  single-file) publish_single_file ;;
  all) publish_aot; publish_single_file ;;
  *) echo "usage: $0 [aot|single-file|all]" >&2; exit 2 ;;
esac

for exe in "$out"/aot/neuron-cw "$out"/single-file/neuron-cw; do
  if [[ -x "$exe" ]]; then
    echo "publish: $exe ($(du -h "$exe" | cut -f1))"
  fi
done

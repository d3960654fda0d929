#!/usr/bin/env bash
# The GPU checks in one run, on a machine with CUDA (see nbs/experiments/speed.ipynb):
#   the README's set-up and test command, the `#| cuda` notebook cells, dkdm_bench at 256 px (batch 1 and 4, bf16,
#   channels_last, with and without torch.compile), a 2-process DDP run when there are two GPUs, a 200-iteration demo.
# Every log goes to $OUT (default: gpu_check/); the summary is $OUT/summary.txt. Usage: bash bench/gpu_check.sh
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-gpu_check}; mkdir -p "$OUT"
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
run() { local name=$1; shift; local t0=$SECONDS; "$@" > "$OUT/$name.log" 2>&1; local rc=$?; say "$name: rc $rc, $((SECONDS - t0)) s"; return $rc; }
nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1 || { say "no nvidia-smi: not a CUDA machine"; exit 1; }
setup=$(grep -m1 '^python3 -m venv .venv' README.md); tests=$(grep -m1 '^\.venv/bin/pytest' README.md)
[ -x .venv/bin/python ] || run setup bash -c "$setup"
.venv/bin/python -c "import torch; assert torch.cuda.is_available(); print(torch.__version__, torch.cuda.get_device_name())" | tee -a "$OUT/summary.txt"
run readme_tests bash -c "$tests"
run cuda_cells .venv/bin/nbdev_test --flags cuda --n_workers 1
for bs in 1 4; do
  run bench_256_b$bs .venv/bin/dkdm_bench --device cuda --size 256 --batch_size $bs --n_iters 20
  run bench_256_b${bs}_compile .venv/bin/dkdm_bench --device cuda --size 256 --batch_size $bs --n_iters 20 --compile
done
.venv/bin/python -c "from dkdm.data import demo_domains; demo_domains(size=64, n=16, n_test=4, out='$OUT/ddp_data')" > /dev/null
if [ "$(nvidia-smi -L | wc -l)" -ge 2 ]; then
  run ddp_2gpu .venv/bin/torchrun --nproc_per_node 2 --no-python .venv/bin/dkdm_train --data "$OUT/ddp_data" --out "$OUT/ddp_run" \
      --size 64 --n_iters 50 --ngf 16 --n_blocks 2 --sample_every 0 --ckpt_every 50 --quiet
else say "ddp_2gpu: skipped (one GPU)"; fi
run demo_200 .venv/bin/dkdm_demo --out "$OUT/demo" --n_iters 200 --device cuda
grep -h -E "it/s|images/s|% of peak|GFLOP/s|MiB" "$OUT"/bench_*.log >> "$OUT/summary.txt"
cat "$OUT/summary.txt"

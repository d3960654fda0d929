import os, torch
os.environ.setdefault("MPLBACKEND", "Agg")
# Tiny test models are dominated by per-op overhead: one thread is as fast, and it does not
# collapse when the machine is shared (OpenMP threads spin against each other).
torch.set_num_threads(1)

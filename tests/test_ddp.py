"Multi-process training with DDP: `torchrun --nproc_per_node 2` on the CPU (gloo) keeps both ranks' weights identical."
import os, sys, subprocess, textwrap
from pathlib import Path
import torch

SCRIPT = textwrap.dedent('''
    import os, sys, torch
    from dkdm.learner import Callback
    from dkdm.train import train_dkdm
    from dkdm.config import DKDMConfig

    class Counters(Callback):
        "Record the global sample counters of every batch this rank trains on."
        def __init__(self): self.seen = []
        def before_step(self, learn): self.seen.append(learn.batch['counter'].tolist())

    root, out, n_iters, resume = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == 'resume'
    rec = Counters()
    tiny = DKDMConfig(ngf=8, n_blocks=2, ndf=8, z_dim=16, nce_dim=16, num_patches=32)
    learn = train_dkdm(root, out, size=32, batch_size=2, n_iters=n_iters, cfg=tiny, resume=resume, device='cpu', quiet=True,
                       log_every=1, sample_every=2, ckpt_every=2, cbs=[rec])
    assert learn.world_size == 2, learn.world_size
    torch.save({'G': learn.nets.G.state_dict(), 'D': learn.nets.D.state_dict(), 'counters': rec.seen},
               f"{out}/rank{os.environ['RANK']}_{n_iters}.pt")
''')

def torchrun(script, *args):
    cmd = [sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node', '2', str(script), *map(str, args)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env={**os.environ, 'OMP_NUM_THREADS': '1'})
    assert r.returncode == 0, f"torchrun failed ({r.returncode}):\n{r.stdout[-3000:]}\n{r.stderr[-6000:]}"

def test_ddp_ranks_agree_and_resume(tmp_path):
    from dkdm.data import demo_domains
    from dkdm.checkpoint import load_checkpoint, list_checkpoints
    from dkdm.callbacks import read_loss_log
    root, out, script = demo_domains(size=32, n=8, n_test=2, out=tmp_path/'data'), tmp_path/'run', tmp_path/'train.py'
    script.write_text(SCRIPT)
    torchrun(script, root, out, 4, 'new')
    r0, r1 = (torch.load(out/f'rank{r}_4.pt', weights_only=True) for r in (0, 1))
    for net in 'GD':
        for k, v in r0[net].items(): assert torch.equal(v, r1[net][k]), f"{net}.{k} differs between the ranks"
    assert r0['counters'] == [[0, 1], [4, 5], [8, 9], [12, 13]] and r1['counters'] == [[2, 3], [6, 7], [10, 11], [14, 15]]
    ck = load_checkpoint(out)
    assert ck['iter'] == 4 and ck['data']['world_size'] == 2 and ck['data']['samples'] == 16 and len(ck['rng']['ranks']) == 2
    for k, v in ck['nets']['G'].items(): assert torch.equal(v, r0['G'][k])
    assert [r['iter'] for r in read_loss_log(out)] == [1, 2, 3, 4]          # rank 0 alone writes the log
    assert sorted(p.name for p in (out/'samples').iterdir()) == ['iter_0000002.png', 'iter_0000004.png']

    torchrun(script, root, out, 6, 'resume')
    r0, r1 = (torch.load(out/f'rank{r}_6.pt', weights_only=True) for r in (0, 1))
    for k, v in r0['G'].items(): assert torch.equal(v, r1['G'][k]), f"G.{k} differs between the ranks after resuming"
    assert r0['counters'] == [[16, 17], [20, 21]] and r1['counters'] == [[18, 19], [22, 23]]
    assert [p.name for p in list_checkpoints(out)] == ['ckpt_0000002.pt', 'ckpt_0000004.pt', 'ckpt_0000006.pt']
    assert [r['iter'] for r in read_loss_log(out)] == [1, 2, 3, 4, 5, 6]

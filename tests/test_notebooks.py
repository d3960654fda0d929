"Every notebook under nbs/ runs as one pytest case, with the cells flagged in `tst_flags` (slow, cuda) skipped."
import os
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
# the slowest notebooks first (18_cli alone is about half of the suite's CPU time), so that pytest-xdist's workers
# end together: a long notebook started last would leave the other worker idle
SLOWEST = ('18_cli', '08_losses', 'translate_whole_slide', '14_evaluate', 'balance_rare_class', '15_classify', '17_native')
NBS = sorted((p for p in (ROOT/'nbs').rglob('*.ipynb')
              if not any(part.startswith(('_', '.')) for part in p.relative_to(ROOT/'nbs').parts)),
             key=lambda p: (SLOWEST.index(p.stem) if p.stem in SLOWEST else len(SLOWEST), str(p)))

def _skip_flags():
    from nbdev.config import get_config
    return get_config(path=ROOT).tst_flags.split()

@pytest.mark.parametrize('nb', NBS, ids=[str(p.relative_to(ROOT/'nbs')) for p in NBS])
def test_notebook(nb):
    from nbdev.test import test_nb
    ok, secs = test_nb(nb, skip_flags=_skip_flags(), basepath=ROOT)
    assert ok, f'{nb.relative_to(ROOT)} failed after {secs:.1f}s (the traceback is printed above)'

"Every notebook under nbs/ runs as one pytest case, with the cells flagged in `tst_flags` (slow, cuda) skipped."
import os
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT/'nbs').rglob('*.ipynb')
             if not any(part.startswith(('_', '.')) for part in p.relative_to(ROOT/'nbs').parts))

def _skip_flags():
    from nbdev.config import get_config
    return get_config(path=ROOT).tst_flags.split()

@pytest.mark.parametrize('nb', NBS, ids=[str(p.relative_to(ROOT/'nbs')) for p in NBS])
def test_notebook(nb):
    from nbdev.test import test_nb
    ok, secs = test_nb(nb, skip_flags=_skip_flags(), basepath=ROOT)
    assert ok, f'{nb.relative_to(ROOT)} failed after {secs:.1f}s (the traceback is printed above)'

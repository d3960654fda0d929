"The package and the notebooks agree, and every public module imports."
import importlib, pkgutil
import dkdm

def test_version(): assert dkdm.__version__

def test_modules_import():
    for m in pkgutil.iter_modules(dkdm.__path__):
        importlib.import_module(f'dkdm.{m.name}')

LAYERS = ('core images data fourier bridge entropy config models checkpoint losses learner translate transforms callbacks train bench '
          'metrics evaluate classify augment native folder cli experiments').split()

def _imports(mod):
    "The dkdm modules a module imports anywhere in its source, at module level or inside functions."
    import ast
    from pathlib import Path
    tree = ast.parse((Path(dkdm.__file__).parent/f'{mod}.py').read_text())
    rel = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1 and n.module}   # from .data import ...
    names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0 and n.module}
    names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return {m.split('.', 1)[0] for m in rel} | {m.split('.', 1)[1].split('.', 1)[0] for m in names if m.startswith('dkdm.')}

def test_layers_import_downward():
    "Each module imports only modules of earlier layers (the order of the notebooks)."
    mods = sorted(p.name for p in pkgutil.iter_modules(dkdm.__path__) if not p.name.startswith('_'))
    assert mods == sorted(LAYERS), mods
    upward = {m: sorted(d for d in _imports(m) if LAYERS.index(d) >= LAYERS.index(m)) for m in LAYERS}
    assert not any(upward.values()), {m: u for m, u in upward.items() if u}

def test_notebooks_are_small():
    "Every notebook, outputs included, stays under 256 KB, so the docs and a clone stay light (`.ci/save_outputs.py --shrink` caps figures)."
    from pathlib import Path
    big = {str(p): p.stat().st_size for p in (Path(__file__).parent.parent/'nbs').rglob('*.ipynb') if p.stat().st_size > 256_000}
    assert not big, big

"The package and the notebooks agree, and every public module imports."
import importlib, pkgutil
import dkdm

def test_version(): assert dkdm.__version__

def test_modules_import():
    for m in pkgutil.iter_modules(dkdm.__path__):
        importlib.import_module(f'dkdm.{m.name}')

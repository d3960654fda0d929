__version__ = "0.1.0"

def __getattr__(name):
    "`dkdm.pretrained()`, the packaged translators, without importing torch on `import dkdm`."
    if name == 'pretrained':
        from .checkpoint import pretrained
        return pretrained
    raise AttributeError(f"module 'dkdm' has no attribute {name!r}")

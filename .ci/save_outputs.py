"""Execute notebooks in place and keep their outputs, so the docs site shows every table, figure and printed tensor.

Cells flagged with a `tst_flags` flag of settings.ini (`#| slow`, `#| cuda`) or `#| eval: false` are not run: their
results are the JSON files and images the notebooks read. Run `nbdev_clean` afterwards (this script does it).

    .venv/bin/python .ci/save_outputs.py                       # every notebook under nbs/
    .venv/bin/python .ci/save_outputs.py nbs/02_fourier.ipynb  # some of them
"""
import os, io, sys, time, base64, subprocess
from pathlib import Path
from PIL import Image
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory
from nbdev.config import get_config
from nbdev.process import extract_directives

ROOT = Path(__file__).resolve().parent.parent
SKIP = set(get_config(path=ROOT).tst_flags.split())

def skip(cell)->bool:
    "True for cells that must not run here: markdown, `tst_flags` cells and `#| eval: false` (the rule of `nbdev.test`)."
    if cell.cell_type != 'code': return True
    d = extract_directives(cell, remove=False)
    return bool(SKIP & d.keys()) or d.get('eval:', [''])[0].lower() == 'false'

def small_png(b64:str, dpi_scale:float=0.8)->str:
    "A figure as a 256-colour PNG at `dpi_scale` of its size: a few times smaller, and it looks the same in the docs."
    im = Image.open(io.BytesIO(base64.b64decode(b64)))
    if im.mode in ('RGBA', 'LA', 'P'): im = Image.alpha_composite(Image.new('RGBA', im.size, 'white'), im.convert('RGBA'))
    im = im.convert('RGB')
    if dpi_scale != 1: im = im.resize((max(1, round(im.width * dpi_scale)), max(1, round(im.height * dpi_scale))), Image.LANCZOS)
    buf = io.BytesIO(); im.quantize(256).save(buf, format='PNG', optimize=True)
    return base64.b64encode(buf.getvalue()).decode() if buf.tell() < len(b64) * 3 // 4 else b64

def shrink_figures(nb):
    "Every PNG output of the notebook through `small_png`."
    for c in nb.cells:
        for o in c.get('outputs', []):
            if 'data' in o and 'image/png' in o['data']: o['data']['image/png'] = small_png(o['data']['image/png'])

def save_outputs(path:Path)->float:
    "Run one notebook (flagged cells skipped) and write it back with its outputs; returns seconds."
    t0, nb = time.time(), read_nb(path)
    for c in nb.cells:
        if c.cell_type == 'code': c.outputs, c.execution_count = [], None
    shell = CaptureShell(path, mpl_format='png')
    with working_directory(path.parent): shell.run_all(nb, exc_stop=True, preproc=skip)
    shrink_figures(nb)
    write_nb(nb, path)
    return time.time() - t0

if __name__ == '__main__':
    os.environ.setdefault('MPLBACKEND', 'agg')
    nbs = [Path(p).resolve() for p in sys.argv[1:]] or sorted((ROOT/'nbs').rglob('*.ipynb'))
    nbs = [p for p in nbs if not any(part.startswith(('.', '_')) for part in p.relative_to(ROOT/'nbs').parts)]
    sys.path.insert(0, str(ROOT))
    for p in nbs: print(f'{p.relative_to(ROOT)}: {save_outputs(p):.1f} s', flush=True)
    subprocess.run([str(Path(sys.executable).parent/'nbdev_clean')], cwd=ROOT, check=True)

"""Execute notebooks in place and keep their outputs, so the docs site shows every table, figure and printed tensor.

Cells flagged with a `tst_flags` flag of settings.ini (`#| slow`, `#| cuda`) or `#| eval: false` are not run: their
results are the JSON files and images the notebooks read. Run `nbdev_clean` afterwards (this script does it).

    .venv/bin/python .ci/save_outputs.py                       # every notebook under nbs/
    .venv/bin/python .ci/save_outputs.py nbs/02_fourier.ipynb  # some of them
    .venv/bin/python .ci/save_outputs.py --shrink nbs/*.ipynb  # only cap the saved figures' sizes, nothing run
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

def _encode(im:Image.Image, scale:float, fmt:str)->bytes:
    "`im` resized by `scale`, as an optimised 256-colour PNG or a quality-88 JPEG."
    if scale != 1: im = im.resize((max(1, round(im.width * scale)), max(1, round(im.height * scale))), Image.LANCZOS)
    buf = io.BytesIO()
    if fmt == 'png': im.quantize(256).save(buf, format='PNG', optimize=True)
    else: im.save(buf, format='JPEG', quality=88, optimize=True)
    return buf.getvalue()

def small_figure(b64:str, dpi_scale:float=0.8, max_bytes:int=48_000)->tuple:
    "(mime type, base64) of a PNG figure at `dpi_scale` of its size: a 256-colour PNG, or a JPEG where the PNG is over `max_bytes` (photographs) and the JPEG under 70 % of it."
    im = Image.open(io.BytesIO(base64.b64decode(b64)))
    if im.mode in ('RGBA', 'LA', 'P'): im = Image.alpha_composite(Image.new('RGBA', im.size, 'white'), im.convert('RGBA'))
    im = im.convert('RGB')
    mime, data = 'image/png', _encode(im, dpi_scale, 'png')
    if len(data) > max_bytes and len(jpg := _encode(im, dpi_scale, 'jpeg')) < len(data) * 0.7: mime, data = 'image/jpeg', jpg
    return (mime, base64.b64encode(data).decode()) if len(data) < len(b64) * 3 // 4 else ('image/png', b64)

def shrink_figures(nb, dpi_scale:float=0.8):
    "Every PNG output of the notebook through `small_figure`."
    for c in nb.cells:
        for o in c.get('outputs', []):
            if 'data' in o and 'image/png' in o['data']:
                mime, b64 = small_figure(o['data'].pop('image/png'), dpi_scale); o['data'][mime] = b64

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
    args = [a for a in sys.argv[1:] if a != '--shrink']
    nbs = [Path(p).resolve() for p in args] or sorted((ROOT/'nbs').rglob('*.ipynb'))
    nbs = [p for p in nbs if not any(part.startswith(('.', '_')) for part in p.relative_to(ROOT/'nbs').parts)]
    sys.path.insert(0, str(ROOT))
    for p in nbs:
        if '--shrink' in sys.argv: nb = read_nb(p); shrink_figures(nb, dpi_scale=1.); write_nb(nb, p); continue
        print(f'{p.relative_to(ROOT)}: {save_outputs(p):.1f} s', flush=True)
    subprocess.run([str(Path(sys.executable).parent/'nbdev_clean')], cwd=ROOT, check=True)

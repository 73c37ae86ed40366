"""Time `drafter render examples/report.yaml -o out.docx` as a whole process
against a bare python-docx script writing the same number of paragraphs.

    python bench/bench_render.py [--runs 15] [--outline examples/report.yaml]

Target (issue 3): render no slower than 1.5 × the baseline. Both are timed in
the same run, alternating, and the medians compared. A third figure is the
floor set by what render imports: a bare interpreter importing typer, PyYAML,
Jinja2 and lxml (render fills its cached empty document with lxml and does
not import python-docx once that document is in the cache) and doing nothing else.

The first, untimed render warms drafter's cache folder as a user's second
render finds it: the empty document and the compiled templates. (Regular
expressions are compiled afresh in every run: render compiles only those it
runs, ``drafter.text.lazyre``.)
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BASELINE = """
import sys
import docx
doc = docx.Document()
for i in range(int(sys.argv[2])):
    doc.add_paragraph("这是第%d段。" % i)
doc.save(sys.argv[1])
"""


CPU: dict[tuple[str, ...], list[float]] = {}


def timed(cmd: list[str]) -> float:
    """Wall time of the whole process; its CPU time (user + system) goes to ``CPU``.

    On a loaded machine the wall times of both sides swing together with the
    load; the CPU time does not wait for other processes, so it is the steadier figure.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(tuple(cmd), []).append(cpu)
    return wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--outline", default=str(ROOT / "examples" / "report.yaml"))
    args = ap.parse_args()

    # Measure drafter as pip installs it: byte-compiled. (An editable install run
    # with PYTHONDONTWRITEBYTECODE=1 would recompile every module on every run.)
    import compileall

    import docx

    compileall.compile_dir(str(ROOT / "drafter"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.docx"
        render = [sys.executable, "-m", "drafter", "render", args.outline, "-o", str(out), "--force"]
        subprocess.run(render, check=True, capture_output=True)
        n_paras = len(docx.Document(str(out)).paragraphs)
        script = Path(tmp) / "baseline.py"
        script.write_text(BASELINE, encoding="utf-8")
        base = [sys.executable, str(script), str(Path(tmp) / "base.docx"), str(n_paras)]
        timed(base)  # warm the OS cache for both
        floor = [sys.executable, "-c", "import typer, yaml, jinja2, lxml.etree, zipfile"]
        r_times, b_times, f_times = [], [], []
        for _ in range(args.runs):
            r_times.append(timed(render))
            b_times.append(timed(base))
            f_times.append(timed(floor))
    r_cpu, b_cpu, f_cpu = (statistics.median(CPU[tuple(c)]) for c in (render, base, floor))
    r, b, f = statistics.median(r_times), statistics.median(b_times), statistics.median(f_times)
    ratio = r / b
    print(f"paragraphs in the draft:       {n_paras}")
    print(f"drafter render (median of {args.runs}): {r * 1000:7.1f} ms  (min {min(r_times) * 1000:.1f})")
    print(f"bare python-docx script:       {b * 1000:7.1f} ms  (min {min(b_times) * 1000:.1f})")
    print(f"import floor (typer+yaml+jinja2+lxml only): {f * 1000:.1f} ms = {f / b:.2f} x baseline")
    print(f"drafter's own work above that floor:        {(r - f) * 1000:.1f} ms")
    print(f"ratio render / baseline:       {ratio:7.2f}  target <= 1.5  {'PASS' if ratio <= 1.5 else 'FAIL'}")
    print(f"CPU time (user+sys, median):   render {r_cpu * 1000:.1f} ms, baseline {b_cpu * 1000:.1f} ms, "
          f"floor {f_cpu * 1000:.1f} ms; ratio {r_cpu / b_cpu:.2f}  {'PASS' if r_cpu / b_cpu <= 1.5 else 'FAIL'}")


if __name__ == "__main__":
    main()

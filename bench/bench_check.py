"""``drafter check`` is linear: a 20 MB file in under a minute on one core.

Two files are built from the bench corpus (``make_corpus.py``, 20 MB):

1. ``archive``: every corpus file pasted into one file (several hundred speeches);
2. ``single``: one speech of 20 MB (a title and salutation, then the corpus's
   bodies, no new titles): the worst case for the rules that look across a
   speech (repetition, duplicated paragraphs, numbering).

Each is checked at 2 MB and at 20 MB with ``check_file`` in this process (one
core). Reported, each measured in this run:

- seconds for 20 MB (target < 60 s);
- seconds per MB at 20 MB against seconds per MB at 2 MB (linear: ≤ 1.5);
- check against the baseline of reading and parsing the same file (the speech
  model's cost), to show what the rules add.

    python bench/bench_check.py          # about a minute or two
    python bench/bench_check.py --mb 5   # quicker

Results are also written to ``bench/out/bench_check.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import ROOT, ensure_corpus

from drafter.check import check_file
from drafter.text.reader import read_lines
from drafter.text.speech import parse_lines

TARGET_S = 60.0
TARGET_LINEAR = 1.5


def corpus_text(folder: Path) -> str:
    parts = []
    for p in sorted(folder.rglob("*.txt")):
        parts.append("\n".join(t for _, t in read_lines(p)))
    return "\n".join(parts) + "\n"


def single_text(archive: str) -> str:
    body = [s for s in archive.splitlines() if len(s) > 40 or s.startswith(("一", "二", "三", "（", "第"))]
    return "在全市工作会议上的讲话\n同志们：\n" + "\n".join(body) + "\n"


def cut(text: str, mb: float) -> str:
    """The first ``mb`` MB of ``text`` (repeated when shorter), at a line end."""
    want = int(mb * 1e6)
    while len(text.encode()) < want:
        text += text
    data = text.encode()[:want].decode("utf-8", "ignore")
    return data[: data.rfind("\n") + 1]


def measure(text: str, folder: Path, name: str) -> dict:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    mb = p.stat().st_size / 1e6
    t0 = time.perf_counter()
    speeches = parse_lines(read_lines(p), name)
    t1 = time.perf_counter()
    findings = check_file(p)
    t2 = time.perf_counter()
    codes: dict[str, int] = {}
    for f in findings:
        codes[f.code] = codes.get(f.code, 0) + 1
    return {"mb": round(mb, 2), "speeches": len(speeches), "parse_s": round(t1 - t0, 2),
            "check_s": round(t2 - t1, 2), "s_per_mb": (t2 - t1) / mb, "findings": codes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="size of the large file in MB (default 20)")
    args = ap.parse_args(argv)
    corpus = ensure_corpus(ROOT / "bench" / "corpus", 20.0)
    del corpus
    archive = corpus_text(ROOT / "bench" / "corpus")
    single = single_text(archive)
    res: dict[str, dict] = {}
    ok = True
    with tempfile.TemporaryDirectory(prefix="drafter-bench-check-") as tmp:
        for label, text in (("archive", archive), ("single", single)):
            small = measure(cut(text, args.mb / 10), Path(tmp), f"{label}-small.txt")
            large = measure(cut(text, args.mb), Path(tmp), f"{label}-large.txt")
            linear = large["s_per_mb"] / small["s_per_mb"]
            res[label] = {"small": small, "large": large, "linear_ratio": round(linear, 2),
                          "check_vs_parse": round(large["check_s"] / max(large["parse_s"], 1e-9), 2)}
            passed = large["check_s"] < TARGET_S * args.mb / 20 and linear <= TARGET_LINEAR
            ok &= passed
            print(f"{label}: {large['mb']} MB checked in {large['check_s']} s "
                  f"(reading+parsing {large['parse_s']} s, check/parse {res[label]['check_vs_parse']}); "
                  f"{small['mb']} MB in {small['check_s']} s; s/MB ratio large/small {linear:.2f} "
                  f"[{'ok' if passed else 'MISSED'}]", flush=True)
            print(f"  findings at {large['mb']} MB: {large['findings']}", flush=True)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_check.json").write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

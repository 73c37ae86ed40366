"""Reading, parsing and mining against one ``jieba.lcut`` pass over the same text.

The speech model and the miner's detection (issue 12, items 1, 2 and 5), each
as a ratio measured in one run (best of two for every timing):

1. a 5 MB .txt corpus (``make_corpus.py``): ``mine_paths`` (read, parse, mine,
   merge; keywords and writing the bank are the bank's part and not counted) with
   ``--jobs 1`` and ``--jobs 2``, against one pass that reads, decodes and
   jieba-cuts the same files (as ``bench_mine.py``'s baseline);
   target ≤ 0.3 × each;
2. 600 .docx files made from that corpus (one paragraph per line, every fifth
   file with a table): ``mine_paths`` against a jieba pass over their text;
   target ≤ 0.5 ×;
3. a single speech of 5 MB (and of 20 MB, to show the cost is linear), read,
   parsed and mined in one process: target "in seconds" (≤ 10 s at 5 MB) and
   time per MB at 20 MB within 1.5 × that at 5 MB.

Also the full command ``python -m drafter mine`` on the 5 MB corpus, for
reference (it includes start-up, jieba's initialisation and the keywords).

    python bench/bench_structure.py            # about a minute
    python bench/bench_structure.py --docx 100 # quicker

Results are also written to ``bench/out/bench_structure.json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import ROOT, ensure_corpus

from drafter.bank.mine import mine_paths, mine_speech
from drafter.text.reader import decode, iter_corpus, read_lines, text_lines
from drafter.text.speech import parse_lines

OUT = ROOT / "bench" / "out"
TARGET_TXT = 0.3
TARGET_DOCX = 0.5
TARGET_SINGLE_S = 10.0
LINEAR_SLACK = 1.5


def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


REPEAT = 2  # best of: the machine may be shared


def jieba_pass(texts: list[str]) -> float:
    jieba = _jieba()
    best = float("inf")
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        for t in texts:
            jieba.lcut(t)
        best = min(best, time.perf_counter() - t0)
    return best


def jieba_pass_files(folder: Path) -> float:
    """Read, decode and lcut every file, as ``bench_mine.py``'s baseline does."""
    jieba = _jieba()
    best = float("inf")
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        for src in iter_corpus([folder]):
            jieba.lcut(decode(src.path.read_bytes(), src.path))
        best = min(best, time.perf_counter() - t0)
    return best


def corpus_texts(folder: Path) -> list[str]:
    return [decode(s.path.read_bytes(), s.path) for s in iter_corpus([folder])]


def timed_mine(folder: Path, jobs: int) -> tuple[float, int]:
    _jieba()  # frames load jieba: initialise it first, as for the baseline (workers fork after)
    best, n = float("inf"), 0
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        records, _ = mine_paths([folder], jobs=jobs)
        best, n = min(best, time.perf_counter() - t0), len(records)
    return best, n


def make_docx(txt_folder: Path, out: Path, n: int) -> list[str]:
    """``n`` .docx files from the corpus's .txt files; returns their text as read."""
    import docx

    out.mkdir(parents=True, exist_ok=True)
    texts = []
    sources = list(iter_corpus([txt_folder]))[:n]
    for k, src in enumerate(sources):
        lines = [t for _, t in read_lines(src.path)]
        d = docx.Document()
        for i, line in enumerate(lines):
            d.add_paragraph(line)
            if k % 5 == 0 and i == 3:
                table = d.add_table(rows=2, cols=2)
                for cell, text in zip([c for row in table.rows for c in row.cells], ["指标", "数值", "项目", "12个"],
                                      strict=True):
                    cell.text = text
        p = out / f"{k:04d}.docx"
        d.save(p)
        texts.append("\n".join(t for _, t in read_lines(p)))
    return texts


def single_speech(mb: float, corpus_texts_: list[str]) -> dict:
    """One speech of ``mb`` MB: a title and salutation, then the corpus's bodies, no new titles."""
    body_lines = []
    for t in corpus_texts_:
        for line in t.splitlines():
            s = line.strip()
            if len(s) > 40 or s.startswith(("一", "二", "三", "（", "第")):
                body_lines.append(s)
    chunk = "\n".join(body_lines) + "\n"
    text = "在全市工作会议上的讲话\n同志们：\n" + chunk * max(1, int(mb * 1e6 / len(chunk.encode())))
    t0 = time.perf_counter()
    speeches = parse_lines(text_lines(text), "single.txt")
    t1 = time.perf_counter()
    raws = sum(len(mine_speech(sp)) for sp in speeches)
    t2 = time.perf_counter()
    size = len(text.encode()) / 1e6
    return {"mb": size, "lines": text.count("\n"), "speeches": len(speeches), "parse_s": t1 - t0,
            "mine_s": t2 - t1, "seconds": t2 - t0, "s_per_mb": (t2 - t0) / size, "raws": raws}


def full_command(folder: Path, jobs: int) -> float:
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "drafter", "mine", str(folder), "--out", f"{tmp}/bank",
                        "--jobs", str(jobs)], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help=".txt corpus size in MB (default 5)")
    ap.add_argument("--docx", type=int, default=600, help="number of .docx files (default 600)")
    ap.add_argument("--corpus", type=Path, default=OUT / "corpus-5mb", help="corpus folder")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    res: dict = {}

    print("== .txt corpus", flush=True)
    info = ensure_corpus(args.corpus, args.mb, 1)
    texts = corpus_texts(args.corpus)
    jb = jieba_pass_files(args.corpus)
    m1, n1 = timed_mine(args.corpus, 1)
    m2, n2 = timed_mine(args.corpus, 2)
    assert n1 == n2
    res["txt"] = {"files": info["files"], "chars": sum(map(len, texts)), "jieba_s": jb, "mine_j1_s": m1,
                  "mine_j2_s": m2, "ratio_j1": m1 / jb, "ratio_j2": m2 / jb, "phrases": n1}
    print(f"  {info['files']} files, {res['txt']['chars']:,} chars: jieba pass {jb:.2f} s; "
          f"mine --jobs 1 {m1:.2f} s ({m1 / jb:.2f} x), --jobs 2 {m2:.2f} s ({m2 / jb:.2f} x); {n1:,} phrases")

    print(f"== {args.docx} .docx files", flush=True)
    with tempfile.TemporaryDirectory(prefix="drafter-docx-") as tmp:
        folder = Path(tmp) / "docx"
        dtexts = make_docx(args.corpus, folder, args.docx)
        jd = jieba_pass(dtexts)
        md, nd = timed_mine(folder, 1)
    res["docx"] = {"files": len(dtexts), "chars": sum(map(len, dtexts)), "jieba_s": jd, "mine_s": md,
                   "ratio": md / jd, "phrases": nd}
    print(f"  {len(dtexts)} files, {res['docx']['chars']:,} chars: jieba pass {jd:.2f} s; "
          f"mine --jobs 1 {md:.2f} s ({md / jd:.2f} x)")

    print("== a single speech", flush=True)
    s5 = single_speech(5, texts)
    s20 = single_speech(20, texts)
    res["single"] = {"5mb": s5, "20mb": s20}
    for s in (s5, s20):
        print(f"  {s['mb']:.1f} MB, {s['lines']:,} lines, {s['speeches']} speech(es): parse {s['parse_s']:.2f} s, "
              f"mine {s['mine_s']:.2f} s = {s['s_per_mb']:.2f} s/MB")

    print("== the full command on the .txt corpus (reference: start-up, jieba init, keywords)", flush=True)
    res["command"] = {"j1_s": full_command(args.corpus, 1), "j2_s": full_command(args.corpus, 2)}
    print(f"  drafter mine --jobs 1 {res['command']['j1_s']:.2f} s, --jobs 2 {res['command']['j2_s']:.2f} s "
          f"({res['command']['j1_s'] / jb:.2f} x and {res['command']['j2_s'] / jb:.2f} x the jieba pass)")

    ok = {
        "txt_j1": res["txt"]["ratio_j1"] <= TARGET_TXT,
        "txt_j2": res["txt"]["ratio_j2"] <= TARGET_TXT,
        "docx": res["docx"]["ratio"] <= TARGET_DOCX,
        "single_5mb": s5["seconds"] <= TARGET_SINGLE_S,
        "linear": s20["s_per_mb"] <= LINEAR_SLACK * s5["s_per_mb"],
    }
    res["pass"] = ok
    print("== summary")
    for k, v in ok.items():
        print(f"  {k}: {'PASS' if v else 'FAIL'}")
    (OUT / "bench_structure.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    return 0 if all(ok.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

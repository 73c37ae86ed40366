"""Time ``drafter mine`` against one plain ``jieba.lcut`` pass over the same corpus.

In one run:

1. build (or reuse) the corpus: ``bench/corpus/`` (20 MB) and a small one
   ``bench/out/corpus-5mb/`` (5 MB), see ``make_corpus.py``;
2. initialise jieba (timed on its own), then time one pass that reads,
   decodes and ``jieba.lcut``s every file of the large corpus, file by file;
3. time the real command ``python -m drafter mine CORPUS --out TMP --jobs N``
   as a child process for N = 1 and 2 on the large corpus, and N = 1 on the
   small one, with the child's peak RSS (``os.wait4``: the largest single
   process of the tree) and the peak RSS summed over the process tree
   (sampled from /proc every 20 ms, which counts the --jobs workers too);
4. print chars/second for every run, the ratios mine/jieba against the
   targets of issue 12 (≤ 0.3 × with --jobs 1 and with --jobs 2), whether peak memory grows
   from the small to the large corpus, and PASS/FAIL per target.

    python bench/bench_mine.py                 # 20 MB + 5 MB, a few minutes
    python bench/bench_mine.py --mb 2 --small-mb 1   # quick smoke run

Results are also written to ``bench/out/bench_mine.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import DEFAULT_OUT, ROOT, ensure_corpus

from drafter.text.reader import decode, iter_corpus

OUT = ROOT / "bench" / "out"
# issue 12, "Done means": mining ≤ 0.3 × one jieba pass, with --jobs 1 and --jobs 2
TARGET_J1 = 0.3
TARGET_J2 = 0.3
# Peak RSS "does not grow" with a 4 x larger corpus: allow this much growth.
MEM_GROWTH_LIMIT = 1.25


# --- jieba pass ----------------------------------------------------------------


def jieba_pass(corpus: Path) -> dict:
    """Initialise jieba, then read, decode and lcut every file once (streamed)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    t0 = time.perf_counter()
    jieba.initialize()
    init = time.perf_counter() - t0

    chars = words = 0
    cut = 0.0
    t0 = time.perf_counter()
    for src in iter_corpus([corpus]):
        text = decode(src.path.read_bytes(), src.path)
        t1 = time.perf_counter()
        words += len(jieba.lcut(text))
        cut += time.perf_counter() - t1
        chars += len(text)
    total = time.perf_counter() - t0
    return {"init_s": init, "seconds": total, "lcut_s": cut, "chars": chars, "words": words}


# --- child processes ------------------------------------------------------------


def _tree_rss_kb(pid: int) -> int:
    """RSS of ``pid`` and all its descendants, in kB (0 when gone)."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii", errors="replace") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_child(cmd: list[str], log: Path) -> dict:
    """Run ``cmd``; wall time, exit code, peak RSS of its largest process and of its tree."""
    peak_tree = 0
    done = threading.Event()
    with log.open("wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)

        def sample() -> None:
            nonlocal peak_tree
            while not done.is_set():
                peak_tree = max(peak_tree, _tree_rss_kb(proc.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "seconds": wall,
        "rc": proc.returncode,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux: kB; max over the child and its reaped children
        "peak_tree_rss_mb": peak_tree / 1024,
        "cpu_s": usage.ru_utime + usage.ru_stime,
    }


def mine(corpus: Path, jobs: int, tmp: Path, label: str) -> dict:
    bank = tmp / f"bank-{label}"
    log = OUT / f"mine-{label}.log"
    cmd = [sys.executable, "-m", "drafter", "mine", str(corpus), "--out", str(bank), "--jobs", str(jobs)]
    print(f"  running: {' '.join(cmd[1:])}", flush=True)
    res = run_child(cmd, log)
    if res["rc"] != 0:
        sys.exit(f"drafter mine failed (exit {res['rc']}); see {log}")
    manifest = json.loads((bank / "manifest.json").read_text(encoding="utf-8"))
    res["phrases"] = sum(manifest["phrases"].values())
    res["files"] = manifest["files"]
    res["speeches"] = manifest["speeches"]
    res["skipped"] = len(manifest["skipped"])
    return res


def startup() -> float:
    """Wall time of ``python -m drafter --version`` (interpreter + CLI import), best of 3."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "drafter", "--version"], check=True,
                       stdout=subprocess.DEVNULL, cwd=ROOT)
        best = min(best, time.perf_counter() - t0)
    return best


# --- report --------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="large corpus size in MB (default 20)")
    ap.add_argument("--small-mb", type=float, default=5.0, help="small corpus size in MB (default 5)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_OUT, help="large corpus folder (default bench/corpus/)")
    ap.add_argument("--small-corpus", type=Path, default=OUT / "corpus-5mb", help="small corpus folder")
    args = ap.parse_args(argv)

    OUT.mkdir(parents=True, exist_ok=True)
    print("== corpora")
    big = ensure_corpus(args.corpus, args.mb, args.seed)
    small = ensure_corpus(args.small_corpus, args.small_mb, args.seed)

    print("== jieba.lcut pass (in process)", flush=True)
    jb = jieba_pass(args.corpus)
    jb["chars_per_s"] = jb["chars"] / jb["seconds"]
    print(f"  jieba init {jb['init_s']:.2f} s (not counted); pass over {jb['chars']:,} chars: "
          f"{jb['seconds']:.2f} s (lcut alone {jb['lcut_s']:.2f} s) = {jb['chars_per_s']:,.0f} chars/s")

    print("== drafter mine (child processes)", flush=True)
    start = startup()
    print(f"  `python -m drafter --version` startup: {start:.2f} s (included in every mine time)")
    runs = {}
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        for label, corpus, jobs, chars in (
            (f"{args.mb:g}mb-j1", args.corpus, 1, big["chars"]),
            (f"{args.mb:g}mb-j2", args.corpus, 2, big["chars"]),
            (f"{args.small_mb:g}mb-j1", args.small_corpus, 1, small["chars"]),
        ):
            r = mine(corpus, jobs, Path(tmp), label)
            r["chars"] = chars
            r["chars_per_s"] = chars / r["seconds"]
            runs[label] = r
            print(f"  {label}: {r['seconds']:.2f} s, {r['chars_per_s']:,.0f} chars/s, cpu {r['cpu_s']:.1f} s, "
                  f"peak RSS {r['peak_rss_mb']:.0f} MB (tree {r['peak_tree_rss_mb']:.0f} MB), "
                  f"{r['files']} files, {r['speeches']} speeches, {r['phrases']:,} phrases, "
                  f"{r['skipped']} skipped", flush=True)

    j1, j2, s1 = (runs[f"{args.mb:g}mb-j1"], runs[f"{args.mb:g}mb-j2"], runs[f"{args.small_mb:g}mb-j1"])
    ratio1 = j1["seconds"] / jb["seconds"]
    ratio2 = j2["seconds"] / jb["seconds"]
    growth = j1["peak_rss_mb"] / s1["peak_rss_mb"]
    ok1, ok2, okm = ratio1 <= TARGET_J1, ratio2 <= TARGET_J2, growth <= MEM_GROWTH_LIMIT

    print("== summary")
    print(f"  corpus {args.mb:g} MB: {big['files']} files, {jb['chars']:,} chars")
    print(f"  jieba pass           {jb['chars_per_s']:>12,.0f} chars/s  {jb['seconds']:7.2f} s")
    print(f"  mine --jobs 1        {j1['chars_per_s']:>12,.0f} chars/s  {j1['seconds']:7.2f} s")
    print(f"  mine --jobs 2        {j2['chars_per_s']:>12,.0f} chars/s  {j2['seconds']:7.2f} s")
    print(f"  ratio mine/jieba --jobs 1: {ratio1:.2f} x (target <= {TARGET_J1}) {_verdict(ok1)}")
    print(f"  ratio mine/jieba --jobs 2: {ratio2:.2f} x (target <= {TARGET_J2}) {_verdict(ok2)}")
    print(f"  peak RSS --jobs 1: {s1['peak_rss_mb']:.0f} MB at {args.small_mb:g} MB -> "
          f"{j1['peak_rss_mb']:.0f} MB at {args.mb:g} MB ({growth:.2f} x; "
          f"target: no growth, <= {MEM_GROWTH_LIMIT} x) {_verdict(okm)}")

    result = {
        "corpus": big, "small_corpus": small, "jieba": jb, "startup_s": start, "mine": runs,
        "ratio_j1": ratio1, "ratio_j2": ratio2, "mem_growth": growth,
        "pass": {"jobs1": ok1, "jobs2": ok2, "memory": okm},
    }
    (OUT / "bench_mine.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0 if ok1 and ok2 and okm else 1


if __name__ == "__main__":
    sys.exit(main())

"""Is ``drafter mine`` and ``drafter check`` linear in the size of one long speech?

A speech archive sometimes holds one enormous file (a year of minutes pasted
into one .txt, a scrape gone wrong). This benchmark builds one single speech
of 5, 10, 20 and 50 MB (title, salutation, up to 99 sections 一、二、… with up
to 99 subsections （一）（二）… each, paragraphs taken from ``seeds/``, a
closing line) and times, as child processes as a user runs them:

    python -m drafter mine FILE --out TMP --jobs 1
    python -m drafter check FILE --json

The same commands on a tiny speech (0.01 MB) give the fixed cost (start-up,
imports, jieba's dictionary), which is subtracted. It prints seconds, the
marginal seconds per MB for every size and the ratio of each size's marginal
seconds-per-MB to the smallest size's. Linear cost keeps the ratio near 1;
quadratic cost makes it grow with the size (10 × the size: about 10 × the
ratio). PASS when the largest size's ratio is at most ``LINEAR_LIMIT``. A run
that exceeds ``--timeout`` is reported as such and fails. Timings are wall
clock: run it on an otherwise idle machine.

    python bench/bench_scale.py                     # 5 10 20 50 MB
    python bench/bench_scale.py --sizes 0.5 1 2     # quick run
    python bench/bench_scale.py --timeout 120

Results are also written to ``bench/out/bench_scale.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
LINEAR_LIMIT = 1.5


def _seed_paragraphs() -> list[str]:
    from drafter.text.reader import read_lines
    from drafter.text.speech import match_heading

    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for _, text in read_lines(path):
            if len(text) >= 30 and match_heading(text) is None:
                out.append(text)
    if not out:
        raise SystemExit("seeds/ 中没有可用的段落")
    return out


def build_speech(path: Path, mb: float) -> int:
    """Write one speech of about ``mb`` MB (UTF-8) to ``path``; return its size in bytes."""
    from drafter.text.speech import cn_numeral

    target = int(mb * 2**20)
    paragraphs = _seed_paragraphs()
    per_para = sum(len(p.encode()) + 1 for p in paragraphs) / len(paragraphs)
    sections = 99
    per_sub = 30  # paragraphs in each subsection
    subsections = max(1, min(99, round(target / (sections * per_sub * per_para))))
    per_sub = max(1, round(target / (sections * subsections * per_para)))
    lines = ["在全市经济工作会议上的讲话", "（2024年1月10日）", "市长 某某", "同志们：",
             "今天召开全市经济工作会议，主要任务是总结去年工作，部署今年任务。下面，我讲几点意见。"]
    k = 0
    for s in range(1, sections + 1):
        lines.append(f"{cn_numeral(s)}、抓好第{cn_numeral(s)}方面重点工作")
        for u in range(1, subsections + 1):
            lines.append(f"（{cn_numeral(u)}）切实做好第{cn_numeral(u)}项任务")
            for _ in range(per_sub):
                lines.append(paragraphs[k % len(paragraphs)])
                k += 1
    lines += ["同志们，让我们为全面完成今年各项目标任务贡献力量！", "谢谢大家！"]
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(data)
    return len(data)


def timed(cmd: list[str], cwd: Path, timeout: float) -> float | None:
    """Wall seconds of a child process (None when it ran past ``timeout``)."""
    t0 = time.perf_counter()
    try:
        r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} 失败（退出码 {r.returncode}）：{r.stderr[-1000:]}")
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[5, 10, 20, 50], help="speech sizes in MB")
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed per command")
    args = ap.parse_args(argv)
    sizes = sorted(args.sizes)
    py = sys.executable
    rows = []
    base: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="drafter-scale-") as tmp:
        work = Path(tmp)
        for mb in [0.01, *sizes]:
            speech = work / f"speech-{mb:g}mb.txt"
            size = build_speech(speech, mb)
            row = {"mb": size / 2**20}
            for name, cmd in (
                ("mine", [py, "-m", "drafter", "mine", str(speech), "--out", str(work / "bank"), "--jobs", "1", "--force"]),
                ("check", [py, "-m", "drafter", "check", str(speech), "--json"]),
            ):
                row[name] = timed(cmd, work, args.timeout)
                shown = "超时" if row[name] is None else f"{row[name]:.1f} s"
                print(f"{row['mb']:6.2f} MB  {name:5}  {shown}", flush=True)
            speech.unlink()
            if mb == 0.01:
                base = {k: v for k, v in row.items() if k != "mb" and v is not None}
            else:
                rows.append(row)
    print(f"\nfixed cost (0.01 MB): mine {base.get('mine', 0):.1f} s, check {base.get('check', 0):.1f} s")
    ok = True
    print("\n  MB   mine s  s/MB  ×      check s  s/MB  ×   (s/MB after the fixed cost)")
    for name in ("mine", "check"):
        for row in rows:
            t = row[name]
            row[f"{name}_per_mb"] = max(t - base.get(name, 0), 0.001) / row["mb"] if t else None
        first = rows[0][f"{name}_per_mb"]
        for row in rows:
            per = row[f"{name}_per_mb"]
            row[f"{name}_ratio"] = per / first if per and first else None
        last = rows[-1][f"{name}_ratio"]
        ok &= last is not None and last <= LINEAR_LIMIT
        if rows[0][name] is not None and rows[0][name] - base.get(name, 0) < 1.0:
            print(f"注意：{name} 在 {rows[0]['mb']:.1f} MB 时比固定开销只多不到 1 秒，比值不可靠；请用更大的 --sizes")
    for row in rows:
        cells = []
        for name in ("mine", "check"):
            t, per, ratio = row[name], row[f"{name}_per_mb"], row[f"{name}_ratio"]
            cells.append("     超时" if t is None else f"{t:7.1f} {per:5.2f} {ratio:5.2f}")
        print(f"{row['mb']:5.1f} " + "   ".join(cells))
    print(f"\n{'PASS' if ok else 'FAIL'}: marginal seconds per MB of the largest size within {LINEAR_LIMIT} × the smallest's")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_scale.json").write_text(
        json.dumps({"fixed": base, "rows": rows, "pass": ok}, indent=2) + "\n", encoding="utf-8"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Time loading a 100,000-phrase bank (target: under 1 s), and show that the
commands reading the bank's index do not slow down as the bank grows.

1. Generate a bank of N phrases (default 100,000) in a temp folder, in a
   child process (so the jieba dictionary it uses does not weigh on the
   timings below). The records mimic what ``drafter mine`` writes: every kind,
   texts cut and recombined from ``seeds/*.txt`` (some with ``{{slots}}``),
   ``items`` and a ``frame`` for heading/parallel sets, 1–3 genres, six
   jieba keywords, 1–20 sources (with ``lines`` for heading sets) and counts.
   They are written with ``drafter.bank.store.write_files``.
2. Time ``drafter.bank.store.load_bank(folder)`` in this process, best of 5.
3. Time the whole command ``python -m drafter phrases stats --bank FOLDER
   --json`` (interpreter start, imports, load, stats, JSON out), best of 5,
   next to ``python -m drafter --version`` as the fixed start-up cost.

4. ``--scale N`` (default 30,000): the index against the seeds' bank, in one
   run. Time ``python -m drafter phrases search QUERY --bank B --json`` for
   a few queries, and a retrieve-heavy workload as a child process (open the
   index, then 48 ``BankIndex.retrieve`` calls with queries taken from the
   seeds' headings and titles, as the composer does for one draft), best of
   9 (runs on the two banks alternate), on a bank of N phrases and on the
   bank mined from the seeds. Target:
   each ≤ 1.5 × the seeds' figure (cost does not grow with the bank).

    python bench/bench_bank.py              # 100,000 phrases, then 30,000 vs seeds
    python bench/bench_bank.py --phrases 20000 --keep /tmp/bank20k
    python bench/bench_bank.py --only-scale # just the index comparison
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 1.0
# Share of each kind in a bank mined from a large archive (pledges and
# enumerations dominate, salutations and closings repeat a lot and stay few).
KIND_WEIGHTS = {
    "title": 14, "salutation": 2, "opening": 6, "transition": 12,
    "heading": 10, "lead": 8, "parallel": 24, "pledge": 28, "closing": 4,
}
GENRES = ("report", "seminar", "discussion", "pledge", "sharing", "other")
LEVELS = ("national", "provincial", "municipal", "county", "township", "enterprise", "unknown")
ROLES = ("各位市领导", "各位代表", "各位委员", "各位来宾", "各位专家", "各位企业家", "老师们", "同学们",
         "朋友们", "各位老同志", "各位同仁", "各位嘉宾")
SLOTS = ("{{place}}", "{{name}}", "{{number}}", "{{org}}", "{{industry}}", "{{park}}", "{{project}}")


# --- generating -------------------------------------------------------------------


def _fragments() -> list[str]:
    """Clauses of the seed speeches, 4–30 characters, without masks."""
    from drafter.text.reader import read_lines

    out = set()
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        for _, line in read_lines(p):
            for frag in re.split(r"[，。；：！？、]", line):
                frag = frag.strip("“”《》（） ")
                if 4 <= len(frag) <= 30 and not re.search(r"[*X×]", frag):
                    out.add(frag)
    return sorted(out)


def generate(folder: Path, n: int, seed: int = 1) -> None:
    import logging

    import jieba

    from drafter.bank.facts import content_terms, find_facts
    from drafter.bank.frames import frame_of
    from drafter.bank.store import Phrase, phrase_id, write_files
    from drafter.kinds import PHRASE_KINDS, SET_SEPARATOR
    from drafter.text.slots import slots_in

    jieba.setLogLevel(logging.WARNING)
    rng = random.Random(seed)
    frags = _fragments()
    kinds = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=n)
    docs = [f"corpus/{2015 + i % 9}/{i:05d}_{rng.getrandbits(32):08x}.txt" for i in range(4000)]

    def clause(k: int = 1) -> str:
        s = "，".join(rng.choice(frags) for _ in range(k))
        if rng.random() < 0.15:
            at = rng.randrange(len(s) + 1)
            s = s[:at] + rng.choice(SLOTS) + s[at:]
        return s

    def text_for(kind: str, extra: int) -> tuple[str, list[str]]:
        # ``extra`` grows on a collision, so every text is distinct after a few tries
        if kind in ("heading", "parallel"):
            m = rng.choice((2, 3, 3, 4, 4, 5))
            lead = rng.choice(("", "坚持", "聚焦", "加快", "以", "在"))
            items = [lead + clause(rng.choice((1, 1, 2))) for _ in range(m)]
            return SET_SEPARATOR.join(items), items
        if kind == "title":
            return (rng.choice(("", "{{place}}", "关于")) + clause(1 + extra)
                    + rng.choice(("", "——在全市工作会议上的讲话", "的汇报发言", "专题研讨发言"))), []
        if kind == "salutation":
            return (rng.choice(("尊敬的{{name}}书记，", "尊敬的各位领导，", "各位领导，", ""))
                    + "、".join(rng.choice(ROLES) for _ in range(1 + extra)) + "，同志们："), []
        if kind == "closing":
            return (rng.choice(("汇报完毕，", "以上发言，", "以上是我的几点体会，", ""))
                    + clause(1 + extra) + "，不当之处请批评指正。"), []
        if kind == "pledge":
            return ("为" + clause(rng.choice((1, 2)) + extra)
                    + rng.choice(("贡献力量。", "作出新的更大贡献。", "添砖加瓦。", "交出优异答卷。"))), []
        return clause(rng.choice((1, 2, 3)) + extra) + "。", []

    contexts = [clause(1) for _ in range(max(50, n // 20))]
    seen: set[tuple[str, str]] = set()
    phrases: list[Phrase] = []
    t0 = time.perf_counter()
    for kind in kinds:
        extra = 0
        text, items = text_for(kind, extra)
        while (kind, text) in seen:
            extra += 1
            text, items = text_for(kind, extra)
        seen.add((kind, text))
        terms = content_terms(jieba.lcut(re.sub(r"\{\{\w+\}\}", "，", text)))
        words = sorted(set(terms), key=lambda w: (-len(w), w))
        count = min(int(rng.paretovariate(1.5)), 500)
        genre_pool = rng.sample(GENRES, rng.choice((1, 1, 2, 3)))
        genres: dict[str, int] = {}
        for _ in range(count):
            g = rng.choice(genre_pool)
            genres[g] = genres.get(g, 0) + 1
        genres = dict(sorted(genres.items(), key=lambda kv: (-kv[1], kv[0])))
        sources = []
        for _ in range(min(count, 60)):
            src: dict = {"doc": rng.choice(docs), "line": rng.randint(1, 60)}
            if kind == "heading":
                src["lines"] = sorted(rng.sample(range(src["line"], src["line"] + 40), len(items)))
                src["line"] = src["lines"][0]
            sources.append(src)
        level = rng.choice(LEVELS)
        context = "" if kind in ("title", "salutation", "closing") else rng.choice(contexts)
        phrases.append(Phrase(
            id=phrase_id(kind, text), kind=kind, text=text, items=items,
            frame=frame_of(items) if items else None, slots=slots_in(text),
            genre=next(iter(genres)), genres=genres, level=level, levels={level: count},
            year=rng.choice((None, *range(2015, 2026))), context=context,
            facts=find_facts(text), terms=terms, keywords=words[:6], sources=sources, count=count,
        ))
    counts = {k: 0 for k in PHRASE_KINDS}
    for p in phrases:
        counts[p.kind] += 1
    manifest = {"format": 2, "roots": [], "files": len(docs), "speeches": len(docs) * 2, "skipped": [], "phrases": counts}
    folder.mkdir(parents=True, exist_ok=True)
    write_files(phrases, folder, manifest)
    size = sum(f.stat().st_size for f in folder.iterdir())
    print(f"generated {len(phrases):,} phrases in {time.perf_counter() - t0:.1f} s: "
          f"{size / 1e6:.1f} MB in {folder}; by kind {counts}", flush=True)


# --- timing -----------------------------------------------------------------------


def time_load(folder: Path, repeat: int = 5, pause_gc: bool = False) -> tuple[list[float], int]:
    """``load_bank`` times; with ``pause_gc`` the cyclic GC is off during each load
    (a diagnostic: what load_bank would take if it paused the GC itself)."""
    from drafter.bank.store import load_bank

    times = []
    n = 0
    for _ in range(repeat):
        gc.collect()
        if pause_gc:
            gc.disable()
        try:
            t0 = time.perf_counter()
            bank = load_bank(folder)
            times.append(time.perf_counter() - t0)
        finally:
            gc.enable()
        n = len(bank.phrases)
        del bank
    return times, n


def time_command(cmd: list[str], repeat: int = 5) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return times


# --- the index: a big bank against the seeds' bank -------------------------------

SCALE_TARGET = 1.5
SEARCH_QUERIES = ("产业", "高质量发展", "贡献力量")
RETRIEVALS = 48  # about what the composer asks for one draft
REPEAT = 9
_RETRIEVE_CHILD = """
import json, sys
from drafter.bank.index import BankIndex
queries = json.loads(sys.argv[2])
idx = BankIndex.open(sys.argv[1])
kinds = ("opening", "lead", "parallel", "heading", "transition", "pledge", "closing", "lead")
n = 0
for i, q in enumerate(queries):
    n += len(idx.retrieve(kinds[i % len(kinds)], q, limit=20, exclude=()))
print(n)
"""


def retrieval_queries(count: int = RETRIEVALS) -> list[str]:
    """Headings, titles and first sentences of the seed speeches, as a composer would query."""
    from drafter.text.speech import parse_file, split_sentences

    out: list[str] = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        for speech in parse_file(p):
            for b in speech.blocks:
                if b.kind in ("title", "heading"):
                    out.append(b.body or b.text)
                elif b.kind == "paragraph" and b.text:
                    out.append(split_sentences(b.text)[0][:40])
    return (out * (count // max(1, len(out)) + 1))[:count]


def compare_scale(n: int, seed: int, keep: Path | None = None) -> dict:
    """Commands on a bank of ``n`` phrases against the same on the seeds' bank."""
    queries = json.dumps(retrieval_queries(), ensure_ascii=False)
    with tempfile.TemporaryDirectory(prefix="drafter-scale-") as tmp:
        big = keep or Path(tmp) / "big"
        small = Path(tmp) / "seeds"
        subprocess.run([sys.executable, __file__, "--generate", str(big), "--phrases", str(n),
                        "--seed", str(seed)], check=True)
        subprocess.run([sys.executable, "-m", "drafter", "mine", str(ROOT / "seeds"), "-o", str(small),
                        "--jobs", "1"], check=True, stdout=subprocess.DEVNULL)
        sizes = {}
        for name, folder in (("big", big), ("seeds", small)):
            sizes[name] = {"phrases": json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["phrases"],
                           "index_mb": (folder / "index.sqlite").stat().st_size / 1e6}
        commands = {}
        for name, folder in (("big", big), ("seeds", small)):
            from drafter.bank.index import BankIndex

            with BankIndex.open(folder) as idx:
                pid = idx.select(limit=1)[0].id
            for q in SEARCH_QUERIES:
                commands.setdefault(f"phrases search {q}", {})[name] = [
                    sys.executable, "-m", "drafter", "phrases", "search", q, "--json", "--bank", str(folder)]
            commands.setdefault("phrases show", {})[name] = [
                sys.executable, "-m", "drafter", "phrases", "show", pid, "--json", "--bank", str(folder)]
            commands.setdefault(f"retrieve ×{RETRIEVALS}", {})[name] = [
                sys.executable, "-c", _RETRIEVE_CHILD, str(folder), queries]
        rows = {}
        for label, cmds in commands.items():
            # alternate the two banks, so a busy machine weighs on both alike
            times: dict[str, list[float]] = {"big": [], "seeds": []}
            for _ in range(REPEAT):
                for name in ("big", "seeds"):
                    times[name] += time_command(cmds[name], repeat=1)
            row = {name: min(t) for name, t in times.items()}
            row["ratio"] = row["big"] / row["seeds"]
            rows[label] = row
    ok = all(r["ratio"] <= SCALE_TARGET for r in rows.values())
    print(f"\nindex: a bank of {n:,} phrases ({sizes['big']['index_mb']:.1f} MB index) "
          f"against the seeds' bank ({sum(sizes['seeds']['phrases'].values())} phrases), best of {REPEAT}:")
    for label, r in rows.items():
        print(f"  {label:<28} {r['big']:.3f} s vs {r['seeds']:.3f} s = {r['ratio']:.2f} × "
              f"(target ≤ {SCALE_TARGET}) {'PASS' if r['ratio'] <= SCALE_TARGET else 'FAIL'}")
    return {"phrases": n, "sizes": sizes, "rows": rows, "pass": ok}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--phrases", type=int, default=100_000, help="bank size (default 100,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="write the bank here and keep it (default: a temp folder)")
    ap.add_argument("--scale", type=int, default=30_000, help="bank size for the index comparison (default 30,000)")
    ap.add_argument("--only-scale", action="store_true", help="run only the index comparison")
    ap.add_argument("--generate", type=Path, help=argparse.SUPPRESS)  # child mode
    args = ap.parse_args(argv)
    if args.generate:
        generate(args.generate, args.phrases, args.seed)
        return 0
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    scale = compare_scale(args.scale, args.seed)
    (out / "bench_bank_scale.json").write_text(json.dumps(scale, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.only_scale:
        return 0 if scale["pass"] else 1

    with tempfile.TemporaryDirectory(prefix="drafter-bank-") as tmp:
        folder = args.keep or Path(tmp) / "bank"
        subprocess.run([sys.executable, __file__, "--generate", str(folder),
                        "--phrases", str(args.phrases), "--seed", str(args.seed)], check=True)

        loads, n = time_load(folder)
        loads_nogc, _ = time_load(folder, pause_gc=True)
        stats_cmd = [sys.executable, "-m", "drafter", "phrases", "stats", "--bank", str(folder), "--json"]
        whole = time_command(stats_cmd)
        startup = time_command([sys.executable, "-m", "drafter", "--version"])

    best = min(loads)
    print(f"load_bank({n:,} phrases), in process: best {best:.3f} s "
          f"(all: {', '.join(f'{t:.3f}' for t in loads)}) — target < {TARGET_S} s "
          f"{'PASS' if best < TARGET_S else 'FAIL'}")
    print(f"  diagnostic: the same with the cyclic GC paused during the load: best {min(loads_nogc):.3f} s")
    print(f"`python -m drafter phrases stats --bank FOLDER --json`: best {min(whole):.3f} s "
          f"(all: {', '.join(f'{t:.2f}' for t in whole)}); "
          f"`python -m drafter --version`: best {min(startup):.3f} s")
    (out / "bench_bank.json").write_text(json.dumps({
        "phrases": n, "load_s": loads, "load_gc_paused_s": loads_nogc, "stats_cmd_s": whole, "startup_s": startup,
        "pass": best < TARGET_S,
    }, indent=1) + "\n", encoding="utf-8")
    return 0 if best < TARGET_S and scale["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())

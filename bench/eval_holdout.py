"""Evaluate the miner and the linter on the holdout set (tests/holdout), against its hand
annotations (tests/holdout/expected.json). A measurement, not a target: do not tune the code
to these texts, or the figures stop meaning anything.

    python bench/eval_holdout.py [--holdout tests/holdout] [--json figures.json] [--quiet]

What is measured and how a phrase is matched (``norm`` drops whitespace, zero-width
characters, punctuation and {{slots}}):

- recall per kind: salutation (equal after norm), closing formula and opening (one contains
  the other; an opening must keep 60 % of the expected text), closing exhortation (the final
  让我们…奋斗！ sentence, found as a closing or a pledge), heading sets and parallel sets (same
  number of items, each expected item a prefix of the mined one or the mined one a prefix of
  it of 4+ characters; a set annotated ``alt`` may be found as the other kind), speeches per
  file, titles (equal after norm).
- titles clean: a mined title is clean when it equals an annotated title or an annotated
  subtitle (a ``title_ok`` line starting with ——) after norm; a speaker or date line taken
  as the title, and anything else, is junk.
- pledges and transitions are all listed with a verdict by these rules:
  a phrase carrying a fact (an annotated fact of its file, an arabic digit, a year, a
  Chinese-numeral count with a unit, a numbered meeting, a plan period) is not reusable;
  a pledge must look forward (no 了/已/曾, no thanks, congratulations or tribute) and be a
  whole clause (8+ characters, not opening with an enumeration marker);
  a transition must announce parts or sum up (几点/N点/N个方面/N个问题/下面/以下/总之/综上)
  and carry no decimal (N点N, 百分之); the count of parts it announces (三个方面, 第二项议程)
  is not a fact.
- facts: when bank records carry ``facts``, recall of annotated facts in mined phrases (type
  and text); otherwise the share of mined reusable phrases that carry an annotated fact.
- check: findings per 1,000 characters by severity; every error listed and judged against
  the planted problems (same file and line; a one-line file's problems are all on line 1);
  planted problems found (any finding on their line).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.bank.mine import mine_paths, mine_speech  # noqa: E402
from drafter.check import check_file  # noqa: E402
from drafter.kinds import SET_SEPARATOR  # noqa: E402
from drafter.text.reader import read_lines  # noqa: E402
from drafter.text.slots import MASK  # noqa: E402
from drafter.text.speech import parse_lines  # noqa: E402

_SLOT = re.compile(r"\{\{\w+\}\}")
_ZW = re.compile("[\u200b-\u200f\ufeff\u2060]")


def norm(s: str) -> str:
    s = MASK.sub("", _ZW.sub("", _SLOT.sub("", s)))  # a mask and the slot made of it compare equal
    return "".join(ch for ch in s if ch.isalnum())


def item_match(expected: str, mined: str) -> bool:
    e, m = norm(expected), norm(mined)
    if not e or not m:
        return False
    if m.startswith(e):
        return True
    return e.startswith(m) and len(m) >= min(4, len(e))


def set_match(expected: list[str], mined: list[str]) -> bool:
    return len(expected) == len(mined) and all(item_match(e, m) for e, m in zip(expected, mined, strict=True))


def overlap(expected: list[str], mined: list[str]) -> int:
    return sum(1 for e in expected if any(item_match(e, m) for m in mined))


# --- the rules for reusable pledges and transitions --------------------------

_CN = "零〇一二三四五六七八九十百千万两"
_FACTY = re.compile(
    rf"\d|[{_CN}]{{2,}}年|[{_CN}]+(?:个|项|家|万|亿|名|人|次|届|期|条|座|所|公里|亩)|"
    rf"[{_CN}]+届[{_CN}]+次|十[一二三四五六七八九]五|“十.五”|第[{_CN}\d]+(?:次|届)"
)
_PAST = re.compile(r"了|已|曾|感谢|谢谢|谢意|祝贺|敬意|致敬|问候|缅怀")
_ENUM_START = re.compile(rf"^(?:[{_CN}]是|第[{_CN}]+[，、]|首先|其次|最后)")
_ANNOUNCES = re.compile(r"几点|[两三四五六七八九]点|[几两三四五六七八九]个(?:方面|问题)|下面|以下|总之|综上|总的来说|总而言之")
# The count of parts a transition announces (三个方面, 第二项议程) is its content, not a fact.
_PARTS = re.compile(rf"[几{_CN}]+(?:个方面|个问题|点意见|点)|第[{_CN}]+项议程")
_DECIMAL = re.compile(rf"[{_CN}\d]点[{_CN}\d]|百分之")


def fact_in(text: str, facts: list[dict]) -> str:
    t = norm(text)
    for f in facts:
        if norm(f["text"]) and norm(f["text"]) in t:
            return f"{f['type']}:{f['text']}"
    m = _FACTY.search(text)
    return m.group(0) if m else ""


def judge_pledge(text: str, facts: list[dict]) -> tuple[bool, str]:
    f = fact_in(text, facts)
    if f:
        return False, f"fact {f}"
    if _PAST.search(text):
        return False, "looks back / thanks"
    if len(norm(text)) < 8 or _ENUM_START.match(text):
        return False, "fragment"
    return True, ""


def judge_transition(text: str, facts: list[dict]) -> tuple[bool, str]:
    if _DECIMAL.search(text):
        return False, "decimal"
    f = fact_in(_PARTS.sub("", text), facts)
    if f:
        return False, f"fact {f}"
    if not _ANNOUNCES.search(text):
        return False, "announces nothing"
    return True, ""


# --- reading the holdout --------------------------------------------------


def file_text(path: Path) -> str:
    return "\n".join(t for _, t in read_lines(path))


def raw_chars(path: Path) -> int:
    if path.suffix.lower() == ".docx":
        return sum(len(t) for _, t in read_lines(path))
    data = path.read_bytes()
    try:
        return len(data.decode("utf-8"))
    except UnicodeDecodeError:
        return len(data.decode("gbk"))


class Tally:
    """found/expected per measure, with the misses."""

    def __init__(self) -> None:
        self.n: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.misses: dict[str, list[str]] = defaultdict(list)

    def add(self, kind: str, ok: bool, miss: str = "") -> None:
        self.n[kind] += 1
        if ok:
            self.found[kind] += 1
        elif miss:
            self.misses[kind].append(miss)

    def figure(self, kind: str) -> str:
        n = self.n[kind]
        return f"{self.found[kind]}/{n} = {self.found[kind] / n:.2f}" if n else "–"


def _take(pool: list[str], pred) -> str | None:
    for k, m in enumerate(pool):
        if pred(m):
            return pool.pop(k)
    return None


def evaluate(holdout: Path, quiet: bool = False) -> dict:
    expected = json.loads((holdout / "expected.json").read_text(encoding="utf-8"))["files"]
    t = Tally()
    pledges: list[tuple[str, str, bool, str]] = []
    transitions: list[tuple[str, str, bool, str]] = []
    junk_titles: list[str] = []
    extra_heading_sets: list[str] = []
    extra_parallel_sets: list[str] = []
    fact_hits: Counter[str] = Counter()
    fact_phrases: Counter[str] = Counter()
    fact_examples: dict[str, list[str]] = defaultdict(list)
    findings_all = []
    judged_errors: list[str] = []
    planted_found = planted_total = 0
    planted_missed: list[str] = []
    warnings_by_code: Counter[str] = Counter()
    judged_warnings: list[str] = []
    warning_true: Counter[str] = Counter()
    chars = 0
    titles_mined = titles_clean = 0

    for name, ann in expected.items():
        path = holdout / name
        n_chars = raw_chars(path)
        chars += n_chars
        speeches = parse_lines(read_lines(path), name)
        raws = [r for sp in speeches for r in mine_speech(sp)]
        by: dict[str, list] = defaultdict(list)
        for kind, text, items, _frame, _genre, _doc, line, _lines, *_ in raws:
            by[kind].append((text, list(items), line))
        facts = ann["facts"]

        t.add("speeches per file", len(speeches) == ann["speeches"],
              f"{name}: {len(speeches)} speeches, expected {ann['speeches']}")

        # titles
        ok_titles = {norm(x) for x in ann["titles"] + [y for y in ann["title_ok"] if y.startswith("——")]}
        mined_titles = [x for x, _, _ in by["title"]]
        titles_mined += len(mined_titles)
        for x, _, line in by["title"]:
            if norm(x) in ok_titles:
                titles_clean += 1
            else:
                junk_titles.append(f"{name}:{line}: {x!r}")
        pool = [norm(x) for x in mined_titles]
        for e in ann["titles"]:
            got = _take(pool, lambda m, e=e: m == norm(e))
            t.add("title", got is not None, f"{name}: {e!r} (mined: {mined_titles})")

        # salutations, closings, openings
        pool = [x for x, _, _ in by["salutation"]]
        mined = list(pool)
        for e in ann["salutations"]:
            got = _take(pool, lambda m, e=e: norm(m) == norm(e))
            t.add("salutation", got is not None, f"{name}: {e!r} (mined: {mined})")
        pool = [x for x, _, _ in by["closing"]]
        mined = list(pool)
        for e in ann["closings"]:
            got = _take(pool, lambda m, e=e: bool(norm(m)) and (norm(e) in norm(m) or norm(m) in norm(e)))
            t.add("closing (formula)", got is not None, f"{name}: {e!r} (mined: {mined})")
        ends = [x for x, _, _ in by["closing"] + by["pledge"]]
        for e in ann["exhortations"]:
            ok = any(norm(e) in norm(m) or (norm(m) in norm(e) and len(norm(m)) >= 8) for m in ends)
            t.add("closing (exhortation)", ok, f"{name}: {e!r}")
        pool = [x for x, _, _ in by["opening"]]
        mined = list(pool)
        for e in ann["openings"]:
            ne = norm(e)
            got = _take(pool, lambda m, ne=ne: bool(norm(m)) and (ne in norm(m) or (norm(m) in ne and len(norm(m)) >= 0.6 * len(ne))))
            t.add("opening", got is not None, f"{name}: {e!r} (mined: {mined})")

        # sets
        heads = [items for _, items, _ in by["heading"]]
        pars = [items for _, items, _ in by["parallel"]]
        used_h: set[int] = set()
        used_p: set[int] = set()

        def find(exp: list[str], pools: list[tuple[list, set]]) -> bool:
            for pool_, used in pools:
                for k, m in enumerate(pool_):
                    if k not in used and set_match(exp, m):
                        used.add(k)
                        return True
            return False

        def closest(exp: list[str], pools: list[list]) -> str:
            best = max((m for p in pools for m in p), key=lambda m: overlap(exp, m), default=None)
            if best is None or overlap(exp, best) == 0:
                return "nothing like it"
            return f"closest: {len(best)} items {SET_SEPARATOR.join(best)[:90]!r}"

        for hs in ann["heading_sets"]:
            pools = [(heads, used_h)] + ([(pars, used_p)] if hs.get("alt") else [])
            ok = find(hs["items"], pools)
            t.add("heading set", ok, f"{name}: {hs['items'][0]}… ({len(hs['items'])}) — {closest(hs['items'], [heads, pars])}")
        for ps in ann["parallel_sets"]:
            pools = [(pars, used_p)] + ([(heads, used_h)] if ps.get("alt") else [])
            ok = find(ps["items"], pools)
            kind = "parallel set (一是/第一)" if ps["form"] in ("一是", "第一") else "parallel set (一要/首先)"
            t.add(kind, ok, f"{name}: [{ps['form']}] {ps['items'][0]}… ({len(ps['items'])}) — {closest(ps['items'], [pars, heads])}")
        extra_heading_sets += [f"{name}: {SET_SEPARATOR.join(m)[:100]}" for k, m in enumerate(heads) if k not in used_h]
        extra_parallel_sets += [f"{name}: {SET_SEPARATOR.join(m)[:100]}" for k, m in enumerate(pars) if k not in used_p]

        for x, _, line in by["pledge"]:
            ok, why = judge_pledge(x, facts)
            pledges.append((f"{name}:{line}", x, ok, why))
        for x, _, line in by["transition"]:
            ok, why = judge_transition(x, facts)
            transitions.append((f"{name}:{line}", x, ok, why))

        # facts carried by reusable phrases (everything but titles)
        for kind in ("salutation", "opening", "transition", "heading", "lead", "parallel", "pledge", "closing"):
            for x, _, _ in by[kind]:
                fact_phrases[kind] += 1
                hit = next((f for f in facts if norm(f["text"]) and norm(f["text"]) in norm(x)), None)
                if hit:
                    fact_hits[kind] += 1
                    if len(fact_examples[kind]) < 6:
                        fact_examples[kind].append(f"{name}: [{hit['type']}:{hit['text']}] {x[:70]}")

        # check
        findings = check_file(path)
        findings_all += findings
        planted = ann["problems"]
        for p in planted:
            planted_total += 1
            line = 1 if ann["one_line"] else p["line"]
            if any(f.line == line for f in findings):
                planted_found += 1
            else:
                planted_missed.append(f"{name}:{p['line']}: {p['what']}")
        planted_lines = {1 if ann["one_line"] else p["line"] for p in planted}
        for f in findings:
            true = f.line in planted_lines
            if f.severity == "error":
                judged_errors.append(f"{'TRUE ' if true else 'FALSE?'} {name}:{f.line} {f.code} {f.excerpt[:40]!r} {f.message[:60]}")
            else:
                warnings_by_code[f.code] += 1
                if true or (f.code == "D602" and ann["one_line"]):
                    warning_true[f.code] += 1
                judged_warnings.append(f"{'TRUE ' if true else '…    '} {name}:{f.line} {f.code} {f.excerpt[:40]!r} {f.message[:60]}")

    # facts field in the bank records?
    records, _stats = mine_paths([holdout])
    has_facts = any("facts" in r for r in records)
    fact_recall = None
    if has_facts:
        n = ok = 0
        for r in records:
            if r["kind"] == "title":
                continue
            docs = {s["doc"] for s in r["sources"]}
            for d in docs:
                ann = expected.get(Path(d).name)
                if not ann:
                    continue
                for f in ann["facts"]:
                    if norm(f["text"]) and norm(f["text"]) in norm(r["text"]):
                        n += 1
                        flagged = r.get("facts") or []
                        ok += any(norm(f["text"]) in norm(str(g.get("text", ""))) for g in flagged)
        fact_recall = (ok, n)

    sev = Counter(f.severity for f in findings_all)
    figures = {
        "files": len(expected), "characters": chars,
        "recall": {k: [t.found[k], t.n[k]] for k in t.n},
        "titles_clean": [titles_clean, titles_mined],
        "pledges_reusable": [sum(1 for p in pledges if p[2]), len(pledges)],
        "transitions_reusable": [sum(1 for p in transitions if p[2]), len(transitions)],
        "facts_field": has_facts,
        "fact_recall": list(fact_recall) if fact_recall else None,
        "phrases_with_annotated_fact": {k: [fact_hits[k], fact_phrases[k]] for k in fact_phrases},
        "check": {
            "errors": sev["error"], "warnings": sev["warning"],
            "errors_per_1000": round(sev["error"] * 1000 / chars, 3),
            "warnings_per_1000": round(sev["warning"] * 1000 / chars, 3),
            "errors_on_planted_lines": sum(1 for e in judged_errors if e.startswith("TRUE")),
            "warnings_by_code": dict(sorted(warnings_by_code.items())),
            "warnings_true_by_code": dict(sorted(warning_true.items())),
            "planted_found": [planted_found, planted_total],
        },
    }
    if quiet:
        return figures

    out = print
    out(f"holdout: {len(expected)} files, {chars:,} characters\n")
    out("== recall ==")
    for k in sorted(t.n):
        out(f"  {k:28} {t.figure(k)}")
    out(f"  {'titles clean (of mined)':28} {titles_clean}/{titles_mined}")
    p_ok = figures["pledges_reusable"]
    tr_ok = figures["transitions_reusable"]
    out(f"  {'pledges reusable':28} {p_ok[0]}/{p_ok[1]}")
    out(f"  {'transitions reusable':28} {tr_ok[0]}/{tr_ok[1]}")
    if fact_recall:
        out(f"  {'facts flagged':28} {fact_recall[0]}/{fact_recall[1]}")
    else:
        out("  facts flagged                 – (bank records have no `facts` field yet)")
    out("  phrases carrying an annotated fact, by kind:")
    for k in sorted(fact_phrases):
        out(f"    {k:12} {fact_hits[k]}/{fact_phrases[k]}")
    c = figures["check"]
    out("\n== check ==")
    out(f"  errors {c['errors']} ({c['errors_per_1000']}/1000 chars), of which on planted lines {c['errors_on_planted_lines']}")
    out(f"  warnings {c['warnings']} ({c['warnings_per_1000']}/1000 chars); by code: {c['warnings_by_code']}")
    out(f"  warnings on planted lines (or D602 on one-line files): {c['warnings_true_by_code']}")
    out(f"  planted problems found: {planted_found}/{planted_total}")

    out("\n== misses ==")
    for k in sorted(t.misses):
        out(f"-- {k} ({len(t.misses[k])})")
        for m in t.misses[k]:
            out(f"   {m}")
    out(f"\n-- junk titles ({len(junk_titles)})")
    for m in junk_titles:
        out(f"   {m}")
    out(f"\n-- mined heading sets matching no annotated set ({len(extra_heading_sets)})")
    for m in extra_heading_sets:
        out(f"   {m}")
    out(f"\n-- mined parallel sets matching no annotated set ({len(extra_parallel_sets)})")
    for m in extra_parallel_sets:
        out(f"   {m}")
    out("\n-- pledges (✓ reusable / ✗ why not)")
    for where, x, ok, why in pledges:
        out(f"   {'✓' if ok else '✗'} {where}: {x}{'' if ok else '  — ' + why}")
    out("\n-- transitions")
    for where, x, ok, why in transitions:
        out(f"   {'✓' if ok else '✗'} {where}: {x}{'' if ok else '  — ' + why}")
    out("\n-- phrases carrying facts (examples)")
    for k in sorted(fact_examples):
        for m in fact_examples[k]:
            out(f"   {k}: {m}")
    out("\n-- check errors (TRUE: on a planted line; FALSE?: judge against expected.json)")
    for e in judged_errors:
        out(f"   {e}")
    out("\n-- check warnings (TRUE: on a planted line; …: judge by hand)")
    for e in judged_warnings:
        out(f"   {e}")
    out("\n-- planted problems not found")
    for m in planted_missed:
        out(f"   {m}")
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--holdout", type=Path, default=ROOT / "tests" / "holdout")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    a = ap.parse_args()
    figures = evaluate(a.holdout, quiet=a.quiet)
    if a.quiet:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    if a.json:
        a.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

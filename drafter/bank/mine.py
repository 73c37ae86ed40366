"""Mining: speeches → phrases by rhetorical move, each with its provenance.

Kinds: title, salutation, opening, transition, heading (a set of sibling
headings), lead (the sentence opening a section, right after its heading), parallel (a 一是…二是… or 第一，…第二，… set inside a paragraph),
pledge (为…贡献…力量 style commitments), closing.

``mine_paths`` is the entry point; ``mine_speech`` mines one parsed speech.
Files are read and mined one at a time (optionally in worker processes), so
memory does not grow with the corpus, only with the number of distinct phrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from drafter.bank.facts import annotate
from drafter.bank.facts import prepare as prepare_jieba
from drafter.bank.frames import frame_of
from drafter.bank.meta import speech_meta
from drafter.errors import DrafterError
from drafter.kinds import SET_SEPARATOR
from drafter.text.reader import SourceFile, iter_corpus, read_lines
from drafter.text.slots import slotify
from drafter.text.speech import CN_DIGITS, Speech, cn_number, parse_lines, split_sentences

# One occurrence of a phrase: (kind, text, items, frame, genre, doc, line, lines,
# context, level, year, terms, facts). ``context`` is the heading of the section it
# stood under; ``level`` and ``year`` are the speech's; ``terms`` and ``facts`` (as
# (type, text) pairs) come from one jieba tokenisation of the text, in the worker.
Raw = tuple[
    str, str, tuple[str, ...], str | None, str, str, int, tuple[int, ...],
    str, str, "int | None", tuple[str, ...], tuple[tuple[str, str], ...],
]

_OPENING = re.compile(
    r"(?:根据|按照|遵照).{0,12}(?:安排|要求|部署)|现将.{0,40}(?:汇报|报告|发言|交流)|"
    r"(?:汇报|报告)如下|作如下.{0,10}(?:发言|汇报|交流)|受.{0,20}委托"
)
_TRANSITION = re.compile(r"^(?:下面|以下|接下来|下一步|总之|总的来看|总而言之|可以说|综上)")
# A sentence announcing the parts that follow (…主要有三个方面感受。 / 谈几点体会：).
_ANNOUNCE = re.compile(r"(?:几点|[两三四五六七八九]个方面|[两三四五六七八九]点)[^，。]{0,8}[。：]?$")
_PLEDGE = re.compile(r"贡献.{0,8}力量|作出.{0,8}贡献|添砖加瓦|展现更大作为|交出.{0,10}答卷|贡献.{0,4}智慧")
_ENUM_CN = re.compile(rf"(?:^|(?<=[。；：，！？\s]))([{CN_DIGITS}]{{1,2}})是")
_ENUM_ORD = re.compile(rf"(?:^|(?<=[。；：！？\s]))第([{CN_DIGITS}]{{1,2}})[，、]")
_LEAD_MAX = 30


@dataclass
class MineStats:
    """What a mining run read, skipped and found."""

    files: int = 0
    speeches: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _strip_end(s: str) -> str:
    return s.rstrip("，、；：,; ")


def _lead(item: str) -> str:
    """The lead of an enumerated item: its first sentence, or first clause when long."""
    first = split_sentences(item, "。；！？")[0] if item else ""
    first = first.rstrip("。；！？")
    if len(first) > _LEAD_MAX:
        clauses = split_sentences(first, "，")
        first = clauses[0].rstrip("，")
    return _strip_end(first)


def enumerations(text: str) -> list[list[str]]:
    """The 一是…二是… and 第一，…第二，… runs in a paragraph, as lists of item texts.

    >>> enumerations("要抓好三件事。一是抓项目，多引进。二是抓园区。三是抓人才。")
    [['抓项目，多引进。', '抓园区。', '抓人才。']]
    """
    runs: list[list[str]] = []
    for rx in (_ENUM_CN, _ENUM_ORD):
        marks = [(m.start(), m.end(), cn_number(m.group(1))) for m in rx.finditer(text)]
        k = 0
        while k < len(marks):
            if marks[k][2] != 1:
                k += 1
                continue
            run = [marks[k]]
            j = k + 1
            while j < len(marks) and marks[j][2] == run[-1][2] + 1:
                run.append(marks[j])
                j += 1
            if len(run) >= 2:
                items = []
                for idx, (_, end, _) in enumerate(run):
                    stop = run[idx + 1][0] if idx + 1 < len(run) else len(text)
                    items.append(text[end:stop].strip())
                runs.append(items)
            k = j
    return runs


def _clause_at(sentence: str, at: int) -> str:
    """The clause of a sentence holding position ``at`` (with the one before when short)."""
    if len(sentence) <= 40:
        return _strip_end(sentence)
    clauses = split_sentences(sentence, "，；")
    pos = 0
    for idx, clause in enumerate(clauses):
        if pos <= at < pos + len(clause):
            text = clause
            if len(_strip_end(text)) < 10 and idx > 0:
                text = clauses[idx - 1] + text
            return _strip_end(text.strip())
        pos += len(clause)
    return _strip_end(sentence)


def mine_speech(speech: Speech) -> list[Raw]:
    """Mine one parsed speech into raw phrase records."""
    doc, genre = speech.doc, speech.genre
    level, year = speech_meta(speech)
    out: list[Raw] = []
    context_at = _contexts(speech)

    def add(kind: str, text: str, line: int, items: tuple[str, ...] = (), frame: str | None = None,
            lines: tuple[int, ...] = ()) -> None:
        if text:
            # a title, salutation or closing belongs to the speech, not to a section
            context = "" if kind in ("title", "salutation", "closing") else context_at(line, kind == "heading")
            out.append((kind, text, items, frame, genre, doc, line, lines, context, level, year, (), ()))

    for b in speech.blocks:
        if b.kind in ("title", "salutation", "closing"):
            add(b.kind, slotify(b.text), b.line)

    # headings: sets of siblings
    for group in speech.heading_groups():
        if len(group) < 2:
            continue
        items = tuple(slotify(h.body) for h in group)
        add("heading", SET_SEPARATOR.join(items), group[0].line, items, frame_of(items),
            tuple(h.line for h in group))

    # leads: the first sentence under a level-1 heading, when it is not an enumeration
    for prev, b in zip(speech.blocks, speech.blocks[1:], strict=False):
        if prev.kind == "heading" and prev.level == 1 and b.kind == "paragraph":
            first = split_sentences(b.text)[0].strip() if b.text else ""
            if 8 <= len(first) <= 60 and not enumerations(first) and not _ENUM_CN.match(first):
                add("lead", slotify(first), b.line)

    first_heading = next((i for i, b in enumerate(speech.blocks) if b.kind == "heading"), len(speech.blocks))
    for i, b in enumerate(speech.blocks):
        if b.kind != "paragraph":
            continue
        before_body = i < first_heading
        for sentence in split_sentences(b.text, "。！？："):
            s = sentence.strip()
            announce = _ANNOUNCE.search(s)
            if announce:
                add("transition", slotify(_clause_at(s, announce.start())), b.line)
            elif before_body and _OPENING.search(s) and len(s) <= 80:
                add("opening", slotify(s), b.line)
            elif len(s) <= 60 and _TRANSITION.search(s):
                add("transition", slotify(s), b.line)
            clause = _clause_at(s, m.start()) if (m := _PLEDGE.search(s)) else None
            if clause:
                add("pledge", slotify(clause), b.line)
        for run in enumerations(b.text):
            items = tuple(slotify(_lead(it)) for it in run)
            if all(items):
                add("parallel", SET_SEPARATOR.join(items), b.line, items, frame_of(items))
    return out


def mine_file(source: SourceFile) -> tuple[str, list[Raw] | None, int, str]:
    """Read, parse and mine one file: (doc, raws or None when unreadable, speeches, reason)."""
    try:
        speeches = parse_lines(read_lines(source.path), source.doc)
    except DrafterError as e:
        reason = getattr(e, "reason", str(e))
        return source.doc, None, 0, reason
    raws: list[Raw] = []
    for sp in speeches:
        raws.extend(mine_speech(sp))
    return source.doc, [_annotated(r) for r in raws], len(speeches), ""


def _annotated(raw: Raw) -> Raw:
    """The raw record with its terms and facts (one jieba pass per distinct text per worker)."""
    terms, facts = annotate(raw[1])
    return (*raw[:11], terms, facts)


def _contexts(speech: Speech) -> Callable[[int, bool], str]:
    """``context_at(line, is_heading)``: the body of the heading a line stands under.

    For a heading set, the heading above the set (the set's own first item is
    at ``line``); for anything else the nearest heading at or before ``line``.
    """
    import bisect

    heads = [(b.line, b.level, slotify(b.body or b.text)) for b in speech.blocks if b.kind == "heading"]
    lines = [h[0] for h in heads]

    def context_at(line: int, is_heading: bool) -> str:
        if is_heading:
            i = bisect.bisect_left(lines, line)
            own = heads[i][1] if i < len(heads) and heads[i][0] == line else 0
            for j in range(i - 1, -1, -1):
                if heads[j][1] < own:
                    return _strip_end(heads[j][2])
            return ""
        i = bisect.bisect_right(lines, line)
        return _strip_end(heads[i - 1][2]) if i else ""

    return context_at


def _mapped(sources: list[SourceFile], jobs: int) -> Iterator[tuple[str, list[Raw] | None, int, str]]:
    if jobs <= 1 or len(sources) < 2:
        for s in sources:
            yield mine_file(s)
        return
    import multiprocessing

    chunk = max(1, min(16, len(sources) // (jobs * 8)))
    # Ctrl-C is the parent's to handle (it keeps the old bank and says so); workers stay quiet.
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_sigint) as pool:
        yield from pool.imap(mine_file, sources, chunksize=chunk)


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def mine_paths(
    paths: Iterable[Path | str],
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[dict], MineStats]:
    """Mine a corpus into phrase records (dicts ready for ``bank.Bank``).

    Raises CorpusError when a path does not exist or holds no speech file;
    unreadable files are skipped and listed in ``MineStats.skipped``.
    """
    sources = list(iter_corpus(paths))
    stats = MineStats()
    merged: dict[tuple[str, str], dict] = {}
    if sources:
        prepare_jieba()  # once, before the workers fork: they share the dictionary
    for done, (doc, raws, n_speeches, reason) in enumerate(_mapped(sources, jobs), 1):
        if progress:
            progress(done, len(sources))
        if raws is None:
            stats.skipped.append((doc, reason))
            continue
        stats.files += 1
        stats.speeches += n_speeches
        for kind, text, items, frame, genre, rdoc, line, lines, context, level, year, terms, facts in raws:
            rec = merged.get((kind, text))
            if rec is None:
                rec = merged[(kind, text)] = {
                    "kind": kind, "text": text, "items": list(items), "frame": frame,
                    "genres": {}, "levels": {}, "year": None, "context": context,
                    "terms": list(terms), "facts": [{"type": t, "text": x} for t, x in facts],
                    "sources": [], "count": 0,
                }
            elif not rec["context"] and context:
                rec["context"] = context
            rec["count"] += 1
            rec["genres"][genre] = rec["genres"].get(genre, 0) + 1
            rec["levels"][level] = rec["levels"].get(level, 0) + 1
            if year is not None and (rec["year"] is None or year > rec["year"]):
                rec["year"] = year
            src: dict = {"doc": rdoc, "line": line}
            if len(lines) > 1:
                src["lines"] = list(lines)
            rec["sources"].append(src)
    return list(merged.values()), stats

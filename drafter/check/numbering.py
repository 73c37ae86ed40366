"""D201-D204: heading numbers and 一是/二是 enumerations.

The rules read their own view of the headings (``outline``), robust to what
real published speeches do and to how the speech model classifies them:

- 第一，/第二， inside 一、二、 chapters is the level below 一、, not a second
  top-level style; 第N， continuing a 一、 set without its own 第一， is a
  mixed style (D202).
- a set that restarts at 1 is a new set (two parts of a speech, a new list);
- ``20.2026年…`` is item 20 of a 1. 2. list, not a paragraph;
- a byline or dateline glued before 第一， (``新华社北京3月5日电 第一，…``) does not hide it;
- 首先/其次 stand for items 1 and 2 of a 第一，第二，… run;
- ``一、二季度`` and ``一、二、三产业`` are not headings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from drafter.check.base import Context, Hit, excerpt, quoted
from drafter.text.speech import (
    CN_DIGITS,
    Speech,
    cn_number,
    cn_numeral,
    format_number,
    match_heading,
    split_sentences,
)


class Head(NamedTuple):
    """A heading as the numbering rules see it."""

    line: int
    text: str
    level: int  # 2 一、, 3 第一， under 一、 (else 2), 4 （一）, 6 1., 8 （1）
    style: str
    number: int
    marker: str


_NOT_A_HEADING = re.compile(rf"^[{CN_DIGITS}]、(?:[{CN_DIGITS}]、)*[{CN_DIGITS}](?:季度|产业|线|类|级|年级|等奖|批|期|档)")
_DATED_ITEM = re.compile(r"^(\d{1,2})[.．](?=(?:19|20)\d\d年)")  # 20.2026年…
_BYLINE = re.compile(
    r"^(?:[（(][^（）()]{0,30}?(?:记者|通讯员|摄)[^（）()]{0,20}[）)]|\S{0,20}?(?:电|讯)\s*|(?:本报|记者)\S{0,20}\s+)"
    rf"\s*(?=第[{CN_DIGITS}]{{1,2}}[，、：])"
)
_LEVELS = {"一、": 2, "第一，": 2, "（一）": 4, "1.": 6, "（1）": 8}
_CONTINUED = ("1.", "（1）")  # arabic lists often run on across chapters: 18. 19. 20.
_ORDER_WORDS_AT_START = re.compile(r"^(首先|其次)[，,、：]")


def _marker_of(text: str, rest: str) -> str:
    return text[: len(text) - len(rest)].strip()


def outline(speech: Speech) -> list[Head]:
    """The speech's headings, levels adjusted: see the module docstring."""
    raw: list[Head] = []
    for b in speech.blocks:
        if b.kind == "heading":
            if b.style == "一、" and _NOT_A_HEADING.match(b.text):
                continue
            found = match_heading(b.text)
            marker = _marker_of(b.text, found[3]) if found else b.text[: len(b.text) - len(b.body)]
            level = _LEVELS.get(b.style, b.level * 2)  # by style: the model may nest differently
            raw.append(Head(b.line, b.text, level, b.style, b.number, marker))
        elif b.kind == "paragraph" and not b.runin:
            m = _DATED_ITEM.match(b.text)
            if m:
                raw.append(Head(b.line, b.text, 6, "1.", int(m.group(1)), m.group()))
                continue
            m = _BYLINE.match(b.text)
            if m:
                rest = b.text[m.end() :]
                found = match_heading(rest)
                if found and found[0] == "第一，":
                    marker = _marker_of(rest, found[3])
                    first = split_sentences(found[3])
                    raw.append(Head(b.line, marker + (first[0] if first else found[3]), 2, "第一，", found[2], marker))
                    continue
            m = _ORDER_WORDS_AT_START.match(b.text)
            if m:
                raw.append(Head(b.line, b.text, 2, "首先", _ORDER_WORDS[m.group(1)], m.group(1)))
    # 第一，… runs: below the 一、 or （一） they stand under; a run keeps the level it began at
    out: list[Head] = []
    parent_level: int | None = None  # level of the last 一、/（一） heading
    run_level: int | None = None  # level of the 第一， run being read
    for h in raw:
        if h.style in ("一、", "（一）"):
            if run_level is not None and h.level <= run_level:
                run_level = None  # a new chapter or section: the run is over
            parent_level = h.level
            out.append(h)
        elif h.style in ("第一，", "首先"):
            if h.number == 1 and run_level is None:
                run_level = parent_level + 1 if parent_level is not None else 2
            if run_level is not None:
                out.append(h._replace(level=run_level))
            elif h.style == "第一，":
                out.append(h)  # 一、 二、 第三，: continues the 一、 set in another style (D202)
        else:
            out.append(h)
    return _order_words(out)


def _order_words(heads: list[Head]) -> list[Head]:
    """首先/其次 count as items 1 and 2 only when the run goes on in 第N， (首先… 其次… 第三，…)."""
    keep: list[Head] = []
    nxt: Head | None = None
    for h in reversed(heads):
        if h.style == "首先":
            if nxt is None or nxt.number != h.number + 1 or nxt.style not in ("首先", "第一，"):
                continue
        keep.append(h)
        nxt = h
    return keep[::-1]


def heading_sets(heads: list[Head]) -> list[list[Head]]:
    """Sibling headings: one level under one parent; a restart at 1 begins a new set."""
    sets: list[list[Head]] = []
    open_sets: dict[tuple[int, int], list[Head]] = {}
    current: dict[int, int] = {}  # level -> index of the current heading of that level
    for i, h in enumerate(heads):
        parent = max((current[lv] for lv in current if lv < h.level), default=-1)
        key = (h.level, parent)
        group = open_sets.get(key)
        if group is None or (h.number == 1 and group):
            group = open_sets[key] = []
            sets.append(group)
        group.append(h)
        current[h.level] = i
        for lv in [lv for lv in current if lv > h.level]:
            del current[lv]
    return sets


def _shape(h: Head) -> str:
    if h.style == "首先":
        return "第N，"
    return re.sub(rf"[{CN_DIGITS}]+|\d+", "N", h.marker).replace(" ", "")


def numbering(ctx: Context) -> Iterator[Hit]:
    """D201 heading sequence, D202 mixed styles, D204 （一） before any 一、."""
    heads = outline(ctx.speech)
    for group in heading_sets(heads):
        shapes = [_shape(h) for h in group]
        common = Counter(shapes).most_common()
        usual = common[0][0] if len(common) == 1 or common[0][1] > common[1][1] else shapes[0]
        example = group[shapes.index(usual)].marker
        for h, sh in zip(group, shapes, strict=True):
            if sh != usual and h.style != "首先":
                yield Hit(
                    "D202", h.line, excerpt(h.text, 0, len(h.marker), 10),
                    f"同级标题编号样式不一致：这里用“{h.marker}”，其他同级标题用“{example}”，请统一",
                )
        expected, prev = group[0].number if group[0].style in _CONTINUED else 1, ""
        for h in group:
            if h.number != expected:
                style = "第一，" if h.style == "首先" else h.style
                want = format_number(style, expected) if style in ("一、", "第一，", "（一）", "1.", "（1）") else str(expected)
                why = f"上一条是“{prev}”" if prev else "这是本级第一条"
                what = "重复" if h.number == expected - 1 else "不连续"
                yield Hit(
                    "D201", h.line, excerpt(h.text, 0, len(h.marker), 10),
                    f"标题编号{what}：{why}，这里应为“{want}”；请改正编号或补上漏掉的标题",
                )
            expected, prev = h.number + 1, h.marker
    tops = [h for h in heads if h.style == "一、"]
    if len(tops) >= 2:  # a real 一、二、 set; a speech whose top level is （一） is fine
        first_top = heads.index(tops[0])
        orphan = next((h for h in heads[:first_top] if h.style == "（一）"), None)
        if orphan is not None:
            yield Hit(
                "D204", orphan.line, excerpt(orphan.text, 0, len(orphan.marker), 10),
                f"二级标题“{orphan.marker}”出现在第一个一级标题“{tops[0].marker}”之前，请在前面补上一级标题，或把它改为一级标题",
            )


# --- D203 enumerations inside paragraphs ------------------------------------------

_ENUM_SHI = re.compile(rf"(?:^|(?<=[。；：，！？、”）\s]))([{CN_DIGITS}]{{1,2}})是(?![否非])")
_ENUM_ORD = re.compile(rf"(?:^|(?<=[。；：！？”）\s]))(?:第([{CN_DIGITS}]{{1,2}})[，、]|(首先|其次)[，、])")
_ORDER_WORDS = {"首先": 1, "其次": 2}


def enumerations(ctx: Context) -> Iterator[Hit]:
    """D203: 一是/二是 (or 第一，/第二，, with 首先/其次) inside paragraphs that skip, repeat or go back."""
    for rx, fmt in ((_ENUM_SHI, "{}是"), (_ENUM_ORD, "第{}，")):
        last = 0
        for b in ctx.speech.blocks:
            if b.kind == "heading":
                last = 0  # every section starts its own enumerations
                continue
            if b.kind != "paragraph":
                continue
            text = b.text
            m0 = _BYLINE.match(text)
            offset = m0.end() if m0 else 0
            inq = quoted(text)
            for m in rx.finditer(text, offset):
                if inq[m.start()]:
                    continue
                word = m.group(2) if rx is _ENUM_ORD else None
                if word:
                    n = _ORDER_WORDS[word]
                    if n == 1 or last == 1:
                        last = n
                    continue  # 其次 without 首先 is ordinary prose
                n = cn_number(m.group(1))
                if n == 0:
                    continue
                if n == 1 or n == last + 1:
                    last = n
                    continue
                mark = fmt.format(m.group(1))
                if last == 0:
                    msg = f"“{mark}”前面没有“{fmt.format('一')}”，请补上前面的项，或改正序号"
                elif n == last:
                    msg = f"“{mark}”重复出现，请把序号改为“{fmt.format(_cn(last + 1))}”"
                else:
                    msg = (f"“{mark}”接在“{fmt.format(_cn(last))}”之后，应为“{fmt.format(_cn(last + 1))}”，"
                           "请检查是否漏项或序号有误")
                yield Hit("D203", b.line, excerpt(text, m.start(), m.end()), msg)
                last = n


def _cn(n: int) -> str:
    return cn_numeral(n) if 0 < n < 100 else str(n)

"""Frames: the wording sibling items share, with numbered holes for the rest.

>>> frame_of(["在“构建新的增长引擎”上下功夫见成效", "在“巩固优势产业领先地位”上下功夫见成效"])
'在“{{1}}”上下功夫见成效'
>>> frame_of(["以产业规划为引导，加力推动项目建设", "以工业快速增长为目标，加力推动运行保障"])
'以{{1}}为{{2}}，加力推动{{3}}'
>>> frame_of(["抓好项目招引", "加快项目建设", "优化现有项目"]) is None
True
>>> frame_of(["深刻理解产业体系重大意义，做到知责于心", "准确把握产业体系重点领域，做到担责于身"], words=True)
'{{1}}产业体系{{2}}，做到{{3}}'
>>> frame_of(["2019年以来的工作回顾", "2018年以来的工作回顾"], words=True)
'{{1}}年以来的工作回顾'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from drafter.text.slots import SLOT

HOLE = None
_TOKEN = re.compile(r"\{\{\w+\}\}|.", re.S)
_PUNCT = set("，、；：。！？“”‘’《》（）—…")
# Single characters that carry a frame on their own (以…为…, 在…上, 把…作为…).
_PARTICLES = set("以为在把将对于向从与和及让使用作上下中是")
FRAME_HOLE = re.compile(r"\{\{(\d+)\}\}")


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _align(frame: list[str | None], item: list[str]) -> list[str | None]:
    """LCS of a frame (literals and holes) with an item; unmatched parts become holes."""
    n, m = len(frame), len(item)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = dp[i], dp[i + 1]
        fi = frame[i]
        for j in range(m - 1, -1, -1):
            if fi is not None and fi == item[j]:
                row[j] = below[j + 1] + 1
            else:
                row[j] = below[j] if below[j] >= row[j + 1] else row[j + 1]
    out: list[str | None] = []
    i = j = 0
    gap = False
    while i < n and j < m:
        if frame[i] is not None and frame[i] == item[j]:
            if gap and (not out or out[-1] is not HOLE):
                out.append(HOLE)
            gap = False
            out.append(frame[i])
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
            gap = True
        else:
            j += 1
            gap = True
    if (i < n or j < m) and (not out or out[-1] is not HOLE):
        out.append(HOLE)
    elif gap and (not out or out[-1] is not HOLE):
        out.append(HOLE)
    return out


def _clean(frame: list[str | None]) -> list[str | None]:
    """Drop stray one-character matches that are not punctuation or particles."""
    out: list[str | None] = []
    k = 0
    while k < len(frame):
        if frame[k] is HOLE:
            if not out or out[-1] is not HOLE:
                out.append(HOLE)
            k += 1
            continue
        run_end = k
        while run_end < len(frame) and frame[run_end] is not HOLE:
            run_end += 1
        run = frame[k:run_end]
        inner = 0 < k and run_end < len(frame)
        if len(run) == 1 and inner and run[0] not in _PUNCT and run[0] not in _PARTICLES:
            if not out or out[-1] is not HOLE:
                out.append(HOLE)
        else:
            out.extend(run)
        k = run_end
    return out


def _render(frame: list[str | None]) -> str:
    parts: list[str] = []
    n = 0
    for tok in frame:
        if tok is HOLE:
            n += 1
            parts.append(f"{{{{{n}}}}}")
        else:
            parts.append(tok)
    return "".join(parts)


def frame_pattern(frame: str) -> re.Pattern[str]:
    """Regex with one group per hole; slots in the frame match any text."""
    out = []
    for i, part in enumerate(FRAME_HOLE.split(frame)):
        if i % 2:
            out.append("(.+?)")
        else:
            out.append(SLOT.sub(".+?", re.escape(part).replace(r"\{\{", "{{").replace(r"\}\}", "}}")))
    return re.compile("^" + "".join(out) + "$")


def _runs(frame: list[str | None]) -> list[list[str] | None]:
    """A frame as literal runs (lists of tokens) and holes (None)."""
    out: list[list[str] | None] = []
    for tok in frame:
        if tok is HOLE:
            if not out or out[-1] is not None:
                out.append(None)
        elif out and out[-1] is not None:
            out[-1].append(tok)  # type: ignore[union-attr]
        else:
            out.append([tok])
    return out


def _flatten(runs: list[list[str] | None]) -> list[str | None]:
    out: list[str | None] = []
    for r in runs:
        if r is None:
            if not out or out[-1] is not HOLE:
                out.append(HOLE)
        elif r:
            out.extend(r)
    return out


def _boundaries(item: str) -> set[int]:
    """Offsets in ``item`` where a word starts or ends (jieba, loaded on first use)."""
    from drafter.bank.words import cut

    out = {0}
    pos = 0
    for word in cut(item):
        pos += len(word)
        out.add(pos)
    return out


def _word_align(frame: list[str | None], items: tuple[str, ...]) -> list[str | None] | None:
    """Move each hole's edges out to word boundaries in every item, so that no literal part
    cuts a word (重大意义 / 重点领域 never give 重{{2}}). None when the items no longer fit."""
    bounds = [_boundaries(i) for i in items]
    for _ in range(8):
        runs = _runs(frame)
        rx = frame_pattern(_render(frame))
        trims = [[0, 0] for _ in runs]  # chars to drop from the [start, end] of each literal run
        for item, bd in zip(items, bounds, strict=True):
            m = rx.match(item)
            if m is None:
                return None
            hole = 0
            for k, r in enumerate(runs):
                if r is not None:
                    continue
                hole += 1
                s, e = m.span(hole)
                if s not in bd and k > 0:
                    trims[k - 1][1] = max(trims[k - 1][1], s - max(b for b in bd if b <= s))
                if e not in bd and k + 1 < len(runs):
                    trims[k + 1][0] = max(trims[k + 1][0], min(b for b in bd if b >= e) - e)
        if not any(a or b for a, b in trims):
            return frame
        new: list[list[str] | None] = []
        for r, (left, right) in zip(runs, trims, strict=True):
            if r is None:
                new.append(None)
                continue
            toks = list(r)
            while left > 0 and toks:
                left -= len(toks.pop(0))
            while right > 0 and toks:
                right -= len(toks.pop())
            new.append(toks if toks else None)
        frame = _flatten(new)
    return frame


_DIGIT_OR_LATIN = re.compile(r"[0-9A-Za-z０-９%.．]")


def _meaningful(frame: list[str | None], words: bool) -> bool:
    """The fixed part carries meaning: content characters beyond particles and digits
    (no 201{{1}} from years), and with ``words`` a word of two characters or more."""
    literal = [t for t in frame if t is not HOLE and not SLOT.fullmatch(t)]
    content = [t for t in literal if t not in _PUNCT and t not in _PARTICLES and not _DIGIT_OR_LATIN.fullmatch(t)]
    if len(content) < 2:
        return False
    if not words:
        return True
    from drafter.bank.words import cut

    for r in _runs(frame):
        if r is None:
            continue
        text = "".join(t for t in r if not SLOT.fullmatch(t))
        for w in cut(text):
            if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w) and not all(c in _PARTICLES for c in w):
                return True
    return False


@lru_cache(maxsize=4096)
def _frame_cached(items: tuple[str, ...], words: bool) -> str | None:
    frame: list[str | None] = list(_tokens(items[0]))
    for item in items[1:]:
        frame = _align(frame, _tokens(item))
    frame = _clean(frame)
    if HOLE not in frame:
        return None
    if not all(frame_pattern(_render(frame)).match(i) for i in items):
        return None
    if words:
        aligned = _word_align(frame, items)
        if aligned is None:
            return None
        frame = _clean(aligned)
    literal = [t for t in frame if t is not HOLE and t not in _PUNCT]
    shortest = min(len(_tokens(i)) for i in items)
    if len(literal) < 3 or len(literal) * 5 < shortest or not _meaningful(frame, words):
        return None  # too little in common to call it a frame
    text = _render(frame)
    rx = frame_pattern(text)
    if not all(rx.match(i) for i in items):
        return None
    return text


def frame_of(items: Sequence[str], words: bool = False) -> str | None:
    """The shared frame of two or more items, or None when they share too little.

    With ``words`` (mining does this; it loads jieba) the holes are widened to
    word boundaries, so the fixed part never cuts through a word.
    """
    items = tuple(i for i in items if i)
    if len(items) < 2 or len(set(items)) < 2:
        return None
    return _frame_cached(items, words)


def fill_frame(frame: str, values: Sequence[str]) -> str:
    """Put values into a frame's holes, in order.

    >>> fill_frame("以{{1}}为{{2}}，加力推动{{3}}", ["规划", "引导", "项目建设"])
    '以规划为引导，加力推动项目建设'
    """

    def sub(m: re.Match[str]) -> str:
        i = int(m.group(1)) - 1
        return values[i] if i < len(values) else f"【待补：第{i + 1}处】"

    return FRAME_HOLE.sub(sub, frame)

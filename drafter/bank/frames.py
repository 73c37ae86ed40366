"""Frames: the wording sibling items share, with numbered holes for the rest.

>>> frame_of(["在“构建新的增长引擎”上下功夫见成效", "在“巩固优势产业领先地位”上下功夫见成效"])
'在“{{1}}”上下功夫见成效'
>>> frame_of(["以产业规划为引导，加力推动项目建设", "以工业快速增长为目标，加力推动运行保障"])
'以{{1}}为{{2}}，加力推动{{3}}'
>>> frame_of(["抓好项目招引", "加快项目建设", "优化现有项目"]) is None
True
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


@lru_cache(maxsize=4096)
def _frame_cached(items: tuple[str, ...]) -> str | None:
    frame: list[str | None] = list(_tokens(items[0]))
    for item in items[1:]:
        frame = _align(frame, _tokens(item))
    frame = _clean(frame)
    if HOLE not in frame:
        return None
    literal = [t for t in frame if t is not HOLE and t not in _PUNCT]
    shortest = min(len(_tokens(i)) for i in items)
    if len(literal) < 3 or len(literal) * 5 < shortest:
        return None  # too little in common to call it a frame
    text = _render(frame)
    rx = frame_pattern(text)
    if not all(rx.match(i) for i in items):
        return None
    return text


def frame_of(items: Sequence[str]) -> str | None:
    """The shared frame of two or more items, or None when they share too little."""
    items = tuple(i for i in items if i)
    if len(items) < 2 or len(set(items)) < 2:
        return None
    return _frame_cached(items)


def fill_frame(frame: str, values: Sequence[str]) -> str:
    """Put values into a frame's holes, in order.

    >>> fill_frame("以{{1}}为{{2}}，加力推动{{3}}", ["规划", "引导", "项目建设"])
    '以规划为引导，加力推动项目建设'
    """

    def sub(m: re.Match[str]) -> str:
        i = int(m.group(1)) - 1
        return values[i] if i < len(values) else f"【待补：第{i + 1}处】"

    return FRAME_HOLE.sub(sub, frame)

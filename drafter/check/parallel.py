"""D301, D302: sibling headings that do not read as a parallel set."""

from __future__ import annotations

import re
from collections.abc import Iterator
from statistics import median

from drafter.bank.frames import frame_of
from drafter.check.base import Context, Hit, free_chars
from drafter.check.numbering import Head, heading_sets, outline
from drafter.text.slots import SLOT, slotify

_PUNCT = set("，、；：。！？“”‘’《》（）—…,.;:!?()\"' ")


def _size(s: str) -> int:
    return sum(1 for ch in s if ch not in _PUNCT)


def _body(h: Head) -> str:
    return h.text[len(h.marker) :].strip().rstrip("。！？")


def parallel_headings(ctx: Context) -> Iterator[Hit]:
    """D301 sibling heading lengths differ widely; D302 one sibling breaks the others' frame."""
    for group in heading_sets(outline(ctx.speech)):
        group = [h for h in group if h.style != "首先" and not h.text[len(h.marker) :].startswith(("20", "19"))]
        if len(group) < 2:
            continue
        bodies = [_body(h) for h in group]
        sizes = [_size(re.split("[：；]", b, maxsplit=1)[0]) for b in bodies]  # a lead's list is not its length
        worst, worst_gap = None, 0.0
        for i in range(len(group)):
            ref = median(sizes[:i] + sizes[i + 1 :])
            gap = abs(sizes[i] - ref)
            if (sizes[i] >= 2 * ref or sizes[i] * 2 <= ref) and gap >= 8 and gap > worst_gap:
                worst, worst_gap = i, gap
        if worst is not None:
            h = group[worst]
            ref = median(sizes[:worst] + sizes[worst + 1 :])
            yield Hit(
                "D301", h.line, h.text,
                f"同级标题长短悬殊：这条 {sizes[worst]} 字，其他同级标题约 {ref:g} 字；请调整为长短相近的并列标题",
            )
        if len(group) < 3:
            continue
        items = [slotify(b) for b in bodies]
        if _frame(ctx, items):
            continue
        breaking = [i for i in range(len(items)) if _frame(ctx, items[:i] + items[i + 1 :])]
        if len(breaking) == 1:
            i = breaking[0]
            shown = re.sub(r"\{\{\d+\}\}", "…", _frame(ctx, items[:i] + items[i + 1 :]) or "")
            shown = SLOT.sub("…", shown)
            yield Hit(
                "D302", group[i].line, group[i].text,
                f"其他同级标题都用“{shown}”的句式，这一条不同，请改成同样的句式，或确认是有意为之",
            )


def _frame(ctx: Context, items: list[str]) -> str | None:
    """The items' shared frame, unless what they share is only the speech's subject:
    key terms, set formulations and words of the title."""
    frame = frame_of(items)
    if frame is None:
        return None
    parts = re.split(r"\{\{\w+\}\}", frame)
    if len(parts) > 1 and len(parts[-1]) == 1:
        parts[-1] = ""  # one shared last character (领导/督导) is a coincidence, not a frame
    literal = [part for part in parts if part]
    return frame if sum(free_chars(ctx, part, title_word=2) for part in literal) >= 3 else None

"""D301, D302: sibling headings that do not read as a parallel set.

Not every chapter list is meant to be parallel:

- the customary last chapter of a report or speech (全面加强党的建设, 加强政府自身建设,
  作风建设, 下一步努力方向, 我的竞聘优势…) stands outside the frame and may be short;
- long chapter titles of a 报告 (work report, party-congress report, 汇报/述职) are
  summaries of their chapters, not held to a frame;
- a notice's chapters (一、时间 二、地点 三、参会人员…) are fields, not phrases;
- a frame must carry a content word: siblings sharing only 的/在/中/把… share nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from statistics import median

from drafter.bank.frames import frame_of
from drafter.check.base import HAN_RX, Context, Hit, free_chars
from drafter.check.numbering import Head, heading_sets, outline
from drafter.text.slots import SLOT, slotify

_PUNCT = set("，、；：。！？“”‘’《》（）—…,.;:!?()\"' ")
# the customary last chapter: the speaker's own side (party building, self-building, conduct),
# the next steps, a candidate's strengths; it closes the list and follows no frame
_CUSTOMARY_LAST = re.compile(
    r"党的建设|党建|自身建设|作风建设|党风廉政|从严治党|努力方向|下一步|下步|今后(?:工作)?(?:打算|设想|思路)"
    r"|工作(?:打算|设想|思路)$|存在(?:的)?(?:问题|不足)|竞聘优势|我的优势|几点体会|几点建议|几点意见"
)
# the customary first chapter: the overview before the chapters that carry the frame
_CUSTOMARY_FIRST = re.compile(r"^(?:基本情况|总体情况|基本概况|工作回顾|个人简介|个人简历|个人基本情况|我的基本情况|主要成效)$|竞聘优势")
_REPORTS = ("work_report", "report")
LONG_CHAPTER = 16  # characters: a chapter title this long summarises, it is not a slogan
_NOTICE_TITLE = re.compile(r"(?:通知|通告|公告|函|方案|细则|办法|须知|指南|议程)$")
_NOTICE_LEAD = re.compile(r"(?:有关事项|具体事项|有关要求|相关事项)(?:通知|告知|说明)如下|通知如下")
# function characters: a frame made only of these is no pattern a writer means
_FUNCTION = set("的地得了着过在于以为把将对向从与和及或并而且使让被给上下中里内外是有也都就之其这那等")


def _size(s: str) -> int:
    return sum(1 for ch in s if ch not in _PUNCT)


def _body(h: Head) -> str:
    return h.text[len(h.marker) :].strip().rstrip("。！？")


def parallel_headings(ctx: Context) -> Iterator[Hit]:
    """D301 sibling heading lengths differ widely; D302 one sibling breaks the others' frame."""
    if _is_notice(ctx):
        return
    for group in heading_sets(outline(ctx.speech)):
        group = [h for h in group if h.style != "首先" and not h.text[len(h.marker) :].startswith(("20", "19"))]
        group = _without_customary(group)
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
        if ctx.genre in _REPORTS and group[0].level <= 2 and median(sizes) >= LONG_CHAPTER:
            continue  # a report's long chapter titles summarise; they are not held to a frame
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
    if not any(_content_word(part) for part in literal):
        return None  # 在…的…中: only function words in common
    return frame if sum(free_chars(ctx, part, title_word=2) for part in literal) >= 3 else None


def _without_customary(group: list[Head]) -> list[Head]:
    """The chapters held to a frame and a length: without the customary first chapter
    (基本情况) and the customary last ones (存在的问题… 下一步努力方向), while 2+ remain."""
    group = list(group)
    for _ in range(2):
        if len(group) >= 3 and _CUSTOMARY_LAST.search(_body(group[-1])):
            group.pop()
    if len(group) >= 3 and _CUSTOMARY_FIRST.search(_body(group[0])):
        group.pop(0)
    return group


def _content_word(part: str) -> bool:
    """Two adjacent Chinese characters, neither a function character (做到, 坚持, 推动)."""
    run = 0
    for ch in SLOT.sub(" ", part):
        run = run + 1 if HAN_RX.match(ch) and ch not in _FUNCTION else 0
        if run >= 2:
            return True
    return False


def _is_notice(ctx: Context) -> bool:
    """A notice or plan (通知, 方案…): its chapters are fields (时间, 地点), not parallel phrases."""
    if _NOTICE_TITLE.search(ctx.title.strip()):
        return True
    lead = [b.text for b in ctx.speech.blocks[:6] if b.kind in ("paragraph", "salutation", "title")]
    return any(_NOTICE_LEAD.search(t) for t in lead)

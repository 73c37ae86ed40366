"""D401 a clause repeated nearby, D402 a paragraph written twice.

Both are linear in the length of the speech: clauses are indexed by their
text once, and a clause's prefixes and suffixes (up to ``MAX_AFFIX``
characters) are looked up in that index.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator

from drafter.check.base import (
    HAN_RX,
    MASKED,
    Context,
    Hit,
    body_blocks,
    excerpt,
    free_chars,
    masked_body,
)
from drafter.check.numbering import _ENUM_SHI, heading_sets, outline

MIN_REPEAT = 6  # Chinese characters in a repeated clause
REMAINDER = 5  # what it must hold besides key terms and set formulations
WINDOW = 12  # paragraphs: a repeat further apart than this is not noticed by a listener
MAX_AFFIX = 40
MIN_PARAGRAPH = 30  # characters of a paragraph that counts as duplicated
_CLAUSE = re.compile(r"[^，。；：！？,;:!?\s\x00]+")  # 、 does not end a clause: list items are not clauses
_SPACE = re.compile(r"\s+")
# the name of a meeting or body, repeated as names are (中国共产党某某市第五次代表大会)
_NAME = re.compile(r"^[^，。]{0,20}(?:代表大会|全体会议|全会|大会|会议|委员会|人民政府|论坛|博览会|峰会)$")
# an organisation, named as often as it is meant (市工业和信息化局运行监测协调科)
_ORG = re.compile(
    r"^(?:省|市|县|区|州|盟|旗|镇|乡|街道|国家|中国|中央|全国).{0,16}?"
    r"(?:局|委|厅|办|中心|院|公司|集团|协会|学会|联合会|大学|学院|学校|医院|银行)"
    r"(?:.{0,10}?(?:科|处|室|股|部|所|站|组|中心))?$"
)
# a notice's contact and address lines: information, not prose
_CONTACT = re.compile(
    r"^\s*[^：:，。；]{0,8}?(?:联系人|联系电话|联系方式|地址|电话|传真|邮箱|邮编)[^：:，。；]{0,8}[：:]"
)
# the lead of an item inside a paragraph: 一是 / 第一， / 首先，
_LEAD = re.compile(r"(?:^|(?<=[。；：！？\s]))(?:[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,2}[，、]|首先[，、]|其次[，、])")


def duplicated_paragraphs(ctx: Context) -> Iterator[Hit]:
    """D402: the same paragraph twice (a paste), reported once with every line."""
    seen: dict[str, list[int]] = defaultdict(list)
    for b in ctx.speech.blocks:
        if b.kind == "paragraph" and not b.runin:
            key = _SPACE.sub("", b.text)
            if len(key) >= MIN_PARAGRAPH:
                seen[key].append(b.line)
    for key, lines in seen.items():
        if len(lines) > 1:
            listed = "、".join(map(str, lines))
            yield Hit(
                "D402", lines[1], key[:20] + "…",
                f"整段重复：这一段在第 {listed} 行出现了 {len(lines)} 次，请删去重复的段落",
            )


def _duplicate_blocks(ctx: Context) -> set[int]:
    """Indices (in body order) of the second and later copies of duplicated paragraphs."""
    first: dict[str, int] = {}
    out: set[int] = set()
    for i, b in enumerate(body_blocks(ctx.speech)):
        if b.kind == "paragraph" and not b.runin:
            key = _SPACE.sub("", b.text)
            if len(key) >= MIN_PARAGRAPH:
                if key in first:
                    out.add(i)
                first.setdefault(key, i)
    return out


def repetition(ctx: Context) -> Iterator[Hit]:
    """D401: a whole clause of 6+ Chinese characters used again within a few paragraphs.

    A clause is the text between two punctuation marks (not 、); the part of
    a clause next to a quotation is not a whole clause. The repeat may be
    the whole of another clause or its start or end (我们将 + the clause).
    Key terms (4-character words used 4+ times), title words and set
    formulations (and their frames: 坚持以…为指导) do not count towards its
    length; a repeat inside one parallel structure (sibling headings, or one
    paragraph of 一是…二是…) is its frame, and a heading restated in the body
    is no slip. Each phrase is reported once, at its second nearby use.
    """
    blocks = body_blocks(ctx.speech)
    skip = _duplicate_blocks(ctx)  # D402 reports those once
    group_of: dict[tuple[int, str], int] = {}
    for gi, g in enumerate(heading_sets(outline(ctx.speech))):
        for h in g:
            group_of[(h.line, h.text)] = gi
    clauses: list[tuple[str, int, int]] = []  # (phrase, block index, start in block)
    whole: dict[str, list[int]] = defaultdict(list)  # phrase -> indices into clauses
    for bi, b in enumerate(blocks):
        if bi in skip or _CONTACT.match(b.text):
            continue
        text = masked_body(b)
        for m in _CLAUSE.finditer(text):
            phrase = m.group()
            if len(phrase) < MIN_REPEAT:
                continue
            clauses.append((phrase, bi, m.start()))
            if MASKED in phrase:
                continue
            s, e = m.start(), m.end()
            if text[s - 1 : s] == "\x00" or text[e : e + 1] == "\x00":
                continue  # next to a quotation: not a whole clause
            whole[phrase].append(len(clauses) - 1)
    leads = _leads(blocks)
    ends = _ends(blocks)
    uses: dict[str, list[tuple[int, int]]] = defaultdict(list)  # phrase -> (block index, start)
    for phrase, bi, start in clauses:
        if phrase in whole:
            uses[phrase].append((bi, start))
        n = len(phrase)
        for k in range(MIN_REPEAT, min(n, MAX_AFFIX + 1)):
            pre, suf = phrase[:k], phrase[n - k :]
            if pre in whole:
                uses[pre].append((bi, start))
            if suf in whole:
                uses[suf].append((bi, start + n - k))
    for phrase, where in uses.items():
        if len(where) < 2 or len(HAN_RX.findall(phrase)) < MIN_REPEAT:
            continue
        where.sort()
        pair = next(
            ((a, b) for a, b in itertools.pairwise(where) if b[0] - a[0] <= WINDOW), None
        )
        if pair is None or free_chars(ctx, phrase) < 5 or _NAME.search(phrase) or _ORG.search(phrase):
            continue
        if _elaborated(blocks, where, leads) or _echo(where, ends, leads):
            continue
        bs = [blocks[bi] for bi, _ in where]
        if len({id(b) for b in bs}) == 1 and len(_ENUM_SHI.findall(bs[0].text)) >= 2:
            continue  # the frame of 一是…二是… items
        groups = {group_of.get((b.line, b.text)) for b in bs}
        if all(b.kind == "heading" for b in bs) and len(groups) == 1 and None not in groups:
            continue  # the frame of sibling headings
        if sum(b.kind == "heading" for b in bs) == 1:
            continue  # a heading announced or restated in the body
        second = blocks[pair[1][0]]
        at = pair[1][1]
        lines = list(dict.fromkeys(b.line for b in bs))
        listed = "、".join(map(str, lines))
        yield Hit(
            "D401", second.line, excerpt(second.text, at, at + len(phrase), 4),
            f"“{phrase}”重复使用 {len(where)} 次（第 {listed} 行），请换一种说法，或删去多余的",
        )


def _leads(blocks: list) -> dict[int, list[int]]:
    """Block index -> where the items of 一是/第一，/首先， inside it begin (after the marker)."""
    out: dict[int, list[int]] = {}
    for bi, b in enumerate(blocks):
        if b.kind == "paragraph":
            starts = [m.end() for m in _LEAD.finditer(b.text)]
            if starts:
                out[bi] = starts
    return out


def _elaborated(blocks: list, where: list[tuple[int, int]], leads: dict[int, list[int]]) -> bool:
    """An item's lead restated around it: announced in its section before the items
    begin (要扩大有效投资… 二是扩大有效投资。) or taken up in its own elaboration
    (二是扩大有效投资。扩大有效投资，…), which runs to the next item's lead. Uses
    further than ``WINDOW`` paragraphs away are not heard together and do not count;
    the same phrase inside another item, or past a heading, is a slip."""
    for bi, start in where:
        if start in leads.get(bi, ()):
            near = [(bj, s) for bj, s in where if abs(bj - bi) <= WINDOW and (bj, s) != (bi, start)]
            if near and all(_around_item(blocks, leads, (bi, start), u) for u in near):
                return True
    return False


def _around_item(blocks: list, leads: dict[int, list[int]], lead: tuple[int, int], use: tuple[int, int]) -> bool:
    """``use`` lies in the item that opens at ``lead`` or before the items of its section."""
    (bi, start), (bj, s) = lead, use
    lo, hi = min(bi, bj), max(bi, bj)
    if any(blocks[k].kind == "heading" for k in range(lo, hi + 1)):
        return False
    marks = [(k, x) for k in range(lo, hi + 1) for x in leads.get(k, ())]
    if (bj, s) > (bi, start):  # after the lead: no other item begins between them
        return not any((bi, start) < m <= (bj, s) for m in marks)
    return not any(m <= (bj, s) for m in marks if m[0] == bj)  # before: in no item of its own


def _ends(blocks: list) -> tuple[set[int], set[int]] | None:
    """The opening and the closing: the first and the last fifth of the body's paragraphs
    (one at least), when a body of its own lies between them."""
    idx = [i for i, b in enumerate(blocks) if b.kind in ("paragraph", "closing")]
    if len(idx) < 4:
        return None
    k = -(-len(idx) // 5)
    return set(idx[:k]), set(idx[-k:])


def _echo(where: list[tuple[int, int]], ends: tuple[set[int], set[int]] | None, leads: dict[int, list[int]]) -> bool:
    """The opening echoed by the closing (本期培训即将结束… … 本期培训即将结束，祝…): 首尾呼应.
    Items (一是…) are no opening or closing: the same lead twice in them is a slip."""
    if ends is None:
        return False
    opening, closing = ends
    used = {bi for bi, _ in where}
    if any(bi in leads for bi in used):
        return False
    return bool(used & opening) and bool(used & closing) and used <= opening | closing

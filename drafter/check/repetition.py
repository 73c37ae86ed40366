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
        if bi in skip:
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
        if pair is None or free_chars(ctx, phrase) < 5 or _NAME.search(phrase):
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

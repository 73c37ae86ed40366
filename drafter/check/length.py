"""D601 a long sentence, D602 a text without paragraph breaks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.base import Context, Hit, head
from drafter.text.speech import split_sentences

MAX_SENTENCE = 120  # characters without 。！？；
MAX_CLAUSE = 40  # characters without a comma: a sentence of short clauses is a readable chain
MAX_CHAIN = 240  # a chain this long is too long all the same
MAX_PARAGRAPH = 1000  # characters in one paragraph

_CITED = re.compile(r"《[^《》]*》|“[^“”]*[。！？；][^“”]*”|“[^“”]{0,30}”")
# fixed formulations a speech quotes whole (今年政府工作的总体要求是：在…下，以…为指导，…)
_FIXED = re.compile(r"总体要求是|指导思想是|总体思路是|主要预期目标是|基本原则是|总的要求是|总体目标是")
_CLAUSES = re.compile(r"[，、：,:—]")


def long_sentences(ctx: Context) -> Iterator[Hit]:
    """D601: a sentence over 120 characters without 。！？；(or ……).

    Cited wording the writer does not choose does not count: 《titles》,
    quoted terms and quotations holding sentences of their own, fixed
    formulations (总体要求是：…). A chain of short clauses (none over 40
    characters) is read aloud easily and counts only past 240 characters.
    """
    for b in ctx.speech.blocks:
        if b.kind not in ("paragraph", "closing"):
            continue
        for s in split_sentences(b.text, "。！？；…"):
            s = s.strip()
            if _FIXED.search(s):
                continue
            bare = _CITED.sub("", s)
            size = len(bare)
            if size <= MAX_SENTENCE:
                continue
            longest = max(len(c) for c in _CLAUSES.split(bare))
            if longest <= MAX_CLAUSE and size <= MAX_CHAIN:
                continue
            yield Hit(
                "D601", b.line, s[:20] + "…",
                f"句子过长（{size} 字，中间没有句号、问号、叹号或分号），请拆成几句",
            )


def paragraph_breaks(ctx: Context) -> Iterator[Hit]:
    """D602: a line over 1,000 characters (a pasted or scraped text without breaks).

    Judged on the lines as written: the speech model splits a one-line text
    into title, salutation, headings and paragraphs, which hides that the
    writer never broke it. Without the raw lines, the paragraphs are judged.
    """
    lines = {n: t for n, t in ctx.raw.items() if t.strip()}
    if not lines:
        lines = {b.line: b.text for b in ctx.speech.blocks if b.kind == "paragraph"}
    body = sum(len(t) for t in lines.values())
    for n, text in sorted(lines.items()):
        if len(text) > MAX_PARAGRAPH:
            whole = len(text) >= 0.9 * body
            what = "全文没有分段" if whole else f"这一段长达 {len(text)} 字"
            yield Hit("D602", n, head(text), f"{what}，请按层次分段（每段一个意思，一般不超过 500 字）")

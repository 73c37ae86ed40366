"""D101 masks left in, D102 placeholders never filled."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.base import HAN_RX, Context, Hit, excerpt
from drafter.text.slots import MASK

_X_WORDS = re.compile(r"(?:光|射线|线|轴|型|形)")  # X光, X射线, X轴: not masks
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=[^\s*_])([^*_\n]{1,60}?)(?<=[^\s*_])\1")
_BULLET = re.compile(r"^\*\s+")  # "* item": a list bullet, not a mask
_SEPARATOR_LINE = re.compile(r"^\s*(?:\*\s*){3,}$")  # *** between sections
_OPERATORS = "+＋-－×/÷=·"  # 1+N+X, N×X: a formula or policy name, not a mask
_PLACEHOLDER = re.compile(
    r"【[^【】]{0,12}?(?:待补|待填|待定|待核|待确认|请填写|请补充)[^【】]*】"
    r"|\{\{[^{}\n]*\}\}|\{%[^%\n]*%\}"
    r"|××+"  # one × is a multiplication or a policy name (“数据要素×”行动, 人工智能×)
    r"|某某+"
)


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_mask(text: str, m: re.Match[str]) -> bool:
    s, e, tok = m.start(), m.end(), m.group()
    before = text[s - 1] if s else ""
    after = text[e] if e < len(text) else ""
    if tok[0] == "×":
        return False  # ×× is a placeholder (D102), × between numbers a multiplication
    if tok[0] == "*":
        if before == "\\":
            return False  # escaped in Markdown
        if _ascii_alnum(before) and _ascii_alnum(after):
            return False  # 3*5
        if (before.isdigit() or before in "%％") and (not after or not HAN_RX.match(after)):
            return False  # 5.2%* : a footnote mark
        if text[:s].rstrip().endswith(("注：", "注:", "注")) and after and after in "为表系指":
            return False  # 注：*为初步统计数 : the footnote's legend
        return True
    # X / XX
    if len(tok) == 1 and _X_WORDS.match(text, e):
        return False
    if (before and before in _OPERATORS) or (after and after in _OPERATORS):
        return False  # 1+N+X, “人工智能+X”
    near_before = text[max(0, s - 2) : s].rstrip(" ")[-1:]
    near_after = text[e : e + 2].lstrip(" ")[:1]
    return not (_ascii_alnum(near_before) or _ascii_alnum(near_after))  # 5G X, X86, iPhone X


def mask_hits(text: str, line: int, markdown: bool = False) -> Iterator[Hit]:
    """D101 in one piece of text (a paragraph, a table cell, a footnote)."""
    shown = text
    text = _BULLET.sub(lambda m: " " * len(m.group()), text)
    if markdown:
        text = _MD_EMPHASIS.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), text)
    if _SEPARATOR_LINE.match(text):
        return
    found = [m for m in MASK.finditer(text) if _is_mask(text, m)]
    groups: list[list[re.Match[str]]] = []
    for m in found:
        if groups and m.start() - groups[-1][-1].end() <= 4:
            groups[-1].append(m)
        else:
            groups.append([m])
    for g in groups:
        more = f"等 {len(g)} 处" if len(g) > 1 else ""
        yield Hit(
            "D101", line, excerpt(shown, g[0].start(), g[-1].end()),
            f"遗留的遮盖符“{g[0].group()}”{more}，请换成真实的名称、地点或数字",
        )


def placeholder_hits(text: str, line: int) -> Iterator[Hit]:
    """D102 in one piece of text."""
    for m in _PLACEHOLDER.finditer(text):
        yield Hit(
            "D102", line, excerpt(text, m.start(), m.end()),
            f"未填写的占位符“{m.group()}”，请补上实际内容并删去占位符",
        )


def masks(ctx: Context) -> Iterator[Hit]:
    """D101: a mask (*, **, X, XX) left standing for a name, place or number."""
    for b in ctx.speech.blocks:
        yield from mask_hits(b.text, b.line, ctx.markdown)


def placeholders(ctx: Context) -> Iterator[Hit]:
    """D102: a placeholder never filled (【待补：…】, {{…}}, ××, 某某)."""
    for b in ctx.speech.blocks:
        yield from placeholder_hits(b.text, b.line)

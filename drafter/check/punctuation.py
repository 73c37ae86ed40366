"""D501 half-width marks in Chinese text, D502 unmatched pairs, D503 doubled marks;
and the certain, mechanical fixes for them (``fix_ops``), used by ``drafter check --fix``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.base import HAN, Context, Hit, excerpt, quoted

_CTX = HAN + "“”‘’《》（）【】、。，；：！？…—"
_HALF = re.compile(rf"(?<=[{_CTX}])[,;:?!()\"]|[,;()\"](?=[{_CTX}])")
_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})
_PAIRS = {"”": "“", "》": "《", "）": "（"}
_PAIR_NAMES = {
    "“": ("左引号“", "右引号”"), "”": ("右引号”", "左引号“"),
    "《": ("左书名号《", "右书名号》"), "》": ("右书名号》", "左书名号《"),
    "（": ("左括号（", "右括号）"), "）": ("右括号）", "左括号（"),
}
# 1） a） 一） as list numbers: a closing parenthesis that has no opener by design
_LIST_NUMBER = re.compile(r"(?:^|(?<=[。；：，\s]))[\da-zA-Z一二三四五六七八九十]{1,2}(?=）)")
_DOUBLE = re.compile(r"[，。、；：]{2,}|！！+|？？+")
_STRENGTH = "。；：，、"  # when marks are doubled, the strongest one stays


def half_width(ctx: Context) -> Iterator[Hit]:
    """D501: half-width , ; : ? ! ( ) " inside Chinese text (one finding a line)."""
    for line, raw in sorted(ctx.raw.items()):
        yield from half_width_hits(raw, line)


def half_width_hits(raw: str, line: int) -> Iterator[Hit]:
    found = list(_HALF.finditer(raw))
    if not found:
        return
    marks = "".join(dict.fromkeys(m.group() for m in found))
    count = f"本行共 {len(found)} 处" if len(found) > 1 else "本行 1 处"
    yield Hit(
        "D501", line, excerpt(raw, found[0].start(), found[0].end()),
        f"中文中夹用半角标点“{' '.join(marks)}”（{count}），请改为全角标点",
    )


def _unmatched(text: str) -> tuple[list[int], list[int]]:
    """Positions of closers without opener, and of openers left open."""
    stack: list[int] = []
    bad: list[int] = []
    numbers = {m.end() for m in _LIST_NUMBER.finditer(text)}
    for i, ch in enumerate(text):
        if i in numbers and not any(text[k] == "（" for k in stack):
            continue
        if ch in "“《（":
            stack.append(i)
        elif ch in _PAIRS:
            opener = _PAIRS[ch]
            k = next((k for k in range(len(stack) - 1, -1, -1) if text[stack[k]] == opener), None)
            if k is None:
                bad.append(i)
            else:
                bad.extend(stack[k + 1 :])
                del stack[k:]
    return bad, stack


def pairs(ctx: Context) -> Iterator[Hit]:
    """D502: unmatched “ ” 《 》 （ ）; D503: doubled punctuation."""
    lines = sorted(ctx.raw.items())
    for idx, (line, raw) in enumerate(lines):
        nxt = lines[idx + 1][1].lstrip() if idx + 1 < len(lines) else ""
        yield from pair_hits(raw, line, nxt)


def pair_hits(raw: str, line: int, nxt: str = "") -> Iterator[Hit]:
    text = raw.translate(_FULL)
    bad, stack = _unmatched(text)
    if stack and nxt.startswith("“") and all(text[i] == "“" for i in stack):
        stack = []  # a quotation running on: each paragraph opens with “, only the last closes
    for i in sorted(bad + stack):
        name, partner = _PAIR_NAMES[text[i]]
        yield Hit("D502", line, excerpt(raw, i, i + 1), f"{name}没有对应的{partner}，请补上或删去多余的符号")
    inq = quoted(text)
    for m in _DOUBLE.finditer(text):
        if inq[m.start()] and m.group() in ("？？", "！！"):
            continue
        yield Hit("D503", line, excerpt(raw, m.start(), m.end()), f"标点重复“{raw[m.start():m.end()]}”，请只保留一个")


# --- fixes -------------------------------------------------------------------------


def fix_ops(text: str) -> list[tuple[int, str, str]]:
    """The certain fixes in one paragraph as (position, old character, new character or
    "" to delete), in order: half-width marks in Chinese text made full-width (straight
    quotes only when they pair up), doubled marks reduced to the strongest, and a pair
    of “ “ (or ” ”) with no partner at all turned into “ ”."""
    ops: dict[int, str] = {}
    straight = [m.start() for m in _HALF.finditer(text) if m.group() == '"']
    for m in _HALF.finditer(text):
        ch = m.group()
        if ch != '"':
            ops[m.start()] = ch.translate(_FULL)
    if straight and len(straight) == text.count('"') and len(straight) % 2 == 0:
        for k, i in enumerate(straight):
            ops[i] = "“" if k % 2 == 0 else "”"
    fixed = "".join(ops.get(i, ch) for i, ch in enumerate(text))
    inq = quoted(fixed)
    for m in _DOUBLE.finditer(fixed):
        run = m.group()
        if inq[m.start()] and run[0] in "？！":
            continue
        keep = min(range(len(run)), key=lambda k: _STRENGTH.find(run[k]) if run[k] in _STRENGTH else 0)
        for k in range(len(run)):
            if k != keep:
                ops[m.start() + k] = ""
            elif fixed[m.start() + k] != text[m.start() + k]:
                ops[m.start() + k] = fixed[m.start() + k]
    if fixed.count("“") == 2 and fixed.count("”") == 0:
        second = fixed.rfind("“")
        if second + 1 == len(fixed) or fixed[second + 1] in "，。；：！？、":
            ops[second] = "”"
    elif fixed.count("”") == 2 and fixed.count("“") == 0:
        first = fixed.find("”")
        if first == 0 or fixed[first - 1] in "，。；：！？、：":
            ops[first] = "“"
    return [(i, text[i], new) for i, new in sorted(ops.items()) if new != text[i]]


def apply_ops(text: str, ops: list[tuple[int, str, str]]) -> str:
    by = {i: new for i, _, new in ops}
    return "".join(by.get(i, ch) for i, ch in enumerate(text))

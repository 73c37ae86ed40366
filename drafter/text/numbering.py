"""Heading numbers: Chinese numerals, the heading numbering styles and their markers.

``cn_numeral``/``cn_number`` convert between integers and the numerals headings
write; ``HEADING_STYLES`` lists the styles (一、 > （一） > 第一， > 1. > （1））,
``match_heading`` finds one at the start of a line and ``format_number`` writes one.
"""

from __future__ import annotations

import re

from drafter.text.lazyre import lazy

CN_DIGITS = "一二三四五六七八九十"
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def cn_numeral(n: int) -> str:
    """Chinese numeral for 1 … 999 (Arabic digits beyond, so a long list never fails).

    >>> cn_numeral(1), cn_numeral(10), cn_numeral(12), cn_numeral(40), cn_numeral(101), cn_numeral(110)
    ('一', '十', '十二', '四十', '一百零一', '一百一十')
    """
    if n <= 0 or n >= 1000:
        return str(n)
    if n < 10:
        return CN_DIGITS[n - 1]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (CN_DIGITS[tens - 1] if tens > 1 else "") + "十" + (CN_DIGITS[ones - 1] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = CN_DIGITS[hundreds - 1] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + CN_DIGITS[rest - 1]
    tens, ones = divmod(rest, 10)
    return head + CN_DIGITS[tens - 1] + "十" + (CN_DIGITS[ones - 1] if ones else "")


def cn_number(s: str) -> int:
    """Value of a Chinese numeral as headings write it (一 … 九百九十九); 0 when malformed.

    >>> cn_number("三"), cn_number("十二"), cn_number("二十"), cn_number("二十一"), cn_number("一百零一")
    (3, 12, 20, 21, 101)
    >>> cn_number("十十一"), cn_number("二二十"), cn_number("")
    (0, 0, 0)
    """
    total = cur = 0
    for ch in s:
        if ch in _CN_VALUE:
            cur = _CN_VALUE[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return 0
    total += cur
    return total if 0 < total < 1000 and cn_numeral(total) == s else 0


# (style, level, regex). The regex's group 1 is the number, group 2 the rest.
_CN = "[一二三四五六七八九十百零]{1,6}"
# The level is the style's rank in the usual hierarchy 一、 > （一） > 第一， > 1. > （1）;
# a speech's headings get their levels from the styles it uses (``_finish``):
# （一） with no 一、 above it is level 1, 第一， under 一、 is level 2.
HEADING_STYLES: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("一、", 1, re.compile(rf"^({_CN})、(.+)$")),
    ("（一）", 2, re.compile(rf"^[（(]({_CN})[）)]\s*(.+)$")),
    ("第一，", 3, re.compile(rf"^第({_CN})[，、：](.+)$")),
    # 20.2026年…: item 20 whose text starts with a year, not a decimal
    ("1.", 4, re.compile(r"^(\d{1,3})[.．、](?:(?=(?:19|20)\d\d年)|(?!\d))\s*(.+)$")),
    ("（1）", 5, re.compile(r"^[（(](\d{1,3})[）)]\s*(.+)$")),
)
# 首先，… 其次，… 再次，… 最后，… heading consecutive paragraphs: items 1, 2, 3, … of a run
# ranked as 第一， (found by ``_order_runs``, never alone).
ORDER_STYLE = "首先"
_ORDER_WORD = lazy(r"^(首先|其次|再次|最后)[，,、：]")
STYLE_RANK = {style: rank for style, rank, _ in HEADING_STYLES} | {ORDER_STYLE: 3}


def format_number(style: str, n: int) -> str:
    """The numbering marker for ``n`` in a heading style.

    >>> [format_number(s, 2) for s in ("一、", "第一，", "（一）", "1.", "（1）")]
    ['二、', '第二，', '（二）', '2.', '（2）']
    """
    cn = cn_numeral(n)
    if style == ORDER_STYLE:
        return {1: "首先，", 2: "其次，", 3: "再次，"}.get(n, f"第{cn}，")
    return {
        "一、": f"{cn}、",
        "第一，": f"第{cn}，",
        "（一）": f"（{cn}）",
        "1.": f"{n}.",
        "（1）": f"（{n}）",
    }[style]


def match_heading(s: str) -> tuple[str, int, int, str] | None:
    """(style, rank, number, rest) when the line starts with a heading number.

    A malformed number (十十一、, 二二十、) is no heading.
    """
    for style, level, rx in HEADING_STYLES:
        m = rx.match(s)
        if m:
            num = m.group(1)
            n = int(num) if num.isdigit() else cn_number(num)
            if n == 0:
                return None
            rest = m.group(2)
            if style == "第一，" and f"第{cn_numeral(n + 1)}，" in rest:
                return None  # 第一，…第二，… inside one paragraph: an enumeration
            return style, level, n, rest
    return None

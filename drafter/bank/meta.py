"""What a speech tells about itself: its administrative level and its year.

>>> speech_level(["在全省安全生产工作会议上的讲话"], [])
'provincial'
>>> speech_level(["在全市推进会上的讲话", "省委常委、市委书记 张三"], [])
'municipal'
>>> text_year("一九五五年三月三十一日"), text_year("（2024年3月5日）"), text_year("到2035年基本实现")
(1955, 2024, None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from drafter.text.speech import Speech

# Most local first: a county speech cites provincial and national meetings, rarely the reverse.
_LEVEL_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("township", re.compile(r"乡党委|镇党委|乡政府|镇政府|全乡|全镇|乡长|镇长|街道(?:党工委|办事处|工委)|全街道|[乡镇](?:人大|干部)|村(?:党支部|委会|两委)")),
    ("county", re.compile(r"县委|县政府|全县|县长|县人大|县政协|区委|区政府|(?<!自治)全区|区长|旗委|全旗|县(?:级|直)|县域")),
    ("municipal", re.compile(r"市委|市政府|全市|市长|市人大|市政协|州委|州政府|全州|州长|盟委|市(?:级|直)")),
    ("provincial", re.compile(r"省委|省政府|全省|省长|省人大|省政协|自治区|省(?:级|直)|厅长|(?<!\w)厅(?:党组|机关)")),
    ("national", re.compile(r"国务院|全国|党中央|中央(?:经济|农村|城市|全面|金融)?工作会议|总理|委员长|国家主席|部长")),
)
_ENTERPRISE = re.compile(r"公司|集团|董事长|总经理|股份|企业(?:年会|职工)")


def speech_level(header: Sequence[str], salutations: Iterable[str]) -> str:
    """A key of drafter.kinds.LEVEL_NAMES from the title/subtitle/speaker lines and salutations."""
    words = "\n".join([*header, *salutations])
    for level, rx in _LEVEL_MARKERS:
        if rx.search(words):
            return level
    if _ENTERPRISE.search(words):
        return "enterprise"
    return "unknown"


_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
# 1999年 / 2025 年 not after a digit or a point (the lookbehind sits after the first digit, so
# re skips to a 1 or 2 instead of testing every position), or 二〇二五年.
_YEAR = re.compile(r"((?:1(?<![\d.]1)9|2(?<![\d.]2)0)\d\d)\s*年|([〇零○一二三四五六七八九]{4})年")
_FUTURE_BEFORE = re.compile(r"(?:到|至|—|-|～|~|再到|力争|预计)\s*$")


def _year_value(m: re.Match[str]) -> int | None:
    if m.group(1):
        return int(m.group(1))
    digits = m.group(2)
    value = 0
    for c in digits:
        value = value * 10 + _CN_DIGIT[c]
    return value if 1900 <= value <= 2099 else None


def text_year(text: str) -> int | None:
    """The latest year a text mentions as past or present (not 到2035年 targets), or None."""
    best = None
    for m in _YEAR.finditer(text):
        if _FUTURE_BEFORE.search(text[max(0, m.start() - 3) : m.start()]):
            continue
        after = text[m.end() : m.end() + 2]
        if after.startswith(("代", "前", "底前")):
            continue
        y = _year_value(m)
        if y is not None and (best is None or y > best):
            best = y
    return best


def speech_year(speech: Speech) -> int | None:
    """The speech's year: from its date or speaker line, else its title, else its text."""
    for kinds in (("speaker", "subtitle"), ("title",)):
        found = [y for b in speech.blocks if b.kind in kinds if (y := text_year(b.text)) is not None]
        if found:
            return max(found)
    years = [y for b in speech.blocks if (y := text_year(b.text)) is not None]
    return max(years) if years else None


def speech_meta(speech: Speech) -> tuple[str, int | None]:
    """(level, year) of a parsed speech."""
    header = [b.text for b in speech.blocks if b.kind in ("title", "subtitle", "speaker")]
    salutations = [b.text for b in speech.blocks if b.kind == "salutation"]
    return speech_level(header, salutations), speech_year(speech)

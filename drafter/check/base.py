"""What every rule of ``drafter check`` shares: the Hit it yields, the Context it reads,
excerpts, quotation spans and the speech's own vocabulary (key terms, set formulations)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from drafter.text.slots import MASK
from drafter.text.speech import Block, Speech

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RX = re.compile(f"[{HAN}]")


class Hit(NamedTuple):
    """A finding without file and severity."""

    code: str
    line: int
    excerpt: str
    message: str


@dataclass
class Context:
    """One speech to check, with what the rules share."""

    speech: Speech
    genre: str
    raw: Mapping[int, str]  # line number -> text as written (before punctuation normalising)
    markdown: bool = False
    grams: Mapping[str, int] = field(default_factory=dict)  # 4-character words and their counts
    title: str = ""  # title and subtitle
    date: date | None = None  # the draft's date (its date line, or --date)
    archive: Any = None  # drafter.check.archive.Archive for --against


def excerpt(text: str, start: int, end: int, width: int = 8) -> str:
    """``text[start:end]`` with ``width`` characters of context each side."""
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + text[a:b] + ("…" if b < len(text) else "")


def head(text: str, n: int = 20) -> str:
    return text[:n] + ("…" if len(text) > n else "")


def quoted(text: str) -> list[bool]:
    """For each character: is it inside “…” or 《…》 (the marks themselves included)?"""
    out = [False] * len(text)
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“《":
            depth += 1
        out[i] = depth > 0
        if ch in "”》" and depth:
            depth -= 1
    return out


# --- the speech's own vocabulary --------------------------------------------------

KEY_TERM_COUNT = 4  # a 4-character word used this often in one speech is part of its theme
# Formulations (提法) a speech must repeat verbatim: they do not make a clause a repeat.
FORMULATIONS = (
    "习近平新时代中国特色社会主义思想", "以习近平同志为核心的党中央", "习近平总书记", "习近平",
    "党的二十大精神", "党的二十大", "二十大精神", "二十届三中全会", "二十届四中全会", "中国特色社会主义",
    "社会主义现代化国家", "社会主义现代化", "中国式现代化", "中华民族伟大复兴", "党和国家事业", "高质量发展",
    "新发展理念", "新发展格局", "现代化产业体系", "现代产业体系", "新型工业化", "两个确立", "两个维护",
    "党中央", "学习宣传贯彻", "学习贯彻", "深入贯彻", "全面贯彻", "贯彻落实", "重要讲话精神", "重要指示精神",
    "重要论述", "决策部署", "坚强领导", "稳中求进工作总基调", "稳中求进", "五位一体", "四个全面",
    "总体布局", "战略布局", "统筹发展和安全", "全面从严治党", "全面深化改革", "高水平对外开放",
    "人民群众", "以人民为中心", "共同富裕", "乡村全面振兴", "乡村振兴", "新质生产力",
)
# Frames of set formulations: 坚持以…为指导, 在…坚强领导下, 深入学习贯彻…精神
FORMULATION_FRAMES = re.compile(
    r"坚持以.{2,30}?为指导|在.{2,30}?坚强领导下|以.{2,30}?为引领|深入学习贯彻.{2,30}?精神"
    r"|全面贯彻.{2,30}?精神|认真落实.{2,20}?部署|按照.{2,30}?要求"
    # set formulations of reports: 以…为首要任务, 团结带领全市人民, 赓续红色血脉, 弘扬…精神
    r"|以.{2,12}?为(?:首要任务|第一要务|根本任务|中心任务|主线|主题|根本动力|根本目的|根本遵循|根本保证|统领|总抓手)"
    r"|团结(?:和)?带领.{0,12}?(?:人民|群众|干部群众|党员干部)|赓续.{0,4}?血脉|传承.{0,4}?基因|弘扬.{1,10}?精神"
    r"|不忘初心|牢记使命|踔厉奋发|勇毅前行|守正创新|笃行不怠|砥砺前行"
)
MASKED = "\ue000"  # stands for a masked character


def body_blocks(speech: Speech) -> list[Block]:
    return [b for b in speech.blocks if b.kind in ("paragraph", "heading", "closing")]


def masked_body(b: Block) -> str:
    """A block's text with quotations as \\x00 and masks as MASKED, same length."""
    q = quoted(b.text)
    chars = ["\x00" if inq else ch for ch, inq in zip(b.text, q, strict=True)]
    for m in MASK.finditer(b.text):
        chars[m.start() : m.end()] = [MASKED] * (m.end() - m.start())
    return "".join(chars)


def gram_counts(speech: Speech) -> Counter[str]:
    """Counts of 4-character Chinese words in a speech's body, outside quotations."""
    counts: Counter[str] = Counter()
    for b in body_blocks(speech):
        for run in re.findall(f"[{HAN}]{{4,}}", masked_body(b)):
            counts.update(run[i : i + 4] for i in range(len(run) - 3))
    return counts


def free_chars(ctx: Context, s: str, title_word: int = 4) -> int:
    """How many characters of ``s`` are not key terms, set formulations or title words
    (of ``title_word`` or more characters)."""
    free = [bool(HAN_RX.match(ch)) for ch in s]
    for f in FORMULATIONS:
        start = s.find(f)
        while start >= 0:
            free[start : start + len(f)] = [False] * len(f)
            start = s.find(f, start + len(f))
    for m in FORMULATION_FRAMES.finditer(s):
        free[m.start() : m.end()] = [False] * (m.end() - m.start())
    for i in range(len(s) - 3):
        if ctx.grams.get(s[i : i + 4], 0) >= KEY_TERM_COUNT:
            free[i : i + 4] = [False] * 4
    for i in range(len(s) - title_word + 1):
        if s[i : i + title_word] in ctx.title:
            free[i : i + title_word] = [False] * title_word
    return sum(free)

"""The speech model: one parser that turns plain text into blocks.

Mining, rendering and checking all stand on it. A speech is a list of
``Block``s: title, subtitle (——…), speaker (speaker or date line),
salutation, paragraph, heading (with level, number and position among its
siblings) and closing.

>>> [b.kind for b in parse_lines([(1, "关于某事的汇报"), (2, "各位领导："),
...     (3, "一、抓落实。具体做法是……"), (4, "汇报完毕。")])[0].blocks]
['title', 'salutation', 'heading', 'paragraph', 'closing']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.text.reader import Line, read_lines

KINDS = ("title", "subtitle", "speaker", "salutation", "paragraph", "heading", "closing")
GENRES = ("report", "seminar", "discussion", "pledge", "sharing", "speech", "address", "host", "work_report", "other")

CN_DIGITS = "一二三四五六七八九十"


def cn_number(s: str) -> int:
    """Value of a small Chinese numeral (一 … 九十九).

    >>> cn_number("三"), cn_number("十二"), cn_number("二十"), cn_number("二十一")
    (3, 12, 20, 21)
    """
    if "十" not in s:
        return CN_DIGITS.index(s) + 1 if len(s) == 1 and s in CN_DIGITS else 0
    tens, _, ones = s.partition("十")
    t = CN_DIGITS.index(tens) + 1 if tens else 1
    o = CN_DIGITS.index(ones) + 1 if ones else 0
    return t * 10 + o


def cn_numeral(n: int) -> str:
    """Chinese numeral for 1 … 99.

    >>> cn_numeral(1), cn_numeral(10), cn_numeral(12), cn_numeral(40)
    ('一', '十', '十二', '四十')
    """
    if n <= 10:
        return CN_DIGITS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_DIGITS[tens - 1] if tens > 1 else "") + "十" + (CN_DIGITS[ones - 1] if ones else "")


# (style, level, regex). The regex's group 1 is the number, group 2 the rest.
_CN = f"[{CN_DIGITS}]{{1,3}}"
HEADING_STYLES: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("一、", 1, re.compile(rf"^({_CN})、(.+)$")),
    ("第一，", 1, re.compile(rf"^第({_CN})[，、：](.+)$")),
    ("（一）", 2, re.compile(rf"^[（(]({_CN})[）)]\s*(.+)$")),
    ("1.", 3, re.compile(r"^(\d{1,2})[.．、](?!\d)\s*(.+)$")),
    ("（1）", 4, re.compile(r"^[（(](\d{1,2})[）)]\s*(.+)$")),
)


def format_number(style: str, n: int) -> str:
    """The numbering marker for ``n`` in a heading style.

    >>> [format_number(s, 2) for s in ("一、", "第一，", "（一）", "1.", "（1）")]
    ['二、', '第二，', '（二）', '2.', '（2）']
    """
    cn = cn_numeral(n)
    return {
        "一、": f"{cn}、",
        "第一，": f"第{cn}，",
        "（一）": f"（{cn}）",
        "1.": f"{n}.",
        "（1）": f"（{n}）",
    }[style]


@dataclass(frozen=True)
class Block:
    """One unit of a speech.

    ``text`` is the block as written (for a heading, with its number).
    ``line`` is the 1-based source line (for .docx, the paragraph number).
    Headings carry ``level`` (1 一、/第一，, 2 （一）, 3 1., 4 （1）), ``style``,
    ``number`` (the number written) and ``position`` (1-based among the
    siblings under the same parent) and ``body`` (text without the number).
    A paragraph with ``runin`` continues the line of the heading before it.
    """

    kind: str
    text: str
    line: int = 0
    level: int = 0
    style: str = ""
    number: int = 0
    position: int = 0
    body: str = ""
    runin: bool = False


@dataclass
class Speech:
    """A parsed speech: its blocks and the document it came from."""

    blocks: list[Block]
    doc: str = ""
    genre: str = field(default="other")

    def first(self, kind: str) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    @property
    def title(self) -> str:
        b = self.first("title")
        return b.text if b else ""

    def of_kind(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    def heading_groups(self) -> list[list[Block]]:
        """Sibling headings: those of one level under the same parent, in order."""
        groups: dict[tuple[int, int], list[Block]] = {}
        parents: dict[int, int] = {}  # level -> index of the current heading of that level
        for i, b in enumerate(self.blocks):
            if b.kind != "heading":
                continue
            parent = max((parents[lv] for lv in parents if lv < b.level), default=-1)
            groups.setdefault((b.level, parent), []).append(b)
            parents[b.level] = i
            for lv in [lv for lv in parents if lv > b.level]:
                del parents[lv]
        return list(groups.values())

    def text(self) -> str:
        """The speech as a writer would paste it: one paragraph a line (run-in
        paragraphs joined to their heading), a blank line after the title block."""
        out: list[str] = []
        header = True
        for b in self.blocks:
            if b.runin and out:
                out[-1] += b.text
                continue
            if header and b.kind not in ("title", "subtitle", "speaker"):
                header = False
                if out:
                    out.append("")
            out.append(b.text)
        return "\n".join(out) + "\n"


# --- line classes -----------------------------------------------------------

_TERMINAL = "。！？；…"
_SALUTATION = re.compile(r"(同志们|各位|尊敬的|朋友们|代表们|来宾|女士们|先生们|老师们|同学们)")
_ROLE = re.compile(
    r"(书记|厅长|局长|主任|市长|县长|区长|省长|部长|主席|总经理|董事长|委员|处长|科长|代表|负责人|同志|记者)"
)
_CLOSING = re.compile(
    r"^(?:以上.{0,12}(?:汇报|发言|体会|意见|报告|表态)|.{0,12}(?:汇报|发言|交流|表态|讲话)完毕|谢谢(?:大家)?[。！!]?$|"
    r"不当之处|请.{0,8}批评指正|恳请.{0,10}指正|.{0,6}表态如上)"
)
_DATE_LINE = re.compile(r"^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[）)]?$")


def is_salutation(s: str) -> bool:
    """A short line addressing the audience, ending with a colon."""
    return len(s) <= 60 and s.endswith(("：", ":")) and bool(_SALUTATION.search(s))


def is_closing(s: str) -> bool:
    return len(s) <= 60 and bool(_CLOSING.search(s))


def is_speaker_line(s: str) -> bool:
    """A 'who is speaking' line: a date line, or a role and name ending with a colon."""
    if _DATE_LINE.match(s):
        return True
    return (
        len(s) <= 50
        and s.endswith(("：", ":"))
        and not _SALUTATION.search(s)
        and bool(_ROLE.search(s))
        and "。" not in s
    )


def is_title_like(s: str) -> bool:
    """Short, no sentence-final punctuation, not a numbered heading."""
    return (
        0 < len(s) <= 60
        and not s.endswith(tuple(_TERMINAL + "：:，,"))
        and match_heading(s) is None
        and not s.startswith("——")
    )


def match_heading(s: str) -> tuple[str, int, int, str] | None:
    """(style, level, number, rest) when the line starts with a heading number."""
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


_SPLITTERS: dict[str, re.Pattern[str]] = {}


def split_sentences(text: str, terminals: str = "。！？") -> list[str]:
    """Split at sentence-final punctuation outside quotes and book-title marks.

    >>> split_sentences("他说“好。很好。”然后走了。再见！")
    ['他说“好。很好。”然后走了。', '再见！']
    """
    rx = _SPLITTERS.get(terminals)
    if rx is None:
        rx = _SPLITTERS[terminals] = re.compile("[“《（”》）" + re.escape(terminals) + "]")
    out: list[str] = []
    depth = 0
    start = 0
    for m in rx.finditer(text):  # visit only quotes and terminals, not every character
        i, ch = m.start(), m.group()
        if ch in "“《（":
            depth += 1
        elif ch in "”》）":
            depth = max(0, depth - 1)
        elif ch in terminals and depth == 0:
            j = i + 1
            while j < len(text) and text[j] in "”’）":
                j += 1
            out.append(text[start:j])
            start = j
    if start < len(text) and text[start:].strip():
        out.append(text[start:])
    return out


def _heading_blocks(lineno: int, text: str, found: tuple[str, int, int, str]) -> list[Block]:
    style, level, number, rest = found
    sentences = split_sentences(rest)
    head = sentences[0] if sentences else rest
    tail = rest[len(head):].strip()
    body = head.rstrip("。！？")
    marker = text[: len(text) - len(rest)]
    blocks = [Block("heading", marker + head, lineno, level, style, number, 0, body)]
    if tail:
        blocks.append(Block("paragraph", tail, lineno, runin=True))
    return blocks


# --- parsing ----------------------------------------------------------------


def detect_genre(title: str, closing: str = "") -> str:
    """Genre from title words, then closing words.

    >>> detect_genre("在推进会上的汇报发言"), detect_genre("专题研讨会上的发言")
    ('report', 'seminar')
    >>> detect_genre("市委全会分组讨论发言"), detect_genre("", "发言完毕。")
    ('discussion', 'other')
    """
    for words in (title, closing):
        for genre, pattern in (
            ("seminar", "研讨"),
            ("discussion", "讨论"),
            ("report", "汇报|述职"),
            ("pledge", "表态"),
            ("sharing", "交流|心得|体会"),
        ):
            if re.search(pattern, words):
                return genre
    return "other"


class _Builder:
    def __init__(self, doc: str) -> None:
        self.doc = doc
        self.speeches: list[Speech] = []
        self.blocks: list[Block] = []

    @property
    def has_body(self) -> bool:
        return any(b.kind in ("paragraph", "heading", "closing") for b in self.blocks)

    def flush(self) -> None:
        if self.blocks:
            self.speeches.append(_finish(self.blocks, self.doc))
        self.blocks = []


def _finish(blocks: list[Block], doc: str) -> Speech:
    # positions among siblings
    counters: dict[int, int] = {}
    out: list[Block] = []
    for b in blocks:
        if b.kind == "heading":
            counters[b.level] = counters.get(b.level, 0) + 1
            for lv in [lv for lv in counters if lv > b.level]:
                del counters[lv]
            b = Block(**{**b.__dict__, "position": counters[b.level]})
        out.append(b)
    title = next((b.text for b in out if b.kind == "title"), "")
    closing = " ".join(b.text for b in out if b.kind == "closing")
    return Speech(out, doc, detect_genre(title, closing))


def parse_lines(lines: Sequence[Line], doc: str = "") -> list[Speech]:
    """Parse numbered lines into one or more speeches.

    A new speech starts where, after body text, a speaker line (role and name
    and a colon) appears, or a title-like line followed by a salutation,
    subtitle or speaker line.
    """
    items = [(n, s) for n, s in lines if s]
    b = _Builder(doc)
    for idx, (lineno, s) in enumerate(items):
        nxt = items[idx + 1][1] if idx + 1 < len(items) else ""
        if b.has_body and (
            (is_speaker_line(s) and not _DATE_LINE.match(s))
            or (is_title_like(s) and (is_salutation(nxt) or nxt.startswith("——") or is_speaker_line(nxt)))
        ):
            b.flush()
        header = not b.has_body
        kinds = {blk.kind for blk in b.blocks}
        found = match_heading(s)
        if is_salutation(s):
            b.blocks.append(Block("salutation", s, lineno))
        elif header and s.startswith("——"):
            b.blocks.append(Block("subtitle", s, lineno))
        elif header and is_speaker_line(s):
            b.blocks.append(Block("speaker", s, lineno))
        elif header and "title" not in kinds and "salutation" not in kinds and is_title_like(s):
            b.blocks.append(Block("title", s, lineno))
        elif header and "title" in kinds and "salutation" not in kinds and is_title_like(s) and len(s) <= 40:
            b.blocks.append(Block("speaker", s, lineno))
        elif found:
            b.blocks.extend(_heading_blocks(lineno, s, found))
        elif b.has_body and is_closing(s):
            b.blocks.append(Block("closing", s, lineno))
        else:
            b.blocks.append(Block("paragraph", s, lineno))
    b.flush()
    return b.speeches


def parse_text(text: str, doc: str = "") -> list[Speech]:
    """Parse a string (lines numbered from 1)."""
    from drafter.text.reader import normalise

    return parse_lines([(i, normalise(s.strip())) for i, s in enumerate(text.splitlines(), 1)], doc)


def parse_file(path: Path | str, doc: str | None = None) -> list[Speech]:
    """Read and parse a speech file. Raises ReadError when it cannot be read."""
    return parse_lines(read_lines(path), doc if doc is not None else str(path))

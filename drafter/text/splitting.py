"""Splitting text into parts: sentences (``split_sentences``), and run-on or pasted
lines into what they hold — speeches pasted one after another, a title/speaker block
and salutation at a line's front, closing sentences at its end, headings inside a
long paragraph (``_items``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from drafter.text.genre import detect_genre
from drafter.text.lazyre import lazy
from drafter.text.lines import (
    _ADDRESS_START,
    _DATE_IN_HEAD,
    _ROLE,
    is_address,
    is_closing,
    is_date_line,
    is_doc_title,
    is_salutation,
)
from drafter.text.numbering import _CN, cn_number, match_heading
from drafter.text.reader import Line

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


# A heading number inside a long line, after the end of a sentence (or the start).
_INLINE_HEADING = lazy(rf"(?:^|(?<=[。！？；：\s]))({_CN})、|[（(]({_CN})[）)]")
_RUN_ON_LINE = 600  # lines this long (on average, half of it) hold speeches pasted as one paragraph


def _head_pieces(head: str) -> list[str]:
    """A title/date/speaker block run together (title 张三 （2020年9月8日））, in pieces.

    >>> _head_pieces("政府工作报告——2024年1月10日在第三次会议上 市长 赵刚")
    ['政府工作报告', '——2024年1月10日在第三次会议上', '市长', '赵刚']
    """
    if "——" in head:
        title, _, rest = head.partition("——")
        sub = rest.split()
        return [*(_head_pieces(title) if title.strip() else []), "——" + (sub[0] if sub else ""), *sub[1:]]
    pieces: list[str] = []
    pos = 0
    for m in _DATE_IN_HEAD.finditer(head):
        pieces.extend(head[pos : m.start()].split())
        pieces.append(m.group().strip())
        pos = m.end()
    pieces.extend(head[pos:].split())
    # the title is everything before the first speaker or date piece
    for k, piece in enumerate(pieces):
        if k and (is_date_line(piece) or _ROLE.search(piece) or re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", piece)):
            return ["".join(pieces[:k]) if all(_is_han_run(p) for p in pieces[:k]) else " ".join(pieces[:k]), *pieces[k:]]
    return [" ".join(pieces)] if pieces else []


def _is_han_run(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" or c in "“”《》、，" for c in s)


def _split_header(s: str) -> tuple[list[str], str, str] | None:
    """(head pieces, salutation, rest) when a line opens with a salutation, maybe after a
    title/date/speaker block: 同志们！今天… / 在…上的讲话（2020年9月8日）同志们，朋友们：今天…"""
    for m in _ADDRESS_START.finditer(s, 0, 160):
        p = m.start()
        head = s[:p].strip()
        if head and (any(c in head for c in "。！？；") or len(head) > 120):
            return None
        end = next((k for k in range(p, min(len(s), p + 61)) if s[k] in "：！:!"), -1)
        if end < 0:
            continue
        sal = s[p : end + 1]
        if not is_salutation(sal):
            continue
        rest = s[end + 1 :].strip()
        if not rest and not head:
            return None
        return (_head_pieces(head) if head else []), sal, rest
    return None


def _split_pasted(s: str) -> list[str]:
    """A line holding several speeches pasted one after another, cut where the next one
    starts: after a sentence's end, a title naming a speech (在…上的讲话), maybe a
    speaker, then a salutation (…散会。在…上的讲话 县委书记 周某 同志们：…)."""
    if len(s) < 200:
        return [s]
    cuts: list[int] = []
    for m in _ADDRESS_START.finditer(s, 160):
        p = m.start()
        if cuts and p - cuts[-1] < 160:
            continue
        end = next((k for k in range(p, min(len(s), p + 61)) if s[k] in "：！:!"), -1)
        if end < 0 or not is_salutation(s[p : end + 1]):
            continue
        q = max(s.rfind(t, max(0, p - 120), p) for t in "。！？")
        head = s[q + 1 : p].strip()
        pieces = _head_pieces(head) if q > 0 and head else []
        if pieces and is_doc_title(pieces[0]) and detect_genre(pieces[0]) != "other":
            cuts.append(q + 1)
    if not cuts:
        return [s]
    bounds = [0, *cuts, len(s)]
    return [s[a:b].strip() for a, b in pairwise(bounds) if s[a:b].strip()]


_WISH_SENTENCE = lazy(r"^(?:最后|在此|再次)?[，,]?(?:我们?)?(?:谨|再次|衷心)*(?:预祝|祝愿|祝福|恭祝|敬祝|祝)")
_CLOSING_WORD = lazy(r"谢谢|完毕|指正|不当|以上|表态|成功|散会|就讲|如上|评议|到此结束|到这里|闭幕|结束|祝")


def _split_closing(s: str) -> tuple[str, list[str]]:
    """A paragraph and the closing sentences at its end (…圆满成功！谢谢大家。)."""
    if len(s) < 20 or not s.endswith(tuple("。！!？")) or not _CLOSING_WORD.search(s, len(s) - 45):
        return s, []
    sentences = split_sentences(s, "。！？")
    tail: list[str] = []
    while len(sentences) > 1 and len(sentences[-1]) <= 40 and is_closing(sentences[-1].strip()):
        tail.insert(0, sentences.pop().strip())
    if len(sentences) == 1 and tail and _WISH_SENTENCE.match(sentences[0].strip()):
        tail.insert(0, sentences.pop().strip())  # the paragraph is all closing words
    # wishes said one after another (预祝…圆满成功！祝各位来宾身体健康！) are one closing
    merged: list[str] = []
    for t in tail:
        if merged and _WISH_SENTENCE.match(t) and _WISH_SENTENCE.match(merged[-1]):
            merged[-1] += t
        else:
            merged.append(t)
    return "".join(sentences), merged


def _split_inline_headings(s: str) -> list[str]:
    """A run-on paragraph cut before the heading numbers in it (一、… （一）… 二、…),
    when those numbers count up from 1."""
    marks = []
    for m in _INLINE_HEADING.finditer(s):
        num = m.group(1) or m.group(2)
        marks.append((m.start(), "一、" if m.group(1) else "（一）", cn_number(num)))
    cuts: set[int] = set()
    for style in ("一、", "（一）"):
        run: list[tuple[int, int]] = []
        for pos, _st, n in [m for m in marks if m[1] == style] + [(-1, style, 0)]:
            if run and n == run[-1][1] + 1:
                run.append((pos, n))
                continue
            if len(run) >= 2:  # a lone 一、 with no 二、 after it is no heading
                cuts.update(p for p, _ in run)
            run = [(pos, n)] if n == 1 else []
    if not cuts:
        return [s]
    out: list[str] = []
    prev = 0
    for cut in sorted(cuts):
        if cut > prev and s[prev:cut].strip():
            out.append(s[prev:cut].strip())
        prev = cut
    out.append(s[prev:].strip())
    return [p for p in out if p]


# Words a body sentence often starts with: where a heading pasted without its line
# break ends (二、突出重点领域，全力防范化解重大安全风险今年要重点抓好三件事。).
_SENTENCE_OPENER = lazy(
    r"(?:今年|去年|明年|过去|近年来|近几年|当前|目前|各级|各地|各部门|各单位|我们|"
    r"一年来|五年来|这是|这次|同时|为此|对此|截至)"
)


_VERB_BEFORE = frozenset(
    "做好 抓好 办好 干好 搞好 管好 加强 加快 坚持 推动 推进 实现 完成 确保 围绕 聚焦 谋划 部署 安排".split()
)


def _cut_glued_heading(s: str) -> list[str]:
    """A heading from a run-on line, cut from the body glued to it, when a body
    sentence opener follows the heading words."""
    found = match_heading(s)
    if not found:
        return [s]
    rest = found[3]
    first = split_sentences(rest)[0]
    head = len(s) - len(rest)
    if first.endswith(("！", "：")):  # 三、全面加强政府自身建设各位代表！
        for k in range(4, len(first) - 2):
            if _ADDRESS_START.match(first, k) and is_address(first[k:]):
                return [s[: head + k], s[head + k :]]
    if len(first) <= 24:
        return [s]
    for m in _SENTENCE_OPENER.finditer(first, 6, 40):
        at = m.start()
        if first[at - 1] in "，、；：“《（":
            continue  # …，今年要…: inside the sentence
        if first[at - 2 : at] in _VERB_BEFORE and at - 2 >= 6:
            at -= 2  # …总体要求做好明年经济工作，…: the sentence starts at its verb
        return [s[: head + at], s[head + at :]]
    return [s]


@dataclass
class _Item:
    line: int
    text: str
    salutation: bool = False  # split off the front of a line: only one when a speech starts there
    starts: bool = False  # the title/date/speaker block at the front of a line: a speech starts here
    closing: bool = False  # closing sentences split off the end of a line


def _items(lines: Sequence[Line], archive: bool = True) -> list[_Item]:
    """Lines cleaned of credits and boilerplate, run-on lines split into the parts they hold.

    ``archive=False``: text drafter wrote itself, which holds no web page furniture,
    bylines or news credits, so none is looked for (and none of the writer's text is taken for it).
    """
    if archive:
        from drafter.text.reader import is_boilerplate, strip_credits

        raw = [(n, strip_credits(s)) for n, s in lines if s]
        raw = [(n, s) for n, s in raw if s and not is_boilerplate(s)]
    else:
        raw = [(n, s) for n, s in lines if s]
    # Pasted without line breaks: long lines on average, and no heading on a line of its own.
    run_on = (
        bool(raw)
        and sum(len(s) for _, s in raw) >= _RUN_ON_LINE * len(raw) // 2
        and sum(1 for _, s in raw if len(s) <= 60 and match_heading(s)) < 2
    )
    out: list[_Item] = []
    for n, s in [(n, piece) for n, line in raw for piece in _split_pasted(line)]:
        split = _split_header(s) if not is_salutation(s) else None
        if split:
            head, sal, s = split
            out.extend(_Item(n, h, starts=(k == 0)) for k, h in enumerate(head))
            out.append(_Item(n, sal, salutation=True))
            if not s:
                continue
        body, closing = _split_closing(s)
        parts = [body]
        if run_on and len(body) >= _RUN_ON_LINE // 3:
            parts = [q for p in _split_inline_headings(body) for q in _cut_glued_heading(p)]
        out.extend(_Item(n, p) for p in parts if p)
        out.extend(_Item(n, c, closing=True) for c in closing)
    return out

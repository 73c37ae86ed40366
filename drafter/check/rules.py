"""The rules behind ``drafter check``; ``drafter.check`` documents the codes and runs them.

Every rule is a function ``rule(ctx) -> Iterator[Hit]`` over one parsed
speech. A ``Hit`` is a finding without file and severity: code, line,
excerpt, message (简体中文, saying what to do).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from statistics import median
from typing import NamedTuple

from drafter.bank.frames import frame_of
from drafter.text.slots import MASK, SLOT, slotify
from drafter.text.speech import (
    CN_DIGITS,
    Block,
    Speech,
    cn_number,
    cn_numeral,
    format_number,
    match_heading,
    split_sentences,
)

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RX = re.compile(f"[{HAN}]")


class Hit(NamedTuple):
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


def excerpt(text: str, start: int, end: int, width: int = 8) -> str:
    """``text[start:end]`` with ``width`` characters of context each side."""
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + text[a:b] + ("…" if b < len(text) else "")


def _quoted(text: str) -> list[bool]:
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


# --- D101 masks, D102 placeholders -----------------------------------------

_X_WORDS = re.compile(r"(?:光|射线|线|轴|型|形)")  # X光, X射线, X轴: not masks
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=[^\s*_])([^*_\n]{1,60}?)(?<=[^\s*_])\1")
_BULLET = re.compile(r"^\*\s+")  # "* item": a list bullet, not a mask
_SEPARATOR_LINE = re.compile(r"^\s*(?:\*\s*){3,}$")  # *** between sections
_PLACEHOLDER = re.compile(
    r"【[^【】]{0,12}?(?:待补|待填|待定|待核|待确认|请填写|请补充)[^【】]*】"
    r"|\{\{[^{}\n]*\}\}|\{%[^%\n]*%\}"
    r"|(?<![\d)）])×+(?![\d(（])"
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
        if (before.isdigit() or before in "%％") and (not after or not _HAN_RX.match(after)):
            return False  # 5.2%* : a footnote mark
        return True
    # X / XX
    if len(tok) == 1 and _X_WORDS.match(text, e):
        return False
    near_before = text[max(0, s - 2) : s].rstrip(" ")[-1:]
    near_after = text[e : e + 2].lstrip(" ")[:1]
    return not (_ascii_alnum(near_before) or _ascii_alnum(near_after))  # 5G X, X86, iPhone X


def _mask_text(ctx: Context, text: str) -> str:
    """Text with list bullets (and in Markdown, emphasis marks) blanked out, same length."""
    text = _BULLET.sub(lambda m: " " * len(m.group()), text)
    if ctx.markdown:
        text = _MD_EMPHASIS.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), text)
    return text


def masks(ctx: Context) -> Iterator[Hit]:
    """D101: a mask (*, **, X, XX) left standing for a name, place or number."""
    for b in ctx.speech.blocks:
        text = _mask_text(ctx, b.text)
        if _SEPARATOR_LINE.match(text):
            continue
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
                "D101", b.line, excerpt(b.text, g[0].start(), g[-1].end()),
                f"遗留的遮盖符“{g[0].group()}”{more}，请换成真实的名称、地点或数字",
            )


def placeholders(ctx: Context) -> Iterator[Hit]:
    """D102: a placeholder never filled (【待补：…】, {{…}}, ××)."""
    for b in ctx.speech.blocks:
        for m in _PLACEHOLDER.finditer(b.text):
            yield Hit(
                "D102", b.line, excerpt(b.text, m.start(), m.end()),
                f"未填写的占位符“{m.group()}”，请补上实际内容并删去占位符",
            )


# --- D201-D204 numbering -----------------------------------------------------


def _marker(h: Block) -> str:
    found = match_heading(h.text)
    rest = found[3] if found else h.body
    return h.text[: len(h.text) - len(rest)].strip()


def _shape(marker: str) -> str:
    return re.sub(rf"[{CN_DIGITS}]+|\d+", "N", marker).replace(" ", "")


def numbering(ctx: Context) -> Iterator[Hit]:
    """D201 heading sequence, D202 mixed styles, D204 （一） before any 一、."""
    for group in ctx.speech.heading_groups():
        markers = [_marker(h) for h in group]
        shapes = [_shape(m) for m in markers]
        common = Counter(shapes).most_common()
        usual = common[0][0] if len(common) == 1 or common[0][1] > common[1][1] else shapes[0]
        example = markers[shapes.index(usual)]
        for h, mk, sh in zip(group, markers, shapes, strict=True):
            if sh != usual:
                yield Hit(
                    "D202", h.line, excerpt(h.text, 0, len(mk), 10),
                    f"同级标题编号样式不一致：这里用“{mk}”，其他同级标题用“{example}”，请统一",
                )
        expected, prev, prev_shape = 1, "", shapes[0]
        for h, mk, sh in zip(group, markers, shapes, strict=True):
            # a level-3/4 list may restart under the same parent (a new 1. 2. 3. list);
            # a restart where the style changes is D202's to report
            restart = h.number == 1 and (h.level >= 3 or sh != prev_shape)
            if h.number != expected and not restart:
                want = format_number(h.style, expected)
                why = f"上一条是“{prev}”" if prev else "这是本级第一条"
                what = "重复" if h.number == expected - 1 else "不连续"
                yield Hit(
                    "D201", h.line, excerpt(h.text, 0, len(mk), 10),
                    f"标题编号{what}：{why}，这里应为“{want}”；请改正编号或补上漏掉的标题",
                )
            expected, prev, prev_shape = h.number + 1, mk, sh
    headings = ctx.speech.of_kind("heading")
    first_top = next((i for i, h in enumerate(headings) if h.level == 1), None)
    if first_top:
        orphan = next((h for h in headings[:first_top] if h.level == 2), None)
        if orphan is not None:
            top = _marker(headings[first_top])
            yield Hit(
                "D204", orphan.line, excerpt(orphan.text, 0, len(_marker(orphan)), 10),
                f"二级标题“{_marker(orphan)}”出现在第一个一级标题“{top}”之前，请在前面补上一级标题，或把它改为一级标题",
            )


_ENUM_SHI = re.compile(rf"(?:^|(?<=[。；：，！？、”\s]))([{CN_DIGITS}]{{1,2}})是(?![否非])")
_ENUM_ORD = re.compile(rf"(?:^|(?<=[。；：！？”\s]))第([{CN_DIGITS}]{{1,2}})[，、]")


def enumerations(ctx: Context) -> Iterator[Hit]:
    """D203: 一是/二是 (or 第一，/第二，) inside paragraphs that skip, repeat or go back."""
    for rx, fmt in ((_ENUM_SHI, "{}是"), (_ENUM_ORD, "第{}，")):
        last = 0
        for b in ctx.speech.blocks:
            if b.kind == "heading":
                last = 0  # every section starts its own enumerations
                continue
            if b.kind != "paragraph":
                continue
            quoted = _quoted(b.text)
            for m in rx.finditer(b.text):
                if quoted[m.start()]:
                    continue
                n = cn_number(m.group(1))
                if n == 0:
                    continue
                if n == 1 or n == last + 1:
                    last = n
                    continue
                mark = fmt.format(m.group(1))
                if last == 0:
                    msg = f"“{mark}”前面没有“{fmt.format('一')}”，请补上前面的项，或改正序号"
                elif n == last:
                    msg = f"“{mark}”重复出现，请把序号改为“{fmt.format(_cn(last + 1))}”"
                else:
                    msg = (f"“{mark}”接在“{fmt.format(_cn(last))}”之后，应为“{fmt.format(_cn(last + 1))}”，"
                           "请检查是否漏项或序号有误")
                yield Hit("D203", b.line, excerpt(b.text, m.start(), m.end()), msg)
                last = n


def _cn(n: int) -> str:
    return cn_numeral(n) if 0 < n < 100 else str(n)


# --- D301, D302 parallel headings -----------------------------------------------

_PUNCT = set("，、；：。！？“”‘’《》（）—…,.;:!?()\"' ")


def _size(s: str) -> int:
    return sum(1 for ch in s if ch not in _PUNCT)


def parallel_headings(ctx: Context) -> Iterator[Hit]:
    """D301 sibling heading lengths differ widely; D302 one sibling breaks the others' frame."""
    for group in ctx.speech.heading_groups():
        if len(group) < 2:
            continue
        sizes = [_size(h.body) for h in group]
        worst, worst_gap = None, 0.0
        for i in range(len(group)):
            ref = median(sizes[:i] + sizes[i + 1 :])
            gap = abs(sizes[i] - ref)
            if (sizes[i] >= 2 * ref or sizes[i] * 2 <= ref) and gap >= 8 and gap > worst_gap:
                worst, worst_gap = i, gap
        if worst is not None:
            h = group[worst]
            ref = median(sizes[:worst] + sizes[worst + 1 :])
            yield Hit(
                "D301", h.line, h.text,
                f"同级标题长短悬殊：这条 {sizes[worst]} 字，其他同级标题约 {ref:g} 字；请调整为长短相近的并列标题",
            )
        if len(group) < 3:
            continue
        items = [slotify(h.body) for h in group]
        if _frame(ctx, items):
            continue
        breaking = [i for i in range(len(items)) if _frame(ctx, items[:i] + items[i + 1 :])]
        if len(breaking) == 1:
            i = breaking[0]
            shown = re.sub(r"\{\{\d+\}\}", "…", _frame(ctx, items[:i] + items[i + 1 :]) or "")
            shown = SLOT.sub("…", shown)
            yield Hit(
                "D302", group[i].line, group[i].text,
                f"其他同级标题都用“{shown}”的句式，这一条不同，请改成同样的句式，或确认是有意为之",
            )


def _frame(ctx: Context, items: list[str]) -> str | None:
    """The items' shared frame, unless what they share is only the speech's subject:
    key terms, set formulations and words of the title."""
    frame = frame_of(items)
    if frame is None:
        return None
    literal = [part for part in re.split(r"\{\{\w+\}\}", frame) if part]
    return frame if sum(_free(ctx, part, title_word=2) for part in literal) >= 3 else None


# --- D401 repetition ----------------------------------------------------------

MIN_REPEAT = 6
KEY_TERM_COUNT = 4  # a 4-character word used this often in one speech is part of its theme
REMAINDER = 5  # what a repeated clause must hold besides key terms and set formulations
# Formulations (提法) a speech must repeat verbatim: they do not make a clause a repeat.
FORMULATIONS = (
    "习近平新时代中国特色社会主义思想", "以习近平同志为核心的党中央", "习近平总书记", "习近平",
    "党的二十大精神", "党的二十大", "二十大精神", "中国特色社会主义", "社会主义现代化国家",
    "社会主义现代化", "中国式现代化", "中华民族伟大复兴", "党和国家事业", "高质量发展", "新发展理念",
    "新发展格局", "现代化产业体系", "现代产业体系", "新型工业化", "两个确立", "两个维护", "党中央",
    "学习宣传贯彻", "学习贯彻", "贯彻落实", "重要讲话精神", "重要指示精神", "决策部署",
)
_CLAUSE = re.compile(r"[^，。；：！？、,;:!?\s\x00]+")  # not at "." : 10.2%
_MASKED = "\ue000"  # stands for a masked character; a clause holding one is never reported


class _Body(NamedTuple):
    text: str  # body blocks outside quotations (\x00), masks as _MASKED, joined by \n
    starts: list[int]  # offset of each block in ``text``
    blocks: list[Block]


def _body(speech: Speech) -> _Body:
    parts: list[str] = []
    starts: list[int] = []
    blocks: list[Block] = []
    pos = 0
    for b in speech.blocks:
        if b.kind not in ("paragraph", "heading", "closing"):
            continue
        quoted = _quoted(b.text)
        chars = ["\x00" if q else ch for ch, q in zip(b.text, quoted, strict=True)]
        for m in MASK.finditer(b.text):
            chars[m.start() : m.end()] = [_MASKED] * (m.end() - m.start())
        parts.append("".join(chars))
        starts.append(pos)
        blocks.append(b)
        pos += len(b.text) + 1
    return _Body("\n".join(parts), starts, blocks)


def gram_counts(speech: Speech) -> Counter[str]:
    """Counts of 4-character Chinese words in a speech's body, outside quotations."""
    counts: Counter[str] = Counter()
    for run in re.findall(f"[{HAN}]{{4,}}", _body(speech).text):
        counts.update(run[i : i + 4] for i in range(len(run) - 3))
    return counts


def _free(ctx: Context, s: str, title_word: int = 4) -> int:
    """How many characters of ``s`` are not key terms, set formulations or title words
    (of ``title_word`` or more characters)."""
    free = [bool(_HAN_RX.match(ch)) for ch in s]
    for f in FORMULATIONS:
        for m in re.finditer(re.escape(f), s):
            free[m.start() : m.end()] = [False] * len(f)
    for i in range(len(s) - 3):
        if ctx.grams.get(s[i : i + 4], 0) >= KEY_TERM_COUNT:
            free[i : i + 4] = [False] * 4
    for i in range(len(s) - title_word + 1):
        if s[i : i + title_word] in ctx.title:
            free[i : i + title_word] = [False] * title_word
    return sum(free)


def repetition(ctx: Context) -> Iterator[Hit]:
    """D401: a whole clause of 6+ Chinese characters used again elsewhere in the body.

    A clause is the text between two punctuation marks (、 included); the
    part of a clause next to a quotation is not a whole clause. Only a whole
    clause counts: a repeated part of a clause is nearly always a term.
    Key terms (4-character words used 4+ times), title words and set
    formulations do not count towards its length; a repeat inside one
    parallel structure (sibling headings, or one paragraph of 一是…二是…) is
    the structure's frame, and a heading restated in the body is no slip.
    """
    body = _body(ctx.speech)
    group_of = {h: i for i, g in enumerate(ctx.speech.heading_groups()) for h in g}
    enumerating = {b for b in body.blocks if b.kind == "paragraph" and len(_ENUM_SHI.findall(b.text)) >= 2}
    seen: set[str] = set()
    for m in _CLAUSE.finditer(body.text):
        phrase = m.group()
        if len(_HAN_RX.findall(phrase)) < MIN_REPEAT or phrase in seen or _MASKED in phrase:
            continue
        if body.text[m.start() - 1 : m.start()] == "\x00" or body.text[m.end() : m.end() + 1] == "\x00":
            continue  # next to a quotation: not a whole clause
        seen.add(phrase)
        found = list(_find_all(body.text, phrase))
        if len(found) < 2 or _free(ctx, phrase) < REMAINDER:
            continue
        where = [body.blocks[bisect_right(body.starts, i) - 1] for i in found]
        if len(set(where)) == 1 and where[0] in enumerating:
            continue  # the frame of 一是…二是… items
        if all(b in group_of for b in where) and len({group_of[b] for b in where}) == 1:
            continue  # the frame of sibling headings
        if sum(b.kind == "heading" for b in where) == 1:
            continue  # a heading announced or restated in the body
        k = bisect_right(body.starts, found[1]) - 1
        at = found[1] - body.starts[k]
        listed = "、".join(str(b.line) for b in dict.fromkeys(where))
        yield Hit(
            "D401", where[1].line, excerpt(where[1].text, at, at + len(phrase), 4),
            f"“{phrase}”重复使用 {len(found)} 次（第 {listed} 行），请换一种说法，或删去多余的",
        )


def _find_all(text: str, s: str) -> Iterator[int]:
    i = text.find(s)
    while i >= 0:
        yield i
        i = text.find(s, i + len(s))


# --- D501-D503 punctuation ---------------------------------------------------

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


def half_width(ctx: Context) -> Iterator[Hit]:
    """D501: half-width , ; : ? ! ( ) " inside Chinese text (one finding a line)."""
    for line, raw in sorted(ctx.raw.items()):
        found = list(_HALF.finditer(raw))
        if not found:
            continue
        marks = "".join(dict.fromkeys(m.group() for m in found))
        count = f"本行共 {len(found)} 处" if len(found) > 1 else "本行 1 处"
        yield Hit(
            "D501", line, excerpt(raw, found[0].start(), found[0].end()),
            f"中文中夹用半角标点“{' '.join(marks)}”（{count}），请改为全角标点",
        )


def pairs(ctx: Context) -> Iterator[Hit]:
    """D502: unmatched “ ” 《 》 （ ）; D503: doubled punctuation."""
    lines = sorted(ctx.raw.items())
    for idx, (line, raw) in enumerate(lines):
        text = raw.translate(_FULL)
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
        nxt = lines[idx + 1][1].lstrip() if idx + 1 < len(lines) else ""
        if stack and nxt.startswith("“") and all(text[i] == "“" for i in stack):
            stack = []  # a quotation running on: each paragraph opens with “, only the last closes
        for i in sorted(bad + stack):
            name, partner = _PAIR_NAMES[text[i]]
            yield Hit("D502", line, excerpt(raw, i, i + 1), f"{name}没有对应的{partner}，请补上或删去多余的符号")
        quoted = _quoted(text)
        for m in _DOUBLE.finditer(text):
            if quoted[m.start()] and m.group() in ("？？", "！！"):
                continue
            yield Hit("D503", line, excerpt(raw, m.start(), m.end()), f"标点重复“{raw[m.start():m.end()]}”，请只保留一个")


# --- D601 long sentences, D701/D702 genre ------------------------------------

MAX_SENTENCE = 120


_CITED = re.compile(r"《[^《》]*》|“[^“”]*[。！？；][^“”]*”")


def long_sentences(ctx: Context) -> Iterator[Hit]:
    """D601: a sentence over 120 characters without 。！？；(or ……).

    Cited wording the writer does not choose does not count: 《titles》 and
    quotations that hold sentences of their own.
    """
    for b in ctx.speech.blocks:
        if b.kind not in ("paragraph", "closing"):
            continue
        for s in split_sentences(b.text, "。！？；…"):
            s = s.strip()
            size = len(_CITED.sub("", s))
            if size > MAX_SENTENCE:
                yield Hit(
                    "D601", b.line, s[:20] + "…",
                    f"句子过长（{size} 字，中间没有句号、问号、叹号或分号），请拆成几句",
                )


GENRE_NAMES = {"report": "汇报发言", "seminar": "研讨发言"}


def genre_parts(ctx: Context) -> Iterator[Hit]:
    """D701 a report without salutation; D702 a report or seminar speech without closing."""
    name = GENRE_NAMES.get(ctx.genre)
    blocks = ctx.speech.blocks
    if not name or not any(b.kind in ("paragraph", "heading") for b in blocks):
        return
    if ctx.genre == "report" and ctx.speech.first("salutation") is None:
        first = next(b for b in blocks if b.kind in ("paragraph", "heading"))
        yield Hit(
            "D701", first.line, first.text[:20] + ("…" if len(first.text) > 20 else ""),
            f"{name}缺少称谓，请在正文前加上称谓，如“尊敬的各位领导，同志们：”",
        )
    if ctx.speech.first("closing") is None:
        last = blocks[-1]
        closing = "汇报完毕，不当之处，请批评指正。" if ctx.genre == "report" else "以上是我的研讨发言，不当之处，请批评指正。"
        yield Hit(
            "D702", last.line, last.text[-20:],
            f"{name}缺少结束语，请在结尾加上，如“{closing}”",
        )


RULES: tuple[Callable[[Context], Iterator[Hit]], ...] = (
    masks, placeholders, numbering, enumerations, parallel_headings, repetition,
    half_width, pairs, long_sentences, genre_parts,
)

"""Mining: speeches → phrases by rhetorical move, each with its provenance.

Kinds: title, salutation, opening, transition, heading (a set of sibling
headings), lead (the sentence opening a section, right after its heading), parallel (a
一是…二是…, 一要…二要…, 第一，…第二，…, 第一个…第二个… or 首先…其次…(再次/第三)…最后 set, in one
paragraph or one item a paragraph),
pledge (为…贡献…力量 style commitments), closing (formulas such as 汇报完毕 / 散会, an
address's wishes, and a 讲话's exhortation: the whole paragraph when it carries no fact,
else its 让我们… sentence). 一是…/第一，…/首先，…其次，… runs are parallel sets.

``mine_paths`` is the entry point; ``mine_speech`` mines one parsed speech.
Files are read and mined one at a time (optionally in worker processes), so
memory does not grow with the corpus, only with the number of distinct phrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.bank.facts import annotate, local_facts, local_names
from drafter.bank.facts import prepare as prepare_jieba
from drafter.bank.frames import frame_of
from drafter.bank.meta import speech_meta
from drafter.errors import DrafterError
from drafter.kinds import SET_SEPARATOR
from drafter.text.reader import SourceFile, iter_corpus, read_lines
from drafter.text.slots import slotify
from drafter.text.speech import (
    CN_DIGITS,
    ORDER_STYLE,
    Speech,
    cn_number,
    is_exhortation,
    parse_lines,
    split_sentences,
)

# One occurrence of a phrase: (kind, text, items, frame, genre, doc, line, lines,
# context, level, year, terms, facts). ``context`` is the heading of the section it
# stood under; ``level`` and ``year`` are the speech's; ``terms`` and ``facts`` (as
# (type, text) pairs) come from one jieba tokenisation of the text, in the worker.
Raw = tuple[
    str, str, tuple[str, ...], str | None, str, str, int, tuple[int, ...],
    str, str, "int | None", tuple[str, ...], tuple[tuple[str, str], ...],
]

_OPENING = re.compile(
    r"(?:根据|按照|遵照).{0,12}(?:安排|要求|部署)|现将.{0,40}(?:汇报|报告|发言|交流)|现(?:就|将|把).{0,30}通知如下|"
    r"(?:汇报|报告)如下|作如下.{0,10}(?:发言|汇报|交流)|受.{0,30}委托|"
    r"我谨?代表.{1,40}(?:向|作|报告|发言|致辞|表示)|^现在开会"
)
# A leader's 讲话 or a host opens with the meeting's purpose (这次会议的主要任务是… /
# 今天召开…会议，目的是… / 决定召开这次会议，就是要…): longer than other openings.
_MEETING_PURPOSE = re.compile(
    r"(?:这次|今天|此次|本次).{0,30}(?:会议|大会).{0,16}(?:主要任务|目的|主要目的)是|"
    r"召开.{0,24}(?:会议|大会)[^。]{0,6}(?:主要任务是|目的是|主要是|就是要)|(?:会议|大会)[^。]{0,6}(?:主要任务|目的)是|"
    # a 分组讨论 opens on the report just heard: 刚才，认真聆听了…报告 / 这次全会是在…召开的
    r"^(?:刚才[，,])?认真(?:聆听|听取|学习)了.{0,40}(?:报告|讲话|说明)|"
    r"^(?:这次|本次|此次)(?:全会|党代会|会议|大会)(?:是在|恰逢).{4,50}(?:召开的|节点|时刻|时期)"
)
_PURPOSE_MAX = 120
_OPENING_PARAGRAPHS = 3  # an opening is said in the first paragraphs, before the first heading
# Transitions announce what comes next (下面，我讲三点意见。) or sum up (总之，…);
# 下一步，我们将… is a plan, not a transition.
_TRANSITION = re.compile(
    r"^(?:(?:下面|接下来|以下|下边|现在)[，,]?(?:我|结合|就|根据|围绕|再|简要|着重|重点|把|向|请|有请|进行|由).{0,30}?"
    r"(?:讲|谈|汇报|通报|报告|说|强调|发言|交流|分享|部署|提|介绍|汇总|归纳|议程)|"
    r"(?:总之|总而言之|综上所述|综上|总的来看|总的来说|概括起来说|一句话)[，,])"
)
_N = "(?:[两三四五六七八九]|几)"
# A sentence announcing the parts that follow (…主要有三个方面感受。 / 谈几点体会：); a
# number next to other numerals or 之/百分 is a decimal (百分之七点九), not a count.
_ANNOUNCE = re.compile(
    rf"(?:谈|讲|提|说|汇报|报告|强调|概括|归纳|总结|交流|分享|把握|做到|抓好|突出|有)"
    rf"(?:以下|下面|这么|这样|如下)?{_N}(?:点|个方面|方面|句话|个字)|"
    rf"(?:以下|下面|如下){_N}?(?:点|个方面)|"
    rf"(?<![\d百千万之点零〇一二三四五六七八九十.．])(?:{_N})(?:点|个方面)"
    rf"(?:意见|体会|感受|认识|思考|建议|要求|看法|考虑|打算|想法|收获|启示|经验|做法|工作)"
)
_DECIMAL = re.compile(r"[零〇一二三四五六七八九十\d]点[零〇一二三四五六七八九\d]|百分之")
_PLEDGE = re.compile(r"贡献.{0,8}力量|作出.{0,8}贡献|做出.{0,8}贡献|添砖加瓦|展现更大作为|交出.{0,10}答卷|贡献.{0,4}智慧")
# A pledge looks forward: …作出了积极贡献 / 所作的贡献 / thanks and tributes look back.
_PAST_OR_THANKS = re.compile(
    r"(?:作出|做出|贡献|交出|展现)了|(?:作出|做出|所作|所做)的|已经|曾经|感谢|谢意|谢谢|致敬|敬意|致以|表彰|缅怀|纪念|"
    r"慰问|祝贺|表示衷心|付出了|作过|(?:作出|做出)[^，。]{0,8}贡献的"
)
# An item marker opens the text, a sentence or a clause: the character before it is none or
# one of 。；：，！？ or a space. That test is a lookbehind after the marker's first
# character ([一二…](?<![^。…].) = "not preceded by any other character"), so the regex
# starts with a character class or a literal and re skips to candidate positions at C
# speed instead of trying every position of every paragraph.
_ENUM_CN = re.compile(rf"([{CN_DIGITS}](?<![^。；：，！？\s].)[{CN_DIGITS}]?)是")
_ENUM_ORD = re.compile(rf"第(?<![^。；：！？\s]第)([{CN_DIGITS}]{{1,2}})[，、]")
# 一要…二要…三要…: the subject may stand right before 一要 (各级各部门一要…), but not a word
# holding 一要 (统一要求 / 进一步要 / 第一要务 / 三要素).
_ENUM_YAO = re.compile(
    rf"([{CN_DIGITS}](?<![统唯步同第单划专逐万\d{CN_DIGITS}].)[{CN_DIGITS}]?)要(?![素点求件害务领闻塞义旨职员略案])"
)
# 第一个是…第二个是… / 第一个，…: after a sentence or a clause (全国第一个 is no item)
_ENUM_GE = re.compile(
    rf"第(?<![^。；：，！？\s]第)([{CN_DIGITS}]{{1,2}})个(?:方面|问题|层面|关键词|重点|事项|议题)?(?:是|要|[，、：])?"
)
# Markers that open an item and mean nothing alone: stripped from a pledge's clause.
_ENUM_MARK = re.compile(
    rf"^(?:[{CN_DIGITS}]{{1,2}}[是要]|第[{CN_DIGITS}]{{1,2}}个?(?:方面|问题)?[，、是]|(?:首先|其次|再次|最后)(?:[，,]|要|是))"
)
# A clause that only leads into what follows (更重要的是 / 这场疫情启示我们): no item or lead alone.
_LEAD_IN = re.compile(
    r"(?:的是|我们|大家|启示|告诉|表明|说明|看到|认识到|意识到|感到|体会到|证明|在于|就是|要求|强调|指出|提出|"
    r"认为|来说|而言|来看|方面|同时|此外|另外|其中|特别是|尤其是|总之|因此|所以|为此|对此)$"
)
_LEAD_MAX = 30
_ADDRESSED = re.compile(r"^(?:同志们|各位|朋友们|代表们)")  # 同志们，…: the closing's appeal, not a section's lead
_ITEM_GAP = 3  # paragraphs without a marker allowed between two items of one enumeration
_MAX_SLIPS = 2  # numbering slips (a number repeated or skipped) one run may hold
# 首先，…其次，…再次，…最后，…: items in this order (第三/然后 may stand for 再次); a run needs
# 其次 and no paragraph between items.
# The word opens a sentence or clause (…做到：首先，… / …，其次要…); 首先要/其次是 may follow
# its subject (我们首先要…); 要/是 after the word belongs to the marker, as in 一要/一是.
_ENUM_ORDER = re.compile(
    r"(?:^|(?<=[。；：，！？\s])|(?=(?:首先|其次)[要是]))(首先|其次|再次|然后|最后|第[三四五六七八九])(?:[，,]|要|是)"
)
_ORDER_NUMBER = {"首先": 1, "其次": 2, "再次": 3}
_ORDER_WORDS = ("首先", "其次", "再次", "然后", "最后", "第")  # 首先…其次…第三…最后 too
# Facts a reusable exhortation must not carry (masks are slots, not facts): figures, years,
# numbered meetings, plan periods.
_FACT = re.compile(
    r"\d|百分之|今年|去年|明年|年底|年内|半年|季度|[〇零一二三四五六七八九]{2,}年|[一二三四五六七八九十]+(?:届|次全会|次会议|次全体会议)|"
    r"十[一二三四五六七八九]五|[一二三四五六七八九十百千]+(?:亿|万)|(?:19|20)[\d*X]{2}年"
)


# A figure tied to one speech in a pledge or transition: a number, a year, a count of
# things with its counter (三个乡镇, 二百一十七个), a numbered meeting or a plan period. The count
# of parts a transition announces (三点意见, 三个方面, 第二项议程) is its content: taken out first.
_FIGURE = re.compile(
    rf"\d|百分之|[〇零○一二三四五六七八九]{{2,}}年|十[一二三四五六七八九]五|第[{CN_DIGITS}百]+[次届]|"
    rf"[{CN_DIGITS}百千两]+(?:个|家|名|位|项|人|次|届|期|条|座|所|亿|万|公里|亩|吨|户|批)"
)
_PARTS = re.compile(
    rf"(?:[{CN_DIGITS}两几]|这么几|这样几)(?:个方面|方面|个问题|个层面|个字|句话|点)|第[{CN_DIGITS}]+项(?:议程|议题|内容)?"
)


def _tied(text: str, names: Mapping[str, str]) -> bool:
    """Does a phrase carry a fact of the speech it came from (a figure, a year, a plan
    period, a place, person or organisation, its own or a known one)? Masks are slots,
    not facts."""
    if _FIGURE.search(_PARTS.sub("", text)):
        return True
    return bool(annotate(text)[1] or local_facts(text, names))


def _exhortation(text: str) -> str:
    """A closing exhortation as a phrase: the whole paragraph when it carries no fact
    beyond masks, else its 让我们… (or 希望…) sentence, one without a fact first. When every
    such sentence carries one (…确保“十五五”开好局、起好步！) that sentence is still the
    speech's closing: mined, its facts flagged like any phrase's (the composer then keeps it
    out of another speech). "" when the paragraph has no such sentence."""
    if not _FACT.search(text.replace("**", "")):
        return text
    sentences = [x.strip() for x in split_sentences(text)]
    for word in ("让我们", "希望"):
        calls = [x for x in sentences if word in x]
        found = next((x for x in calls if not _FACT.search(x.replace("**", ""))), calls[0] if calls else "")
        if found:
            return found
    return ""


@dataclass
class MineStats:
    """What a mining run read, skipped and found."""

    files: int = 0
    speeches: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _strip_end(s: str) -> str:
    return s.rstrip("，、；：,; ")


def _whole_clause(clauses: list[str]) -> str:
    """The first clause that says something on its own: a lead-in (更重要的是，/
    这场疫情启示我们，) is joined to the clause after it, or dropped when that is too long."""
    clauses = [c for c in (_strip_end(c.strip()) for c in clauses) if c]
    if not clauses:
        return ""
    first = clauses[0]
    k = 1
    while (_LEAD_IN.search(first) or len(first) < 4) and k < len(clauses):
        joined = first + "，" + clauses[k]
        if len(joined) > _LEAD_MAX + 10:
            first = clauses[k]
        else:
            first = joined
        k += 1
    if _LEAD_IN.search(first) and k >= len(clauses):
        return ""
    return first


def _lead(item: str) -> str:
    """The lead of an enumerated item: its first sentence, or first whole clause when long."""
    first = split_sentences(item, "。；！？")[0] if item else ""
    first = first.rstrip("。；！？").strip()
    if len(first) > _LEAD_MAX or _LEAD_IN.search(_strip_end(split_sentences(first, "，：")[0])):
        first = _whole_clause(split_sentences(first, "，："))
    return _strip_end(first)


def enumerations(text: str) -> list[list[str]]:
    """The 一是…二是… and 第一，…第二，… runs in a paragraph, as lists of item texts.

    >>> enumerations("要抓好三件事。一是抓项目，多引进。二是抓园区。三是抓人才。")
    [['抓项目，多引进。', '抓园区。', '抓人才。']]
    """
    return [[t for t, _ in run] for run in _enumeration_runs([(0, text)])]


def _enumeration_runs(paragraphs: Sequence[tuple[int, str]]) -> list[list[tuple[str, int]]]:
    """一是…二是… (and 第一，…第二，…) runs over consecutive paragraphs, one item per
    paragraph or several in one: lists of (item text, line)."""
    runs: list[list[tuple[str, int]]] = []
    for rx in (_ENUM_CN, _ENUM_YAO, _ENUM_ORD, _ENUM_GE, _ENUM_ORDER):
        run: list[tuple[str, int]] = []
        last = gap = slips = 0
        max_gap = 0 if rx is _ENUM_ORDER else _ITEM_GAP
        for line, text in paragraphs:
            if rx is _ENUM_ORDER and not any(w in text for w in _ORDER_WORDS):
                marks = []  # rare words: a substring test spares the regex scan
            else:
                marks = [(m.start(), m.end(), m.group(1)) for m in rx.finditer(text)]
            if not marks:
                gap += 1
                if gap > max_gap:
                    if len(run) >= 2:
                        runs.append(run)
                    run, last = [], 0
                continue
            close = gap == 0  # no unmarked paragraph since the last item
            gap = 0
            for k, (_, end, marker) in enumerate(marks):
                n = _item_number(marker, last if run else 0)
                stop = marks[k + 1][0] if k + 1 < len(marks) else len(text)
                item = (text[end:stop].strip(), line)
                # a slip of the numbering (一是、二是、四是 / 一是、二是、二是、四是) right after the
                # items before it does not end the run: the writer meant the next item
                slip = (rx is not _ENUM_ORDER and close and len(run) >= 2 and n in (last, last + 2)
                        and slips < _MAX_SLIPS)
                if run and (n == last + 1 or slip):
                    run.append(item)
                    slips += n != last + 1
                    last = n
                else:
                    if len(run) >= 2:
                        runs.append(run)
                    run, last, slips = ([item], 1, 0) if n == 1 else ([], 0, 0)
        if len(run) >= 2:
            runs.append(run)
    return runs


def _item_number(marker: str, last: int) -> int:
    """The number an item marker stands for: 三 → 3, 其次 → 2, 第三 → 3, 最后 and 然后 → the
    one after the last (only after 其次, so 首先…最后 alone is no run)."""
    if marker in ("最后", "然后"):
        return last + 1 if last >= 2 else 0
    if marker.startswith("第"):
        return cn_number(marker[1:])
    return _ORDER_NUMBER.get(marker) or cn_number(marker)


def _clause_at(sentence: str, at: int, tight: bool = False) -> str:
    """The clause of a sentence holding position ``at`` (with the one before when short);
    a short sentence whole, unless ``tight``."""
    if len(sentence) <= 40 and not tight:
        return _strip_end(sentence)
    clauses = split_sentences(sentence, "，；")
    pos = 0
    for idx, clause in enumerate(clauses):
        if pos <= at < pos + len(clause):
            text = clause
            if len(_strip_end(text)) < 10 and idx > 0:
                text = clauses[idx - 1] + text
            return _strip_end(text.strip())
        pos += len(clause)
    return _strip_end(sentence)


def mine_speech(speech: Speech, names: Mapping[str, str] | None = None) -> list[Raw]:
    """Mine one parsed speech into raw phrase records. ``names`` are the place, person and
    organisation names the speech defines for itself (``facts.local_names``; found here
    when not given): a pledge or transition carrying one is tied to this speech, not kept."""
    doc, genre = speech.doc, speech.genre
    if names is None:
        names = local_names(b.text for b in speech.blocks)
    level, year = speech_meta(speech)
    out: list[Raw] = []
    context_at = _contexts(speech)

    def add(kind: str, text: str, line: int, items: tuple[str, ...] = (), frame: str | None = None,
            lines: tuple[int, ...] = ()) -> None:
        if text:
            # a title, salutation or closing belongs to the speech, not to a section
            context = "" if kind in ("title", "salutation", "closing") else context_at(line, kind == "heading")
            out.append((kind, text, items, frame, genre, doc, line, lines, context, level, year, (), ()))

    for b in speech.blocks:
        if b.kind == "closing" and is_exhortation(b.text):
            add("closing", slotify(_exhortation(b.text)), b.line)
        elif b.kind in ("title", "salutation", "closing"):
            add(b.kind, slotify(b.text), b.line)

    # headings: sets of siblings
    # 首先，…其次，…最后，… leading paragraphs are numbered for the structure: under 一、 or
    # （一） they are the section's sub-headings, but under a 第一， point (or deeper) they
    # are that point's enumeration: a parallel set of the items' leads
    parents = _parent_styles(speech)
    for group in speech.heading_groups():
        if len(group) < 2:
            continue
        lines = tuple(h.line for h in group)
        if group[0].style == ORDER_STYLE and parents.get(id(group[0])) in _POINT_STYLES:
            items = tuple(slotify(_lead(h.body)) for h in group)
            if all(items):
                add("parallel", SET_SEPARATOR.join(items), lines[0], items, frame_of(items, words=True), lines)
            continue
        items = tuple(slotify(h.body) for h in group)
        add("heading", SET_SEPARATOR.join(items), group[0].line, items, frame_of(items, words=True), lines)

    # leads: the first sentence under a level-1 heading, when it is not an enumeration
    for prev, b in zip(speech.blocks, speech.blocks[1:], strict=False):
        if prev.kind == "heading" and prev.level == 1 and b.kind == "paragraph":
            first = split_sentences(b.text)[0].strip() if b.text else ""
            if (8 <= len(first) <= 60 and not enumerations(first) and not _ENUM_CN.match(first)
                    and not _ADDRESSED.match(first)):
                add("lead", slotify(first), b.line)

    first_heading = next((i for i, b in enumerate(speech.blocks) if b.kind == "heading"), len(speech.blocks))
    seen = 0  # paragraphs so far (an opening is in the first few)
    for i, b in enumerate(speech.blocks):
        if b.kind == "closing" and is_exhortation(b.text):  # 让我们…为…作出新的更大贡献！
            for sentence in split_sentences(b.text):
                add("pledge", _pledge(sentence.strip(), names), b.line)
            continue
        if b.kind != "paragraph":
            continue
        seen += 0 if b.runin else 1
        opening_zone = i < first_heading and seen <= _OPENING_PARAGRAPHS
        for sentence in split_sentences(b.text, "。！？："):
            s = sentence.strip()
            opening = opening_zone and bool(
                (_OPENING.search(s) and len(s) <= 80) or (_MEETING_PURPOSE.search(s) and len(s) <= _PURPOSE_MAX)
            )
            if opening:  # 按照会议安排，…我谈三点认识。 opens the speech and announces its parts
                add("opening", slotify(s), b.line)
            add("transition", _transition(s, opening, names), b.line)
            add("pledge", _pledge(s, names), b.line)

    # parallel sets: 一是…二是… in one paragraph or one item a paragraph; a heading ends them
    section: list[tuple[int, str]] = []
    for b in [*speech.blocks, None]:
        if b is not None and b.kind == "paragraph":
            section.append((b.line, b.text))
            continue
        if b is not None and b.kind not in ("heading", "closing"):
            continue
        for run in _enumeration_runs(section):
            items = tuple(slotify(_lead(t)) for t, _ in run)
            lines = tuple(line for _, line in run)
            if all(items):
                add("parallel", SET_SEPARATOR.join(items), lines[0], items, frame_of(items, words=True),
                    lines if len(set(lines)) > 1 else ())
        section = []
    out.extend(_elaborations(speech, add_kind=lambda text, line: (
        "elaboration", text, (), None, genre, doc, line, (), context_at(line, False), level, year, (), ())))
    return out


# --- elaborations: whole, reusable sentences of a section's body ---------------------------
_ELAB_MIN, _ELAB_MAX = 15, 80
# A sentence that leans on the one before it (此外，/ 这些成绩…/ 对此…) is no sentence alone.
_ELAB_LEANS = re.compile(
    r"^(?:同时|此外|另外|因此|所以|但|而|并|且|这|那|此|其|该|对此|为此|总之|从而|进而|特别是|尤其是|"
    r"比如|例如|譬如|如|也|还|又|再|更|就|即|则|否则|可见|由此|当然|然而|不过|反之|与此同时|在此基础上|"
    r"第[一二三四五六七八九十]|首先|其次|再次|最后|接下来|下面|以上|上述|刚才|会后|会上|今天|今年|去年|明年|"
    r"可以说|应该说|实践证明|事实证明|总的看|总体看|从[^，。]{1,6}[看讲]，)"
)
# Tied to the speech it came from: the speaker (我, not 我们), this unit, this year, what was done (了).
_ELAB_TIED = re.compile(
    r"我(?!们)|我们(?!要|必须|将|一定|应当|应该|始终|既要)|[本我][县市区镇乡省局委厅单位部门公司集团]|"
    r"(?<!为)(?<!除)(?<!不)了(?![解然不])|年来|过去|另一方面|一方面|此次|这次|本次|这一次|目前|刚才|上述|前面|以上|"
    r"同志们|各位|大家|报告(?!制度)|^[^，。]{1,5}方面，|\{\{|[0-9０-９%％]|[一二三四五六七八九十百千万两]+(?:[亿万]|个百分点|周年)"
)
# What makes a body sentence carry over: it states a norm (要, 必须…), a judgment (…是…,
# 只有…才能…) or a plan (将…). A bare account of deeds (建成县级平台…) is a claim of the
# unit that spoke it; only a leader's speech or a pledge states measures without those words.
_ELAB_STANCE = re.compile(
    r"要|必须|应当|应该|务必|需要|才能|只有|就是|在于|关键|根本|不能|不得|决不|绝不|离不开|必然|"
    r"(?<![还就总于但只凡特而或若正更也不可])是(?!否)|(?<![即必])将(?!军|近)"
)
_ELAB_STATES = ("speech", "pledge")
_ELAB_ENUM = re.compile(rf"[{CN_DIGITS}]{{1,2}}是|第[{CN_DIGITS}]{{1,2}}[，、]|^(?:首先|其次|再次|最后)[，,]")


def elaboration(sentence: str, genre: str = "speech") -> str:
    """A sentence as an elaboration: whole, reusable, 15–80 characters; "" when it is not one.

    >>> elaboration("法治是最好的营商环境，要依法平等保护各类企业的合法权益。")
    '法治是最好的营商环境，要依法平等保护各类企业的合法权益。'
    >>> elaboration("这些成绩的取得，凝聚着各地各部门的心血和汗水。"), elaboration("今年全市投入资金3亿元，新建道路十公里。")
    ('', '')
    >>> elaboration("我们开展了安全生产大检查，排查隐患一千余处。")
    ''
    >>> elaboration("建成县级智慧监管平台，对温度、湿度实时预警。", "sharing")
    ''
    """
    s = sentence.strip()
    if not s or s[-1] not in "。！" or not _ELAB_MIN <= len(s) - 1 <= _ELAB_MAX:
        return ""
    if _ELAB_LEANS.match(s) or _ELAB_TIED.search(s) or _ELAB_ENUM.search(s) or _LEAD_IN.search(_strip_end(s[:-1])):
        return ""
    if genre not in _ELAB_STATES and not _ELAB_STANCE.search(s):
        return ""
    if s.count("“") != s.count("”") or s.count("（") != s.count("）") or "：" in s:
        return ""
    return s


def _elaborations(speech: Speech, add_kind: Callable[[str, int], Raw]) -> list[Raw]:
    """Sentences of section bodies that stand alone and carry over to another speech.

    Not a section's lead (its first sentence under a level-1 heading), not
    a sentence holding an enumeration marker, nothing before the first
    heading (the opening) or after the last section (the closing).
    """
    out: list[Raw] = []
    seen: set[str] = set()
    under_heading = False
    prev_kind = ""
    prev_level = 0
    for b in speech.blocks:
        if b.kind == "heading":
            under_heading = True
            prev_kind, prev_level = "heading", b.level
            continue
        if b.kind != "paragraph" or not under_heading:
            prev_kind = b.kind
            continue
        sentences = split_sentences(slotify(b.text), "。！？")
        if prev_kind == "heading" and prev_level == 1 and sentences:
            sentences = sentences[1:]  # the lead
        prev_kind = b.kind
        for s in sentences:
            text = elaboration(s, speech.genre)
            if text and text not in seen:
                seen.add(text)
                out.append(add_kind(text, b.line))
    return out


def _announcement(s: str, tight: bool = False) -> str:
    """The clause of a sentence that announces the parts to come (我讲三点意见), or "";
    with ``tight`` only that clause (and a short one before it), even in a short sentence."""
    m = _ANNOUNCE.search(s)
    if not m:
        return ""
    clause = _clause_at(s, m.start(), tight)
    if _DECIMAL.search(clause) or len(clause) > 60 or len(clause) < 5:
        return ""
    if len(s[m.end():].rstrip("。：:！")) > 12:  # 三点…: the announcement ends the sentence
        return ""
    return clause


def _transition(s: str, opening: bool, names: Mapping[str, str]) -> str:
    """A sentence as a transition (slotted), or "": the clause announcing the parts to come
    (下面，我讲三点意见 / 重点抓好以下四个方面), else a short 下面，…/总之，… sentence. It must
    not carry this speech's facts (下面，请张卫国同志讲话 / 请三个乡镇作交流发言): the announcing
    clause alone is tried before giving up (今年计划投资12亿元，重点抓好四个方面工作), and
    preferred to a masked figure (投资**亿元)."""
    announce = _announcement(s)
    if announce:
        text = slotify(announce)
        tied = _tied(text, names)
        if tied or "{{number}}" in text:  # a masked figure is a slot, but says the same
            tight = slotify(_announcement(s, tight=True))
            if tight and not _tied(tight, names) and "{{number}}" not in tight:
                return tight
        return "" if tied else text
    if not opening and len(s) <= 60 and _TRANSITION.search(s):
        text = slotify(s)
        return "" if _tied(text, names) else text
    return ""


def _pledge(s: str, names: Mapping[str, str]) -> str:
    """The forward-looking commitment in a sentence (为…贡献力量 / 作出新的更大贡献), slotted,
    or "": never a look back (作出了积极贡献), thanks, a cut fragment (三是…) or a clause
    carrying this speech's facts (贡献江北力量 / 为“十四五”圆满收官…)."""
    m = _PLEDGE.search(s)
    if not m:
        return ""
    clause = _ENUM_MARK.sub("", _clause_at(s, m.start())).strip()
    if len(clause) < 8 or _PAST_OR_THANKS.search(clause) or _LEAD_IN.search(clause):
        return ""
    text = slotify(clause)
    return "" if _tied(text, names) else text


def mine_file(source: SourceFile) -> tuple[str, list[Raw] | None, int, str]:
    """Read, parse and mine one file: (doc, raws or None when unreadable, speeches, reason)."""
    try:
        speeches = parse_lines(read_lines(source.path), source.doc)
    except DrafterError as e:
        reason = getattr(e, "reason", str(e))
        return source.doc, None, 0, reason
    raws: list[Raw] = []
    for sp in speeches:
        names = local_names(b.text for b in sp.blocks)
        raws.extend(_annotated(r, names) for r in mine_speech(sp, names))
    return source.doc, raws, len(speeches), ""


def _annotated(raw: Raw, names: dict[str, str]) -> Raw:
    """The raw record with its terms and facts (one jieba pass per distinct text per
    worker), plus the place and person names its speech defines for itself."""
    terms, facts = annotate(raw[1])
    own = [f for f in local_facts(raw[1], names) if not any(f[1] in t for _, t in facts)]
    return (*raw[:11], terms, facts + tuple(own))


_POINT_STYLES = ("第一，", "1.", "（1）", ORDER_STYLE)  # a heading numbered so is a point, not a section


def _parent_styles(speech: Speech) -> dict[int, str]:
    """id(heading) -> the numbering style of the heading it stands under ("" at the top)."""
    out: dict[int, str] = {}
    stack: list = []  # the open headings, outermost first
    for b in speech.blocks:
        if b.kind != "heading":
            continue
        while stack and stack[-1].level >= b.level:
            stack.pop()
        out[id(b)] = stack[-1].style if stack else ""
        stack.append(b)
    return out


def _contexts(speech: Speech) -> Callable[[int, bool], str]:
    """``context_at(line, is_heading)``: the body of the heading a line stands under.

    For a heading set, the heading above the set (the set's own first item is
    at ``line``); for anything else the nearest heading at or before ``line``.
    """
    import bisect

    heads = [(b.line, b.level, slotify(b.body or b.text)) for b in speech.blocks if b.kind == "heading"]
    lines = [h[0] for h in heads]

    def context_at(line: int, is_heading: bool) -> str:
        if is_heading:
            i = bisect.bisect_left(lines, line)
            own = heads[i][1] if i < len(heads) and heads[i][0] == line else 0
            for j in range(i - 1, -1, -1):
                if heads[j][1] < own:
                    return _strip_end(heads[j][2])
            return ""
        i = bisect.bisect_right(lines, line)
        return _strip_end(heads[i - 1][2]) if i else ""

    return context_at


def _mapped(sources: list[SourceFile], jobs: int) -> Iterator[tuple[str, list[Raw] | None, int, str]]:
    if jobs <= 1 or len(sources) < 2:
        for s in sources:
            yield mine_file(s)
        return
    import multiprocessing

    chunk = max(1, min(16, len(sources) // (jobs * 8)))
    # Ctrl-C is the parent's to handle (it keeps the old bank and says so); workers stay quiet.
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_sigint) as pool:
        yield from pool.imap(mine_file, sources, chunksize=chunk)


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def mine_paths(
    paths: Iterable[Path | str],
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[dict], MineStats]:
    """Mine a corpus into phrase records (dicts ready for ``bank.Bank``).

    Raises CorpusError when a path does not exist or holds no speech file;
    unreadable files are skipped and listed in ``MineStats.skipped``.
    """
    sources = list(iter_corpus(paths))
    stats = MineStats()
    merged: dict[tuple[str, str], dict] = {}
    if sources:
        prepare_jieba()  # once, before the workers fork: they share the dictionary
    for done, (doc, raws, n_speeches, reason) in enumerate(_mapped(sources, jobs), 1):
        if progress:
            progress(done, len(sources))
        if raws is None:
            stats.skipped.append((doc, reason))
            continue
        stats.files += 1
        stats.speeches += n_speeches
        for kind, text, items, frame, genre, rdoc, line, lines, context, level, year, terms, facts in raws:
            rec = merged.get((kind, text))
            if rec is None:
                rec = merged[(kind, text)] = {
                    "kind": kind, "text": text, "items": list(items), "frame": frame,
                    "genres": {}, "levels": {}, "year": None, "context": context,
                    "terms": list(terms), "facts": [{"type": t, "text": x} for t, x in facts],
                    "sources": [], "count": 0,
                }
            elif not rec["context"] and context:
                rec["context"] = context
            rec["count"] += 1
            rec["genres"][genre] = rec["genres"].get(genre, 0) + 1
            rec["levels"][level] = rec["levels"].get(level, 0) + 1
            if year is not None and (rec["year"] is None or year > rec["year"]):
                rec["year"] = year
            src: dict = {"doc": rdoc, "line": line}
            if len(lines) > 1:
                src["lines"] = list(lines)
            rec["sources"].append(src)
    return list(merged.values()), stats

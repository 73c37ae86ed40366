"""The moves a speech makes, and what the composer writes for each.

A genre's template lays out its moves (opening, sections, the genre's own
parts, pledge, closing); ``Moves`` gives it the text of each move: the
writer's words first, then fitting bank phrases relevant to the place, and
where nothing fits, an honest scaffold (【待补：…】) saying what belongs there.

Section bodies grow up to a budget of characters (``--length``): a lead, the
writer's points (as paragraphs or 一是…二是…), an elaboration after a point,
a bank 一是…二是… set — each only when relevant to the section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.draft.outline import AUTO, NONE
from drafter.draft.picker import Picker, Use
from drafter.draft.voice import FIXES, move_of
from drafter.text.lazyre import lazy
from drafter.text.slots import PLACEHOLDER
from drafter.text.speech import cn_numeral

if TYPE_CHECKING:
    from drafter.draft.outline import Outline, Section

# A genre's usual length in characters (what its real speeches run to).
USUAL_LENGTH = {
    "report": 2000,
    "seminar": 2000,
    "discussion": 3000,
    "pledge": 1500,
    "sharing": 2000,
    "speech": 3000,
    "address": 1000,
    "host": 1200,
}
DEFAULT_LENGTH = 2000
# Bank elaborations a section takes besides one after each of the writer's points.
MAX_ELABORATIONS = 8

# What belongs in a part the bank has nothing for.
SCAFFOLD = {
    "": "本部分主要做法和成效，建议写明数据",
    "achievements": "本部分主要做法和成效，建议写明数据",
    "problems": "存在的主要问题，建议写明两三条具体表现",
    "plans": "下步工作打算，建议写明具体措施和时间节点",
    "recognition": "对这项工作重要意义的认识，建议结合本地实际",
    "gap": "对照要求查找的差距不足，建议写明具体表现",
    "tasks": "本项任务的具体要求和措施",
    "insight": "本部分的认识体会和具体做法，建议结合本单位实际",
    "guarantee": "组织领导、责任落实和督查考核的具体要求",
    "commitment": "本单位贯彻落实的具体举措，建议写明目标和时限",
    "response": "对会议报告的认识和体会，建议结合本单位实际",
    "body": "致辞主体：活动的意义、成果或对来宾的期望",
    "attendance": "出席会议的领导和单位",
    "summary": "对会议的简要小结",
    "requirements": "贯彻落实会议精神的具体要求",
}


def scaffold(move: str) -> str:
    return f"【待补：{SCAFFOLD.get(move, SCAFFOLD[''])}】"


def real_chars(text: str) -> int:
    """Characters of real material: no spaces, no 【待补：…】."""
    return sum(1 for ch in PLACEHOLDER.sub("", text) if not ch.isspace())


def sentence(text: str) -> str:
    """End text with sentence punctuation (a colon or existing 。！？ is kept).

    >>> sentence("抓好落实"), sentence("抓好落实。"), sentence("汇报如下：")
    ('抓好落实。', '抓好落实。', '汇报如下：')
    >>> sentence("推动产业发展“主战场”"), sentence("他说“好。”")
    ('推动产业发展“主战场”。', '他说“好。”')
    """
    text = text.strip().rstrip("，、；,;")
    if not text or text[-1] in "。！？：…" or (text[-1] in "”）" and text[-2:-1] in ("。", "！", "？")):
        return text
    return text + "。"


def enum(n: int) -> str:
    return f"{cn_numeral(n)}是"


_ENUM_START = lazy(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+，|首先，|其次，|再次，|最后，)")


_PART_WORDS = {
    "recognition": lazy(r"认识|意义|站位|重要性|形势|思想"),
    "guarantee": lazy(r"保障|组织领导|责任|作风|落实|督查|考核|合力"),
    "problems": lazy(r"问题|不足|差距|短板|弱项"),
    "plans": lazy(r"下一步|下步|打算|今后|努力方向|工作思路|思路举措|计划|抓好(?:贯彻)?落实|贯彻落实$"),
}

# A section on why the work matters (深化思想认识, 充分认识重要意义), and a last section of plans.
_RECOGNITION = lazy(r"认识|意义|站位|重要性")
_LAST_PLANS = lazy(r"举措|措施|对策|努力方向|路径")
# Genres that add 下步打算 unless the outline has it: there the last section of 举措 is the plans.
_PLANS_PART = ("report", "seminar", "discussion", "sharing")

_GENRE_PART = {
    "report": "achievements", "seminar": "insight", "sharing": "insight", "speech": "tasks",
    "pledge": "commitment", "discussion": "response", "address": "body",
}

_SUBJECT = lazy(
    r"(?:在)?(?:全[国省市县区镇乡]|[^\s，]{0,8}?[省市县区镇乡])?(.{2,12}?)(?:工作)?"
    r"(?:会议|大会|推进会|座谈会|动员会|部署会|现场会|调度会|培训班|研讨会|专题会|论坛|开幕式|仪式)"
)


def _item(text: str) -> str:
    """A parallel item without its own 一是 (the draft numbers items itself)."""
    return _ENUM_START.sub("", text.strip())


@dataclass
class Moves:
    """The text of each move for one outline, drawing on a ``Picker``."""

    picker: Picker
    outline: Outline
    budget: int = 0  # characters of bank material each section may add beyond its lead
    spent: dict[int, int] = field(default_factory=dict)

    # --- parts around the sections ---------------------------------------------

    def choice(self, value: str, kind: str, query: str = "", *, count: int | None = None,
               allow_slots: bool = False) -> str:
        """The writer's text, nothing for none, else the best fitting bank phrase ("" if none fits)."""
        if value == NONE:
            return ""
        if value != AUTO:
            return value
        use = self.picker.pick(kind, query, count=count, allow_slots=allow_slots)
        return use.text if use else ""

    def salutation(self, default: str = "") -> str:
        text = self.choice(self.outline.salutation, "salutation", allow_slots=True)
        if not text and self.outline.salutation == AUTO:
            return default
        return text

    def opening(self, count: int | None = None, default: str = "") -> str:
        """The writer's opening, else a fitting bank opening, else ``default`` (none: nothing)."""
        o = self.outline
        text = sentence(self.choice(o.opening, "opening", self.picker.topic_query, count=count))
        if not text and o.opening == AUTO:
            return default
        return text

    def transition(self, count: int) -> str:
        """A sentence announcing the parts (下面，我讲三点意见。) when the bank has one for this count."""
        use = self.picker.pick("transition", self.picker.topic_query, count=count)
        return sentence(use.text) if use else ""

    def pledge(self, default: str = "") -> str:
        """The writer's pledge, else a whole bank pledge relevant to the topic, else ``default``."""
        o = self.outline
        text = sentence(self.choice(o.pledge, "pledge", self.picker.topic_query))
        if not text and o.pledge == AUTO:
            return default
        return text

    def closing(self, default: str = "") -> str:
        o = self.outline
        text = self.choice(o.closing, "closing", self.picker.topic_query)
        if not text and o.closing == AUTO:
            return default
        return text

    # --- sections ----------------------------------------------------------------

    def has_move(self, move: str) -> bool:
        """Whether the outline already has a section making this move (问题, 打算, 认识, 保障…)."""
        rx = _PART_WORDS.get(move)
        sections = self.outline.sections
        if move == "plans" and sections and _LAST_PLANS.search(sections[-1].heading):
            return True  # the last section's 务实举措 / 对策 / 努力方向 are the speech's plans
        return any(
            (rx.search(s.heading) and not (move == "problems" and FIXES.search(s.heading)) if rx
             else move_of(s.heading) == move) for s in sections
        )

    def _section_move(self, s: Section) -> str:
        """"plans" for the last section of 举措 where the genre adds plans; "recognition" for a
        section on why the work matters; else ""."""
        sections = self.outline.sections
        if (self.outline.genre in _PLANS_PART and sections and s is sections[-1]
                and _LAST_PLANS.search(s.heading) and not move_of(s.heading)):
            return "plans"
        return "recognition" if _RECOGNITION.search(s.heading) else ""

    def query(self, s: Section) -> str:
        return " ".join([s.heading, *s.keywords, *(p.text for p in s.points), *(sub.heading for sub in s.subsections)])

    def lead(self, s: Section, move: str = "") -> str:
        """The section's lead: the writer's, else a relevant bank lead made for this move."""
        if s.lead == NONE:
            return ""
        if s.lead != AUTO:
            return sentence(s.lead)
        count = len(s.subsections) or len(s.points) or None
        use = self.picker.pick("lead", self.query(s), count=count, move=move or move_of(s.heading))
        return sentence(use.text) if use else ""

    def _room(self, key: int) -> int:
        return self.budget - self.spent.get(key, 0)

    def _spend(self, key: int, use: Use | None) -> None:
        if use is not None:
            self.spent[key] = self.spent.get(key, 0) + len(use.text)

    def body(self, s: Section, style: str = "paragraphs", move: str = "", lead: bool = True) -> str:
        """A section's body: lead, points (paragraphs or 一是…二是…), elaborations, a bank set, or a scaffold.

        Returns plain speech text, one paragraph a line.
        """
        move = move or move_of(s.heading) or self._section_move(s)
        key = id(s)
        lines: list[str] = []
        lead_text = self.lead(s, move) if lead else ""
        if lead_text:
            lines.append(lead_text)
        points = [(sentence(p.text), sentence(p.detail) if p.detail else "") for p in s.points]
        # elaborations: one after each of the writer's points, then whole bank sentences about the
        # section after its lead, as many as the budget takes (a paragraph holds three)
        elaborations: list[str] = []
        for p in s.points:
            elaborations.append(self.elaborate(s, f"{p.text} {p.detail} {s.heading}", move, 1, key)
                                if self._room(key) > 0 else "")
        if self._room(key) > 0:
            more = self.elaborations(s, self.query(s), move, MAX_ELABORATIONS - (0 if lead_text else 1), key)
            paragraphs = [more[i:i + 3] for i in range(0, len(more), 3)]
            if paragraphs and lines:
                lines[-1] += "".join(paragraphs.pop(0))
            lines.extend("".join(par) for par in paragraphs)
        if style == "enum" and len(points) > 1:
            lines.append("".join(f"{enum(i)}{t}{d}{e}" for i, ((t, d), e) in enumerate(zip(points, elaborations, strict=True), 1)))
        else:
            lines.extend(f"{t}{d}{e}" for (t, d), e in zip(points, elaborations, strict=True))
        has_enum = style == "enum" and len(points) > 1
        if (style != "plain" and not s.subsections and (self._room(key) > 0 or not points)
                and self.sets_fit(move, len(points))):
            use = self.picker.pick("parallel", self.query(s), move=move)
            # after the writer's 一是…二是…, a bank set carries the numbering on (三是…)
            first = len(points) + 1 if has_enum else 1
            if use and use.items:
                self._spend(key, use)
                lines.append("".join(f"{enum(i)}{sentence(_item(it))}" for i, it in enumerate(use.items, first)))
            elif self.outline.genre == "pledge" or move == "plans":
                # a pledge's commitments, a section of plans: requirements on the subject as the
                # speaker's own measures (plans are about the whole speech's subject)
                query = f"{self.picker.subject_query} {self.query(s)}" if move == "plans" else self.query(s)
                more = self.measures(query, move, first, MAX_ELABORATIONS, key, broad=move == "plans")
                if more and has_enum:
                    lines[-1] += more
                elif more:
                    lines.append(more)
        from drafter.text.speech import format_number

        for i, sub in enumerate(s.subsections, 1):
            lines.append(f"{format_number('（一）', i)}{sub.heading}")
            lines.append(self.body(sub, style, move))
        if not points and not s.subsections and len(lines) <= (1 if lead_text else 0):
            lines.append(scaffold(self.scaffold_move(s, move)))
        return "\n".join(line for line in lines if line)

    def elaborate(self, s: Section, query: str, move: str, most: int, key: int, broad: bool = False) -> str:
        """Up to ``most`` relevant bank elaborations for a place, within the section's budget."""
        return "".join(self.elaborations(s, query, move, most, key, broad))

    def elaborations(self, s: Section, query: str, move: str, most: int, key: int,
                     broad: bool = False) -> list[str]:
        """Up to ``most`` relevant bank elaborations for a place, within the section's budget, one a sentence."""
        out = []
        for _ in range(max(0, most)):
            if self._room(key) <= 0:
                break
            use = self.picker.pick("elaboration", query, move=move, broad=broad)
            if use is None:
                break
            self._spend(key, use)
            out.append(sentence(use.text))
        return out

    def measures(self, query: str, move: str, first: int, most: int, key: int, broad: bool = False) -> str:
        """Requirements from speeches on the subject as the speaker's own numbered measures
        (要加快… → 三是加快…) for a part that looks ahead (plans, commitments), within the budget;
        "" unless two fit (one bare measure is no set)."""
        items: list[str] = []
        picked = []
        for _ in range(max(0, most)):
            if self._room(key) <= 0:
                break
            use = self.picker.pick("measure", query, move=move, broad=broad)
            if use is None:
                break
            self._spend(key, use)
            picked.append(use)
            items.append(sentence(use.text))
        if len(items) < 2:
            for use in picked:  # give them back: a lone measure reads as an order
                self.picker.untake(use)
                self.spent[key] = self.spent.get(key, 0) - len(use.text)
            return ""
        return "".join(f"{enum(i)}{t}" for i, t in enumerate(items, first))

    def part(self, move: str, s: Section | None = None) -> str:
        """A part the genre needs and the outline left out (存在的问题, 下步打算…): bank lead and set, or a scaffold.

        The part is about the whole speech: bank material naming its subject (and no other) fits.
        """
        from drafter.draft.outline import Section as _Section

        s = s or _Section(heading="", lead=AUTO)
        # the part is about the whole speech: its title, topic, meeting and the writer's headings
        query = " ".join([self.picker.subject_query, s.heading])
        own = move if move in ("problems", "plans", "requirements") else ""
        lines = []
        use = self.picker.pick("lead", query, move=own, broad=True)
        if use:
            lines.append(sentence(use.text))
        key = id(s)
        if self.budget > 0:
            more = self.elaborations(s, query, move, MAX_ELABORATIONS - 1, key, broad=True)
            paragraphs = ["".join(more[i:i + 3]) for i in range(0, len(more), 3)]
            if paragraphs and lines:
                lines[-1] += paragraphs.pop(0)
            lines.extend(paragraphs)
        if (self.budget > 0 or not use) and move in ("problems", "plans", "guarantee", "requirements"):
            # a set of measures or problems; a part on why the work matters takes none
            pset = self.picker.pick("parallel", query, move=own, broad=True)
            if pset and pset.items:
                lines.append("".join(f"{enum(i)}{sentence(_item(it))}" for i, it in enumerate(pset.items, 1)))
            elif move == "plans" and self.budget > 0:
                lines.append(self.measures(query, move, 1, MAX_ELABORATIONS, key, broad=True))
        lines = [line for line in lines if line]
        if len(lines) < 2:
            lines.append(scaffold(move))
        return "\n".join(lines)

    def sets_fit(self, move: str, points: int) -> bool:
        """Whether another speech's 一是…二是… set may stand in this section.

        A set of measures fits where the speech looks ahead (a leader's tasks, a
        pledge, plans, problems) or shares insights the writer gave little of;
        in a report of what was done, or a response to a report, another
        unit's measures would be claims this unit never made.
        """
        genre = self.outline.genre
        if move == "recognition":
            return False  # why the work matters: judgments, not another speech's measures
        if move in ("plans", "problems") or genre in ("speech", "pledge", "host"):
            return True
        return genre in ("seminar", "sharing") and points < 2

    def scaffold_move(self, s: Section, move: str = "") -> str:
        """What an empty section is for: its move, else what its heading says, else the genre's usual part."""
        if move:
            return move
        for part in ("recognition", "guarantee", "problems", "plans"):
            if _PART_WORDS[part].search(s.heading) and not (part == "problems" and FIXES.search(s.heading)):
                return part
        return _GENRE_PART.get(self.outline.genre, "")

    def subject(self) -> str:
        """What the speech is about, in a few words: the topic's first term, else from the title.

        (安全生产 from 在全县安全生产工作会议上的讲话.)
        """
        o = self.outline
        if o.topic.strip():
            return o.topic.split()[0]
        for text in (o.meeting, o.title):
            m = _SUBJECT.search(text)
            if m:
                return re.sub(r"^第.{1,3}[届次]", "", m.group(1)) or m.group(1)
        return ""

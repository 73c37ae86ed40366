"""Choosing the bank phrase for each place in a draft.

A place is a kind (lead, parallel, pledge…), a query (what the place is
about) and the move it makes (a section on problems wants a lead that
introduces problems). ``Picker.pick`` ranks the kind's phrases by relevance to
the query, drops every phrase that does not fit (``drafter.draft.fit``) or is
not relevant enough, and returns the best with the next best as
alternatives — or None, and the draft says what belongs there instead.

Every use is recorded (``Picker.uses``) with its phrase, the text as placed
and the alternatives, for the draft's provenance, the JSON output and the
Word comments.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from drafter.draft import fit
from drafter.draft import relevance as rel_rules
from drafter.draft import voice as v
from drafter.draft.retrieve import DOMAINS, GENERIC, Source, area_words, content_terms, domains_of
from drafter.draft.voice import move_of

if TYPE_CHECKING:
    from drafter.bank.store import Phrase
    from drafter.draft.outline import Outline

# Kinds whose phrases are formulas of the genre: they need no shared topic word,
# but one that names a topic must name the speech's.
FORMULAIC = ("salutation", "opening", "transition", "closing")
FORMULA_WORDS = frozenset(
    """
    根据 安排 会议 现将 如下 完毕 不当之处 批评指正 谢谢 同志们 让我们 携手 奋进 圆满成功 预祝 欢迎 感谢
    热烈 衷心 来宾 女士们 先生们 朋友们 尊敬 开会 议程 散会 出席 列席 结合 实际 方面 体会 感受 收获
    启发 深受 听了 报告 学习 交流 研讨 剖析 对照 检查 表态 坚决 拥护 贯彻 部署 作出 贡献 力量 新的
    更大 指正 请各位 领导 各位 同志 代表 嘉宾 主持 进行 议题 下面 首先 现在 今天 这次 此次 本次 会上
    """.split()
)

# The least part of a phrase's content (idf-weighted) the place must share with it,
# unless it shares three content words or more.
MIN_COVERAGE = 0.3


# Genres spoken to the leaders of a meeting (a leader's 讲话 and the chair say 同志们：).
_TO_LEADERS = ("report", "seminar", "discussion", "pledge", "sharing")


# Genres that give an account of one's own work: a leader's instruction (要…, 必须…) from
# another speech reads there as if the speaker gave orders to the meeting.
# There, and in sharing one's experience, a bare measure (建立…制度，实行…) reads as this
# unit's claim; a judgment (…是…, 只有…才能…) holds anywhere.
_ACCOUNTS = ("report", "address")  # and a welcome address: no orders to the guests
_OWN_WORK = ("report", "sharing", "discussion", "pledge")
# Genres that pledge what the speaker will do: a set that looks back (深化了…认识) is another speech's.
_FORWARD = ("pledge",)


_AREA_WORDS = frozenset(w for words in DOMAINS.values() for w in words)


@dataclass
class Use:
    """A bank phrase placed in the draft."""

    phrase: Phrase
    text: str  # as placed: slots filled, sentence punctuation added
    kind: str
    query: str
    alternatives: list[tuple[Phrase, str]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # a parallel set's items, as placed


class Picker:
    """Draws fitting, relevant phrases from a ``Source`` for one outline."""

    def __init__(self, source: Source, outline: Outline, seed: int = 0, alternatives: int = 3) -> None:
        self.source = source
        self.outline = outline
        self.rng = random.Random(seed)
        self.alternatives = alternatives
        self.level = fit.outline_level(getattr(outline, "level", ""), outline.speaker, outline.title, outline.meeting)
        self.unit = fit.unit_of(self.level, outline.speaker, outline.title, outline.meeting)
        self.year = fit.outline_year(outline.date)
        self.uses: list[Use] = []
        self.used_ids: set[str] = set()
        self.used_texts: set[str] = set()
        self.used_clauses: set[str] = set()  # the clauses of what the draft already took
        self.written = " ".join(outline_texts(outline))
        self.written_bare = "。".join(v.MARKS.sub("", t) for t in outline_texts(outline))  # without quotes and 、: 严格落实“党政同责、…”
        self.written_clauses = {c for c in v.SENTENCE_PART.split(self.written_bare) if len(c) >= 8}
        self.topic_query = " ".join([outline.title, outline.topic, outline.meeting])
        if not outline.topic.strip() and not domains_of(self.topic_query):
            # title, topic and meeting name no subject (在县委理论学习中心组专题研讨会上的发言):
            # the speech is about what its headings name (招商引资)
            named = dict.fromkeys(w for s in outline.sections for w in area_words(s.heading))
            if named:
                self.topic_query += " " + " ".join(named)
        self.topic_terms = content_terms(source.tokens(self.topic_query))
        self.domains = domains_of(self.written)
        self.rejected: dict[str, str] = {}  # phrase id -> why (for tests and debugging)
        # what does not depend on the draft is kept on the source (several drafts from one bank)
        memo = getattr(source, "_topic_memo", None)
        if memo is None:
            memo = {}
            try:
                source._topic_memo = memo  # type: ignore[attr-defined]
            except AttributeError:
                pass
        self._memo: dict = memo
        # what the whole speech is about: title, topic, meeting and the writer's headings
        # (a chair's script's headings are its agenda: 请…作交流发言 says nothing of the subject)
        self.subject_query = " ".join([self.topic_query, *(s.heading for s in outline.sections
                                                           if outline.genre != "host")])
        self._subject = self.subject_query
        # (phrase id, kind) -> why it does not fit anywhere in this outline's draft
        self._static: dict[tuple[str, str], str] = {}

    # --- fit ------------------------------------------------------------------

    def fill(self, p: Phrase, text: str | None = None, allow_slots: bool = False) -> str | None:
        """The phrase's text with slots filled by meaning, or None when a slot stays empty."""
        filled, missing = fit.fill_by_meaning(self.adapt(p.text if text is None else text), self.outline.vars)
        if missing and not allow_slots:
            return None
        return filled

    def adapt(self, text: str) -> str:
        """A phrase's words for its own unit made the speaker's (全市 → 全县 in a county's speech)."""
        return fit.adapt_level(text, self.level, self.unit)

    def why_not(self, p: Phrase, kind: str, *, count: int | None = None, move: str | None = None) -> str:
        """Why a phrase does not fit (empty when it does)."""
        if p.id in self.used_ids or p.text in self.used_texts:
            return "used"
        key = (p.id, kind)
        if key not in self._static:
            self._static[key] = self._why_not_here(p, kind)
        if self._static[key]:
            return self._static[key]
        if kind == "parallel" and move in ("requirements", "plans") and p.items and 2 * sum(
                bool(v.JUDGES.search(it)) for it in p.items) >= len(p.items):
            return "judgments, where requirements or plans are set out"
        if kind == "elaboration" and move == "recognition" and (
                v.ORDER.match(p.text) or not (v.JUDGMENT.search(p.text) or v.EQUATES.search(p.text))):
            return "not a judgment, where the speech says why the work matters"
        if self.used_clauses and any(c in self.used_clauses for c in v.clauses(p.text)):
            return "says again what the draft already says"
        announced = fit.announced_count(p.text)
        if announced is not None and kind not in ("parallel", "elaboration") and announced != count:
            return f"announces {announced} parts, {count} follow"
        if kind == "measure":
            own = v.move_of(p.text, heading=False)
            return f"made for {own}" if own == "problems" else ""
        if move is not None:
            context_move = v.move_of(getattr(p, "context", "") or "")
            if kind == "parallel" and p.items:
                # a set is made for problems when its items state problems, whatever its joined text says
                deficits = sum(bool(v.DEFICIT.search(it)) and not v.LESSON.search(it) for it in p.items) * 2 >= len(p.items)
                insights = sum(bool(v.INSIGHT.search(it)) for it in p.items) * 2 >= len(p.items)
                own = ("problems" if deficits else "recognition" if insights
                       else "" if context_move == "problems" else context_move)
            else:
                own = v.move_of(p.text, heading=False) or context_move
            if own and own != move:
                return f"made for {own}"
            if move in ("problems", "plans") and own != move:
                return f"not made for {move}"
        return ""

    def _why_not_here(self, p: Phrase, kind: str) -> str:
        """The checks that do not depend on the place within the draft."""
        o = self.outline
        if p.text in self.written:
            return "the writer wrote it"
        facts = fit.foreign_facts(p, o.vars)
        if facts:
            return "carries facts: " + "、".join(facts)
        problem = fit.register_problem(kind, self.adapt(p.text), o.genre, self.level, f"{o.meeting} {o.title}", p.genres)
        if problem:
            return problem
        if fit.year_weight(getattr(p, "year", None), self.year) == 0:
            return "too old"
        if kind == "measure":
            if not v.MEASURE.match(p.text) or v.ADDRESSED.search(p.text):
                return "not a measure of one's own"
            if fit.is_fragment("lead", p.text[1:]):
                return "a fragment"
        elif kind in ("lead", "pledge", "opening", "elaboration") and fit.is_fragment(
                "lead" if kind == "elaboration" else kind, p.text):
            return "a fragment"
        if kind in ("lead", "elaboration") and o.genre != "discussion" and v.ON_THE_REPORT.search(p.text):
            return "speaks of the report a discussion responds to"
        if kind == "measure" and v.ON_THE_REPORT.search(p.text):
            return "speaks of the report a discussion responds to"
        if o.genre not in ("speech", "host"):
            for m in v.DEPARTMENT.finditer(p.text):
                if m.group(1) not in f"{o.speaker} {o.title}":
                    return f"speaks of another department's duty ({m.group()})"
        own = f"{o.speaker} {o.title} {o.topic}"
        if "社区" in own and "村" not in own and v.VILLAGE.search(p.text):
            return "speaks of villages, in a community's speech"
        for m in v.SELF_ORG.finditer(p.text):
            if m.group(1) not in f"{o.speaker} {o.title} {o.meeting}":
                return f"speaks as another unit ({m.group(1)})"
        order = v.ORDER.match(p.text)
        if o.genre in _ACCOUNTS and (kind == "elaboration" or (kind == "lead" and not v.move_of(p.text, heading=False))) \
                and (order or not v.JUDGMENT.search(p.text)):
            return "an instruction or another unit's measure, in a report or an address"
        if kind == "elaboration" and o.genre in _OWN_WORK and not v.STANCE.search(p.text):
            return "another unit's measure, in a speech about one's own work"
        if kind in ("elaboration", "lead") and o.genre in ("seminar", "sharing") and order \
                and v.ADDRESSED.search(p.text[:order.end()]):
            return "an order to others (各级…要), in a speech sharing one's own thinking"
        if kind == "elaboration" and o.genre in ("pledge", "discussion") and order:
            return "an instruction, in a pledge or a discussion (measures come as 一是…)"
        if kind in ("parallel", "measure") and o.genre in _FORWARD and any(v.LOOKS_BACK.search(it) for it in p.items or [p.text]):
            return "looks back, in a speech that pledges what it will do"
        if kind == "parallel" and o.genre in _FORWARD and 2 * sum(
                bool(v.JUDGES.search(it)) for it in p.items) >= len(p.items):
            return "items are no commitments (形势依然严峻…), in a pledge"
        if kind == "parallel" and any(fit.is_fragment("parallel", it) for it in p.items):
            return "items are fragments"
        if kind == "transition" and fit.announced_count(p.text) is None:
            return "announces no parts"
        if kind == "parallel" and any(it and it in self.written for it in p.items):
            return "repeats the writer's point"
        bare = v.MARKS.sub("", v.MEASURE_WORD.sub(r"\1", p.text))
        if (any(len(c) >= 6 and c in self.written for c in v.CLAUSE.split(p.text))
                or any(len(c) >= 8 and c in self.written_bare for c in v.SENTENCE_PART.split(bare))
                or any(w in bare for w in self.written_clauses)):
            return "says again what the writer wrote"
        other = domains_of(p.text) - self.domains
        if other:
            return "another policy area: " + "、".join(sorted(other))
        if kind in ("lead", "elaboration", "parallel", "measure") and self.domains and not domains_of(p.text) & self.domains:
            elsewhere = self.other_subject(p)
            if elsewhere:
                return "from a speech on another subject: " + elsewhere
        return ""

    def other_subject(self, p: Phrase) -> str:
        """The policy areas of the speeches a phrase came from, when every one of them (whose
        title the bank holds) is on an area this outline is not: a sentence that names none
        of the outline's areas, taken from a 防汛 speech into a 安全生产 pledge, is that
        speech's, not this one's. "" when some source is on this outline's areas or unknown."""
        titles = self._titles()
        found: set[str] = set()
        for src in p.sources:
            title = titles.get(src.get("doc", ""))
            areas = domains_of(title) if title else set()
            if not areas or areas & self.domains:
                return ""
            found |= areas
        return "、".join(sorted(found))

    def same_subject(self, p: Phrase) -> bool:
        """Whether a source of the phrase is a speech on this speech's subject: its title names a
        policy area this outline's title, topic or meeting names (a 营商环境 speech's sentence,
        in a 营商环境 speech)."""
        own = self._memo.get(("areas", self.topic_query))
        if own is None:
            own = self._memo[("areas", self.topic_query)] = domains_of(self.topic_query)
        if not own:
            return False
        titles = self._titles()
        return any(domains_of(titles.get(src.get("doc", ""), "")) & own for src in p.sources)

    def _titles(self) -> dict[str, str]:
        titles = self._memo.get("titles")
        if titles is None:
            titles = {}
            for t in self.source.of_kind("title"):
                for src in t.sources:
                    titles.setdefault(src.get("doc", ""), t.text)
            self._memo["titles"] = titles
        return titles

    # --- topic ----------------------------------------------------------------------

    def vocabulary(self) -> set[str]:
        """Words that name what speeches are about: the terms of the bank's titles (a bounded
        sample) and the policy areas' words."""
        vocab = self._memo.get("vocabulary")
        if vocab is None:
            vocab = set(_AREA_WORDS)
            for p in self.source.of_kind("title"):
                vocab.update(self.source.terms_of(p))
            self._memo["vocabulary"] = vocab
        return vocab

    def topic_terms_of(self, p: Phrase) -> set[str]:
        """A phrase's topic-bearing terms: specific in the bank and not boilerplate."""
        key = ("terms", p.id)
        if key not in self._memo:
            found = rel_rules.topical_terms(self.source.terms_of(p), self._share, always=self.vocabulary())
            self._memo[key] = found | set(area_words(p.text))
        return self._memo[key]

    def _names(self, p: Phrase) -> Any:
        """Whether a term names a subject speeches are given (the bank's titles, the policy areas)."""
        return self.vocabulary().__contains__

    def _share(self, term: str) -> float:
        share = getattr(self.source, "share", None)
        return share(term) if share is not None else 0.0

    def place_of(self, kind: str, query: str) -> str:
        """The text a phrase placed here must be about: the speech's subject (title, topic,
        meeting, and for openings, pledges and closings its headings) and the place's query."""
        if kind in FORMULAIC or kind == "pledge":
            return f"{self._subject} {query}"
        return f"{self.topic_query} {query}"

    def items_on_topic(self, p: Phrase, kind: str, query: str) -> bool:
        """Whether a set speaks of the place: the heading it stood under does, or at least half
        of its items do (a set of another unit's measures — 在主业提升上再聚焦… under 下步打算 —
        is not made relevant by one item on 党建)."""
        place = self.place_of(kind, query)
        key = ("set place", place)
        place_terms = self._memo.get(key)
        if place_terms is None:
            place_terms = self._memo[key] = self.place_terms(place) | content_terms(self.source.tokens(place))
        context = getattr(p, "context", "") or ""
        if context:
            words = content_terms(self.source.tokens(context)) - rel_rules.OFFICIAL
            if any(t in place or rel_rules.covered(t, place, place_terms)
                   for t in words if self._share(t) <= rel_rules.COMMON_SHARE):
                return True
        near = 0
        for item in p.items:
            words = content_terms(self.source.tokens(item)) - rel_rules.OFFICIAL
            if any(rel_rules.covered(t, place, place_terms) for t in words):
                near += 1
        return 2 * near >= len(p.items)

    def place_terms(self, place: str) -> frozenset[str]:
        """The topic-bearing words of a place, and those of the policy areas it names that the
        speech is about (治污 is about 生态环境 in an 生态环境 speech; a point on 农村人居环境 there
        does not make every 乡村振兴 word — 耕地, 粮食 — the place's)."""
        key = ("place", place)
        if key not in self._memo:
            found = rel_rules.topical_terms(self.source.tokens(place), self._share, always=self.vocabulary())
            areas = domains_of(place)
            speech_areas = self._memo.get(("areas", self.topic_query))
            if speech_areas is None:
                speech_areas = self._memo[("areas", self.topic_query)] = domains_of(self.topic_query)
            if speech_areas:
                areas &= speech_areas
            self._memo[key] = frozenset(found | {w for d in areas for w in DOMAINS[d]})
        return self._memo[key]

    def anchor(self) -> frozenset[str]:
        """The words of the speech's own subject: its title's, topic's and meeting's topic-bearing
        words and those of the policy areas they name."""
        found = self._memo.get(("anchor", self.topic_query))
        if found is None:
            found = self._memo[("anchor", self.topic_query)] = frozenset(
                rel_rules.topical_terms(self.source.tokens(self.topic_query), self._share, always=self.vocabulary())
                | {w for d in domains_of(self.topic_query) for w in DOMAINS[d]})
        return found

    def on_topic(self, p: Phrase, kind: str, query: str, shared: int = 0, broad: bool = False) -> bool:
        """Whether the phrase's own topic-bearing terms are covered by its place (``relevance``);
        ``shared``: content words it shares with the place's query."""
        place = self.place_of(kind, query)
        key = ("about", p.id, kind, place, shared >= 2, broad)
        if key not in self._memo:
            strict = kind in FORMULAIC or kind == "pledge"
            self._memo[key] = rel_rules.about(self.topic_terms_of(p), self._names(p), place, self.place_terms(place),
                                              self.source.idf, strict=strict, shared_enough=shared >= 2,
                                              broad=broad, anchor=self.anchor() if broad else ())
        return self._memo[key]

    def point_on_topic(self, p: Phrase, kind: str, query: str) -> bool:
        """Whether what a sentence asks for is about its place: the subject words after its
        必须/要/关键在 (抓招商引资…，都必须同步考虑安全条件 asks for 安全, not 招商引资)."""
        m = v.POINT.search(p.text)
        if not m or m.start() < 4:
            return True
        names = self._names(p)
        focus = {t for t in self.source.tokens(p.text[m.end():]) if t in self.topic_terms_of(p) and names(t)}
        if not focus:
            return True
        place = self.place_of(kind, query)
        return bool(focus - rel_rules.uncovered(focus, place, self.place_terms(place)))

    def relevance(self, p: Phrase, kind: str, query_terms: set[str], score: float, query: str = "",
                  broad: bool = False) -> float:
        """How well a phrase suits a place (0: not at all)."""
        terms = set(self.source.terms_of(p))
        mine = content_terms(terms)
        # shared with the place: the same term, or one holding the other (生态 / 生态环境)
        shared = {t for t in mine if rel_rules.covered(t, query, query_terms)} if query else set()
        # words that say something, one per root (责任人 and 责任书 are one)
        telling = {t[:2] for t in shared if t not in FORMULA_WORDS and t not in rel_rules.OFFICIAL}
        tie = len(telling)
        if tie == 1 and kind in ("elaboration", "measure", "lead") and self.same_subject(p):
            tie = 2  # from a speech on this speech's subject, and a telling word of the place
        if kind in ("parallel", "heading") and p.items:
            # a set: its heading or its items tie it to the place; its subject words decide against
            if not self.items_on_topic(p, kind, query) or not self.on_topic(p, kind, query, 2, broad):
                return 0.0
        elif not self.on_topic(p, kind, query, tie, broad):
            return 0.0
        elif kind in ("elaboration", "lead", "measure") and not self.point_on_topic(p, kind, query):
            return 0.0
        topical = {t for t in mine if t not in FORMULA_WORDS}
        if kind in FORMULAIC:
            if kind != "salutation" and topical and not (topical & (query_terms | self.topic_terms)):
                return 0.0  # names some other subject
            base = 1.0 + 0.5 * len(shared)
        else:
            if not shared:
                return 0.0
            if kind in ("elaboration", "lead", "measure") and not self.topic_terms_of(p) and len(telling) < 2:
                return 0.0  # a saying about nothing in particular: it must share more than a word
            base = score if score > 0 else float(len(shared))
        o = self.outline
        return (
            base
            * fit.genre_weight(p, o.genre)
            * fit.level_weight(p, self.level)
            * fit.year_weight(getattr(p, "year", None), self.year)
        )

    # --- picking ----------------------------------------------------------------

    def candidates(self, kind: str, query: str = "", *, count: int | None = None, move: str | None = None,
                   allow_slots: bool = False, limit: int = 60, broad: bool = False) -> list[tuple[float, Phrase, str]]:
        """Fitting phrases of a kind with their relevance and placed text, best first."""
        query_terms = frozenset(content_terms(self.source.tokens(query))) if query else frozenset()
        if kind in FORMULAIC:
            scored = [(0.0, p) for p in self.source.formulas(kind, self.outline.genre, query or self.topic_query)]
        elif not query_terms:
            return []  # nothing to be relevant to
        else:
            if kind == "measure":  # requirements (要…) stand as leads and as elaborations
                scored = sorted((t for k, n in (("elaboration", 3 * limit), ("lead", limit))
                                 for t in self.source.retrieve(k, query, n) if t[1].text.startswith("要")),
                                key=lambda t: -t[0])
            else:
                scored = self.source.retrieve(kind, query, limit)
        out = []
        for score, p in scored:
            reason = self.why_not(p, kind, count=count, move=move)
            if reason:
                self.rejected[p.id] = reason
                continue
            rel = self.relevance(p, kind, query_terms, score, query, broad)
            if rel <= 0:
                self.rejected[p.id] = "not relevant"
                continue
            text = self.fill(p, v.MEASURE_WORD.sub(r"\1", p.text) if kind == "measure" else None,
                             allow_slots=allow_slots)
            if text is None:
                self.rejected[p.id] = "a slot the outline does not fill"
                continue
            if "【待补：" in text:
                rel *= 0.5  # one the writer must complete comes after one that is whole
            if kind == "salutation" and self.outline.genre in _TO_LEADERS and "领导" not in text:
                rel *= 0.7  # speaking at a meeting the leaders chair: 各位领导 first
            if kind == "salutation" and not re.search(r"各位|尊敬|同志们|朋友们|代表们", text):
                rel *= 0.5  # 大家好！ greets; it does not address the meeting
            out.append((rel, p, text))
        out.sort(key=lambda t: (-t[0], t[1].id))
        return out

    def pick(self, kind: str, query: str = "", *, count: int | None = None, move: str | None = None,
             allow_slots: bool = False, broad: bool = False) -> Use | None:
        """The best fitting, relevant phrase for a place (seeded among near-equals), or None.

        ``broad``: the place is about the whole speech (a part on its plans or problems).
        """
        pool = self.candidates(kind, query, count=count, move=move, allow_slots=allow_slots, broad=broad)
        if not pool:
            return None
        best = pool[0][0]
        near = [c for c in pool[:4] if c[0] >= best * 0.9]
        chosen = self.rng.choice(near)
        _, p, text = chosen
        alts = [(q, t) for _, q, t in pool if q.id != p.id][: self.alternatives]
        use = Use(p, text, kind, query, alts)
        if kind == "parallel":
            use.items = [self.fill(p, it, allow_slots) or it for it in p.items]
        self.take(use)
        return use

    def take(self, use: Use) -> None:
        self.uses.append(use)
        self.used_ids.add(use.phrase.id)
        self.used_texts.add(use.phrase.text)
        self.used_clauses.update(v.clauses(use.phrase.text))
        for it in use.items:
            self.used_clauses.update(v.clauses(it))

    def untake(self, use: Use) -> None:
        """Forget a use the draft did not keep after all."""
        self.uses = [u for u in self.uses if u is not use]
        self.used_ids.discard(use.phrase.id)
        self.used_texts.discard(use.phrase.text)
        self.used_clauses = {c for u in self.uses for t in (u.phrase.text, *u.items) for c in v.clauses(t)}

    def frames(self, holes: int | None = None, query: str = "") -> list[Phrase]:
        """Phrases with a frame (heading and parallel sets), best first."""
        out = []
        for kind in ("heading", "parallel"):
            for p in self.source.of_kind(kind):
                if not getattr(p, "frame", None):
                    continue
                if holes is not None and len(re.findall(r"\{\{\d+\}\}", p.frame or "")) != holes:
                    continue
                out.append(p)
        return out


def outline_texts(outline: Outline) -> list[str]:
    """Everything the writer wrote, in order (title, speaker, written choices, sections)."""
    from drafter.draft.outline import AUTO, NONE

    out = [outline.title, outline.speaker, outline.meeting, outline.topic]
    for key in ("salutation", "opening", "pledge", "closing"):
        v = getattr(outline, key)
        if v not in (AUTO, NONE):
            out.append(v)
    if outline.attendance:
        out.append(outline.attendance)

    def walk(sections: Any) -> None:
        for s in sections:
            out.append(s.heading)
            if s.lead not in (AUTO, NONE):
                out.append(s.lead)
            for p in s.points:
                out.append(p.text)
                if p.detail:
                    out.append(p.detail)
            walk(s.subsections)

    walk(outline.sections)
    return [t for t in out if t]


__all__ = ["FORMULAIC", "GENERIC", "Picker", "Use", "move_of", "outline_texts"]

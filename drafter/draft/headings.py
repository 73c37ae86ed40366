"""Parallel headings from a writer's key words (``drafter headings 责任 隐患 基础``).

Sibling headings and 一是…二是… sets share a frame, mined with the set
(在“{{1}}”上下功夫见成效). A frame with one hole takes one key word per
heading, so three words give three parallel headings. Sets are ranked by the
frame's fit: the outline's genre, how many real speeches used the set, and how
much meaning the frame's fixed words carry; each names its source.

An outline section may ask for the same: ``keywords: [责任]`` instead of
``heading``; the sections with key words share the best frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from drafter.bank.frames import FRAME_HOLE, fill_frame
from drafter.text.lazyre import lazy

if TYPE_CHECKING:
    from drafter.draft.picker import Picker
    from drafter.draft.retrieve import Source

_HAN = lazy(r"[\u4e00-\u9fff]")


@dataclass
class HeadingSet:
    headings: list[str]
    frame: str
    phrase: str  # the id of the set the frame was mined from
    example: list[str]  # that set's own headings
    sources: list[dict[str, Any]] = field(default_factory=list)
    score: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "headings": self.headings,
            "frame": self.frame,
            "phrase": self.phrase,
            "example": self.example,
            "sources": [{"doc": s.get("doc", ""), "line": s.get("line", 0)} for s in self.sources],
            "score": round(self.score, 3),
        }


def _fixed_chars(frame: str) -> int:
    return len(_HAN.findall(FRAME_HOLE.sub("", re.sub(r"\{\{\w+\}\}", "", frame))))


def _hole_values(p: Any) -> list[str]:
    """What the set's own items put in the frame's hole."""
    from drafter.bank.frames import frame_pattern

    rx = frame_pattern(p.frame)
    out = []
    for it in p.items:
        m = rx.match(it)
        if m:
            out.append(m.group(1))
    return out


def heading_sets(source: Source, words: Sequence[str], genre: str | None = None, limit: int = 10) -> list[HeadingSet]:
    """Sets of parallel headings made from ``words``, best first."""
    import math

    found: list[HeadingSet] = []
    seen: set[str] = set()
    for kind in ("heading", "parallel"):
        for p in source.of_kind(kind):
            frame = getattr(p, "frame", None)
            if not frame or len(FRAME_HOLE.findall(frame)) != 1 or re.search(r"\{\{[a-z_]+\}\}", frame):
                continue
            fixed = _fixed_chars(frame)
            if fixed < 3 or frame in seen:
                continue  # a frame of a character or two carries no meaning
            values = _hole_values(p)
            if values and max(len(v) for v in values) > 24:
                continue  # the hole held whole clauses: not a frame for a key word
            seen.add(frame)
            score = min(fixed, 12) / 12
            score += 0.5 if kind == "heading" else 0.0
            if genre and (genre in (p.genres or {}) or p.genre == genre):
                score += 0.5
            score += min(1.0, math.log1p(p.count) / 3)
            if values:
                mean = sum(len(v) for v in values) / len(values)
                score -= min(0.5, abs(mean - sum(len(w) for w in words) / max(1, len(words))) / 20)
                if mean > 6:
                    score -= 0.5  # the hole held clauses: a key word alone reads thin there
                if all(f"“{v}”" in it for v, it in zip(values, p.items, strict=False)):
                    score += 0.3  # 在“…”上: a quoted key word is what the frame was made for
            found.append(HeadingSet([fill_frame(frame, [w]) for w in words], frame, p.id, list(p.items),
                                    list(p.sources), score))
    found.sort(key=lambda h: (-h.score, h.phrase))
    return found[:limit] if limit else found


def section_headings(picker: Picker, sections: Sequence[Any]) -> dict[int, str]:
    """Headings for the sections that give key words instead of a heading (one shared frame)."""
    asking = [s for s in sections if not s.heading and s.keywords]
    if not asking:
        return {}
    words = ["".join(s.keywords[:2]) if len(s.keywords) > 1 else s.keywords[0] for s in asking]
    sets = [h for h in heading_sets(picker.source, words, picker.outline.genre) if h.phrase not in picker.used_ids]
    if not sets:
        return {}
    best = sets[0]
    picker.used_ids.add(best.phrase)
    return {id(s): h for s, h in zip(asking, best.headings, strict=True)}

"""Where each sentence of a draft came from: the outline, the template or the bank.

After the template has rendered and the text is parsed into blocks, every
block is split into sentences and each sentence is traced: to the bank phrase
placed there (with its sources and alternatives), to the writer's outline, or
else to the template. ``Sentence`` records feed the render summary, the
``--format json`` output and the Word comments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from drafter.text.lazyre import lazy
from drafter.text.slots import PLACEHOLDER

if TYPE_CHECKING:
    from drafter.draft.picker import Use
    from drafter.text.speech import Speech

_PREFIX = lazy(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）|第[一二三四五六七八九十]+，"
    r"|[一二三四五六七八九十]+是)"
)
_PUNCT = "。！？；：，、”’」）“‘「（ "


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a block (ending at 。！？；：, closing quotes kept; never inside 【】).

    >>> split_sentences("甲。乙：【待补：丙】。")
    [(0, 2), (2, 4), (4, 11)]
    """
    out = []
    start, depth, i, n = 0, 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "【":
            depth += 1
        elif ch == "】":
            depth = max(0, depth - 1)
        elif ch in "。！？；：" and depth == 0:
            while i + 1 < n and text[i + 1] in "。！？；：”’」）":
                i += 1
            out.append((start, i + 1))
            start = i + 1
        i += 1
    if start < n:
        out.append((start, n))
    return out


def _core(text: str) -> str:
    return _PREFIX.sub("", text.strip()).strip(_PUNCT)


@dataclass
class Sentence:
    text: str
    origin: str  # outline | template | bank
    start: int = 0  # character span in its block's text
    end: int = 0
    use: Use | None = None

    def to_json(self) -> dict[str, Any]:
        u = self.use
        return {
            "text": self.text,
            "origin": self.origin,
            "phrase": u.phrase.id if u else None,
            "sources": _sources(u.phrase) if u else [],
            "alternatives": [
                {"phrase": p.id, "text": t, "sources": _sources(p)} for p, t in (u.alternatives if u else [])
            ],
        }


def _sources(p: Any) -> list[dict[str, Any]]:
    out = []
    for s in getattr(p, "sources", None) or []:
        rec = {"doc": s.get("doc", ""), "line": s.get("line", 0)}
        year = s.get("year", getattr(p, "year", None))
        if year:
            rec["year"] = year
        out.append(rec)
    return out


@dataclass
class Traced:
    """Every block's sentences with their origin."""

    blocks: list[list[Sentence]] = field(default_factory=list)

    def chars(self) -> dict[str, int]:
        """Characters (no spaces, no 【待补】) by origin."""
        out = {"outline": 0, "bank": 0, "template": 0}
        for sents in self.blocks:
            for s in sents:
                out[s.origin] += sum(1 for ch in PLACEHOLDER.sub("", s.text) if not ch.isspace())
        return out


def trace(speech: Speech, uses: Sequence[Use], written: Sequence[str]) -> Traced:
    """Attribute every sentence of ``speech`` to a bank use, the outline or the template."""
    bank_texts: list[tuple[str, Use]] = []
    for u in uses:
        bank_texts.append((u.text, u))
        for it in u.items:
            bank_texts.append((it, u))
    outline_cores = [c for c in (_core(w) for w in written) if c]
    out = Traced()
    for b in speech.blocks:
        sents: list[Sentence] = []
        for start, end in split_sentences(b.text):
            text = b.text[start:end]
            core = _core(text)
            origin, use = "template", None
            if core and not PLACEHOLDER.fullmatch(text.strip()):
                for t, u in bank_texts:
                    if core in t:
                        origin, use = "bank", u
                        break
                else:
                    if any(core in w or (len(w) >= 4 and w in core) for w in outline_cores):
                        origin = "outline"
            sents.append(Sentence(text, origin, start, end, use))
        out.blocks.append(sents)
    return out

"""The rules behind ``drafter check``, one module per family; ``drafter.check`` documents
the codes and runs them.

Every rule is a function ``rule(ctx) -> Iterator[Hit]`` over one parsed
speech. A ``Hit`` is a finding without file and severity: code, line,
excerpt, message (简体中文, saying what to do).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from drafter.check.archive import copied
from drafter.check.base import Context, Hit, gram_counts
from drafter.check.dated import dated_wording
from drafter.check.fragments import fragments
from drafter.check.genre import genre_parts
from drafter.check.length import long_sentences, paragraph_breaks
from drafter.check.masks import masks, placeholders
from drafter.check.numbering import enumerations, numbering
from drafter.check.parallel import parallel_headings
from drafter.check.punctuation import half_width, pairs
from drafter.check.repetition import duplicated_paragraphs, repetition

__all__ = ["RULES", "Context", "Hit", "gram_counts"]

RULES: tuple[Callable[[Context], Iterator[Hit]], ...] = (
    masks, placeholders, numbering, enumerations, parallel_headings, repetition, duplicated_paragraphs,
    half_width, pairs, long_sentences, paragraph_breaks, fragments, genre_parts, dated_wording,
    copied,
)

"""Notes the Word writer attaches to a draft as comments (Word's and WPS's review pane)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    """A comment on characters ``[start, end)`` of ``speech.blocks[block].text``.

    ``text`` may hold several lines (the source, then the alternatives).
    """

    block: int
    start: int
    end: int
    text: str
    author: str = "drafter"

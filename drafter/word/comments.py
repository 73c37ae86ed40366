"""Word comments (批注) anchored on characters of a speech's blocks.

A :class:`~drafter.word.notes.Note` names a block and a character range of
that block's text. The writer cuts the block's text into runs at every note
boundary (:func:`cut_points`, :func:`segments`), then anchors each comment on
the runs its range covers (:func:`anchor`; ``package.Package`` writes the XML).
The text shown in Word may differ from the block's text (a long title gets
line breaks, characters XML refuses are dropped): :func:`align` maps block
offsets to shown offsets.

Comments use Word's own style names (CommentText, CommentReference), defined
here (:func:`ensure_styles`, in every empty document) small and single-spaced so a note does not inherit the body's 3号 type
and exact 28 pt lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from drafter.word.notes import Note

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

    from drafter.word.package import Package

# Characters XML 1.0 does not allow; lxml refuses them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Characters of a block's text the shown text may leave out.
_DROPPABLE = frozenset(" \t\r\u3000\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                       "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff")

COMMENT_FACE = "宋体"
COMMENT_SIZE = 10.5  # 五号


def check_notes(notes: Sequence[Note], n_blocks: int, texts: Sequence[str]) -> dict[int, list[Note]]:
    """Notes grouped by block, each checked against its block's text.

    A note that does not fit its speech is a programming error of the caller:
    ``ValueError`` naming the note.
    """
    by_block: dict[int, list[Note]] = {}
    for note in notes:
        if not 0 <= note.block < n_blocks:
            raise ValueError(f"note on block {note.block}, the speech has {n_blocks} blocks: {note!r}")
        length = len(texts[note.block])
        if not 0 <= note.start <= note.end <= length:
            raise ValueError(f"note range [{note.start}, {note.end}) outside block of {length} characters: {note!r}")
        by_block.setdefault(note.block, []).append(note)
    return by_block


def cut_points(notes: Sequence[Note], length: int) -> list[int]:
    """Sorted offsets where a block's text must be cut into runs (0 and ``length`` included).

    >>> cut_points([Note(0, 2, 5, "x"), Note(0, 4, 9, "y")], 9)
    [0, 2, 4, 5, 9]
    """
    cuts = {0, length}
    for n in notes:
        cuts.update((n.start, n.end))
        if n.start == n.end:  # an insertion point: anchor on the character after it (or before)
            cuts.add(n.start + 1 if n.start < length else length - 1)
    return sorted(c for c in cuts if 0 <= c <= length)


def align(original: str, shown: str) -> list[int]:
    """For each offset 0…len(original) of ``original``, the matching offset in ``shown``.

    ``shown`` is ``original`` with some whitespace or control characters
    dropped and line breaks inserted.

    >>> align("关于某事 的汇报", "关于某事\\n的汇报")
    [0, 1, 2, 3, 4, 5, 6, 7, 8]
    >>> align("ab\\x07c", "abc")
    [0, 1, 2, 2, 3]
    """
    out: list[int] = []
    j = 0
    for ch in original:
        while j < len(shown) and shown[j] != ch and shown[j] == "\n" and ch not in _DROPPABLE:
            j += 1  # a line break the writer inserted
        out.append(j)
        if j < len(shown) and shown[j] == ch:
            j += 1
        # otherwise ``ch`` was dropped: the next character starts at the same place
    out.append(len(shown) if j >= len(shown) else j)
    return out


def segments(original: str, shown: str, cuts: Sequence[int]) -> list[tuple[int, int, str]]:
    """(start, end, shown text) for each piece between consecutive cuts (block offsets).

    >>> segments("一二三四", "一二三四", [0, 1, 3, 4])
    [(0, 1, '一'), (1, 3, '二三'), (3, 4, '四')]
    """
    where = align(original, shown)
    return [(a, b, shown[where[a] : where[b]]) for a, b in pairwise(cuts)]


def runs_for(note: Note, pieces: Sequence[tuple[int, int, Any]]) -> list[Any]:
    """The runs (``w:r`` elements) a note covers; at least one (an empty range
    anchors on the run at its start)."""
    covered = [r for a, b, r in pieces if a < note.end and b > note.start and a < b]
    if covered:
        return covered
    return [r for a, b, r in pieces if a <= note.start < b] or [r for _a, _b, r in pieces[-1:]]


def initials(author: str) -> str:
    """Initials Word shows in the comment balloon.

    >>> initials("drafter"), initials("张三")
    ('D', '张')
    """
    author = author.strip()
    return author[:1].upper() if author else ""


def anchor(package: Package, note: Note, runs: Sequence[Any]) -> None:
    """Add ``note`` as a Word comment spanning ``runs``; one comment paragraph per line."""
    text = _xml_safe(note.text.replace("\r\n", "\n").replace("\r", "\n"))
    package.comment(runs[0], runs[-1], text, note.author, initials(note.author))


def _xml_safe(text: str) -> str:
    return _XML_INVALID.sub("", text)


def ensure_styles(doc: Document) -> None:
    """CommentText (五号宋体, single spacing, no indent) and CommentReference, once."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.styles.style import StyleFactory

    styles = doc.styles.element
    if styles.get_by_id("CommentText") is not None:
        return
    text_style = StyleFactory(styles.add_style_of_type("annotation text", WD_STYLE_TYPE.PARAGRAPH, False))
    text_style.style_id = "CommentText"
    text_style.base_style = doc.styles["Normal"]
    ppr = text_style.element.get_or_add_pPr()
    spacing = ppr.get_or_add_spacing()
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:firstLineChars"), "0")
    ppr.get_or_add_jc().set(qn("w:val"), "left")
    rpr = text_style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), COMMENT_FACE)
    rpr.get_or_add_sz().set(qn("w:val"), str(round(COMMENT_SIZE * 2)))

    ref = StyleFactory(styles.add_style_of_type("annotation reference", WD_STYLE_TYPE.CHARACTER, False))
    ref.style_id = "CommentReference"
    ref.element.get_or_add_rPr().get_or_add_sz().set(qn("w:val"), "16")

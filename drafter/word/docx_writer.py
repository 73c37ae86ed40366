"""Write a parsed speech to .docx laid out to GB/T 9704-2012 and 讲话稿 practice.

The layout follows the "use" column of ``docs/gbt9704.md``. The pieces live in
their own modules: ``styles`` (every format, by style), ``fonts`` (faces and
the font table Word falls back with), ``page`` (A4, margins, the page-number
footer), ``properties`` (core/app), ``titles`` (breaking a long title),
``comments`` (notes as Word comments), ``reference`` (a unit's own template).
This module puts a speech's blocks into paragraphs: each paragraph names its
style and its runs carry nothing but a run-in heading's character style.

``docx`` is imported inside the functions: the CLI's start-up must not pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.atomic import atomic_path
from drafter.errors import OutputError
from drafter.text.speech import Block, Speech
from drafter.word.notes import Note
from drafter.word.styles import KIND_STYLE, heading_style_id, runin_style_id
from drafter.word.titles import break_title

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

__all__ = ["break_title", "build_document", "build_documents", "heading_style_id", "write_docx"]

_HEADER_KINDS = ("title", "subtitle", "speaker")

# Characters XML 1.0 does not allow; lxml refuses them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text safe for XML; CR/LF as ``\\n`` (python-docx turns ``\\n`` into ``w:br``)."""
    return _XML_INVALID.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _new_document(title: str, page_numbers: str, reference: Path | str | None) -> tuple[Document, dict[str, str]]:
    """An empty document with drafter's (or the reference's) styles, page and footer;
    also drafter's style id -> the id written in the file."""
    from drafter.word import page, properties, styles

    if page_numbers not in page.PAGE_NUMBERS:
        raise ValueError(f"page numbers: {page_numbers!r}, expected one of {page.PAGE_NUMBERS}")
    if reference is not None:
        from drafter.word import fonts
        from drafter.word.reference import open_reference

        doc = open_reference(reference)
        ids = styles.setup_styles(doc, keep_existing=True)
        fonts.write_font_table(doc, keep_existing=True)
        if not page.has_footer(doc):
            page.setup_page_numbers(doc, ids, page_numbers)
    else:
        from drafter.word.template import empty_document

        doc = empty_document(page_numbers)
        ids = {d.sid: d.sid for d in styles.STYLES}
    properties.set_properties(doc, title)
    return doc, ids


def _paragraph(doc: Document, style_id: str):
    """A new paragraph with ``w:pStyle`` set directly.

    ``add_paragraph(style=...)`` looks the style up by name with an XPath over
    every style, once per paragraph: most of the build time of a draft.
    """
    p = doc.add_paragraph()
    p._p.get_or_add_pPr().style = style_id
    return p


def _add_text(p, block: Block, shown: str, notes: Sequence[Note], char_style: str | None = None) -> list:
    """The block's text as runs cut at its notes' boundaries: (start, end, run) in block offsets."""
    from drafter.word import comments

    cuts = comments.cut_points(notes, len(block.text))
    pieces = [(a, b, p.add_run(text)) for a, b, text in comments.segments(block.text, shown, cuts)]
    if not pieces:
        pieces = [(0, 0, p.add_run())]
    if char_style:
        for _a, _b, run in pieces:
            run._r.get_or_add_rPr().style = char_style
    return pieces


def _add_speech(doc: Document, ids: dict[str, str], speech: Speech, by_block: dict[int, list[Note]],
                new_page: bool) -> dict[int, list]:
    """Append the speech's paragraphs; returns block index -> its runs (for comments)."""
    from drafter.word import ooxml

    blocks = speech.blocks
    pieces: dict[int, list] = {}
    n_header = 0
    while n_header < len(blocks) and blocks[n_header].kind in _HEADER_KINDS:
        n_header += 1
    previous = None
    i = 0
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "heading" and nxt is not None and nxt.runin and nxt.kind == "paragraph":
            # a run-in heading: one body paragraph, the heading in its character style
            p = _paragraph(doc, ids["SpeechBody"])
            pieces[i] = _add_text(p, b, _clean(b.text), by_block.get(i, ()), ids[runin_style_id(b.level)])
            pieces[i + 1] = _add_text(p, nxt, _clean(nxt.text), by_block.get(i + 1, ()))
            i += 2
        else:
            sid = heading_style_id(b.level) if b.kind == "heading" else KIND_STYLE.get(b.kind, "SpeechBody")
            p = _paragraph(doc, ids[sid])
            shown = _clean(break_title(b.text) if b.kind == "title" else b.text)
            pieces[i] = _add_text(p, b, shown, by_block.get(i, ()))
            if b.kind == "closing" and previous is not None:
                ooxml.ppr(previous._p.get_or_add_pPr(), "keepNext")  # the closing never stands alone
            i += 1
        if new_page and previous is None:
            ooxml.ppr(p._p.get_or_add_pPr(), "pageBreakBefore")
        previous = p
        if i == n_header and n_header and i < len(blocks):
            # one blank line (same exact spacing) between the title block and the text
            _paragraph(doc, ids["SpeechBody"])
    return pieces


def build_document(speech: Speech, notes: Sequence[Note] = (), *, page_numbers: str = "center",
                   reference: Path | str | None = None) -> Document:
    """A python-docx Document holding ``speech`` laid out to GB/T 9704.

    ``notes`` become Word comments anchored on their characters (ValueError
    when a note does not fit the speech). ``page_numbers``: ``center`` or
    ``outside`` (odd pages right, even left). ``reference``: a unit's
    .docx/.dotx whose styles, page set-up and footer replace drafter's.
    """
    from drafter.word import comments

    by_block = comments.check_notes(notes, len(speech.blocks), [b.text for b in speech.blocks])
    doc, ids = _new_document(speech.title, page_numbers, reference)
    pieces = _add_speech(doc, ids, speech, by_block, new_page=False)
    for note in notes:
        comments.anchor(doc, note, comments.runs_for(note, pieces[note.block]))
    return doc


def build_documents(speeches: Sequence[Speech], *, page_numbers: str = "center",
                    reference: Path | str | None = None) -> Document:
    """Several speeches in one document, each starting on a new page."""
    title = speeches[0].title if speeches else ""
    doc, ids = _new_document(title, page_numbers, reference)
    for k, speech in enumerate(speeches):
        _add_speech(doc, ids, speech, {}, new_page=k > 0)
    return doc


def save_document(doc: Document, target: Path | str, force: bool) -> Path:
    """Save atomically; refuse to overwrite unless ``force``.

    Raises OutputError (简体中文) when the file exists, the folder is missing or
    read-only, or saving fails.
    """
    target = Path(target)
    try:
        with atomic_path(target, force) as tmp:
            doc.save(str(tmp))
    except OutputError:
        raise
    except OSError as e:
        reason = e.strerror or str(e)
        raise OutputError(
            f"无法写入 Word 文件 {target}：{reason}；请检查磁盘空间、权限，或关闭正在打开该文件的 Word/WPS 后重试"
        ) from e
    return target


def write_docx(speech: Speech, target: Path | str, *, force: bool = False, notes: Sequence[Note] = (),
               page_numbers: str = "center", reference: Path | str | None = None) -> Path:
    """Write ``speech`` to ``target`` atomically; refuse to overwrite unless ``force``.

    ``notes`` become Word comments (批注) on the characters they name;
    ``page_numbers`` and ``reference`` as for :func:`build_document`.
    """
    from drafter.atomic import check_target

    check_target(Path(target), force)  # before any work: a refused target costs nothing
    return save_document(build_document(speech, notes, page_numbers=page_numbers, reference=reference),
                         target, force)

"""Write a parsed speech to .docx laid out to GB/T 9704-2012 and 讲话稿 practice.

The layout follows the "use" column of ``docs/gbt9704.md``. The pieces live in
their own modules: ``styles`` (every format, by style), ``fonts`` (faces and
the font table Word falls back with), ``page`` (A4, margins, the page-number
footer), ``properties`` (core/app), ``titles`` (breaking a long title),
``comments`` (notes as Word comments), ``reference`` (a unit's own template),
``template`` (the cached empty document) and ``package`` (the .docx filled
with lxml). This module puts a speech's blocks into paragraphs: each paragraph
names its style and its runs carry nothing but a run-in heading's character
style.

python-docx is imported only to build the empty document once, to adapt a
reference document, or by ``build_document`` (which returns a python-docx
Document); ``write_docx`` with a warm cache does without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.atomic import atomic_path, os_reason
from drafter.errors import OutputError
from drafter.text.speech import Block, Speech
from drafter.word.notes import Note
from drafter.word.styles import KIND_STYLE, heading_style_id, runin_style_id
from drafter.word.titles import break_title

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

    from drafter.word.package import Package

__all__ = ["break_title", "build_document", "build_documents", "heading_style_id", "write_docx", "write_speeches"]

_HEADER_KINDS = ("title", "subtitle", "speaker")

# Characters XML 1.0 does not allow; lxml refuses them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text safe for XML; CR/LF as ``\\n`` (python-docx turns ``\\n`` into ``w:br``)."""
    return _XML_INVALID.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _new_package(title: str, page_numbers: str, reference: Path | str | None) -> tuple[Package, dict[str, str]]:
    """An empty document with drafter's (or the reference's) styles, page and footer;
    also drafter's style id -> the id written in the file."""
    import io

    from drafter.word import page, properties, styles
    from drafter.word.package import Package

    if page_numbers not in page.PAGE_NUMBERS:
        raise ValueError(f"page numbers: {page_numbers!r}, expected one of {page.PAGE_NUMBERS}")
    if reference is not None:
        from drafter.word import comments, fonts
        from drafter.word.reference import open_reference

        doc = open_reference(reference)
        ids = styles.setup_styles(doc, keep_existing=True)
        fonts.write_font_table(doc, keep_existing=True)
        comments.ensure_styles(doc)
        if not page.has_footer(doc):
            page.setup_page_numbers(doc, ids, page_numbers)
        properties.set_properties(doc, title)
        buf = io.BytesIO()
        doc.save(buf)
        package = Package(buf.getvalue())
    else:
        from drafter.word.template import empty_document

        package = Package(empty_document(page_numbers))
        ids = {d.sid: d.sid for d in styles.STYLES}
    package.set_title(properties.clean_title(title))
    return package, ids


def _add_text(pkg: Package, p, block: Block, shown: str, notes: Sequence[Note], char_style: str | None = None) -> list:
    """The block's text as runs cut at its notes' boundaries: (start, end, run) in block offsets."""
    from drafter.word import comments

    cuts = comments.cut_points(notes, len(block.text))
    pieces = [(a, b, pkg.run(p, text, char_style)) for a, b, text in comments.segments(block.text, shown, cuts)]
    return pieces or [(0, 0, pkg.run(p, "", char_style))]


def _add_speech(pkg: Package, ids: dict[str, str], speech: Speech, by_block: dict[int, list[Note]],
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
            p = pkg.paragraph(ids["SpeechBody"])
            pieces[i] = _add_text(pkg, p, b, _clean(b.text), by_block.get(i, ()), ids[runin_style_id(b.rank)])
            pieces[i + 1] = _add_text(pkg, p, nxt, _clean(nxt.text), by_block.get(i + 1, ()))
            i += 2
        else:
            sid = heading_style_id(b.rank) if b.kind == "heading" else KIND_STYLE.get(b.kind, "SpeechBody")
            p = pkg.paragraph(ids[sid])
            shown = _clean(break_title(b.text) if b.kind == "title" else b.text)
            pieces[i] = _add_text(pkg, p, b, shown, by_block.get(i, ()))
            if b.kind == "closing" and previous is not None:
                ooxml.ppr(previous[0], "keepNext")  # the closing never stands alone
            i += 1
        if new_page and previous is None:
            ooxml.ppr(p[0], "pageBreakBefore")
        previous = p
        if i == n_header and n_header and i < len(blocks):
            # one blank line (same exact spacing) between the title block and the text
            pkg.paragraph(ids["SpeechBody"])
    return pieces


def _speech_package(speech: Speech, notes: Sequence[Note], page_numbers: str,
                    reference: Path | str | None) -> Package:
    from drafter.word import comments

    by_block = comments.check_notes(notes, len(speech.blocks), [b.text for b in speech.blocks])
    pkg, ids = _new_package(speech.title, page_numbers, reference)
    pieces = _add_speech(pkg, ids, speech, by_block, new_page=False)
    for note in notes:
        comments.anchor(pkg, note, comments.runs_for(note, pieces[note.block]))
    return pkg


def _speeches_package(speeches: Sequence[Speech], page_numbers: str, reference: Path | str | None) -> Package:
    pkg, ids = _new_package(speeches[0].title if speeches else "", page_numbers, reference)
    for k, speech in enumerate(speeches):
        _add_speech(pkg, ids, speech, {}, new_page=k > 0)
    return pkg


def _as_document(pkg: Package) -> Document:
    import io

    import docx

    return docx.Document(io.BytesIO(pkg.to_bytes()))


def build_document(speech: Speech, notes: Sequence[Note] = (), *, page_numbers: str = "center",
                   reference: Path | str | None = None) -> Document:
    """A python-docx Document holding ``speech`` laid out to GB/T 9704.

    ``notes`` become Word comments anchored on their characters (ValueError
    when a note does not fit the speech). ``page_numbers``: ``center`` or
    ``outside`` (odd pages right, even left). ``reference``: a unit's
    .docx/.dotx whose styles, page set-up and footer replace drafter's.
    """
    return _as_document(_speech_package(speech, notes, page_numbers, reference))


def build_documents(speeches: Sequence[Speech], *, page_numbers: str = "center",
                    reference: Path | str | None = None) -> Document:
    """Several speeches in one document, each starting on a new page."""
    return _as_document(_speeches_package(speeches, page_numbers, reference))


def save_bytes(data: bytes, target: Path | str, force: bool) -> Path:
    """Write a .docx atomically; refuse to overwrite unless ``force``.

    Raises OutputError (简体中文) when the file exists, the folder is missing or
    read-only, or writing fails.
    """
    target = Path(target)
    try:
        with atomic_path(target, force) as tmp:
            tmp.write_bytes(data)
    except OutputError:
        raise
    except OSError as e:
        reason = os_reason(e)
        raise OutputError(
            f"无法写入 Word 文件 {target}：{reason}；请检查磁盘空间、权限，或关闭正在打开该文件的 Word/WPS 后重试"
        ) from e
    return target


def write_docx(speech: Speech, target: Path | str, *, force: bool = False, notes: Sequence[Note] = (),
               page_numbers: str = "center", reference: Path | str | None = None) -> Path:
    """Write ``speech`` to ``target`` atomically; refuse to overwrite unless ``force``.

    ``notes`` become Word comments (批注) on the characters they name;
    ``page_numbers`` and ``reference`` as for :func:`build_document`.
    python-docx is not imported unless the empty document must be built or a
    reference document adapted.
    """
    from drafter.atomic import check_target

    check_target(Path(target), force)  # before any work: a refused target costs nothing
    return save_bytes(_speech_package(speech, notes, page_numbers, reference).to_bytes(), target, force)


def write_speeches(speeches: Sequence[Speech], target: Path | str, *, force: bool = False,
                   page_numbers: str = "center", reference: Path | str | None = None) -> Path:
    """Several speeches into one .docx, each on a new page (``drafter format``)."""
    return save_bytes(_speeches_package(speeches, page_numbers, reference).to_bytes(), target, force)

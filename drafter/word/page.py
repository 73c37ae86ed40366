"""Page set-up and the page-number footer.

A4; margins 37 / 26 / 35 / 28 mm (a 156 × 225 mm type area); 22 lines. The
page number is "— N —" in 4号宋体 with a PAGE field, its dashes 7 mm below the
type area (GB/T 9704 7.5). ``center`` puts it in the middle of every page, as
offices do for speeches read from loose pages; ``outside`` puts it on the
outer edge, one character in — odd pages right, even pages left — as for a
bound, two-sided document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.word import ooxml

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document
    from docx.section import _Footer

PAGE_NUMBERS = ("center", "outside")

MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
LINE_PITCH = 579  # docGrid: 22 lines in the 225 mm type area
# The footer distance is measured from the paper's lower edge to the bottom of
# the footer line. The line is exactly 14 pt (4.94 mm) high and the dash sits
# at the middle of a CJK character cell, 2.47 mm above that bottom; the dash
# must be 35 − 7 = 28 mm above the lower edge, so the footer starts about 25.5 mm
# up. Measured in LibreOffice's PDF (tests/test_format.py).
FOOTER_DISTANCE_MM = 25.7
HEADER_DISTANCE_MM = 15


def setup_page(doc: Document) -> None:
    from docx.shared import Mm

    section = doc.sections[0]
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    section.gutter = 0
    sect = section._sectPr
    grid = sect.find(ooxml.w("docGrid"))
    if grid is None:
        from docx.oxml import OxmlElement

        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(ooxml.w("type"), "lines")
    grid.set(ooxml.w("linePitch"), str(LINE_PITCH))
    grid.attrib.pop(ooxml.w("charSpace"), None)


def _page_number(footer: _Footer, style_id: str) -> None:
    """"— N —": plain runs in the footer's paragraph, formatted by its style."""
    from docx.oxml import OxmlElement

    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p._p.get_or_add_pPr().style = style_id
    p.add_run("— ")
    for kind in ("begin", "instr", "separate", "1", "end"):
        run = p.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        elif kind == "1":
            run.text = "1"
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(ooxml.w("fldCharType"), kind)
            run._r.append(fld)
    p.add_run(" —")


def setup_page_numbers(doc: Document, ids: dict[str, str], where: str = "center") -> None:
    """The page-number footer(s); ``where`` is ``center`` or ``outside``."""
    if where not in PAGE_NUMBERS:
        raise ValueError(f"page numbers: {where!r}, expected one of {PAGE_NUMBERS}")
    section = doc.sections[0]
    if where == "center":
        doc.settings.odd_and_even_pages_header_footer = False
        _page_number(section.footer, ids["SpeechPageNumber"])
        return
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, ids["SpeechPageNumberOdd"])  # the default footer serves odd pages
    _page_number(section.even_page_footer, ids["SpeechPageNumberEven"])


def has_footer(doc: Document) -> bool:
    """Whether the document (a unit's reference) already has a footer of its own."""
    sect = doc.sections[0]._sectPr
    return sect.find(ooxml.w("footerReference")) is not None

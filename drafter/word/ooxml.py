"""Small WordprocessingML helpers: children in schema order, fonts, sizes, spacing.

python-docx knows only some of the ``w:pPr`` / ``w:rPr`` children (not
``snapToGrid``, ``overflowPunct``, ``outlineLvl``, character ``spacing``…);
:func:`child` finds or inserts any of them where the schema wants it, so Word
does not reject the file.
"""

from __future__ import annotations

from typing import Any

# CT_PPrBase then CT_PPr, in schema order
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
FONT_ORDER = ("altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig")


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W_NS + "}"


def w(tag: str) -> str:
    """Clark name of a ``w:`` tag or attribute (no python-docx needed)."""
    return _W + tag


def child(parent: Any, tag: str, order: tuple[str, ...]) -> Any:
    """The ``w:tag`` child of ``parent``, inserted in schema order when missing.

    Works on python-docx's elements and on plain lxml ones alike (the new
    element is made in the parent's document, so it gets that document's
    element classes and namespace prefixes).
    """
    from lxml import etree

    found = parent.find(w(tag))
    if found is not None:
        return found
    el = etree.SubElement(parent, w(tag))
    later = {w(t) for t in order[order.index(tag) + 1 :]}
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(el)
            break
    return el


def set_child(parent: Any, tag: str, order: tuple[str, ...], **attrs: str) -> Any:
    """Set ``w:`` attributes on the ``w:tag`` child (created in schema order)."""
    el = child(parent, tag, order)
    for name, value in attrs.items():
        el.set(w(name), value)
    return el


def ppr(parent: Any, tag: str, **attrs: str) -> Any:
    return set_child(parent, tag, PPR_ORDER, **attrs)


def rpr(parent: Any, tag: str, **attrs: str) -> Any:
    return set_child(parent, tag, RPR_ORDER, **attrs)


def remove(parent: Any, *tags: str) -> None:
    for tag in tags:
        for el in parent.findall(w(tag)):
            parent.remove(el)


def set_fonts(rpr_el: Any, east_asia: str, latin: str) -> None:
    """Explicit faces, no theme fonts, and ``hint="eastAsia"`` so “ ” use the Chinese face."""
    fonts = child(rpr_el, "rFonts", RPR_ORDER)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(w(attr), None)
    for attr, value in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asia), ("cs", latin),
                        ("hint", "eastAsia")):
        fonts.set(w(attr), value)


def set_size(rpr_el: Any, half_points: int) -> None:
    rpr(rpr_el, "sz", val=str(half_points))
    rpr(rpr_el, "szCs", val=str(half_points))


def set_not_bold(rpr_el: Any) -> None:
    rpr(rpr_el, "b", val="0")
    rpr(rpr_el, "bCs", val="0")


def set_exact_spacing(ppr_el: Any, line: int) -> None:
    """Exact line height (twips), no space before or after."""
    spacing = ppr(ppr_el, "spacing", before="0", after="0", line=str(line), lineRule="exact")
    for attr in ("beforeLines", "afterLines", "beforeAutospacing", "afterAutospacing"):
        spacing.attrib.pop(w(attr), None)


def set_first_line_indent(ppr_el: Any, chars: int, twips: int) -> None:
    """First-line indent in both units (Word/WPS read the character unit, LibreOffice twips)."""
    ind = ppr(ppr_el, "ind", firstLineChars=str(chars), firstLine=str(twips))
    for attr in ("hanging", "hangingChars"):
        ind.attrib.pop(w(attr), None)

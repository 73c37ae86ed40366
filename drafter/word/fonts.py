"""The faces drafter names and the font table that lets Word and WPS fall back.

A PC without 仿宋_GB2312 / 楷体_GB2312 / 方正小标宋简体 finds, in
``word/fontTable.xml``, an alternative name (``w:altName``) it does have —
仿宋, 楷体, 宋体 ship with Windows — plus the GB2312 charset (86), the
PANOSE class and the family, which Word uses to pick a similar face when
even the alternative is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

LATIN = "Times New Roman"
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"


class FontEntry(NamedTuple):
    name: str
    alt: str  # the face Word uses when ``name`` is not installed
    panose: str
    charset: str  # hex: 86 = GB2312, 00 = ANSI
    family: str  # roman | swiss | modern | script | decorative | auto
    pitch: str  # fixed | variable


# The Windows faces' own PANOSE, charset and family (as Word writes them).
FONT_TABLE: tuple[FontEntry, ...] = (
    FontEntry(LATIN, "Times", "02020603050405020304", "00", "roman", "variable"),
    FontEntry(FANGSONG, "仿宋", "02010609030101010101", "86", "modern", "fixed"),
    FontEntry(KAITI, "楷体", "02010609030101010101", "86", "modern", "fixed"),
    FontEntry(HEITI, "SimHei", "02010609060101010101", "86", "modern", "fixed"),
    FontEntry(XIAOBIAOSONG, "宋体", "02010600030101010101", "86", "auto", "variable"),
    FontEntry(SONGTI, "SimSun", "02010600030101010101", "86", "auto", "variable"),
    FontEntry("仿宋", "FangSong", "02010609060101010101", "86", "modern", "fixed"),
    FontEntry("楷体", "KaiTi", "02010609060101010101", "86", "modern", "fixed"),
)


def font_table_part(doc: Document):
    """The document's fontTable part, or None."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in doc.part.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            return rel.target_part
    return None


def write_font_table(doc: Document, keep_existing: bool) -> None:
    """Put drafter's faces in fontTable.xml.

    ``keep_existing``: a unit's reference document keeps its own entries and
    gains only the faces it lacks; python-docx's template (Cambria, ＭＳ 明朝…,
    none of them used) is replaced.
    """
    from lxml import etree

    from drafter.word.ooxml import w

    part = font_table_part(doc)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    if not keep_existing:
        for el in root.findall(w("font")):
            root.remove(el)
    have = {el.get(w("name")) for el in root.findall(w("font"))}
    for entry in FONT_TABLE:
        if entry.name in have:
            continue
        font = etree.SubElement(root, w("font"))
        font.set(w("name"), entry.name)
        etree.SubElement(font, w("altName")).set(w("val"), entry.alt)
        etree.SubElement(font, w("panose1")).set(w("val"), entry.panose)
        etree.SubElement(font, w("charset")).set(w("val"), entry.charset)
        etree.SubElement(font, w("family")).set(w("val"), entry.family)
        etree.SubElement(font, w("pitch")).set(w("val"), entry.pitch)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

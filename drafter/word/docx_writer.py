"""Write a parsed speech to .docx laid out to GB/T 9704-2012 and 讲话稿 practice.

The layout follows the "use" column of ``docs/gbt9704.md``: A4, margins
37/26/35/28 mm, 3号仿宋_GB2312 body with exact 28 pt lines and a two-character
first-line indent, 2号方正小标宋简体 title, 黑体 / 楷体_GB2312 / 仿宋 headings,
Times New Roman for Latin letters and digits, and a "— N —" page number.

python-docx pitfalls handled here (see the doc): East Asian fonts are written
to ``w:eastAsia`` with ``w:hint="eastAsia"`` on every run; the template's
``themeFontLang`` (ja-JP) and theme fonts are replaced by zh-CN and explicit
faces; the built-in Heading styles are not used (their theme fonts, colour,
bold and spacing would win), our own paragraph styles are; the character-unit
indent ``firstLineChars`` is written in the XML in schema order.

``docx`` is imported inside the functions: the CLI's start-up must not pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.atomic import atomic_path
from drafter.errors import OutputError
from drafter.text.speech import Block, Speech
from drafter.word.notes import Note

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

# --- fonts and sizes -------------------------------------------------------

LATIN = "Times New Roman"
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"

SIZE_TITLE = 22  # 2号
SIZE_BODY = 16  # 3号
SIZE_PAGE_NUMBER = 14  # 4号

# --- geometry (twips: 1 mm = 1440 / 25.4 twips) ------------------------------

LINE_EXACT = 560  # exact 28 pt
LINE_PITCH = 579  # docGrid: 22 lines in the 225 mm text block
FIRST_LINE_CHARS = 200  # two characters (hundredths of a character)
FIRST_LINE_TWIPS = 2 * SIZE_BODY * 20  # two 3号 characters = 640 twips

# (style id, style name shown in Word/WPS, East Asian face, size in pt, alignment, indent, outline level)
# alignment: "center" | "both" | "left"; outline level: 0-based, None for body text.
_STYLES: tuple[tuple[str, str, str, int, str, bool, int | None], ...] = (
    ("SpeechTitle", "讲话稿标题", XIAOBIAOSONG, SIZE_TITLE, "center", False, None),
    ("SpeechSubtitle", "讲话稿副标题", FANGSONG, SIZE_BODY, "center", False, None),
    ("SpeechSpeaker", "讲话人及日期", KAITI, SIZE_BODY, "center", False, None),
    ("SpeechSalutation", "称谓", FANGSONG, SIZE_BODY, "both", False, None),
    ("SpeechBody", "讲话稿正文", FANGSONG, SIZE_BODY, "both", True, None),
    ("SpeechHeading1", "一级标题（一、）", HEITI, SIZE_BODY, "both", True, 0),
    ("SpeechHeading2", "二级标题（（一））", KAITI, SIZE_BODY, "both", True, 1),
    ("SpeechHeading3", "三级标题（1.）", FANGSONG, SIZE_BODY, "both", True, 2),
    ("SpeechHeading4", "四级标题（（1））", FANGSONG, SIZE_BODY, "both", True, 3),
)

_KIND_STYLE = {
    "title": "SpeechTitle",
    "subtitle": "SpeechSubtitle",
    "speaker": "SpeechSpeaker",
    "salutation": "SpeechSalutation",
    "paragraph": "SpeechBody",
    "closing": "SpeechBody",
}

_HEADER_KINDS = ("title", "subtitle", "speaker")

# Characters XML 1.0 does not allow; lxml refuses them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def heading_style_id(level: int) -> str:
    return f"SpeechHeading{min(max(level, 1), 4)}"


def _face_of(style_id: str) -> tuple[str, int]:
    for sid, _name, face, size, *_ in _STYLES:
        if sid == style_id:
            return face, size
    return FANGSONG, SIZE_BODY


def _clean(text: str) -> str:
    """Text safe for XML; CR/LF as ``\\n`` (python-docx turns ``\\n`` into ``w:br``)."""
    return _XML_INVALID.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --- low-level XML helpers ----------------------------------------------------


def _set_fonts(rpr, east_asia: str, latin: str = LATIN) -> None:
    """rFonts with explicit faces, no theme fonts, and hint=eastAsia."""
    from docx.oxml.ns import qn

    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:hint"), "eastAsia")


def _set_size(rpr, pt: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sz = rpr.get_or_add_sz()
    sz.set(qn("w:val"), str(pt * 2))
    szcs = rpr.find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        sz.addnext(szcs)  # szCs follows sz in the schema
    szcs.set(qn("w:val"), str(pt * 2))


def _set_not_bold(rpr) -> None:
    from docx.oxml.ns import qn

    for tag in ("b", "bCs"):
        el = getattr(rpr, f"get_or_add_{tag}")()
        el.set(qn("w:val"), "0")


def _set_spacing(ppr) -> None:
    from docx.oxml.ns import qn

    spacing = ppr.get_or_add_spacing()
    for attr, val in (
        ("w:before", "0"),
        ("w:after", "0"),
        ("w:line", str(LINE_EXACT)),
        ("w:lineRule", "exact"),
    ):
        spacing.set(qn(attr), val)
    for attr in ("w:beforeLines", "w:afterLines", "w:beforeAutospacing", "w:afterAutospacing"):
        spacing.attrib.pop(qn(attr), None)


def _set_no_snap(ppr) -> None:
    """Exact 28 pt wins over the document grid (LibreOffice would snap to 2 grid lines)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = ppr.find(qn("w:snapToGrid"))
    if el is None:
        el = OxmlElement("w:snapToGrid")
        ppr.insert_element_before(
            el,
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        )
    el.set(qn("w:val"), "0")


def _set_indent(ppr, first_line: bool) -> None:
    """Two-character first-line indent, or explicitly none."""
    from docx.oxml.ns import qn

    ind = ppr.get_or_add_ind()
    for attr in ("w:hanging", "w:hangingChars"):
        ind.attrib.pop(qn(attr), None)
    if first_line:
        # Word and WPS read firstLineChars; LibreOffice and others read firstLine.
        ind.set(qn("w:firstLineChars"), str(FIRST_LINE_CHARS))
        ind.set(qn("w:firstLine"), str(FIRST_LINE_TWIPS))
    else:
        ind.set(qn("w:firstLineChars"), "0")
        ind.set(qn("w:firstLine"), "0")


def _set_outline_level(ppr, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = ppr.find(qn("w:outlineLvl"))
    if el is None:
        el = OxmlElement("w:outlineLvl")
        ppr.insert_element_before(el, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
    el.set(qn("w:val"), str(level))


# --- document set-up --------------------------------------------------------------


def _setup_page(doc: Document) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Mm

    section = doc.sections[0]
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)
    section.right_margin = Mm(26)
    section.header_distance = Mm(15)
    # GB/T 9704: the page number's dash sits 7 mm below the text block (35 mm
    # bottom margin); a 4号 line is about 6 mm high, so the footer starts 22 mm
    # above the paper's edge.
    section.footer_distance = Mm(22)
    section.gutter = 0
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        from docx.oxml import OxmlElement

        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    grid.attrib.pop(qn("w:charSpace"), None)


def _setup_defaults(doc: Document) -> None:
    """Document defaults: 3号仿宋_GB2312 / Times New Roman, zh-CN, exact 28 pt lines."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, FANGSONG)
    _set_size(rpr, SIZE_BODY)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # last child the template's rPrDefault can have
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set_spacing(ppr)

    # python-docx's template says ja-JP: Chinese text would fall back to a Japanese face.
    settings = doc.settings.element
    tfl = settings.find(qn("w:themeFontLang"))
    if tfl is not None:
        tfl.set(qn("w:eastAsia"), "zh-CN")


def _setup_styles(doc: Document) -> dict:
    """Our paragraph styles (built-in Heading styles are not used); returns id -> style."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.styles.style import StyleFactory

    align = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
    }
    normal = doc.styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), FANGSONG)
    _set_size(normal.element.get_or_add_rPr(), SIZE_BODY)
    _set_no_snap(normal.element.get_or_add_pPr())
    _set_spacing(normal.element.get_or_add_pPr())

    made = {}
    for sid, name, face, size, jc, indent, outline in _STYLES:
        # styles.add_style() first scans all ~160 built-in styles for the name: add directly
        style = StyleFactory(doc.styles.element.add_style_of_type(name, WD_STYLE_TYPE.PARAGRAPH, False))
        made[sid] = style
        style.style_id = sid
        style.base_style = normal
        style.quick_style = True
        style.paragraph_format.alignment = align[jc]
        if outline is not None:
            style.paragraph_format.keep_with_next = True
        el = style.element
        ppr = el.get_or_add_pPr()
        _set_no_snap(ppr)
        _set_spacing(ppr)
        _set_indent(ppr, indent)
        if outline is not None:
            _set_outline_level(ppr, outline)
        rpr = el.get_or_add_rPr()
        _set_fonts(rpr, face)
        _set_not_bold(rpr)
        _set_size(rpr, size)
    # Each paragraph carries its own style; after a heading comes body text.
    for style in made.values():
        style.next_paragraph_style = made["SpeechBody"]
    return made


def _add_run(paragraph, text: str, face: str, size: int, latin: str = LATIN):
    run = paragraph.add_run()
    rpr = run._r.get_or_add_rPr()
    _set_fonts(rpr, face, latin)
    _set_size(rpr, size)
    if text:
        run.text = _clean(text)
    return run


def _add_field_char(paragraph, kind: str, face: str, size: int, latin: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = _add_run(paragraph, "", face, size, latin)
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), kind)
    run._r.append(fld)


def _setup_footer(doc: Document) -> None:
    """Centred "— N —" in 4号宋体 with a PAGE field.

    GB/T 9704 puts the number on the outside edge (odd pages right, even left)
    for bound, two-sided 公文. A speech manuscript is read from loose pages at a
    lectern and printed one-sided, so offices commonly centre the number; a
    single centred footer also needs no odd/even footer pair.
    Digits are "4号半角宋体阿拉伯数字" per the standard, so Latin faces are 宋体 here.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section = doc.sections[0]
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.style = doc.styles["Footer"]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ppr = p._p.get_or_add_pPr()
    _set_indent(ppr, False)
    face, size = SONGTI, SIZE_PAGE_NUMBER
    _add_run(p, "— ", face, size, SONGTI)
    _add_field_char(p, "begin", face, size, SONGTI)
    instr_run = _add_run(p, "", face, size, SONGTI)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    instr_run._r.append(instr)
    _add_field_char(p, "separate", face, size, SONGTI)
    _add_run(p, "1", face, size, SONGTI)
    _add_field_char(p, "end", face, size, SONGTI)
    _add_run(p, " —", face, size, SONGTI)

    # The template's Footer tab stops are for Letter paper; centre / right of the A4 text block.
    footer_style = doc.styles["Footer"].element.get_or_add_pPr()
    tabs = footer_style.find(qn("w:tabs"))
    if tabs is not None:
        width = round((210 - 28 - 26) / 25.4 * 1440)
        stops = tabs.findall(qn("w:tab"))
        if len(stops) == 2:
            stops[0].set(qn("w:pos"), str(width // 2))
            stops[1].set(qn("w:pos"), str(width))


def _set_core_properties(doc: Document, speech: Speech) -> None:
    cp = doc.core_properties
    cp.title = speech.title.replace("\n", " ")
    cp.author = ""
    cp.comments = ""
    cp.last_modified_by = ""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    cp.created = now
    cp.modified = now
    cp.revision = 1


# --- the speech ---------------------------------------------------------------------


TITLE_WIDTH = 20  # 2号 characters on a 156 mm line
_BREAK_BEFORE = re.compile(
    r"(?=关于|在(?=全|市委|省委|县委|.{2,12}会上)|推进|加快|做好|进一步|全面|深入|工作|情况|会议|暨|"
    r"党组|理论学习|中心组|专题|座谈会|研讨会|推进会|高质量|重点|的(?:汇报|发言|讲话|报告|实施|通知|意见))"
)
_BREAK_AFTER = "、，；： "


def break_title(title: str, width: int = TITLE_WIDTH) -> str:
    r"""Break a long title into balanced lines at phrase boundaries (no word segmenter).

    GB/T 9704 asks for a long title in a trapezoid or diamond shape, broken where
    the meaning allows.

    >>> break_title("市工业和信息化局关于推进新型工业化工作情况的汇报")
    '市工业和信息化局关于\n推进新型工业化工作情况的汇报'
    >>> break_title("在全会上的发言")
    '在全会上的发言'
    """
    if len(title) <= width or "\n" in title:
        return title
    good = {m.start() for m in _BREAK_BEFORE.finditer(title)}
    good |= {i + 1 for i, ch in enumerate(title) if ch in _BREAK_AFTER}
    best, best_score = None, float("-inf")
    for k in range(max(1, len(title) - width), min(width, len(title) - 1) + 1):
        top, bottom = title[:k].rstrip(), title[k:].lstrip()
        score = -0.3 * abs(len(top) - len(bottom)) + (5 if k in good else 0)
        if score > best_score:
            best, best_score = k, score
    if best is None:  # longer than two lines: break off a first line, then the rest
        cut = max((k for k in good if k <= width), default=width)
        return title[:cut].rstrip() + "\n" + break_title(title[cut:].lstrip(), width)
    return title[:best].rstrip() + "\n" + title[best:].lstrip()


def _styled_paragraph(doc: Document, style_id: str):
    """A new paragraph with ``w:pStyle`` set directly.

    ``add_paragraph(style=...)`` looks the style up by name with an XPath over
    every style, once per paragraph: most of the build time of a draft.
    """
    p = doc.add_paragraph()
    p._p.get_or_add_pPr().style = style_id
    return p


def _add_text(p, block: Block, shown: str, face: str, size: int, notes: Sequence[Note]) -> list:
    """The block's text as runs cut at its notes' boundaries: (start, end, run) in block offsets."""
    from drafter.word import comments

    cuts = comments.cut_points(notes, len(block.text))
    pieces = [(a, b, _add_run(p, text, face, size)) for a, b, text in comments.segments(block.text, shown, cuts)]
    return pieces or [(0, 0, _add_run(p, "", face, size))]


def _add_block(doc: Document, block: Block, notes: Sequence[Note]):
    shown = _clean(break_title(block.text) if block.kind == "title" else block.text)
    if block.kind == "heading":
        sid = heading_style_id(block.level)
    else:
        sid = _KIND_STYLE.get(block.kind, "SpeechBody")
    face, size = _face_of(sid)
    p = _styled_paragraph(doc, sid)
    return _add_text(p, block, shown, face, size, notes)


def _add_runin(doc: Document, heading: Block, body: Block, notes: tuple[Sequence[Note], Sequence[Note]]):
    """A run-in heading: one body paragraph, heading run(s) in the heading face."""
    face, size = _face_of(heading_style_id(heading.level))
    p = _styled_paragraph(doc, "SpeechBody")
    head = _add_text(p, heading, _clean(heading.text), face, size, notes[0])
    rest = _add_text(p, body, _clean(body.text), FANGSONG, SIZE_BODY, notes[1])
    return head, rest


def build_document(speech: Speech, notes: Sequence[Note] = ()) -> Document:
    """A python-docx Document holding ``speech`` laid out to GB/T 9704.

    ``notes`` become Word comments anchored on their characters (see
    ``drafter.word.comments``); ValueError when a note does not fit the speech.
    """
    import docx

    from drafter.word import comments

    blocks = speech.blocks
    by_block = comments.check_notes(notes, len(blocks), [b.text for b in blocks])

    doc = docx.Document()
    _setup_page(doc)
    _setup_defaults(doc)
    _setup_styles(doc)
    _setup_footer(doc)
    _set_core_properties(doc, speech)

    pieces: dict[int, list] = {}
    # the title block: title / subtitle / speaker lines at the very start
    n_header = 0
    while n_header < len(blocks) and blocks[n_header].kind in _HEADER_KINDS:
        n_header += 1
    i = 0
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "heading" and nxt is not None and nxt.runin and nxt.kind == "paragraph":
            pieces[i], pieces[i + 1] = _add_runin(doc, b, nxt, (by_block.get(i, ()), by_block.get(i + 1, ())))
            i += 2
        else:
            pieces[i] = _add_block(doc, b, by_block.get(i, ()))
            i += 1
        if i == n_header and n_header and i < len(blocks):
            # one blank line (same exact spacing) between the title block and the text
            _styled_paragraph(doc, "SpeechBody")
    for note in notes:
        comments.anchor(doc, note, comments.runs_for(note, pieces[note.block]))
    return doc


def write_docx(speech: Speech, target: Path | str, *, force: bool = False, notes: Sequence[Note] = ()) -> Path:
    """Write ``speech`` to ``target`` atomically; refuse to overwrite unless ``force``.

    ``notes`` become Word comments (批注) on the characters they name.

    Raises OutputError (简体中文) when the file exists, the folder is missing or
    read-only, or saving fails.
    """
    target = Path(target)
    try:
        with atomic_path(target, force) as tmp:
            doc = build_document(speech, notes)
            doc.save(str(tmp))
    except OutputError:
        raise
    except OSError as e:
        reason = e.strerror or str(e)
        raise OutputError(
            f"无法写入 Word 文件 {target}：{reason}；请检查磁盘空间、权限，或关闭正在打开该文件的 Word/WPS 后重试"
        ) from e
    return target

"""drafter's Word styles: every format lives here, runs carry none of their own.

Changing a style in Word or WPS (修改样式) changes every paragraph that uses
it, and a unit's reference document (``--reference-docx``) replaces a style by
giving one of the same name. The names (shown in Word's style pane):

==================  ======================  ====================================
style name          used for                format
==================  ======================  ====================================
讲话稿标题           title                    2号 方正小标宋简体, centred
讲话稿副标题         subtitle (——…)           3号 仿宋_GB2312, centred
讲话人及日期         speaker / date line      3号 楷体_GB2312, centred
讲话稿正文           body paragraphs          3号 仿宋_GB2312, justified, 2-character indent
称谓                 salutation (同志们：)     as 讲话稿正文, no indent
结束语               closing (谢谢大家！)       as 讲话稿正文, kept with the paragraph before
一级标题（一、）      heading 一、              3号 黑体, outline level 1
二级标题（（一））    heading （一）            3号 楷体_GB2312, outline level 2
三级标题（1.）        heading 1.               3号 仿宋_GB2312, outline level 3
四级标题（（1））     heading （1）             3号 仿宋_GB2312, outline level 4
段内一级标题 …        run-in heading (character style), one per level: 段内一级标题 … 段内四级标题
页码                 page number "— 1 —"      4号 宋体; 页码（单页）/页码（双页） for outside numbers
==================  ======================  ====================================

Every 3号 style has exact 28 pt lines and −0.25 pt character spacing, so 28
characters fill a 156 mm line (16 pt × 28 = 448 pt would not fit in 442 pt);
punctuation may not hang into the margin (``overflowPunct`` off: ECMA-376
17.3.1.21, omitted means on), so Word and WPS set a line that would end in
one a character shorter instead. LibreOffice 7.4 imports ``overflowPunct``
inverted (val 0 turns its hanging punctuation on; its own .docx export writes
the value the right way round), so its preview lets a comma hang and its PDF
sometimes drops it; the .docx is right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.word import ooxml
from drafter.word.fonts import FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

SIZE_TITLE = 22  # 2号
SIZE_BODY = 16  # 3号
SIZE_PAGE_NUMBER = 14  # 4号

LINE_EXACT = 560  # exact 28 pt
FIRST_LINE_CHARS = 200  # two characters (hundredths of a character)
FIRST_LINE_TWIPS = 2 * SIZE_BODY * 20  # two 3号 characters = 640 twips
# −0.25 pt: 28 characters of 15.75 pt = 441 pt fit the 442.2 pt (156 mm) line; 29 do not.
CHAR_SPACING = -5  # twentieths of a point
PAGE_NUMBER_LINE = SIZE_PAGE_NUMBER * 20  # exact 14 pt: the footer line's height is known
ONE_CHAR = SIZE_BODY * 20  # "空一字": one body character, in twips


@dataclass(frozen=True)
class StyleDef:
    sid: str  # style id drafter writes (a reference document may use its own id)
    name: str  # the name Word shows; a reference document's style of this name wins
    kind: str  # "paragraph" | "character"
    based_on: str | None = None  # sid
    face: str | None = None
    latin: str = LATIN
    size: int | None = None
    jc: str | None = None  # "center" | "both" | "left" | "right"
    indent: bool | None = None  # two-character first-line indent; False: none
    outline: int | None = None  # 0-based outline level
    keep_next: bool = False
    keep_lines: bool = False
    spacing: int | None = None  # character spacing, twentieths of a point
    line: int | None = None  # exact line height, twips
    ind_left: int | None = None
    ind_right: int | None = None


STYLES: tuple[StyleDef, ...] = (
    StyleDef("SpeechBody", "讲话稿正文", "paragraph", None, FANGSONG, size=SIZE_BODY, jc="both",
             indent=True, spacing=CHAR_SPACING, line=LINE_EXACT),
    StyleDef("SpeechTitle", "讲话稿标题", "paragraph", None, XIAOBIAOSONG, size=SIZE_TITLE, jc="center",
             indent=False, keep_next=True, keep_lines=True, spacing=0, line=LINE_EXACT),
    StyleDef("SpeechSubtitle", "讲话稿副标题", "paragraph", "SpeechBody", FANGSONG, jc="center", indent=False,
             keep_next=True, keep_lines=True),
    StyleDef("SpeechSpeaker", "讲话人及日期", "paragraph", "SpeechBody", KAITI, jc="center", indent=False,
             keep_next=True, keep_lines=True),
    StyleDef("SpeechSalutation", "称谓", "paragraph", "SpeechBody", indent=False, keep_next=True),
    StyleDef("SpeechClosing", "结束语", "paragraph", "SpeechBody", keep_lines=True),
    StyleDef("SpeechHeading1", "一级标题（一、）", "paragraph", "SpeechBody", HEITI, outline=0,
             keep_next=True, keep_lines=True),
    StyleDef("SpeechHeading2", "二级标题（（一））", "paragraph", "SpeechBody", KAITI, outline=1,
             keep_next=True, keep_lines=True),
    StyleDef("SpeechHeading3", "三级标题（1.）", "paragraph", "SpeechBody", FANGSONG, outline=2,
             keep_next=True, keep_lines=True),
    StyleDef("SpeechHeading4", "四级标题（（1））", "paragraph", "SpeechBody", FANGSONG, outline=3,
             keep_next=True, keep_lines=True),
    StyleDef("RunInHeading1", "段内一级标题", "character", None, HEITI),
    StyleDef("RunInHeading2", "段内二级标题", "character", None, KAITI),
    StyleDef("RunInHeading3", "段内三级标题", "character", None, FANGSONG),
    StyleDef("RunInHeading4", "段内四级标题", "character", None, FANGSONG),
    StyleDef("SpeechPageNumber", "页码", "paragraph", None, SONGTI, SONGTI, SIZE_PAGE_NUMBER, "center",
             indent=False, spacing=0, line=PAGE_NUMBER_LINE),
    StyleDef("SpeechPageNumberOdd", "页码（单页）", "paragraph", "SpeechPageNumber", jc="right",
             ind_right=ONE_CHAR),
    StyleDef("SpeechPageNumberEven", "页码（双页）", "paragraph", "SpeechPageNumber", jc="left",
             ind_left=ONE_CHAR),
)

KIND_STYLE = {
    "title": "SpeechTitle",
    "subtitle": "SpeechSubtitle",
    "speaker": "SpeechSpeaker",
    "salutation": "SpeechSalutation",
    "paragraph": "SpeechBody",
    "closing": "SpeechClosing",
}


def heading_style_id(level: int) -> str:
    return f"SpeechHeading{min(max(level, 1), 4)}"


def runin_style_id(level: int) -> str:
    return f"RunInHeading{min(max(level, 1), 4)}"


def setup_defaults(doc: Document) -> None:
    """Document defaults and Normal: 3号仿宋_GB2312 / Times New Roman, zh-CN, exact 28 pt.

    python-docx's template says ``themeFontLang`` ja-JP (Chinese text would fall
    back to a Japanese face) and theme fonts: both replaced.
    """
    from drafter.word.ooxml import w

    styles = doc.styles.element
    defaults = styles.find(w("docDefaults"))
    rpr = defaults.find(w("rPrDefault")).find(w("rPr"))
    ooxml.set_fonts(rpr, FANGSONG, LATIN)
    ooxml.set_size(rpr, SIZE_BODY * 2)
    ooxml.rpr(rpr, "lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(w("pPrDefault")).find(w("pPr"))
    ooxml.set_exact_spacing(ppr, LINE_EXACT)

    normal = styles.get_by_id("Normal")
    nppr = normal.get_or_add_pPr()
    # Chinese practice: no widow control, so every full page has its 22 lines;
    # headings and the closing are kept with their neighbours instead.
    ooxml.ppr(nppr, "widowControl", val="0")
    ooxml.ppr(nppr, "overflowPunct", val="0")  # no punctuation hanging into the margin
    ooxml.ppr(nppr, "snapToGrid", val="0")  # exact 28 pt wins over the line grid
    ooxml.set_exact_spacing(nppr, LINE_EXACT)
    nrpr = normal.get_or_add_rPr()
    ooxml.set_fonts(nrpr, FANGSONG, LATIN)
    ooxml.set_size(nrpr, SIZE_BODY * 2)

    settings = doc.settings.element
    tfl = settings.find(w("themeFontLang"))
    if tfl is not None:
        tfl.set(w("eastAsia"), "zh-CN")


def _by_name(doc: Document) -> dict[str, str]:
    from drafter.word.ooxml import w

    out = {}
    for el in doc.styles.element.findall(w("style")):
        name = el.find(w("name"))
        if name is not None:
            out[name.get(w("val"))] = el.get(w("styleId"))
    return out


def setup_styles(doc: Document, keep_existing: bool = False) -> dict[str, str]:
    """Define drafter's styles; returns drafter's style id -> the id written in the file.

    ``keep_existing``: a style the document already has under the same name
    (a unit's reference document) is used as it is.
    """
    from docx.enum.style import WD_STYLE_TYPE

    from drafter.word.ooxml import w

    styles = doc.styles.element
    existing = _by_name(doc) if keep_existing else {}
    taken = {el.get(w("styleId")) for el in styles.findall(w("style"))}
    ids: dict[str, str] = {}
    for d in STYLES:
        if d.name in existing:
            ids[d.sid] = existing[d.name]
            continue
        sid = d.sid
        while sid in taken:
            sid += "X"
        taken.add(sid)
        ids[d.sid] = sid
        kind = WD_STYLE_TYPE.PARAGRAPH if d.kind == "paragraph" else WD_STYLE_TYPE.CHARACTER
        el = styles.add_style_of_type(d.name, kind, False)  # no scan of ~160 built-in names
        el.set(w("styleId"), sid)
        based = ids[d.based_on] if d.based_on else ("Normal" if d.kind == "paragraph" else None)
        if based:
            el.basedOn_val = based
        el.qFormat_val = True
        if d.kind == "paragraph":
            _paragraph_format(el.get_or_add_pPr(), d)
        _run_format(el.get_or_add_rPr(), d, fonts_only=d.kind == "character")
    for d in STYLES:  # after a heading or any block comes body text
        if d.kind == "paragraph" and not d.sid.startswith("SpeechPageNumber") and d.name not in existing:
            styles.get_by_id(ids[d.sid]).next_val = ids["SpeechBody"]
    return ids


def _paragraph_format(ppr, d: StyleDef) -> None:
    if d.keep_next:
        ooxml.ppr(ppr, "keepNext")
    if d.keep_lines:
        ooxml.ppr(ppr, "keepLines")
    if d.line is not None:
        ooxml.set_exact_spacing(ppr, d.line)
    if d.indent is True:
        ooxml.set_first_line_indent(ppr, FIRST_LINE_CHARS, FIRST_LINE_TWIPS)
    elif d.indent is False:
        ooxml.set_first_line_indent(ppr, 0, 0)
    if d.ind_left is not None:
        ooxml.ppr(ppr, "ind", left=str(d.ind_left), leftChars="0")
    if d.ind_right is not None:
        ooxml.ppr(ppr, "ind", right=str(d.ind_right), rightChars="0")
    if d.jc:
        ooxml.ppr(ppr, "jc", val=d.jc)
    if d.outline is not None:
        ooxml.ppr(ppr, "outlineLvl", val=str(d.outline))


def _run_format(rpr, d: StyleDef, fonts_only: bool) -> None:
    if d.face:
        ooxml.set_fonts(rpr, d.face, d.latin)
    if fonts_only:
        return
    ooxml.set_not_bold(rpr)
    if d.spacing is not None:
        ooxml.rpr(rpr, "spacing", val=str(d.spacing))
    if d.size is not None:
        ooxml.set_size(rpr, d.size * 2)

"""drafter.word.docx_writer: GB/T 9704 layout, asserted on the XML read back with python-docx."""

from __future__ import annotations

import errno
import subprocess
import sys

import docx
import pytest
from docx.oxml.ns import qn

from drafter.errors import OutputError
from drafter.text.speech import Block, Speech, parse_text
from drafter.word.docx_writer import build_document, write_docx
from drafter.word.notes import Note

SAMPLE = """在全市经济工作会议上的讲话
——围绕高质量发展谈几点意见
市委书记  张三
（2024年5月8日）
同志们：
这次会议的主要任务是，总结工作，部署任务。
一、统一思想，提高认识。我们要深刻认识到这项工作的重要性，推进2024年Word版本。
（一）把握形势。当前形势复杂严峻。
1.稳住基本盘。要稳住工业。
（1）抓项目。项目是关键。
二、突出重点，狠抓落实
今年要重点抓好三件事。
谢谢大家！
"""

LATIN = "Times New Roman"
FANGSONG = "仿宋_GB2312"


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


@pytest.fixture
def speech() -> Speech:
    sp = parse_text(SAMPLE)[0]
    kinds = [b.kind for b in sp.blocks]
    # the sample covers every block kind and a run-in heading of each level
    assert set(kinds) == {"title", "subtitle", "speaker", "salutation", "paragraph", "heading", "closing"}
    assert sum(b.runin for b in sp.blocks) == 4
    return sp


@pytest.fixture
def written(speech, tmp_path):
    path = write_docx(speech, tmp_path / "讲话.docx")
    return speech, docx.Document(str(path))


# --- helpers -----------------------------------------------------------------


def effective(doc, paragraph, tag: str):
    """The pPr child ``tag`` that applies: direct, then the style chain, then doc defaults."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.find(qn(tag)) is not None:
        return ppr.find(qn(tag))
    style = paragraph.style
    while style is not None:
        sppr = style.element.pPr
        if sppr is not None and sppr.find(qn(tag)) is not None:
            return sppr.find(qn(tag))
        style = style.base_style
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    return defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn(tag))


def attr(el, name: str) -> str | None:
    return None if el is None else el.get(qn(f"w:{name}"))


def rfonts(run):
    return run._r.rPr.find(qn("w:rFonts"))


def east_asia(run) -> str:
    return attr(rfonts(run), "eastAsia")


def size(run) -> str:
    return attr(run._r.rPr.find(qn("w:sz")), "val")


def body_paragraphs(doc):
    return [p for p in doc.paragraphs if p.text]


def by_kind(speech, doc):
    """Pair each written paragraph with its block(s): run-in paragraphs belong to their heading."""
    paras = body_paragraphs(doc)
    blocks = [b for b in speech.blocks if not b.runin]
    assert len(paras) == len(blocks)
    return list(zip(blocks, paras, strict=True))


# --- page ---------------------------------------------------------------------


def test_page_is_a4_with_gbt9704_margins_and_line_grid(written):
    _, doc = written
    sect = doc.sections[0]._sectPr
    pgsz = sect.find(qn("w:pgSz"))
    assert abs(int(attr(pgsz, "w")) - 11906) <= 1
    assert abs(int(attr(pgsz, "h")) - 16838) <= 1
    mar = sect.find(qn("w:pgMar"))
    for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        assert abs(int(attr(mar, side)) - twips(mm)) <= 1, side
    grid = sect.find(qn("w:docGrid"))
    assert attr(grid, "type") == "lines"
    assert attr(grid, "linePitch") == "579"


def test_defaults_are_chinese_not_japanese(written):
    _, doc = written
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    assert attr(fonts, "eastAsia") == FANGSONG
    assert attr(fonts, "ascii") == attr(fonts, "hAnsi") == LATIN
    assert attr(fonts, "eastAsiaTheme") is None and attr(fonts, "asciiTheme") is None
    assert attr(rpr.find(qn("w:lang")), "eastAsia") == "zh-CN"
    assert attr(rpr.find(qn("w:sz")), "val") == "32"
    tfl = doc.settings.element.find(qn("w:themeFontLang"))
    assert attr(tfl, "eastAsia") == "zh-CN"


def test_core_title(written):
    speech, doc = written
    assert doc.core_properties.title == speech.title == "在全市经济工作会议上的讲话"
    assert doc.core_properties.author == ""


# --- paragraphs -------------------------------------------------------------------


def test_text_round_trips_in_order(written):
    speech, doc = written
    expected = [line for line in speech.text().splitlines() if line]
    assert [p.text for p in body_paragraphs(doc)] == expected


def test_blank_line_after_title_block(written):
    _, doc = written
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("（2024年5月8日）")
    assert texts[i + 1] == ""
    assert texts[i + 2] == "同志们："
    blank = doc.paragraphs[i + 1]
    assert attr(effective(doc, blank, "w:spacing"), "line") == "560"
    assert texts.count("") == 1


def test_every_paragraph_exact_28pt_no_space(written):
    _, doc = written
    for p in doc.paragraphs:
        sp = effective(doc, p, "w:spacing")
        assert attr(sp, "line") == "560", p.text
        assert attr(sp, "lineRule") == "exact", p.text
        assert attr(sp, "before") == "0" and attr(sp, "after") == "0", p.text
        # exact spacing must win over the line grid (LibreOffice snaps a 2号 title to 2 lines)
        assert attr(effective(doc, p, "w:snapToGrid"), "val") == "0", p.text


def test_indent_two_chars_on_body_not_on_title_or_salutation(written):
    speech, doc = written
    for block, p in by_kind(speech, doc):
        ind = effective(doc, p, "w:ind")
        jc = attr(effective(doc, p, "w:jc"), "val")
        if block.kind in ("paragraph", "heading", "closing"):
            assert attr(ind, "firstLineChars") == "200", p.text
            assert attr(ind, "firstLine") == "640", p.text
            assert jc == "both", p.text
        else:
            assert attr(ind, "firstLineChars") in (None, "0"), p.text
            assert attr(ind, "firstLine") in (None, "0"), p.text
            assert jc == ("both" if block.kind == "salutation" else "center"), p.text


EXPECTED_FACE = {
    "title": "方正小标宋简体",
    "subtitle": FANGSONG,
    "speaker": "楷体_GB2312",
    "salutation": FANGSONG,
    "paragraph": FANGSONG,
    "closing": FANGSONG,
}
HEADING_FACE = {1: "黑体", 2: "楷体_GB2312", 3: FANGSONG, 4: FANGSONG}


def style_chain(doc, style_id):
    el = doc.styles.element.get_by_id(style_id)
    while el is not None:
        yield el
        based = el.find(qn("w:basedOn"))
        el = doc.styles.element.get_by_id(based.get(qn("w:val"))) if based is not None else None


def run_prop(doc, paragraph, run, tag: str, name: str):
    """A run property as Word resolves it: run, its character style, paragraph style chain, defaults."""
    rpr = run._r.rPr
    sources = []
    if rpr is not None:
        sources.append(rpr)
        if rpr.find(qn("w:rStyle")) is not None:
            sources += [s.find(qn("w:rPr")) for s in style_chain(doc, rpr.find(qn("w:rStyle")).get(qn("w:val")))]
    sources += [s.find(qn("w:rPr")) for s in style_chain(doc, paragraph.style.style_id)]
    sources.append(doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for src in sources:
        el = None if src is None else src.find(qn(tag))
        if el is None:
            continue
        value = el.get(qn(f"w:{name}"))
        if value is not None:
            return value
        if name == "val":  # a toggle such as <w:b/> without a value is on
            return "true"
    return None


def test_fonts_and_sizes_per_block_kind(written):
    speech, doc = written
    for block, p in by_kind(speech, doc):
        face = HEADING_FACE[block.level] if block.kind == "heading" else EXPECTED_FACE[block.kind]
        first = p.runs[0]
        assert run_prop(doc, p, first, "w:rFonts", "eastAsia") == face, (block.kind, p.text)
        assert run_prop(doc, p, first, "w:sz", "val") == ("44" if block.kind == "title" else "32"), p.text
        for run in p.runs:
            assert run_prop(doc, p, run, "w:rFonts", "ascii") == LATIN
            assert run_prop(doc, p, run, "w:rFonts", "hAnsi") == LATIN
            assert run_prop(doc, p, run, "w:rFonts", "hint") == "eastAsia"
            assert run_prop(doc, p, run, "w:b", "val") in (None, "0")


def test_runs_carry_no_formatting_of_their_own(written):
    """Formatting lives in styles: a run has at most a character style (run-in headings)."""
    _, doc = written
    for p in doc.paragraphs:
        for run in p.runs:
            rpr = run._r.rPr
            if rpr is not None:
                assert [child.tag for child in rpr] == [qn("w:rStyle")], p.text
    for p in doc.sections[0].footer.paragraphs:
        for r in p._p.findall(qn("w:r")):
            assert r.find(qn("w:rPr")) is None


def _restyle(path, style_name: str, face: str, half_points: str):
    """Modify a style as a writer does in Word (修改样式): its font and size, nothing else."""
    doc = docx.Document(str(path))
    style = next(s for s in doc.styles if s.name == style_name)
    rpr = style.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), face)
    rpr.get_or_add_sz().set(qn("w:val"), half_points)
    doc.save(str(path))
    return docx.Document(str(path))


def test_changing_a_style_changes_every_paragraph_of_it(speech, tmp_path):
    path = write_docx(speech, tmp_path / "改样式.docx")
    doc = _restyle(path, "讲话稿正文", "楷体", "30")
    body = [p for p in doc.paragraphs if p.style.name == "讲话稿正文" and p.text]
    assert len(body) >= 5  # every body paragraph, the run-in headings' included
    for p in body:
        for run in p.runs:
            assert run_prop(doc, p, run, "w:sz", "val") == "30", p.text
            if run._r.rPr is None:  # body text (a run-in heading keeps its own face)
                assert run_prop(doc, p, run, "w:rFonts", "eastAsia") == "楷体", p.text
    # styles based on 讲话稿正文 follow its size; headings keep their own face
    h1 = next(p for p in doc.paragraphs if p.text == "二、突出重点，狠抓落实")
    assert run_prop(doc, h1, h1.runs[0], "w:sz", "val") == "30"
    assert run_prop(doc, h1, h1.runs[0], "w:rFonts", "eastAsia") == "黑体"
    closing = next(p for p in doc.paragraphs if p.text == "谢谢大家！")
    assert run_prop(doc, closing, closing.runs[0], "w:rFonts", "eastAsia") == "楷体"
    # the title is not body text
    title = doc.paragraphs[0]
    assert run_prop(doc, title, title.runs[0], "w:sz", "val") == "44"

    # one level-1 heading style change reaches every level-1 heading
    doc = _restyle(path, "一级标题（一、）", "宋体", "36")
    h1 = [p for p in doc.paragraphs if p.style.name == "一级标题（一、）"]
    assert h1
    for p in h1:
        assert run_prop(doc, p, p.runs[0], "w:sz", "val") == "36"
        assert run_prop(doc, p, p.runs[0], "w:rFonts", "eastAsia") == "宋体"


def test_style_names_writers_recognise(written):
    _, doc = written
    names = {p.style.name for p in doc.paragraphs}
    assert {"讲话稿标题", "讲话稿副标题", "讲话人及日期", "称谓", "讲话稿正文", "一级标题（一、）", "结束语"} <= names
    for name in ("段内一级标题", "段内二级标题", "段内三级标题", "段内四级标题", "页码"):
        assert any(s.name == name for s in doc.styles), name


def test_own_styles_not_builtin_headings(written):
    _, doc = written
    for p in doc.paragraphs:
        assert not p.style.name.lower().startswith(("heading", "title"))
    for sid in ("SpeechHeading1", "SpeechHeading2", "SpeechHeading3", "SpeechHeading4"):
        style = next(s for s in doc.styles if s.style_id == sid)
        rpr = style.element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert attr(fonts, "eastAsiaTheme") is None and attr(fonts, "asciiTheme") is None
        assert attr(rpr.find(qn("w:b")), "val") == "0"
        assert rpr.find(qn("w:color")) is None


def test_runin_heading_is_one_paragraph_with_a_character_style(written):
    _, doc = written
    texts = [p.text for p in doc.paragraphs]
    expected = {
        "一、统一思想，提高认识。": ("RunInHeading1", "段内一级标题", "黑体"),
        "（一）把握形势。": ("RunInHeading2", "段内二级标题", "楷体_GB2312"),
        "1.稳住基本盘。": ("RunInHeading3", "段内三级标题", FANGSONG),
        "（1）抓项目。": ("RunInHeading4", "段内四级标题", FANGSONG),
    }
    for head, (sid, name, face) in expected.items():
        p = next(p for p in doc.paragraphs if p.text.startswith(head))
        assert len(p.runs) == 2
        assert p.runs[0].text == head
        assert p.runs[0].style.style_id == sid and p.runs[0].style.name == name
        assert p.runs[1]._r.rPr is None  # plain body text
        assert run_prop(doc, p, p.runs[0], "w:rFonts", "eastAsia") == face
        assert run_prop(doc, p, p.runs[1], "w:rFonts", "eastAsia") == FANGSONG
        assert attr(effective(doc, p, "w:ind"), "firstLineChars") == "200"
        assert p.style.style_id == "SpeechBody"
    assert "一、统一思想，提高认识。我们要深刻认识到这项工作的重要性，推进2024年Word版本。" in texts
    # bolding run-in headings is one change to one style
    next(s for s in doc.styles if s.name == "段内三级标题").font.bold = True
    p = next(p for p in doc.paragraphs if p.text.startswith("1.稳住基本盘。"))
    assert run_prop(doc, p, p.runs[0], "w:b", "val") == "true"
    assert p.runs[0]._r.rPr.find(qn("w:b")) is None
    assert run_prop(doc, p, p.runs[1], "w:b", "val") in (None, "0")
    # a heading without body text stays a heading paragraph in its own style
    p = next(p for p in doc.paragraphs if p.text == "二、突出重点，狠抓落实")
    assert p.style.style_id == "SpeechHeading1"
    assert len(p.runs) == 1 and run_prop(doc, p, p.runs[0], "w:rFonts", "eastAsia") == "黑体"
    assert attr(effective(doc, p, "w:outlineLvl"), "val") == "0"


def test_line_breaks_inside_a_block_are_kept(tmp_path):
    sp = Speech([Block("title", "关于某事\n的汇报"), Block("paragraph", "第一行\n第二行")])
    doc = docx.Document(str(write_docx(sp, tmp_path / "b.docx")))
    title, body = body_paragraphs(doc)
    assert title._p.xpath(".//w:br") and body._p.xpath(".//w:br")
    assert title.text == "关于某事\n的汇报"
    assert body.text == "第一行\n第二行"


def test_xml_invalid_characters_are_dropped():
    sp = Speech([Block("paragraph", "控制\x07字符\x0b")])
    doc = build_document(sp)
    assert doc.paragraphs[0].text == "控制字符"


# --- footer -------------------------------------------------------------------------


def footer_kinds(p):
    kinds = []
    for r in p._p.findall(qn("w:r")):
        if r.find(qn("w:fldChar")) is not None:
            kinds.append(r.find(qn("w:fldChar")).get(qn("w:fldCharType")))
        elif r.find(qn("w:instrText")) is not None:
            kinds.append("instr:" + r.find(qn("w:instrText")).text.strip())
        else:
            kinds.append("text:" + "".join(t.text for t in r.findall(qn("w:t"))))
    return kinds


PAGE_FIELD = ["text:— ", "begin", "instr:PAGE", "separate", "text:1", "end", "text: —"]


def test_footer_page_number_field_centred_7mm_below_type_area(written):
    _, doc = written
    section = doc.sections[0]
    (p,) = section.footer.paragraphs
    assert footer_kinds(p) == PAGE_FIELD
    assert p.style.name == "页码"
    assert attr(effective(doc, p, "w:jc"), "val") == "center"
    style = p.style.element.rPr
    assert attr(style.find(qn("w:sz")), "val") == "28"  # 4号
    fonts = style.find(qn("w:rFonts"))
    assert attr(fonts, "eastAsia") == attr(fonts, "ascii") == "宋体"  # 半角宋体 digits
    # the footer line is exactly 14 pt, so its position is known: the dash (mid-line)
    # sits footer distance + 7 pt above the paper's edge = 35 - 7 mm
    sp = effective(doc, p, "w:spacing")
    assert attr(sp, "lineRule") == "exact" and attr(sp, "line") == "280"
    dash_above_edge = section.footer_distance.mm + 14 / 2 * 25.4 / 72
    assert abs(dash_above_edge - 28) < 0.3
    assert not doc.settings.odd_and_even_pages_header_footer


def test_page_numbers_outside_odd_right_even_left(speech, tmp_path):
    doc = docx.Document(str(write_docx(speech, tmp_path / "外侧.docx", page_numbers="outside")))
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    (odd,) = section.footer.paragraphs
    (even,) = section.even_page_footer.paragraphs
    assert footer_kinds(odd) == footer_kinds(even) == PAGE_FIELD
    assert attr(effective(doc, odd, "w:jc"), "val") == "right"
    assert attr(effective(doc, even, "w:jc"), "val") == "left"
    # one character in from the edge
    assert attr(effective(doc, odd, "w:ind"), "right") == "320"
    assert attr(effective(doc, even, "w:ind"), "left") == "320"
    with pytest.raises(ValueError):
        build_document(speech, page_numbers="top")


# --- writing --------------------------------------------------------------------------


def test_refuses_existing_file_without_force(speech, tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"user's own file")
    with pytest.raises(OutputError) as err:
        write_docx(speech, target)
    assert str(target) in str(err.value) and "--force" in str(err.value)
    assert target.read_bytes() == b"user's own file"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["out.docx"]


def test_force_overwrites(speech, tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    assert write_docx(speech, target, force=True) == target
    assert docx.Document(str(target)).core_properties.title == speech.title
    assert sorted(x.name for x in tmp_path.iterdir()) == ["out.docx"]


def test_missing_folder_raises_output_error(speech, tmp_path):
    target = tmp_path / "没有这个文件夹" / "out.docx"
    with pytest.raises(OutputError) as err:
        write_docx(speech, target)
    assert "不存在" in str(err.value) and "没有这个文件夹" in str(err.value)
    assert not target.parent.exists()


def test_save_failure_is_output_error_and_leaves_nothing(speech, tmp_path, monkeypatch):
    from pathlib import Path

    def full_disk(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    target = tmp_path / "out.docx"
    with pytest.raises(OutputError) as err:
        write_docx(speech, target)
    assert str(target) in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_importing_the_module_does_not_import_docx():
    code = "import sys, drafter.word.docx_writer; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- comments (notes) ------------------------------------------------------------------


def anchored_texts(doc) -> dict[int, str]:
    """Comment id -> the document text between its commentRangeStart and commentRangeEnd."""
    open_ids: dict[int, list[str]] = {}
    done: dict[int, str] = {}
    body = doc.element.body
    for el in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t"), qn("w:br")):
        if el.tag == qn("w:commentRangeStart"):
            open_ids[int(el.get(qn("w:id")))] = []
        elif el.tag == qn("w:commentRangeEnd"):
            cid = int(el.get(qn("w:id")))
            done[cid] = "".join(open_ids.pop(cid))
        else:
            piece = el.text or "" if el.tag == qn("w:t") else "\n"
            for parts in open_ids.values():
                parts.append(piece)
    assert not open_ids, "every comment range is closed"
    return done


def test_notes_become_comments_on_their_characters(speech, tmp_path):
    blocks = speech.blocks
    para = next(i for i, b in enumerate(blocks) if b.text.startswith("这次会议"))
    runin_head = next(i for i, b in enumerate(blocks) if b.text.startswith("一、"))
    runin_body = runin_head + 1
    assert blocks[runin_body].runin
    title = 0
    notes = [
        Note(para, 2, 4, "出处：seeds/003 第 12 行\n备选：本次会议"),
        Note(para, 3, 9, "重叠的第二条批注", author="张三"),
        Note(runin_head, 2, 6, "标题批注"),
        Note(runin_body, 0, 3, "正文批注"),
        Note(title, 0, len(blocks[title].text), "整个标题"),
    ]
    path = write_docx(speech, tmp_path / "批注.docx", notes=notes)
    doc = docx.Document(str(path))
    comments = list(doc.comments)
    assert len(comments) == 5
    anchored = anchored_texts(doc)
    got = {c.text: (anchored[c.comment_id], c.author) for c in comments}
    para_text = blocks[para].text
    assert got["出处：seeds/003 第 12 行\n备选：本次会议"] == (para_text[2:4], "drafter")
    assert got["重叠的第二条批注"] == (para_text[3:9], "张三")
    assert got["标题批注"] == (blocks[runin_head].text[2:6], "drafter")
    assert got["正文批注"] == (blocks[runin_body].text[:3], "drafter")
    assert got["整个标题"][0] == blocks[title].text
    # multi-line note: one comment paragraph per line
    multi = next(c for c in comments if c.text.startswith("出处"))
    assert [p.text for p in multi.paragraphs] == ["出处：seeds/003 第 12 行", "备选：本次会议"]
    # cutting runs changes no text
    assert [p.text for p in body_paragraphs(doc)] == [line for line in speech.text().splitlines() if line]
    # the comment's own paragraphs are small and single-spaced, not 3号 with exact 28 pt
    style = doc.styles.element.get_by_id("CommentText")
    assert attr(style.find(qn("w:rPr")).find(qn("w:sz")), "val") == "21"
    assert attr(style.find(qn("w:pPr")).find(qn("w:spacing")), "lineRule") == "auto"


def test_note_on_a_broken_long_title_anchors_on_the_words(tmp_path):
    title = "市工业和信息化局关于推进新型工业化工作情况的汇报"
    sp = Speech([Block("title", title), Block("paragraph", "正文。")])
    start = title.index("推进")
    doc = docx.Document(str(write_docx(sp, tmp_path / "t.docx", notes=[Note(0, start - 2, start + 2, "跨过换行")])))
    (text,) = anchored_texts(doc).values()
    assert text == "关于\n推进"
    assert doc.paragraphs[0].text == "市工业和信息化局关于\n推进新型工业化工作情况的汇报"


def test_empty_note_range_still_anchors_and_bad_notes_are_refused():
    sp = Speech([Block("paragraph", "一二三四五")])
    doc = build_document(sp, [Note(0, 2, 2, "插入点")])
    assert list(anchored_texts(doc).values()) == ["三"]
    with pytest.raises(ValueError):
        build_document(sp, [Note(1, 0, 1, "没有这一块")])
    with pytest.raises(ValueError):
        build_document(sp, [Note(0, 3, 9, "越界")])


def test_no_notes_no_comments_part(written):
    _, doc = written
    assert not any(p.partname.endswith("comments.xml") for p in doc.part.package.parts)


# --- issue 9: line width, fonts, keeping, properties ------------------------------------


def test_28_characters_per_line_and_no_hanging_punctuation(written):
    _, doc = written
    sect = doc.sections[0]
    text_width_pt = (sect.page_width - sect.left_margin - sect.right_margin) / 12700  # EMU per point
    for p in body_paragraphs(doc):
        if p.style.name in ("讲话稿标题",):
            continue
        size = int(run_prop(doc, p, p.runs[0], "w:sz", "val")) / 2
        spacing = run_prop(doc, p, p.runs[0], "w:spacing", "val")
        assert spacing == "-5", p.text  # −0.25 pt between characters
        pitch = size + int(spacing) / 20
        assert 28 * pitch <= text_width_pt < 29 * pitch, p.text
        # punctuation may not hang into the margin (Word: overflowPunct off)
        assert attr(effective(doc, p, "w:overflowPunct"), "val") == "0", p.text
    # a line-only grid of 22 lines; no character grid to fight the spacing
    assert attr(sect._sectPr.find(qn("w:docGrid")), "charSpace") is None


def test_font_table_names_fallbacks_for_the_chinese_faces(written):
    from lxml import etree

    from drafter.word.fonts import font_table_part

    _, doc = written
    root = etree.fromstring(font_table_part(doc).blob)
    fonts = {f.get(qn("w:name")): f for f in root.findall(qn("w:font"))}
    expected = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体", "黑体": "SimHei", "宋体": "SimSun"}
    for name, alt in expected.items():
        f = fonts[name]
        assert attr(f.find(qn("w:altName")), "val") == alt, name
        assert attr(f.find(qn("w:charset")), "val") == "86", name  # GB2312
        assert len(attr(f.find(qn("w:panose1")), "val")) == 20
        assert attr(f.find(qn("w:family")), "val") in ("modern", "auto", "roman", "swiss")
        # schema order inside w:font
        tags = [etree.QName(c).localname for c in f]
        assert tags == sorted(tags, key=["altName", "panose1", "charset", "family", "pitch"].index)
    # every face the styles name is in the table; the template's Japanese faces are gone
    used = {el.get(qn("w:eastAsia")) for el in doc.styles.element.iter(qn("w:rFonts"))} - {None}
    assert used <= set(fonts)
    assert "ＭＳ 明朝" not in fonts and "Cambria" not in fonts


def test_headings_and_closing_do_not_stand_alone(written):
    _, doc = written
    paras = doc.paragraphs
    for p in paras:
        if p.style.name.endswith("标题（一、）") or p.style.name.startswith(("二级", "三级", "四级")):
            assert effective(doc, p, "w:keepNext") is not None, p.text
            assert effective(doc, p, "w:keepLines") is not None, p.text
    k = next(i for i, p in enumerate(paras) if p.text == "谢谢大家！")
    closing, before = paras[k], paras[k - 1]
    assert closing.style.name == "结束语"
    assert effective(doc, closing, "w:keepLines") is not None
    assert before._p.pPr.find(qn("w:keepNext")) is not None  # kept with the closing
    # the title block stays together and with the text
    for p in paras[:4]:
        assert effective(doc, p, "w:keepNext") is not None, p.text
    # body paragraphs are not kept with the next one (pages stay full)
    others = [p for p in paras if p.style.name == "讲话稿正文" and p is not before]
    assert all(effective(doc, p, "w:keepNext") is None for p in others)


def test_clean_core_and_app_properties(written, tmp_path):
    import zipfile

    speech, doc = written
    path = tmp_path / "props.docx"
    doc.save(str(path))
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode("utf-8")
        rels = z.read("_rels/.rels").decode("utf-8")
    assert not any("thumbnail" in n for n in names) and "thumbnail" not in rels
    assert "Macintosh" not in app and "Microsoft" not in app
    assert "<Application>drafter" in app
    assert "<Pages>" not in app and "<Words>" not in app  # no stale counts
    cp = docx.Document(str(path)).core_properties
    assert cp.title == speech.title
    assert cp.author == cp.last_modified_by == cp.keywords == cp.subject == ""
    assert cp.language == "zh-CN"


def test_long_title_property_has_no_line_break(tmp_path):
    sp = Speech([Block("title", "市工业和信息化局关于推进新型工业化工作情况的汇报"), Block("paragraph", "正文。")])
    doc = docx.Document(str(write_docx(sp, tmp_path / "t.docx")))
    assert doc.core_properties.title == "市工业和信息化局关于推进新型工业化工作情况的汇报"


# --- reference document ---------------------------------------------------------------------


def _unit_reference(path, *, with_footer: bool, dotx: bool = False):
    """A unit's template as Word would save it: its own body style, page set-up, footer, some text."""
    import zipfile

    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Mm, Pt

    doc = docx.Document()
    sect = doc.sections[0]
    sect.page_width, sect.page_height = Mm(210), Mm(297)
    sect.top_margin = Mm(30)
    sect.left_margin = Mm(30)
    body = doc.styles.add_style("讲话稿正文", WD_STYLE_TYPE.PARAGRAPH)
    body.font.size = Pt(15)
    body.font.bold = True
    if with_footer:
        sect.footer.paragraphs[0].text = "××市经济和信息化局"
    doc.add_paragraph("模板里的示例文字，不应出现在草稿中。")
    doc.save(str(path))
    if dotx:
        target = path.with_suffix(".dotx")
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "[Content_Types].xml":
                    data = data.replace(b"document.main+xml", b"template.main+xml")
                dst.writestr(info, data)
        path.unlink()
        return target
    return path


@pytest.mark.parametrize("dotx", [False, True])
def test_reference_docx_styles_page_and_footer_win(speech, tmp_path, dotx):
    from docx.shared import Mm

    ref = _unit_reference(tmp_path / "单位模板.docx", with_footer=True, dotx=dotx)
    doc = docx.Document(str(write_docx(speech, tmp_path / "out.docx", reference=ref)))
    texts = [p.text for p in doc.paragraphs]
    assert "模板里的示例文字，不应出现在草稿中。" not in texts
    assert [t for t in texts if t] == [line for line in speech.text().splitlines() if line]
    sect = doc.sections[0]
    assert abs(sect.top_margin - Mm(30)) < Mm(0.1) and abs(sect.left_margin - Mm(30)) < Mm(0.1)
    assert sect.footer.paragraphs[0].text == "××市经济和信息化局"
    # the unit's 讲话稿正文 is used (once: no duplicate style), drafter's other styles are added
    assert [s.name for s in doc.styles].count("讲话稿正文") == 1
    body = next(p for p in doc.paragraphs if p.text.startswith("这次会议"))
    assert body.style.name == "讲话稿正文"
    assert body.style.font.size.pt == 15 and body.style.font.bold
    assert any(p.style.name == "一级标题（一、）" for p in doc.paragraphs)
    assert doc.core_properties.title == speech.title


def test_reference_without_footer_gets_drafters_page_number(speech, tmp_path):
    ref = _unit_reference(tmp_path / "无页脚.docx", with_footer=False)
    doc = docx.Document(str(write_docx(speech, tmp_path / "out.docx", reference=ref)))
    (p,) = doc.sections[0].footer.paragraphs
    assert footer_kinds(p) == PAGE_FIELD


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [("模板.docx", b"not a zip", "不是有效的 Word 参考文档"), ("模板.pdf", b"%PDF", ".docx 或 .dotx"),
     ("没有.docx", None, "不存在")],
)
def test_bad_reference_is_a_chinese_read_error(speech, tmp_path, name, content, expected):
    from drafter.errors import ReadError

    ref = tmp_path / name
    if content is not None:
        ref.write_bytes(content)
    with pytest.raises(ReadError) as err:
        write_docx(speech, tmp_path / "out.docx", reference=ref)
    assert expected in str(err.value) and name in str(err.value)
    assert not (tmp_path / "out.docx").exists()


# --- the cached empty document -------------------------------------------------------------


def _parts(path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}  # core: dates


def test_cached_empty_document_gives_the_same_file_as_building_it(speech, tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE", "off")
    fresh = write_docx(speech, tmp_path / "fresh.docx", page_numbers="outside")
    cache = tmp_path / "cache"
    monkeypatch.setenv("DRAFTER_CACHE", str(cache))
    first = write_docx(speech, tmp_path / "first.docx", page_numbers="outside")
    (cached,) = cache.glob("word-*.docx")
    second = write_docx(speech, tmp_path / "second.docx", page_numbers="outside")
    assert _parts(fresh) == _parts(first) == _parts(second)
    # the other layout has its own file
    write_docx(speech, tmp_path / "centre.docx")
    assert len(list(cache.glob("word-*.docx"))) == 2
    # a damaged cache file is rebuilt, not trusted
    cached.write_bytes(b"damaged")
    again = write_docx(speech, tmp_path / "again.docx", page_numbers="outside")
    assert _parts(again) == _parts(fresh)
    assert docx.Document(str(cached)).sections[0].footer.paragraphs  # replaced by a good one
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]


def test_unused_builtin_styles_are_not_carried(written):
    _, doc = written
    ids = {s.style_id for s in doc.styles}
    assert "Normal" in ids and "SpeechBody" in ids
    assert len(ids) < 40  # python-docx's template defines ~180
    for el in doc.styles.element.findall(qn("w:style")):
        for ref in ("basedOn", "link", "next"):
            target = el.find(qn(f"w:{ref}"))
            if target is not None:
                assert target.get(qn("w:val")) in ids  # nothing points at a dropped style


def test_writing_with_a_warm_cache_does_not_import_python_docx(tmp_path):
    code = (
        "import sys\n"
        "from drafter.text.speech import parse_text\n"
        "from drafter.word.docx_writer import write_docx\n"
        "from drafter.word.notes import Note\n"
        "sp = parse_text('标题\\n同志们：\\n正文一句。\\n谢谢大家！')[0]\n"
        "write_docx(sp, sys.argv[1], force=True, notes=[Note(2, 0, 2, '批注')])\n"
        "print('docx' in sys.modules)\n"
    )
    env = {**__import__("os").environ, "DRAFTER_CACHE": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.docx")], capture_output=True, text=True,
                           check=True, env=env).stdout.strip() for _ in range(2)]
    assert runs == ["True", "False"]  # built once with python-docx, then filled with lxml alone
    doc = docx.Document(str(tmp_path / "a.docx"))
    assert [c.text for c in doc.comments] == ["批注"]
    assert list(anchored_texts(doc).values()) == ["正文"]


def test_notes_on_a_reference_that_had_comments_of_its_own(speech, tmp_path):
    ref = docx.Document()
    p = ref.add_paragraph("单位模板里带批注的示例文字")
    ref.add_comment(p.runs, text="模板里的批注", author="办公室")
    ref.save(str(tmp_path / "带批注的模板.docx"))
    para = next(i for i, b in enumerate(speech.blocks) if b.text.startswith("这次会议"))
    out = write_docx(speech, tmp_path / "out.docx", reference=tmp_path / "带批注的模板.docx",
                     notes=[Note(para, 0, 4, "草稿的批注")])
    doc = docx.Document(str(out))
    assert [c.text for c in doc.comments] == ["草稿的批注"]  # the template's comment went with its text
    assert list(anchored_texts(doc).values()) == ["这次会议"]
    import zipfile

    with zipfile.ZipFile(out) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert rels.count("relationships/comments") == 1

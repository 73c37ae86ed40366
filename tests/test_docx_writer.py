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


def test_fonts_and_sizes_per_block_kind(written):
    speech, doc = written
    for block, p in by_kind(speech, doc):
        face = HEADING_FACE[block.level] if block.kind == "heading" else EXPECTED_FACE[block.kind]
        first = p.runs[0]
        assert east_asia(first) == face, (block.kind, p.text)
        assert size(first) == ("44" if block.kind == "title" else "32"), p.text
        for run in p.runs:
            f = rfonts(run)
            assert attr(f, "ascii") == attr(f, "hAnsi") == LATIN
            assert attr(f, "hint") == "eastAsia"
            assert run.bold is not True


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


def test_runin_heading_is_one_paragraph_two_fonts(written):
    _, doc = written
    texts = [p.text for p in doc.paragraphs]
    expected = {
        "一、统一思想，提高认识。": "黑体",
        "（一）把握形势。": "楷体_GB2312",
        "1.稳住基本盘。": FANGSONG,
    }
    for head, face in expected.items():
        p = next(p for p in doc.paragraphs if p.text.startswith(head))
        assert len(p.runs) == 2
        assert p.runs[0].text == head
        assert east_asia(p.runs[0]) == face
        assert east_asia(p.runs[1]) == FANGSONG
        assert attr(effective(doc, p, "w:ind"), "firstLineChars") == "200"
        assert p.style.style_id == "SpeechBody"
    # the level-1 run-in heading's two runs differ in face
    p = next(p for p in doc.paragraphs if p.text.startswith("一、"))
    assert east_asia(p.runs[0]) != east_asia(p.runs[1])
    assert "一、统一思想，提高认识。我们要深刻认识到这项工作的重要性，推进2024年Word版本。" in texts
    # a heading without body text stays a heading paragraph in its own style
    p = next(p for p in doc.paragraphs if p.text == "二、突出重点，狠抓落实")
    assert p.style.style_id == "SpeechHeading1"
    assert len(p.runs) == 1 and east_asia(p.runs[0]) == "黑体"
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


def test_footer_page_number_field(written):
    _, doc = written
    footer = doc.sections[0].footer
    (p,) = footer.paragraphs
    assert attr(p._p.pPr.find(qn("w:jc")), "val") == "center"
    runs = p._p.findall(qn("w:r"))
    kinds = []
    for r in runs:
        if r.find(qn("w:fldChar")) is not None:
            kinds.append(r.find(qn("w:fldChar")).get(qn("w:fldCharType")))
        elif r.find(qn("w:instrText")) is not None:
            kinds.append("instr:" + r.find(qn("w:instrText")).text.strip())
        else:
            kinds.append("text:" + "".join(t.text for t in r.findall(qn("w:t"))))
    assert kinds == ["text:— ", "begin", "instr:PAGE", "separate", "text:1", "end", "text: —"]
    for r in runs:
        rpr = r.find(qn("w:rPr"))
        assert attr(rpr.find(qn("w:sz")), "val") == "28"
        assert attr(rpr.find(qn("w:rFonts")), "eastAsia") == "宋体"
        assert attr(rpr.find(qn("w:rFonts")), "hint") == "eastAsia"


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
    def full_disk(self, path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", full_disk)
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

"""The .docx reader reads word/document.xml itself: the same lines as python-docx, table
cells in order, hyperlinks, breaks and tabs as python-docx reads them, bounded input."""

from __future__ import annotations

import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.errors import ReadError
from drafter.text.reader import clean_line, normalise, read_lines
from drafter.text.speech import parse_lines

docx = pytest.importorskip("docx")

# Chinese text with the punctuation, digits, Latin, tabs and manual line breaks real files hold.
TEXT = st.text(
    alphabet=st.sampled_from(list("同志们各位领导一二三是第、，。：；！？“”（）《》—…汇报发言 \t\n,.:;!?()0123456789AXx*#\u200b\u3000")),
    max_size=40,
)


def python_docx_lines(path):
    """What the reader returned when it used python-docx (body paragraphs only)."""
    return [(i, normalise(clean_line(p.text.replace("\n", "")))) for i, p in enumerate(docx.Document(str(path)).paragraphs, 1)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(TEXT, min_size=1, max_size=8))
def test_same_lines_as_python_docx(tmp_path, paragraphs):
    d = docx.Document()
    for t in paragraphs:
        d.add_paragraph(t)
    p = tmp_path / "a.docx"
    d.save(p)
    assert read_lines(p) == python_docx_lines(p)


def test_hyperlinks_breaks_tabs_and_hyphens_as_python_docx_reads_them(tmp_path):
    from docx.oxml import parse_xml

    d = docx.Document()
    para = d.add_paragraph("开头")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    para._p.append(parse_xml(f'<w:hyperlink {w}><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>'))
    para._p.append(parse_xml(f'<w:r {w}><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:noBreakHyphen/>'
                             f'<w:br w:type="page"/><w:t>丙</w:t><w:cr/><w:t>丁</w:t><w:ptab w:relativeTo="margin" '
                             f'w:alignment="left" w:leader="none"/></w:r>'))
    d.add_paragraph("第二段")
    p = tmp_path / "a.docx"
    d.save(p)
    assert read_lines(p) == python_docx_lines(p) == [(1, "开头链接文字甲\t乙-丙丁"), (2, "第二段")]


def test_table_cells_are_read_in_order_between_paragraphs(tmp_path):
    d = docx.Document()
    d.add_paragraph("表前")
    table = d.add_table(rows=2, cols=2)
    for cell, text in zip([c for row in table.rows for c in row.cells], ["甲", "乙", "丙", "丁"], strict=True):
        cell.text = text
    table.cell(1, 1).add_paragraph("丁二")
    d.add_paragraph("表后")
    p = tmp_path / "a.docx"
    d.save(p)
    assert [t for _, t in read_lines(p)] == ["表前", "甲", "乙", "丙", "丁", "丁二", "表后"]


def test_control_characters_are_removed(tmp_path):
    d = docx.Document()
    d.add_paragraph("关于\u200b某事的\u200d汇报")
    p = tmp_path / "a.docx"
    d.save(p)
    assert read_lines(p) == [(1, "关于某事的汇报")]


def _rewrite_document_xml(src, dst, xml: bytes) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, xml if item.filename == "word/document.xml" else zin.read(item))


@pytest.mark.parametrize(
    "xml,reason",
    [
        (b"<w:document", "无法解析"),
        (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
         b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
         b"<w:t>&b;</w:t></w:r></w:p></w:body></w:document>", None),
        (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>', "不是有效的 .docx"),
    ],
)
def test_damaged_or_hostile_document_xml(tmp_path, xml, reason):
    d = docx.Document()
    d.add_paragraph("标题")
    good = tmp_path / "good.docx"
    d.save(good)
    bad = tmp_path / "bad.docx"
    _rewrite_document_xml(good, bad, xml)
    if reason is None:  # entities are not expanded: never a billion laughs
        assert all("aaaa" not in t for _, t in read_lines(bad))
        return
    with pytest.raises(ReadError) as e:
        read_lines(bad)
    assert reason in str(e.value) and str(bad) in str(e.value)


def test_missing_document_part(tmp_path):
    p = tmp_path / "a.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<x/>")
    with pytest.raises(ReadError, match=r"不是有效的 \.docx"):
        read_lines(p)


LINES = st.lists(st.text(alphabet=st.sampled_from(list(
    "同志们各位领导一二三四五六七八九十百零是第、，。：；！？“”（）—…汇报发言讲话谢谢大家以上完毕#\u200b 12.（1）年月日电摄记者新华社")),
    max_size=60), max_size=30)


@settings(max_examples=200, deadline=None)
@given(lines=LINES)
def test_parser_and_miner_never_fail_on_any_text(lines):
    from drafter.bank.mine import mine_speech

    numbered = [(i, normalise(clean_line(s))) for i, s in enumerate(lines, 1)]
    for sp in parse_lines(numbered, "x.txt"):
        for b in sp.blocks:
            assert b.line in {n for n, _ in numbered}
            if b.kind == "heading":
                assert b.level >= 1 and b.number >= 1 and b.position >= 1
        mine_speech(sp)

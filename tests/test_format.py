"""drafter format: a speech the writer already has, typeset through the speech model."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.draft.compose import markdown
from drafter.errors import ReadError
from drafter.text.speech import parse_text
from drafter.word.format import format_file
from tests.conftest import ROOT, run_process

# A writer's own file: a byline and a dateline under the title, full-width indents,
# trailing spaces, blank lines, every heading level, run-in headings, a closing.
MESSY = [
    "在全市工业经济运行调度会上的讲话",
    "市政府副市长  李四",
    "（2024年3月5日）",
    "",
    "同志们：",
    "\u3000\u3000今天召开这次会议，主要任务是分析一季度工业经济运行情况，部署下一阶段工作。  ",
    "\u3000\u3000一、准确把握当前工业经济运行态势",
    "\u3000\u3000（一）总体平稳。今年以来，全市规上工业增加值同比增长6.5%，高于全省平均水平。",
    "\u3000\u3000（二）困难不少。部分企业订单不足，要素成本上升。",
    "\u3000\u3000二、突出重点抓好下一阶段工作",
    "\u3000\u30001.抓项目建设。要加快推进重点项目，确保早开工、早投产。",
    "\u3000\u3000（1）抓招商。招商引资是关键。",
    "",
    "\u3000\u3000谢谢大家！",
]

STYLE_OF = {
    "在全市工业经济运行调度会上的讲话": "讲话稿标题",
    "市政府副市长  李四": "讲话人及日期",
    "（2024年3月5日）": "讲话人及日期",
    "同志们：": "称谓",
    "今天召开这次会议，主要任务是分析一季度工业经济运行情况，部署下一阶段工作。": "讲话稿正文",
    "一、准确把握当前工业经济运行态势": "一级标题（一、）",
    "二、突出重点抓好下一阶段工作": "一级标题（一、）",
    "谢谢大家！": "结束语",
}
RUNIN = {
    "（一）总体平稳。": "段内二级标题",
    "（二）困难不少。": "段内二级标题",
    "1.抓项目建设。": "段内三级标题",
    "（1）抓招商。": "段内四级标题",
}


def check_typeset(path) -> docx.document.Document:
    """The messy speech came out with the right style on every paragraph, runs unformatted."""
    d = docx.Document(str(path))
    paras = [p for p in d.paragraphs if p.text]
    assert len(paras) == len(STYLE_OF) + len(RUNIN)
    for p in paras:
        for run in p.runs:  # nothing of the source's own formatting comes along
            rpr = run._r.rPr
            assert rpr is None or [c.tag for c in rpr] == [qn("w:rStyle")], p.text
        if p.text in STYLE_OF:
            assert p.style.name == STYLE_OF[p.text], p.text
            continue
        head = next(h for h in RUNIN if p.text.startswith(h))
        assert p.style.name == "讲话稿正文"
        assert p.runs[0].text == head and p.runs[0].style.name == RUNIN[head]
        assert p.runs[1]._r.rPr is None
    closing = next(p for p in paras if p.text == "谢谢大家！")
    before = paras[paras.index(closing) - 1]
    assert before._p.pPr.find(qn("w:keepNext")) is not None
    assert d.core_properties.title == "在全市工业经济运行调度会上的讲话"
    return d


# --- the command --------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-16"])
def test_format_messy_txt_in_any_encoding(cli, tmp_path, encoding):
    (tmp_path / "原稿.txt").write_bytes("\r\n".join(MESSY).encode(encoding))
    r = cli("format", "原稿.txt", "-o", "排版.docx")
    assert r.code == 0, r.err
    assert "已排版 排版.docx" in r.out and "字" in r.out
    check_typeset(tmp_path / "排版.docx")


def test_format_through_the_real_entry_point(tmp_path):
    (tmp_path / "原稿.txt").write_text("\n".join(MESSY), encoding="gbk")
    r = run_process("format", "原稿.txt", "-o", "排版.docx", "--page-numbers", "outside", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    d = check_typeset(tmp_path / "排版.docx")
    assert d.settings.odd_and_even_pages_header_footer


def test_format_messy_docx(cli, tmp_path):
    """A .docx as offices have them: direct fonts and sizes on runs, empty paragraphs, a broken title."""
    from docx.shared import Pt

    src = docx.Document()
    for line in MESSY:
        p = src.add_paragraph()
        if line == MESSY[0]:
            run = p.add_run("在全市工业经济运行")
            run.add_break()
            run = p.add_run("调度会上的讲话")
        else:
            run = p.add_run(line)
        run.font.name = "Calibri"
        run.font.size = Pt(12)
        run.bold = line.strip().startswith("一、")
    src.save(str(tmp_path / "原稿.docx"))
    r = cli("format", "原稿.docx", "-o", "排版.docx")
    assert r.code == 0, r.err
    check_typeset(tmp_path / "排版.docx")


def test_markdown_export_keeps_runin_heading_apart_and_formats_back(cli, tmp_path):
    speech = parse_text("\n".join(MESSY))[0]
    md = markdown(speech)
    assert "**（一）总体平稳**。今年以来" in md
    assert "**1.抓项目建设**。要加快推进" in md
    assert "## 一、准确把握当前工业经济运行态势" in md  # a heading on its own line stays a heading
    assert not re.search(r"^#+ （一）总体平稳", md, re.M)  # the paragraph is not turned into a heading
    (tmp_path / "草稿.md").write_text(md, encoding="utf-8")
    r = cli("format", "草稿.md", "-o", "排版.docx")
    assert r.code == 0, r.err
    check_typeset(tmp_path / "排版.docx")


def test_markdown_export_leaves_a_masked_runin_heading_unwrapped():
    speech = parse_text("标题\n同志们：\n1.抓**项目。要加快推进。\n")[0]
    md = markdown(speech)
    assert "1.抓**项目。要加快推进。" in md and "**1." not in md


def test_several_speeches_each_on_a_new_page(cli, tmp_path):
    second = ["在全市安全生产工作会议上的讲话", "同志们：", "安全生产责任重于泰山。", "谢谢大家！"]
    (tmp_path / "两篇.txt").write_text("\n".join(MESSY + second), encoding="utf-8")
    r = cli("format", "两篇.txt", "-o", "两篇.docx")
    assert r.code == 0, r.err
    assert "共 2 篇" in r.out
    d = docx.Document(str(tmp_path / "两篇.docx"))
    titles = [p for p in d.paragraphs if p.style.name == "讲话稿标题"]
    assert [t.text for t in titles] == [MESSY[0], second[0]]
    assert titles[0]._p.pPr.find(qn("w:pageBreakBefore")) is None
    assert titles[1]._p.pPr.find(qn("w:pageBreakBefore")) is not None
    assert d.core_properties.title == MESSY[0]


def test_format_with_reference_docx(cli, tmp_path):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Mm, Pt

    ref = docx.Document()
    ref.sections[0].left_margin = Mm(31)
    ref.styles.add_style("讲话稿正文", WD_STYLE_TYPE.PARAGRAPH).font.size = Pt(15)
    ref.save(str(tmp_path / "单位.docx"))
    (tmp_path / "原稿.txt").write_text("\n".join(MESSY), encoding="utf-8")
    r = cli("format", "原稿.txt", "-o", "排版.docx", "--reference-docx", "单位.docx")
    assert r.code == 0, r.err
    d = check_typeset(tmp_path / "排版.docx")
    assert abs(d.sections[0].left_margin - Mm(31)) < Mm(0.1)
    assert next(s for s in d.styles if s.name == "讲话稿正文").font.size.pt == 15


# --- refusals ---------------------------------------------------------------------------


def test_never_overwrites_without_force(cli, tmp_path):
    (tmp_path / "原稿.txt").write_text("\n".join(MESSY), encoding="utf-8")
    (tmp_path / "排版.docx").write_bytes(b"the writer's own file")
    r = cli("format", "原稿.txt", "-o", "排版.docx")
    assert r.code != 0 and "已存在" in r.err and "--force" in r.err and "Traceback" not in r.err
    assert (tmp_path / "排版.docx").read_bytes() == b"the writer's own file"
    r = cli("format", "原稿.txt", "-o", "排版.docx", "--force")
    assert r.code == 0, r.err
    check_typeset(tmp_path / "排版.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["原稿.txt", "排版.docx"]  # no temporary left


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["没有这个.txt", "-o", "a.docx"], "不存在"),
        (["原稿.txt", "-o", "a.txt"], ".docx"),
        (["原稿.txt", "-o", "a.docx", "--page-numbers", "left"], "--page-numbers"),
        (["原稿.txt", "-o", "a.docx", "--reference-docx", "没有.dotx"], "参考文档不存在"),
        (["空.txt", "-o", "a.docx"], "没有文字"),
        (["原稿.docx", "-o", "a.docx"], "不是有效的 .docx"),
    ],
)
def test_bad_input_is_a_chinese_message_and_no_file(cli, tmp_path, args, expected):
    (tmp_path / "原稿.txt").write_text("\n".join(MESSY), encoding="utf-8")
    (tmp_path / "空.txt").write_text("\n \n\u3000\n", encoding="utf-8")
    (tmp_path / "原稿.docx").write_bytes(b"PK not really")
    r = cli("format", *args)
    assert r.code != 0
    assert expected in r.err and "Traceback" not in r.err
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "a.txt").exists()


def test_source_is_never_the_target(cli, tmp_path):
    src = docx.Document()
    src.add_paragraph("标题")
    src.add_paragraph("正文。")
    src.save(str(tmp_path / "稿.docx"))
    before = (tmp_path / "稿.docx").read_bytes()
    r = cli("format", "稿.docx", "-o", "稿.docx", "--force")
    assert r.code != 0 and "原稿" in r.err
    assert (tmp_path / "稿.docx").read_bytes() == before


# --- any text the reader takes -----------------------------------------------------------

_LINE = st.text(
    alphabet=st.sampled_from([*"一二三四五六七八九十同志们：，。！？、“”（）《》1234567890.发言完毕谢谢大家\u3000 \t*X", "\x07", "\x0b"]),
    max_size=60,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_LINE, max_size=12), encoding=st.sampled_from(["utf-8", "gb18030"]))
def test_any_text_file_typesets_or_is_refused_in_chinese(tmp_path_factory, lines, encoding):
    folder = tmp_path_factory.mktemp("any")
    src, out = folder / "稿.txt", folder / "稿.docx"
    src.write_bytes("\n".join(lines).encode(encoding))
    try:
        result = format_file(src, out)
    except ReadError as e:
        assert "没有文字" in str(e) or "无法读取" in str(e)
        assert not out.exists()
        return
    d = docx.Document(str(out))
    # a long title is broken into lines at a space; control characters XML refuses are dropped
    written = [re.sub(r"\s", "", p.text) for p in d.paragraphs if p.text]
    expected = [re.sub(r"[\s\x00-\x08\x0b\x0c\x0e-\x1f]", "", line)
                for s in result.speeches for line in s.text().splitlines() if line]
    assert [t for t in written if t] == [t for t in expected if t]


# --- as LibreOffice lays it out ----------------------------------------------------------------


def five_pages() -> str:
    """A report of about five pages from the seeds: title block, run-in headings, headings, closing."""
    s1 = [line for line in (ROOT / "seeds" / "001_89acf522c07d8a93.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    s4 = [line for line in (ROOT / "seeds" / "004_e2cdf00a349d671c.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    closing = s1[-1]
    out = [s1[0], "市经济和信息化局局长  ***", "（2023年8月16日）", *s1[1:-1]]
    i1 = next(k for k, line in enumerate(s4) if line.startswith("一、"))
    i3 = next(k for k, line in enumerate(s4) if line.startswith("三、"))
    extra = s4[i1:i3]
    extra[0] = "五、" + extra[0][2:]
    j = next(k for k, line in enumerate(extra) if line.startswith("二、"))
    extra[j] = "六、" + extra[j][2:]
    extra[j + 1 : j + 1] = [
        "（一）抓招商引资。持续发挥比较优势，加快引进一批延链补链强链项目，推动项目早签约、早开工、早投产。",
        "（二）抓要素保障。围绕用地、用能、资金、人才等要素，建立项目要素保障清单，实行清单化管理。",
    ]
    return "\n".join([*out, *extra, closing])


def measure(pdf) -> list[dict]:
    """Per page: body lines (text, x extent) and the footer line, from pdftotext -bbox-layout."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", xml, re.S):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        lines = []
        for line in re.findall(r"<line (.*?)</line>", page, re.S):
            box = dict(re.findall(r'(\w+)="([\d.]+)"', line.split(">", 1)[0]))
            text = "".join(re.findall(r">([^<]*)</word>", line))
            lines.append({k: float(v) for k, v in box.items()} | {"text": text})
        type_bottom = height - 35 / 25.4 * 72
        pages.append({
            "body": [ln for ln in lines if ln["yMax"] <= type_bottom + 2],
            "footer": [ln for ln in lines if ln["yMin"] > type_bottom],
            "type_bottom": type_bottom,
        })
    return pages


def _can_render() -> bool:
    if not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("fc-list")):
        return False
    faces = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    return bool(faces.strip())


@pytest.mark.skipif(not _can_render(), reason="LibreOffice, poppler and a Chinese font needed")
def test_five_pages_in_libreoffice_28_characters_22_lines_number_7mm_below(tmp_path):
    (tmp_path / "讲话.txt").write_text(five_pages(), encoding="gbk")
    format_file(tmp_path / "讲话.txt", tmp_path / "讲话.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "讲话.docx")],
                   capture_output=True, check=True, timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pages = measure(tmp_path / "讲话.pdf")
    assert len(pages) >= 4
    left, right = 28 / 25.4 * 72, (210 - 26) / 25.4 * 72
    full_cjk = [ln["text"] for p in pages for ln in p["body"]
                if ln["xMin"] < left + 2 and ln["xMax"] > right - 4 and ln["text"].isascii() is False
                and not any(ord(c) < 128 for c in ln["text"])]
    assert len(full_cjk) > 50
    assert {len(t) for t in full_cjk} == {28}, [t for t in full_cjk if len(t) != 28]
    # full pages have 22 lines; no page has more
    counts = [len(p["body"]) for p in pages]
    assert max(counts) == 22 and counts[1] == 22, counts
    # the closing is not alone on the last page
    assert len(pages[-1]["body"]) > 1 and pages[-1]["body"][-1]["text"].startswith("汇报完毕")
    # "— N —": its middle (where the dashes are) 7 mm below the type area
    for n, p in enumerate(pages, 1):
        (foot,) = p["footer"]
        assert foot["text"] == f"—{n}—"
        middle = (foot["yMin"] + foot["yMax"]) / 2
        assert abs((middle - p["type_bottom"]) * 25.4 / 72 - 7) < 0.6
        assert abs((foot["xMin"] + foot["xMax"]) / 2 - (left + right) / 2) < 3  # centred on the type area


def test_written_file_is_a_plain_zip_with_no_foreign_parts(tmp_path):
    (tmp_path / "讲话.txt").write_text("\n".join(MESSY), encoding="utf-8")
    format_file(tmp_path / "讲话.txt", tmp_path / "讲话.docx")
    with zipfile.ZipFile(tmp_path / "讲话.docx") as z:
        names = z.namelist()
    assert "docProps/thumbnail.jpeg" not in names
    assert "word/comments.xml" not in names


def test_render_takes_page_numbers_and_reference_docx(cli, tmp_path):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Mm, Pt

    r = cli("render", ROOT / "examples" / "report.yaml", "-o", "外侧.docx", "--page-numbers", "outside")
    assert r.code == 0, r.err
    d = docx.Document(str(tmp_path / "外侧.docx"))
    assert d.settings.odd_and_even_pages_header_footer
    assert d.sections[0].even_page_footer.paragraphs[0].style.name == "页码（双页）"

    ref = docx.Document()
    ref.sections[0].top_margin = Mm(40)
    ref.styles.add_style("一级标题（一、）", WD_STYLE_TYPE.PARAGRAPH).font.size = Pt(18)
    ref.save(str(tmp_path / "单位.dotx.docx"))
    r = cli("render", ROOT / "examples" / "report.yaml", "-o", "单位.docx", "--reference-docx", "单位.dotx.docx")
    assert r.code == 0, r.err
    d = docx.Document(str(tmp_path / "单位.docx"))
    assert abs(d.sections[0].top_margin - Mm(40)) < Mm(0.1)
    heading = next(p for p in d.paragraphs if p.style.name == "一级标题（一、）")
    assert heading.style.font.size.pt == 18

    r = cli("render", ROOT / "examples" / "report.yaml", "-o", "x.docx", "--page-numbers", "middle")
    assert r.code != 0 and "--page-numbers" in r.err and not (tmp_path / "x.docx").exists()


def test_markdown_inside_a_txt_file(cli, tmp_path):
    """Archives hold .txt files written in Markdown: the markers go, masks stay."""
    text = "\n\n".join([
        "# 在全市工业经济运行调度会上的讲话", "*市政府副市长  李四*", "尊敬的**市长，同志们：",
        "## 一、准确把握态势", "今年以来，全市工业增长6.5%。", "**1.抓项目建设**。要加快推进重点项目。", "谢谢大家！",
    ])
    (tmp_path / "稿.txt").write_text(text, encoding="utf-8")
    r = cli("format", "稿.txt", "-o", "稿.docx")
    assert r.code == 0, r.err
    d = docx.Document(str(tmp_path / "稿.docx"))
    got = [(p.style.name, p.text) for p in d.paragraphs if p.text]
    assert got == [
        ("讲话稿标题", "在全市工业经济运行调度会上的讲话"),
        ("讲话人及日期", "市政府副市长  李四"),
        ("称谓", "尊敬的**市长，同志们："),
        ("一级标题（一、）", "一、准确把握态势"),
        ("讲话稿正文", "今年以来，全市工业增长6.5%。"),
        ("讲话稿正文", "1.抓项目建设。要加快推进重点项目。"),
        ("结束语", "谢谢大家！"),
    ]
    runin = d.paragraphs[[p.text for p in d.paragraphs].index("1.抓项目建设。要加快推进重点项目。")]
    assert runin.runs[0].style.name == "段内三级标题"

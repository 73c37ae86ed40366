from __future__ import annotations

import pytest

from drafter.errors import CorpusError, ReadError
from drafter.text.reader import iter_corpus, normalise, read_lines

TEXT = "关于某项工作的汇报\n\n各位领导：\n一、抓好落实,确保见效。\n汇报完毕。\n"


@pytest.mark.parametrize(
    "encoding,newline",
    [("utf-8", "\n"), ("utf-8-sig", "\n"), ("gbk", "\n"), ("gb18030", "\r\n"), ("utf-16", "\n")],
)
def test_encodings_and_newlines_read_the_same(tmp_path, encoding, newline):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.replace("\n", newline).encode(encoding))
    assert read_lines(p) == [
        (1, "关于某项工作的汇报"),
        (2, ""),
        (3, "各位领导："),
        (4, "一、抓好落实，确保见效。"),
        (5, "汇报完毕。"),
    ]


def test_normalise_keeps_numbers_and_latin():
    assert normalise("增长13.5%,达到2025年目标:") == "增长13.5%，达到2025年目标："
    assert normalise("at 10:30, 1,000 units") == "at 10:30, 1,000 units"
    assert normalise("(记者 吴丽琳)") == "（记者 吴丽琳）"
    assert normalise("（ok）") == "（ok）"


def test_seed_003_half_width_is_normalised():
    from tests.conftest import SEEDS

    lines = dict(read_lines(SEEDS / "003_b47cdb8e8fd4647b.txt"))
    assert lines[4].endswith("主任吴金城：")
    assert "," not in lines[3]
    assert lines[36].endswith("（记者 吴丽琳 诸玲珍 徐恒）")


def test_docx_paragraphs_are_numbered(tmp_path):
    import docx

    d = docx.Document()
    for t in ["标题上半\n下半", "", "同志们：", "正文,内容。"]:
        d.add_paragraph(t)
    p = tmp_path / "a.docx"
    d.save(p)
    assert read_lines(p) == [(1, "标题上半下半"), (2, ""), (3, "同志们："), (4, "正文，内容。")]


def test_markdown_headings_are_plain_lines(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# 标题\n\n*局长 张三*\n\n**同志们：**\n\n## 一、要点\n**市要加快。\n", encoding="utf-8")
    assert [t for _, t in read_lines(p) if t] == ["标题", "局长 张三", "同志们：", "一、要点", "**市要加快。"]


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("bin.txt", b"\x00\x01\x02abc", "二进制"),
        ("bad.txt", b"\xff\xfe\x00\xd8" * 3 + b"\x81\x20\x81", "UTF-16"),
        ("junk.txt", b"\x81\x20\x81\x20", "GBK"),
        ("x.docx", b"not a zip at all", ".docx"),
    ],
)
def test_unreadable_files_raise_read_error(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ReadError) as e:
        read_lines(p)
    assert str(p) in str(e.value) and reason in str(e.value)


def test_iter_corpus_errors(tmp_path):
    with pytest.raises(CorpusError, match="路径不存在"):
        list(iter_corpus([tmp_path / "nope"]))
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="没有可读取的讲话稿"):
        list(iter_corpus([tmp_path / "empty"]))
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(CorpusError, match="没有可读取的讲话稿"):
        list(iter_corpus([tmp_path / "other"]))


def test_iter_corpus_recurses_in_order_and_skips_lock_files(tmp_path):
    root = tmp_path / "archive"
    (root / "2023").mkdir(parents=True)
    (root / "b.txt").write_text("x", encoding="utf-8")
    (root / "2023" / "a.docx").write_bytes(b"")
    (root / "2023" / "~$a.docx").write_bytes(b"")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "c.txt").write_text("x", encoding="utf-8")
    assert [s.doc for s in iter_corpus([root])] == ["archive/2023/a.docx", "archive/b.txt"]


def test_a_folder_s_readme_license_and_changelog_are_not_speeches(tmp_path):
    from drafter.text.reader import iter_corpus

    for name in ("README.md", "readme.txt", "LICENSE.txt", "CHANGELOG.md", "在全县会议上的讲话.txt"):
        (tmp_path / name).write_text("同志们：\n**县要抓好落实。\n", encoding="utf-8")
    assert [s.path.name for s in iter_corpus([tmp_path])] == ["在全县会议上的讲话.txt"]
    # named on the command line, a README is still read
    assert [s.path.name for s in iter_corpus([tmp_path / "README.md"])] == ["README.md"]
    (tmp_path / "在全县会议上的讲话.txt").unlink()
    import pytest

    from drafter.errors import CorpusError
    with pytest.raises(CorpusError):
        list(iter_corpus([tmp_path]))  # only a README: no speech in the folder


def test_the_reader_s_docx_helpers_are_public():
    from drafter.text import reader

    for name in ("md_lines", "docx_xml", "paragraph_text", "block_paragraphs"):
        assert callable(getattr(reader, name))
    assert reader.md_lines("# 标题\n正文") == [(1, "标题"), (2, "正文")]

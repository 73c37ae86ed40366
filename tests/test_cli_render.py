from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, run_process

GENRES = ["report", "seminar", "discussion", "pledge", "sharing"]


def formats(p) -> str:
    """The XML that formats a paragraph: itself, its style and the styles that one is based on,
    and its first run's character style (a run-in heading's)."""
    xml, style = p._p.xml, p.style
    while style is not None:
        xml += style.element.xml
        style = style.base_style
    return xml + (p.runs[0].style.element.xml if p.runs else "")


@pytest.mark.parametrize("genre", GENRES)
def test_new_then_render_every_genre(cli, tmp_path, genre):
    r = cli("new", genre)
    assert r.code == 0 and (tmp_path / f"{genre}.yaml").is_file()
    text = (tmp_path / f"{genre}.yaml").read_text(encoding="utf-8")
    assert text.startswith("# ") and f"genre: {genre}" in text  # commented example
    r = cli("render", f"{genre}.yaml")
    assert r.code == 0, r.err
    out = tmp_path / f"{genre}.docx"
    assert f"已生成 {out.name}" in r.out and "字" in r.out and "分钟" in r.out

    import docx

    d = docx.Document(str(out))
    paras = [p.text.replace("\n", "") for p in d.paragraphs if p.text]
    assert paras[0] == __import__("yaml").safe_load(text)["title"]
    closing = d.paragraphs[-1]
    assert 'w:firstLineChars="200"' in formats(closing)


def test_docx_layout_of_a_rendered_example(cli, tmp_path):
    r = cli("render", ROOT / "examples" / "report.yaml", "-o", "out.docx")
    assert r.code == 0, r.err
    import docx
    from docx.shared import Mm

    d = docx.Document(str(tmp_path / "out.docx"))
    sec = d.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)] == [37, 35, 28, 26]
    assert abs(sec.top_margin - Mm(37)) < Mm(0.1)
    xml = d.element.xml + d.styles.element.xml  # formats live in named paragraph styles
    assert 'w:eastAsia="仿宋_GB2312"' in xml and 'w:eastAsia="黑体"' in xml and 'w:eastAsia="楷体_GB2312"' in xml
    assert 'w:line="560"' in xml and 'w:lineRule="exact"' in xml
    title = d.paragraphs[0]
    assert 'w:sz w:val="44"' in formats(title)  # 2号
    assert 'w:jc w:val="center"' in formats(title)
    heading = next(p for p in d.paragraphs if p.text.startswith("一、"))
    assert 'w:eastAsia="黑体"' in formats(heading)
    sub = next(p for p in d.paragraphs if p.text.startswith("（一）"))
    assert 'w:eastAsia="楷体_GB2312"' in formats(sub)
    salutation = next(p for p in d.paragraphs if p.text.endswith("同志们："))
    assert 'w:firstLineChars="0"' in salutation.style.element.xml
    footer = sec.footer._element.xml
    assert "PAGE" in footer and "— " in footer
    styles = d.styles.element.xml
    assert 'w:eastAsia="zh-CN"' in styles


def test_txt_md_and_stdout(cli, tmp_path):
    src = ROOT / "examples" / "seminar.yaml"
    r = cli("render", src, "-o", "a.txt")
    assert r.code == 0
    txt = (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert txt.startswith("在局党组理论学习中心组专题研讨会上的发言\n") and "\n一、锁定“奋进目标”" in txt
    r = cli("render", src, "-o", "a.md")
    md = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert md.startswith("# 在局党组") and "\n## 一、锁定" in md
    r = cli("render", src, "-o", "-")
    assert r.code == 0 and r.out == txt and "已生成 标准输出" in r.err
    r = cli("render", src, "-o", "-", "--format", "md")
    assert r.out == md
    r = cli("render", src, "-o", "b.out", "--format", "txt")
    assert (tmp_path / "b.out").read_text(encoding="utf-8") == txt


def test_same_seed_same_text_other_seed_other_choices(cli, tmp_path):
    src = ROOT / "examples" / "sharing.yaml"
    outs = set()
    for seed in range(6):
        cli("render", src, "-o", f"s{seed}.txt", "--seed", seed)
        outs.add((tmp_path / f"s{seed}.txt").read_text(encoding="utf-8"))
    cli("render", src, "-o", "again.txt", "--seed", "0")
    assert (tmp_path / "again.txt").read_text(encoding="utf-8") == (tmp_path / "s0.txt").read_text(encoding="utf-8")
    assert len(outs) > 1


def test_missing_values_listed_and_strict(cli, tmp_path):
    (tmp_path / "o.yaml").write_text("genre: report\ntitle: 标题\nsections:\n  - heading: 一项\n", encoding="utf-8")
    r = cli("render", "o.yaml", "-o", "o.txt")
    assert r.code == 0 and "待补内容" in r.err and "name" in r.err
    assert "【待补：name】" in (tmp_path / "o.txt").read_text(encoding="utf-8")
    r = cli("render", "o.yaml", "-o", "strict.txt", "--strict")
    assert r.code == 1 and "--strict" in r.err and not (tmp_path / "strict.txt").exists()


def test_bad_input(cli, tmp_path):
    good = ROOT / "examples" / "report.yaml"
    (tmp_path / "bad.yaml").write_text("genre: report\ntitle: [x\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- a\n", encoding="utf-8")
    (tmp_path / "genre.yaml").write_text("genre: poem\ntitle: t\nsections:\n  - heading: a\n", encoding="utf-8")
    (tmp_path / "notitle.yaml").write_text("genre: report\n", encoding="utf-8")
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "report.j2").write_text("{{ o.title }}\n{% for %}\n", encoding="utf-8")
    (tmp_path / "exists.docx").write_bytes(b"user's own file")
    cases = [
        (("render", "none.yaml"), "提纲文件 none.yaml 不存在"),
        (("render", "bad.yaml", "-o", "x.txt"), "不是有效的 YAML"),
        (("render", "list.yaml", "-o", "x.txt"), "顶层应为映射"),
        (("render", "genre.yaml", "-o", "x.txt"), "未知文种“poem”；可用文种：report（汇报发言）"),
        (("render", "notitle.yaml", "-o", "x.txt"), "title: 缺少此项"),
        (("render", good, "-o", "x.txt", "--templates", "tpl"), "report.j2 第 2 行语法错误"),
        (("render", good, "-o", "exists.docx"), "已存在，未作改动"),
        (("render", good, "-o", "nodir/x.docx"), "输出文件夹 nodir 不存在"),
        (("render", good, "-o", "x.txt", "--format", "docx"), "与输出文件 x.txt 的扩展名 .txt 不一致"),
        (("render", good, "-o", "x.pdf"), "无法从 x.pdf 的扩展名判断格式"),
        (("render", good, "-o", "-", "--format", "docx"), "Word 文件不能输出到标准输出"),
        (("render", good, "--format", "pdf"), "不支持的格式“pdf”"),
        (("render", good, "-o", "x.txt", "--templates", "nodir"), "模板文件夹 nodir 不存在"),
        (("new", "poem"), "未知文种“poem”"),
    ]
    for args, message in cases:
        r = cli(*args)
        assert r.code != 0, args
        assert message in r.err, (args, r.err)
        assert "Traceback" not in r.err
    assert (tmp_path / "exists.docx").read_bytes() == b"user's own file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".txt", ".docx", ".tmp")) == ["exists.docx"]
    assert cli("render", good, "-o", "exists.docx", "--force").code == 0
    assert (tmp_path / "exists.docx").read_bytes()[:2] == b"PK"


def test_new_refuses_to_overwrite(cli, tmp_path):
    (tmp_path / "report.yaml").write_text("mine", encoding="utf-8")
    r = cli("new", "report")
    assert r.code == 1 and "已存在" in r.err
    assert (tmp_path / "report.yaml").read_text(encoding="utf-8") == "mine"
    r = cli("new", "seminar", "-o", "-")
    assert r.code == 0 and "genre: seminar" in r.out


def test_templates_commands(cli, tmp_path):
    data = json.loads(cli("templates", "list", "--json").out)
    assert [d["genre"] for d in data] == GENRES and data[0]["name"] == "汇报发言"
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "memo.j2").write_text("{# name: 情况说明 #}\n{{ o.title }}\n", encoding="utf-8")
    r = cli("templates", "list", "--templates", "t")
    assert "memo" in r.out and "情况说明" in r.out and "用户" in r.out
    r = cli("templates", "show", "report")
    assert r.code == 0 and "读取的提纲字段" in r.out and "sections[].heading" in r.out and "{# name: 汇报发言 #}" in r.out
    assert cli("templates", "show", "poem").code == 1


def test_render_does_not_load_jieba(tmp_path):
    code = (
        "import sys\nfrom drafter.cli import main\n"
        "try:\n    main(['render', sys.argv[1], '-o', sys.argv[2]])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "print('jieba' in sys.modules, 'rich' in sys.modules)\n"
    )
    p = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "examples" / "report.yaml"), str(tmp_path / "o.docx")],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )
    assert p.returncode == 0, p.stderr
    assert p.stdout.split()[-2:] == ["False", "False"]


def test_readme_main_command_renders_the_bundled_example(tmp_path):
    p = run_process("render", ROOT / "examples" / "report.yaml", "-o", tmp_path / "草稿.docx", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "草稿.docx").stat().st_size > 5000


@pytest.mark.parametrize("genre", GENRES)
def test_rendered_examples_pass_check(cli, tmp_path, genre):
    """The linter finds no error in what render writes (several seeds, Word and text)."""
    for seed in range(4):
        for suffix in ("docx", "txt"):
            out = f"{genre}-{seed}.{suffix}"
            assert cli("render", ROOT / "examples" / f"{genre}.yaml", "-o", out, "--seed", seed).code == 0
            r = cli("check", out, "--json")
            errors = [f for f in json.loads(r.out) if f["severity"] == "error"]
            assert r.code == 0 and errors == [], (out, errors)

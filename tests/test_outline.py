from __future__ import annotations

import pytest

from drafter.draft.outline import AUTO, NONE, load_outline, parse_outline
from drafter.errors import OutlineError

GOOD = """\
genre: report
title: 关于某项工作的汇报
meeting: 推进会
topic: [产业, 项目]
vars:
  place: 某
  number: [十二, 三]
opening: none
closing: 汇报完毕。
sections:
  - heading: 抓落实
    lead: auto
    points:
      - 第一点
      - text: 第二点
        detail: 展开
    subsections:
      - heading: 子项
        points: [甲]
"""


def test_good_outline():
    o = parse_outline(GOOD, "o.yaml")
    assert (o.genre, o.title, o.meeting, o.topic) == ("report", "关于某项工作的汇报", "推进会", "产业 项目")
    assert o.vars == {"place": "某", "number": ["十二", "三"]}
    assert (o.salutation, o.opening, o.pledge, o.closing) == (AUTO, NONE, AUTO, "汇报完毕。")
    s = o.sections[0]
    assert (s.heading, s.lead, [p.text for p in s.points], s.points[1].detail) == ("抓落实", AUTO, ["第一点", "第二点"], "展开")
    assert s.subsections[0].points[0].text == "甲"


def test_every_problem_reported_with_path_and_line():
    text = """\
genre: report
ttile: 标题
opening: [1]
sections:
  - heading: 一
    points:
      - 好
      - [1, 2]
  - 3
  - points: [x]
"""
    with pytest.raises(OutlineError) as e:
        parse_outline(text, "outline.yaml")
    assert e.value.problems == [
        "ttile: 未知的键“ttile”，是否想写 title？（outline.yaml 第 2 行）",
        "title: 缺少此项，请填写标题（outline.yaml 第 1 行）",
        "sections[0].points[1]: 应为字符串或包含 text 的映射（outline.yaml 第 8 行）",
        "sections[1]: 应为包含 heading 和 points 的映射（outline.yaml 第 9 行）",
        "sections[2].heading: 缺少此项，请填写（outline.yaml 第 10 行）",
        "opening: 应为 auto、none 或一段文字，实际是列表（outline.yaml 第 3 行）",
    ]


def test_yaml_syntax_error_names_line_and_column():
    with pytest.raises(OutlineError, match=r"o\.yaml 第 3 行第 1 列不是有效的 YAML.*问题始于第 2 行"):
        parse_outline("genre: report\ntitle: [未闭合\n", "o.yaml")
    with pytest.raises(OutlineError, match=r"o\.yaml 第 2 行第 \d+ 列不是有效的 YAML"):
        parse_outline("genre: report\ntitle: a: b\n", "o.yaml")


@pytest.mark.parametrize("text", ["- a\n- b\n", "只是一句话\n", ""])
def test_top_level_must_be_a_mapping(text):
    with pytest.raises(OutlineError, match="顶层应为映射"):
        parse_outline(text, "o.yaml")


def test_missing_sections():
    with pytest.raises(OutlineError, match="sections: 缺少此项"):
        parse_outline("genre: report\ntitle: 标题\n", "o.yaml")


def test_outline_text_stays_literal():
    o = parse_outline("genre: report\ntitle: '{{ place }}'\nsections:\n  - heading: '{% if %}'\n", "o")
    assert o.title == "{{ place }}" and o.sections[0].heading == "{% if %}"


def test_file_errors(tmp_path):
    with pytest.raises(OutlineError, match="不存在"):
        load_outline(tmp_path / "none.yaml")
    p = tmp_path / "gbk.yaml"
    p.write_bytes("genre: report\ntitle: 标题\nsections:\n  - heading: 一\n".encode("gbk"))
    assert load_outline(p).title == "标题"


def test_a_fifo_named_as_the_outline_is_refused_not_read(tmp_path):
    import os

    from drafter.errors import OutlineError

    os.mkfifo(tmp_path / "o.yaml")
    with pytest.raises(OutlineError, match="命名管道"):
        load_outline(tmp_path / "o.yaml")


def test_level_attendance_and_keywords(tmp_path):
    o = parse_outline(
        "genre: host\ntitle: t\nlevel: 乡镇\nattendance: 出席会议的有镇领导\n"
        "sections:\n  - keywords: 责任 隐患\n  - keywords: [基础]\n    lead: none\n"
    )
    assert o.level == "乡镇" and o.attendance == "出席会议的有镇领导"
    assert [s.keywords for s in o.sections] == [["责任", "隐患"], ["基础"]]
    assert o.sections[0].heading == "" and o.sections[0].lead == AUTO and o.sections[1].lead == NONE
    from drafter.errors import OutlineError

    with pytest.raises(OutlineError) as e:
        parse_outline("genre: report\ntitle: t\nlevel: 村委会\nsections:\n  - lead: auto\n  - keywords: {a: 1}\n")
    problems = "\n".join(e.value.problems)
    assert "未知层级“村委会”" in problems and "sections[0].heading: 缺少此项" in problems
    assert "sections[1].keywords: 应为关键词列表" in problems

"""drafter check on texts imitating real published speeches (tests/speeches_real.py):
precision first. Every false positive found on them was fixed and stays here as a test."""

from __future__ import annotations

import pytest

from drafter.check import check_file, check_text
from tests.speeches_real import SPEECHES as FIRST
from tests.speeches_real_more import MORE

SPEECHES = FIRST + MORE


@pytest.mark.parametrize(("name", "text", "expected"), SPEECHES, ids=[s[0] for s in SPEECHES])
def test_published_speech_findings(name, text, expected):
    got = [(f.code, f.line) for f in check_text(text, path=name)]
    assert got == expected, [(f.code, f.line, f.excerpt, f.message) for f in check_text(text, path=name)]


def test_rates_on_published_speeches():
    chars = sum(len(t) for _, t, _ in SPEECHES)
    findings = [f for name, t, _ in SPEECHES for f in check_text(t, path=name)]
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    assert chars > 13000
    assert len(errors) * 100_000 / chars <= 1
    assert len(warnings) * 1000 / chars <= 0.5


def test_same_speeches_from_files(tmp_path):
    """Read from .txt (GBK too) and .md files, the findings are the same."""
    for i, (name, text, expected) in enumerate(SPEECHES):
        p = tmp_path / f"{i}.txt"
        p.write_bytes(text.encode("gb18030"))
        assert [(f.code, f.line) for f in check_file(p)] == expected, name


def test_misfires_of_issue_8():
    # D201/D202: 一、 chapters with 第一， inside; 首先 as item 1; 20.2026年 items
    text = "各位领导：\n一、抓项目\n第一，抓谋划。\n第二，抓落地。\n二、抓招商\n首先，抓谋划。\n第二，抓签约。\n第三，抓落地。\n"
    assert check_text(text) == []
    text = "各位领导：\n一、主要任务\n19.稳外贸。\n20.2026年要抓好就业。\n21.2026年要抓好乡村振兴。\n"
    assert check_text(text) == []
    text = "各位领导：\n一、主要任务\n19.稳外贸。\n21.2026年要抓好乡村振兴。\n"
    assert [(f.code, f.line) for f in check_text(text)] == [("D201", 4)]
    # D101/D102: policy names
    assert check_text("各位领导：\n实施“数据要素×”行动，构建1+N+X政策体系，推进“人工智能+X”，7×24小时服务。\n") == []
    # D203/D204: a byline before 第一，; （一） as the top level
    text = "在论坛上的讲话\n同志们：\n新华社北京9月4日电 第一，携手推进现代化。内容。\n第二，携手推进互联互通。内容。\n"
    assert check_text(text) == []
    text = "各位领导：\n（一）总体情况\n内容。\n（二）存在问题\n一是项目不足，二是要素紧张。一、二季度要抓开工。\n（三）下步打算\n内容。\n"
    assert check_text(text) == []
    # a restart at 1 begins a new set (two parts of a report)
    text = "各位领导：\n一、成绩\n1.甲。\n2.乙。\n二、打算\n1.丙。\n2.丁。\n"
    assert check_text(text) == []


def test_repetition_misfires_of_issue_8():
    # set formulations beaten by their frames
    para = "坚持以习近平新时代中国特色社会主义思想为指导，推动工作落实。"
    assert check_text("各位领导：\n" + "\n".join([para] * 1 + [f"内容不同的第{i}段。" for i in range(3)] + [
        "我们要坚持以习近平新时代中国特色社会主义思想为指导，抓好项目。"]) + "\n") == []
    # list fragments split at 、 are not clauses
    assert check_text("各位领导：\n推进产业基础高级化、产业链现代化。\n实现产业基础高级化、产业链现代化。\n") == []
    # far apart: a listener does not notice
    far = "各位领导：\n我们要扎实推进重点项目建设。\n" + "".join(f"第{i}段内容不相同。\n" for i in range(15)) + "我们要扎实推进重点项目建设。\n"
    assert check_text(far) == []
    near = "各位领导：\n我们要扎实推进重点项目建设。\n其他内容。\n我们要扎实推进重点项目建设。\n"
    assert [(f.code, f.line) for f in check_text(near)] == [("D401", 4)]


def test_parallel_heading_misfires():
    # one shared last character is no frame (强化组织领导 / 强化考核督导 vs 强化服务保障)
    text = "各位领导：\n（一）强化组织领导。内容。\n（二）强化服务保障。内容。\n（三）强化考核督导。内容。\n"
    assert check_text(text) == []
    # a lead sentence announcing a list is as long as its part before the colon
    text = (
        "分组讨论发言\n第一，全会报告站位高远、思路清晰，是指导全省工作的纲领性文件。内容。\n第二，我市上半年经济运行总体平稳、稳中有进。内容。\n"
        "第三，我们将认真贯彻全会精神，重点抓好三个方面工作：一是坚定不移抓产业，推动传统产业转型升级；"
        "二是坚定不移抓项目，全力推进重大项目建设；三是坚定不移抓改革。\n"
    )
    assert check_text(text) == []


def test_ordinal_runs_nest_under_the_section_they_stand_in():
    # found on the speech model's fixtures of real archives: 第一， under （一） under 一、
    text = (
        "江州县人民政府工作报告\n——2025年1月8日在江州县第十八届人民代表大会第四次会议上\n各位代表！\n"
        "现在，我代表县人民政府向大会报告工作，请予审议。\n一、2024年工作回顾\n过去的一年，我们主要做了以下工作。\n"
        "（一）经济运行稳中有进。\n第一，工业经济持续壮大。规上工业增加值增长百分之八点三。\n"
        "第二，农业基础更加稳固。粮食总产量稳定在30万吨以上。\n第三，服务业加快发展。\n"
        "（二）民生福祉持续增进。\n全年民生支出占一般公共预算支出的百分之七十八。\n二、2025年工作安排\n"
        "一是聚焦产业发展。\n加快建设现代化产业体系。\n二是聚焦城乡融合。\n推进以人为核心的新型城镇化。\n"
        "各位代表，新的一年，任务艰巨，使命光荣。让我们奋发有为、真抓实干，为建设现代化美丽江州作出新的更大贡献！\n"
    )
    assert check_text(text) == []
    assert check_text("各位领导：\n（一）甲\n第一，抓谋划。\n第二，抓落地。\n（二）乙\n内容。\n") == []
    assert check_text("各位领导：\n第一，抓项目\n（一）甲\n（二）乙\n第二，抓招商\n") == []
    text = "各位领导：\n第一，总体看。\n第二，具体看。\n一、抓项目\n第一，抓谋划。\n第二，抓落地。\n二、抓招商\n"
    assert check_text(text) == []


def test_opening_address_of_a_congress():
    text = (
        "在江州市第五次党代会上的开幕词\n（2021年9月26日）\n各位代表，同志们：\n"
        "中国共产党江州市第五次代表大会，经过充分准备，今天隆重开幕了。\n出席这次大会的代表应到412名，实到405名，符合规定人数。\n"
        "这次大会的主要任务是：总结过去五年工作，谋划今后五年发展。\n"
        "我们相信，在全体代表的共同努力下，大会一定能够开成一个团结、民主、求实、奋进的大会。\n"
        "现在，我宣布：中国共产党江州市第五次代表大会开幕！\n"
    )
    assert check_text(text) == []  # the meeting's name twice is a name; 宣布…开幕 closes an opening address


def test_quotation_lead_is_no_new_speech_and_footnote_legend_is_no_mask():
    # the speech model takes 习近平总书记强调： for a speaker line and starts a new speech there;
    # check joins it back, so the speech keeps its numbering and its closing
    text = (
        "在全市宣传思想文化工作会议上的讲话\n同志们：\n一、深刻领会使命任务\n习近平总书记强调：\n"
        "“要坚定文化自信，秉持开放包容，坚持守正创新。”\n二、扎实做好今年的重点工作\n"
        "文化产业增加值占比达到5.2%*。\n同志们，让我们奋力谱写文化强市建设新篇章！\n注：*为初步统计数。\n"
    )
    assert check_text(text) == []
    assert [f.line for f in check_text("各位领导：\n推进*项目。\n注：*为初步数，**市另计。\n")] == [2, 3]

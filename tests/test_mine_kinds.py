"""Sharper kinds (issue 12, item 2) on texts shaped like real archives: closing exhortations
(同志们，…让我们…！ / 各位代表！…而努力奋斗！) also in one-line texts, before a dateline or
distribution lines; pledges that look forward and carry no fact of their speech; transitions
that announce parts; 一要…二要… and 首先…其次…最后… sets across paragraphs.

Each expected phrase is written out with its provenance (file, line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.bank.mine import mine_paths
from drafter.text.speech import parse_file

# A leader's speech pasted as one line, with a news dateline and a credit at the end.
ONE_LINE = (
    "在全市制造业高质量发展大会上的讲话（2025年9月3日）同志们：今天召开全市制造业高质量发展大会，"
    "主要任务是总结工作、部署任务。下面，我讲三点意见。一、深刻认识制造业的重要地位。制造业是立市之本、强市之基。"
    "二、突出抓好重点任务。各地各部门一要抓创新，加快关键技术攻关。二要抓转型，推动传统产业改造升级。"
    "三要抓环境，打造一流营商环境。三、切实加强组织领导。各级党委、政府要把制造业摆在更加突出的位置。"
    "同志们，制造业高质量发展任务艰巨、使命光荣。让我们坚定信心、真抓实干，为奋力谱写中国式现代化新篇章"
    "作出新的更大贡献！谢谢大家。（新华社北京9月4日电）\n"
)
# A county work report: Markdown # title, each 一是 a paragraph, the exhortation after 各位代表！
WORK_REPORT = """# 政府工作报告

——2025年1月8日在青石县第十八届人民代表大会第五次会议上

各位代表：

现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员提出意见。

一、2024年工作回顾

过去一年，全县地区生产总值增长6.1%，各项事业取得新进展。全县上下为经济社会发展作出了积极贡献。

二、2025年工作安排

今年，我们将重点抓好以下五个方面工作。

一是加快产业转型。

二是扩大有效投资。

三是保障改善民生。

各位代表！新的征程已经开启，新的使命催人奋进。让我们在县委的坚强领导下，凝心聚力、奋勇争先，为加快建设现代化新青石而努力奋斗！
"""
# A county meeting: 第一，/第二，/第三， headings, a 首先，…其次，…最后， run under 第二，,
# pledges good and bad, a host's transitions, and a red-header footer after the exhortation.
MEETING = """在全县一季度经济运行分析会上的讲话
县长 苏文杰
同志们：
今天召开一季度经济运行分析会，主要是分析形势、部署工作。下面，我讲几点意见。
第一，客观看待经济运行态势。
一季度全县经济运行总体平稳，地区生产总值增长百分之七点九。
第二，突出抓好二季度重点工作。
首先，全力抓好工业稳增长。县工信局要开展精准帮扶。
其次，全力抓好项目建设。各项目责任单位要倒排工期、挂图作战。
最后，全力抓好财税征管。要依法依规应收尽收。
第三，切实加强作风保障。
巩固成果，首先要把责任压实。各乡镇要逐级签订责任书。其次要把督查搞好。县政府督查室每月通报进展。
过去一年，各乡镇为全县发展作出了积极贡献。感谢同志们为全县发展作出的贡献。
三是为全县高质量发展贡献力量。
我们将全力以赴，为加快建设农业强县作出新的更大贡献！
我们要为“十四五”规划圆满收官作出应有贡献！
全体干部要在中共青石县委的坚强领导下，为谱写青石篇章贡献青石力量！
今年计划完成项目投资12亿元，重点抓好四个方面工作。
同志们，二季度是关键时期。希望大家以只争朝夕的精神，抓紧抓实各项工作，为完成全年目标任务打下坚实基础。
报：市政府办公室。
送：县委办公室。
"""
# A host's script: transitions that name the speakers carry facts, not kept.
HOST = """在全县乡村振兴工作会议上的主持词
同志们：
现在开会。
下面，进行会议第一项议程，请大家观看专题片。
下面，进行会议第二项议程，请三个乡镇作交流发言。
下面，请县委副书记、县长李红同志讲话，大家欢迎。
同志们，乡村振兴任务艰巨、责任重大。希望大家以这次会议为契机，真抓实干，确保全年目标任务圆满完成。
散会。
"""
# A training sharing pasted as one line: 大家好！ opens it, its last sentence pledges; no closing paragraph.
SHARING = (
    "在全省青年干部培训班上的交流发言 尊敬的各位领导、同事们：大家好！很荣幸与大家交流学习体会。"
    "参加这次培训，我主要有三点体会。一是理论功底更加扎实。二是视野格局更加开阔。三是担当意识更加强烈。"
    "今后，我将把所学所悟转化为实际行动，为全省高质量发展贡献青春力量。谢谢大家！\n"
)
FILES = {"one_line.txt": ONE_LINE, "work_report.txt": WORK_REPORT, "meeting.txt": MEETING, "host.txt": HOST,
         "sharing.txt": SHARING}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    root = tmp_path_factory.mktemp("archive")
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    records, stats = mine_paths([root])
    assert stats.files == len(FILES) and not stats.skipped
    return root, records


def _where(records: list[dict], kind: str) -> dict[str, set[tuple[str, int]]]:
    """text -> {(file name, line)} for one kind."""
    out: dict[str, set[tuple[str, int]]] = {}
    for r in records:
        if r["kind"] == kind:
            out[r["text"]] = {(Path(s["doc"]).name, s["line"]) for s in r["sources"]}
    return out


def test_closing_exhortations_in_every_shape(archive):
    _, records = archive
    closings = _where(records, "closing")
    # one line, before 谢谢大家 and a dateline (one_line.txt, line 1)
    assert closings["同志们，制造业高质量发展任务艰巨、使命光荣。让我们坚定信心、真抓实干，为奋力谱写中国式现代化"
                    "新篇章作出新的更大贡献！"] == {("one_line.txt", 1)}
    assert ("one_line.txt", 1) in closings["谢谢大家。"]
    # a work report's 各位代表！ paragraph (work_report.txt, line 23)
    assert closings["各位代表！新的征程已经开启，新的使命催人奋进。让我们在县委的坚强领导下，凝心聚力、奋勇争先，"
                    "为加快建设现代化新青石而努力奋斗！"] == {("work_report.txt", 23)}
    # before a red header's distribution lines (meeting.txt, line 19); 二季度 ties the paragraph
    # to its date, so only the call on the audience is the phrase
    assert closings["希望大家以只争朝夕的精神，抓紧抓实各项工作，为完成全年目标任务打下坚实基础。"] == {("meeting.txt", 19)}
    # a host's closing words (host.txt, line 7)
    assert ("host.txt", 7) in next(v for k, v in closings.items() if k.startswith("同志们，乡村振兴任务艰巨"))


def test_distribution_lines_are_no_body(archive):
    root, _ = archive
    blocks = parse_file(root / "meeting.txt")[0].blocks
    assert [b.kind for b in blocks[-3:]] == ["closing", "speaker", "speaker"]


def test_a_greeting_opens_no_closing(archive):
    """大家好！…贡献青春力量。 in one line: the body stays body, the pledge is mined."""
    root, records = archive
    speech = parse_file(root / "sharing.txt")[0]
    assert [b.text for b in speech.blocks if b.kind == "closing"] == ["谢谢大家！"]
    assert _where(records, "pledge")["今后，我将把所学所悟转化为实际行动，为全省高质量发展贡献青春力量。"] == {
        ("sharing.txt", 1)}
    assert _where(records, "parallel")["理论功底更加扎实 / 视野格局更加开阔 / 担当意识更加强烈"] == {("sharing.txt", 1)}


def test_a_last_paragraph_without_address_is_no_closing(tmp_path):
    """作为分管领导，我将…贡献智慧和力量。 ends a 研讨发言 (seminar.txt, line 5): no form of address,
    so it stays body text and gives its pledge; the closing is the formula after it."""
    (tmp_path / "seminar.txt").write_text(
        "在集团数字化转型专题研讨会上的发言\n各位领导，同志们：\n根据安排，我谈几点体会。\n"
        "一是提高认识。二是强化举措。三是建强队伍。\n"
        "作为分管领导，我将以这次研讨为新的起点，主动扛起责任，为建设一流现代国有企业贡献智慧和力量。\n"
        "以上发言，不当之处请大家批评指正。\n", encoding="utf-8")
    speech = parse_file(tmp_path / "seminar.txt")[0]
    assert [b.text for b in speech.blocks if b.kind == "closing"] == ["以上发言，不当之处请大家批评指正。"]
    records, _ = mine_paths([tmp_path])
    assert _where(records, "pledge")["为建设一流现代国有企业贡献智慧和力量。"] == {("seminar.txt", 5)}


def test_pledges_look_forward_and_carry_no_fact(archive):
    _, records = archive
    pledges = _where(records, "pledge")
    # kept: forward-looking, whole (meeting.txt line 15; one_line.txt line 1)
    assert pledges["我们将全力以赴，为加快建设农业强县作出新的更大贡献！"] == {("meeting.txt", 15)}
    assert ("one_line.txt", 1) in pledges["让我们坚定信心、真抓实干，为奋力谱写中国式现代化新篇章作出新的更大贡献！"]
    # the 三是 marker is no part of a pledge (meeting.txt line 14)
    assert pledges["为全县高质量发展贡献力量。"] == {("meeting.txt", 14)}
    joined = "\n".join(pledges)
    assert "作出了积极贡献" not in joined  # looks back (meeting.txt line 13, work_report.txt line 11)
    assert "感谢" not in joined  # thanks (meeting.txt line 13)
    assert "三是" not in joined
    assert "十四五" not in joined  # a plan period (meeting.txt line 16)
    assert "青石" not in joined  # the speech's own county (meeting.txt line 17; work_report.txt line 23)
    assert all(not r["facts"] for r in records if r["kind"] == "pledge")


def test_transitions_announce_parts_and_carry_no_fact(archive):
    _, records = archive
    transitions = _where(records, "transition")
    assert ("one_line.txt", 1) in transitions["下面，我讲三点意见。"]
    assert transitions["下面，我讲几点意见。"] == {("meeting.txt", 4)}
    assert transitions["今年，我们将重点抓好以下五个方面工作。"] == {("work_report.txt", 15)}
    assert transitions["下面，进行会议第一项议程，请大家观看专题片。"] == {("host.txt", 4)}
    # the announcing clause alone when the sentence carries a figure (meeting.txt line 18)
    assert transitions["重点抓好四个方面工作。"] == {("meeting.txt", 18)}
    joined = "\n".join(transitions)
    assert "七点九" not in joined  # a decimal, no announcement (meeting.txt line 6)
    assert "李红" not in joined and "三个乡镇" not in joined  # one meeting's speakers (host.txt lines 5, 6)
    assert "12亿元" not in joined


def test_enumerations_across_paragraphs(archive):
    _, records = archive
    parallel = {r["text"]: r for r in records if r["kind"] == "parallel"}
    # 一要…二要…三要… in a one-line text (one_line.txt, line 1)
    assert ("one_line.txt", 1) in {(Path(s["doc"]).name, s["line"]) for s in parallel["抓创新，加快关键技术攻关 / 抓转型，推动传统产业改造升级 / 抓环境，打造一流营商环境"]["sources"]}
    # 一是… one item a paragraph (work_report.txt, lines 17, 19, 21)
    assert parallel["加快产业转型 / 扩大有效投资 / 保障改善民生"]["sources"][0]["lines"] == [17, 19, 21]
    # 首先，…其次，…最后， leading paragraphs under 第二， (meeting.txt, lines 8-10): a parallel set
    src = parallel["全力抓好工业稳增长 / 全力抓好项目建设 / 全力抓好财税征管"]["sources"][0]
    assert (Path(src["doc"]).name, src["lines"]) == ("meeting.txt", [8, 9, 10])
    # 首先要…其次要… inside a paragraph: 首先要 is a marker as 一要 is (meeting.txt, line 12)
    assert "把责任压实 / 把督查搞好" in parallel
    headings = {r["text"] for r in records if r["kind"] == "heading"}
    # the run does not split the 第一，第二，第三， headings around it
    assert "客观看待经济运行态势 / 突出抓好二季度重点工作 / 切实加强作风保障" in headings
    assert not any("全力抓好" in h for h in headings)


def test_an_order_run_under_a_section_stays_its_headings(tmp_path):
    """首先，…其次，…最后， right under 二、 are the section's sub-headings (report.txt, lines 6-8)."""
    (tmp_path / "report.txt").write_text(
        "关于信访工作情况的汇报\n各位领导：\n一、主要做法\n我们坚持源头治理，完善工作机制。\n"
        "二、下步打算\n首先，在源头治理上下功夫。把关口前移。\n其次，在责任落实上下功夫。压实属地责任。\n"
        "最后，在队伍建设上下功夫。加强教育培训。\n汇报完毕。\n", encoding="utf-8")
    records, _ = mine_paths([tmp_path])
    heading = next(r for r in records if r["kind"] == "heading" and r["text"].startswith("在源头治理上下功夫"))
    assert heading["text"] == "在源头治理上下功夫 / 在责任落实上下功夫 / 在队伍建设上下功夫"
    assert heading["sources"][0]["lines"] == [6, 7, 8]
    assert not any(r["kind"] == "parallel" and "源头治理" in r["text"] for r in records)


def test_numbering_slips_do_not_cut_a_run(tmp_path):
    """一是、二是、四是 and 一是、二是、二是、四是 one item a paragraph (report.txt, lines 4-6 and
    8-11): the writer's slip does not cut the set; 第一个事项，关于… items are their subjects (line 13)."""
    (tmp_path / "report.txt").write_text(
        "在全区工作汇报会上的汇报\n各位领导：\n今年以来，我们重点抓了三个方面。\n"
        "一是项目建设提速。全年实施重点项目一批。\n二是产业结构优化。新兴产业比重提高。\n四是民生保障有力。新建服务设施一批。\n"
        "下一步，我们将抓好四项工作。\n一是优化资源布局。\n二是加强队伍建设。\n二是提升教学质量。\n四是守牢安全底线。\n"
        "今天研究三个事项。\n第一个事项，关于经济运行情况。第二个事项，关于城市防汛工作。第三个事项，关于重点项目推进。\n"
        "汇报完毕。\n", encoding="utf-8")
    records, _ = mine_paths([tmp_path])
    parallel = {r["text"]: r["sources"][0] for r in records if r["kind"] == "parallel"}
    assert parallel["项目建设提速 / 产业结构优化 / 民生保障有力"]["lines"] == [4, 5, 6]
    assert parallel["优化资源布局 / 加强队伍建设 / 提升教学质量 / 守牢安全底线"]["lines"] == [8, 9, 10, 11]
    assert parallel["关于经济运行情况 / 关于城市防汛工作 / 关于重点项目推进"]["line"] == 13

from __future__ import annotations

from drafter.text.speech import detect_genre, parse_file, parse_text, split_sentences
from tests.conftest import SEEDS


def kinds(speech):
    return [(b.kind, b.line) for b in speech.blocks]


def test_seed_001_report_structure():
    [sp] = parse_file(SEEDS / "001_89acf522c07d8a93.txt", "001")
    assert sp.genre == "report"
    assert sp.title == "经信局在全市重点产业体系建设工作推进会上的汇报发言"
    assert kinds(sp)[:4] == [("title", 1), ("salutation", 3), ("paragraph", 4), ("heading", 5)]
    heads = sp.of_kind("heading")
    assert [(h.level, h.number, h.position, h.style) for h in heads] == [
        (1, n, n, "一、") for n in (1, 2, 3, 4)
    ]
    assert heads[0].body == "战略性调研事关全局，坚持跳出经信看经信"
    # a run-in heading: the rest of its line is a paragraph flagged runin
    runin = sp.blocks[sp.blocks.index(heads[0]) + 1]
    assert runin.kind == "paragraph" and runin.runin and runin.line == 5
    assert runin.text.startswith("市经信局党组坚持每月一次")
    assert sp.blocks[-1].kind == "closing" and sp.blocks[-1].line == 9


def test_seed_002_ordinal_headings():
    [sp] = parse_file(SEEDS / "002_40a057a5e4eeb43a.txt")
    assert sp.genre == "discussion"
    heads = sp.of_kind("heading")
    assert [(h.style, h.number, h.line) for h in heads] == [("第一，", 1, 4), ("第一，", 2, 6), ("第一，", 3, 7)]
    assert heads[1].body == "一门心思抓发展，构建*现代化产业体系路径明确"


def test_seed_000_has_no_title_and_is_one_speech():
    speeches = parse_file(SEEDS / "000_3e7c12e96217c578.txt")
    assert len(speeches) == 1
    assert speeches[0].title == "" and speeches[0].blocks[0].kind == "paragraph"
    assert [h.line for h in speeches[0].of_kind("heading")] == [2, 4, 6]


def test_seed_003_compilation_splits_per_speaker():
    speeches = parse_file(SEEDS / "003_b47cdb8e8fd4647b.txt")
    assert len(speeches) == 9
    assert [b.kind for b in speeches[0].blocks[:3]] == ["title", "subtitle", "paragraph"]
    second = speeches[1]
    assert [(b.kind, b.line) for b in second.blocks[:2]] == [("speaker", 4), ("title", 5)]
    assert second.title == "努力推动制造强国、网络强国、数字中国“上海实践”"


def test_seed_004_seminar():
    [sp] = parse_file(SEEDS / "004_e2cdf00a349d671c.txt")
    assert sp.genre == "seminar"
    assert [len(g) for g in sp.heading_groups()] == [5]
    assert sp.blocks[-1].text == "发言完毕。"


def test_levels_positions_and_sibling_groups():
    text = "\n".join([
        "标题", "同志们：", "开头。",
        "一、甲", "（一）甲一", "（二）甲二", "1.细", "2.细二",
        "二、乙", "（一）乙一", "（二）乙二", "（三）乙三",
        "谢谢大家！",
    ])
    [sp] = parse_text(text)
    heads = sp.of_kind("heading")
    assert [(h.level, h.position) for h in heads] == [
        (1, 1), (2, 1), (2, 2), (3, 1), (3, 2), (1, 2), (2, 1), (2, 2), (2, 3)
    ]
    groups = [[h.body for h in g] for g in sp.heading_groups()]
    assert groups == [["甲", "乙"], ["甲一", "甲二"], ["细", "细二"], ["乙一", "乙二", "乙三"]]
    assert sp.blocks[-1].kind == "closing"


def test_inline_ordinal_enumeration_is_a_paragraph():
    [sp] = parse_text("各位领导：\n第一，抓项目。第二，抓园区。\n")
    assert [b.kind for b in sp.blocks] == ["salutation", "paragraph"]


def test_pasted_archive_splits_at_new_title_and_salutation():
    text = "第一篇汇报\n各位领导：\n正文一。\n汇报完毕。\n第二篇发言\n同志们：\n正文二。\n"
    speeches = parse_text(text)
    assert [s.title for s in speeches] == ["第一篇汇报", "第二篇发言"]
    assert [b.line for b in speeches[1].blocks] == [5, 6, 7]


def test_numbers_like_dates_are_not_headings():
    [sp] = parse_text("各位领导：\n2023年是关键之年。\n1.5亿元已到位。\n")
    assert [b.kind for b in sp.blocks] == ["salutation", "paragraph", "paragraph"]


def test_sentences_respect_quotes():
    assert split_sentences("作出了“建设体系。坚持实体经济”决策部署。下一句！") == [
        "作出了“建设体系。坚持实体经济”决策部署。",
        "下一句！",
    ]


def test_genre_words():
    assert detect_genre("在全会上的表态发言") == "pledge"
    assert detect_genre("主题教育读书班交流发言") == "sharing"
    assert detect_genre("", "以上汇报，请批评指正。") == "report"

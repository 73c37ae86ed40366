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


# --- closings of the new genres, quotation lead-ins, order words, dated items ----------


def test_a_speech_closes_on_its_exhortation():
    text = (
        "在全县安全生产工作会议上的讲话\n同志们：\n这次会议的主要任务是部署安全生产工作。\n"
        "一、认清形势\n安全生产形势依然严峻。\n二、压实责任\n要层层压实责任。\n"
        "同志们，安全生产责任重于泰山。让我们全力以赴抓好各项工作，为全县发展营造安全稳定的环境！\n"
    )
    [sp] = parse_text(text)
    assert sp.genre == "speech"
    assert (sp.blocks[-1].kind, sp.blocks[-1].line) == ("closing", 8)
    # 同志们，… in the middle of a speech, or a paragraph that calls on no one, stays a paragraph
    [sp] = parse_text(text.replace("让我们全力以赴抓好各项工作", "今年全县发生事故**起"))
    assert sp.blocks[-1].kind == "paragraph"
    [sp] = parse_text(text + "三、强化保障\n要加强领导。\n")
    assert [b.kind for b in sp.blocks].count("closing") == 0


def test_host_closings_alone_or_after_the_meeting_ends():
    head = "在全县基层党建工作推进会上的主持词\n同志们：\n现在开会。\n请县委书记讲话。\n"
    for ending in ("散会。", "今天的会议就到这里。散会。", "大会到此结束。散会！", "本次会议到此结束，散会。",
                   "会议议程全部完成，现在散会。"):
        [sp] = parse_text(head + ending + "\n")
        assert sp.genre == "host"
        assert (sp.blocks[-1].kind, sp.blocks[-1].text) == ("closing", ending), ending
    # the exhortation before 散会 is a closing too; a one-line host script splits them off
    [sp] = parse_text(head + "同志们，希望大家抓好落实。\n今天的会议就到这里。散会。\n")
    assert [b.kind for b in sp.blocks[-2:]] == ["closing", "closing"]
    [sp] = parse_text(head[:-1] + "各单位要抓好落实，确保会议精神落地见效。今天的会议就到这里。散会。\n")
    assert [b.text for b in sp.of_kind("closing")] == ["今天的会议就到这里。", "散会。"]


def test_a_quotation_lead_in_starts_no_new_speech():
    text = (
        "在全市宣传思想文化工作会议上的讲话\n同志们：\n一、深刻领会使命任务\n习近平总书记强调：\n"
        "“要坚定文化自信。”\n市委书记指出：\n“要守正创新。”\n二、扎实做好重点工作\n要抓好落实。\n"
    )
    [sp] = parse_text(text)
    assert [b.kind for b in sp.blocks][3:7] == ["paragraph"] * 4
    assert [h.number for h in sp.of_kind("heading")] == [1, 2]
    # a real speaker line still starts the next speech
    assert len(parse_text(text + "市长 张三：\n各位代表：\n我讲三点意见。\n")) == 2


def test_order_words_heading_consecutive_paragraphs_are_numbered_items():
    text = (
        "关于信访工作的汇报\n各位领导：\n今年重点抓好四个方面。\n"
        "首先，在源头治理上下功夫。把矛盾化解在基层。\n其次，在责任落实上下功夫。压实属地责任。\n"
        "再次，在队伍建设上下功夫。选优配强力量。\n最后，在信息化支撑上下功夫。推进数据对接。\n汇报完毕。\n"
    )
    [sp] = parse_text(text)
    heads = sp.of_kind("heading")
    assert [(h.style, h.number, h.position, h.body) for h in heads] == [
        ("首先", 1, 1, "首先，在源头治理上下功夫"[3:]), ("首先", 2, 2, "在责任落实上下功夫"),
        ("首先", 3, 3, "在队伍建设上下功夫"), ("首先", 4, 4, "在信息化支撑上下功夫"),
    ]
    assert [g for g in sp.heading_groups() if len(g) > 1] == [heads]
    # alone, or not heading consecutive paragraphs, they are words of a paragraph
    lone = "在签约仪式上的致辞\n各位来宾：\n首先，我代表区委表示欢迎！\n项目很好。\n最后，预祝签约仪式圆满成功！\n"
    assert parse_text(lone)[0].of_kind("heading") == []
    split = text.replace("其次，", "另外，")
    assert [h.style for h in parse_text(split)[0].of_kind("heading")] == []


def test_an_arabic_item_starting_with_a_year_is_an_item():
    text = "关于实事项目的汇报\n各位领导：\n19.2025年完成老旧小区改造**个。\n20.2026年起实施新的补贴办法。\n汇报完毕。\n"
    [sp] = parse_text(text)
    assert [(h.style, h.number) for h in sp.of_kind("heading")] == [("1.", 19), ("1.", 20)]
    assert [b.kind for b in parse_text("报告\n各位领导：\n增长3.5%。\n")[0].blocks][-1] == "paragraph"


def test_an_address_closes_on_its_wishes():
    text = (
        "在首届科技创新论坛开幕式上的致辞\n尊敬的各位来宾，朋友们：\n今天，论坛在这里隆重开幕。\n"
        "最后，预祝本次论坛取得丰硕成果！祝各位嘉宾身体健康、工作顺利！\n谢谢大家！\n"
    )
    [sp] = parse_text(text)
    assert sp.genre == "address"
    assert [(b.kind, b.line) for b in sp.blocks[-2:]] == [("closing", 4), ("closing", 5)]
    # wishes in the middle of an address are a paragraph
    [sp] = parse_text(text.replace("谢谢大家！", "论坛期间还将举行签约活动。"))
    assert sp.blocks[3].kind == "paragraph"

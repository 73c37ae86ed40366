"""The miner on texts shaped like real archives, with the phrases each must give.

Each fixture imitates a shape seen in real published speeches: a speech pasted
as one line (title, date, speaker and salutation run together, headings glued to
their text, a closing before a news dateline), a report with one 一是 item per
paragraph and a Markdown ``#`` title in a .txt, a web page holding two speeches
with a byline, photo credit and page furniture, a 1950s report with a
Chinese-numeral date, 结束语 and a signature block, a government work report
behind red-header lines, 第一， under 一、 with a numbering restart and malformed
numbers, two one-line 表态发言 in one file, and an address opening with ！.

Every expected phrase is written out: heading sets, parallel sets, salutations,
closings and openings must all be found, titles must be exactly the speeches'
titles, and every pledge and transition mined must be one a writer could reuse.
"""

from __future__ import annotations

import pytest

from drafter.bank.mine import mine_paths
from drafter.kinds import SET_SEPARATOR
from drafter.text.speech import parse_file

PAD = "各级各部门要坚持问题导向，把准工作重点，细化工作举措，确保各项任务落到实处、取得实效。"

ONE_LINE = (
    "在全市安全生产工作会议上的讲话（二〇二五年三月五日）市长 王建国 同志们：今天，我们召开全市安全生产工作会议，"
    "主要任务是总结去年工作，分析当前形势，部署今年任务。刚才，市应急管理局通报了情况，我完全同意。"
    + PAD * 4 +
    "下面，我讲三点意见。一、提高政治站位，切实增强做好安全生产工作的责任感（一）深刻认识安全生产的极端重要性。"
    "安全生产事关人民群众生命财产安全，事关改革发展稳定大局。" + PAD +
    "（二）清醒看到当前面临的严峻形势。去年全市生产安全事故起数下降百分之七点九，但形势依然复杂严峻。" + PAD +
    "二、突出重点领域，全力防范化解重大安全风险今年要重点抓好三件事。一是抓好道路交通安全整治，严查超速超载等违法行为。"
    "二是抓好危险化学品安全监管，全面排查重大危险源。三是抓好建筑施工安全管理，坚决遏制较大以上事故发生。" + PAD +
    "三、压实工作责任，确保各项措施落地见效各级各部门要切实扛起安全生产政治责任。" + PAD +
    "同志们！安全生产责任重于泰山。让我们坚定信心、真抓实干，为建设更高水平的平安城市作出新的更大贡献！谢谢大家。"
    "（新华社北京3月5日电）"
)

REPORT_MD_TXT = """# 关于2024年度优化营商环境工作情况的汇报

\u200b各位领导：
现将我局2024年优化营商环境工作情况汇报如下：
一、主要做法
今年以来，我局坚持把优化营商环境作为“一把手”工程来抓，取得了阶段性成效。
一是深化“放管服”改革。企业开办时间压缩至1个工作日，审批事项精简百分之三十。
二是强化要素保障。全年为企业解决用地、用工、融资等问题120个。
三是提升政务服务水平。推行“一网通办”“一窗受理”，群众办事更加便捷。
二、存在的问题
一是部分惠企政策落实不够到位。有的政策宣传不够，企业知晓率不高。
二是服务企业的主动性还需增强。
三、下步打算
第一，持续深化改革创新。对标先进地区，推出一批改革举措。
第二，着力提升服务效能。完善企业诉求闭环办理机制。
第三，营造亲清政商关系。健全政企沟通常态化机制。
以上汇报，不当之处请批评指正。
"""

WEB_TWO = """首页 > 新闻中心 > 领导讲话
发布时间：2023-05-06 来源：市政府办公室 浏览次数：1024
【字体：大 中 小】
在全市招商引资推进会上的讲话
市委副书记、市长 李明
（2023年5月6日）
同志们：
这次会议的主要任务是，总结一季度招商引资工作，部署下一阶段重点任务。
5月6日，全市招商引资推进会召开。新华社记者 李森 摄
一、正视差距，切实增强抓招商的紧迫感
一季度，全市新签约项目同比增长，但大项目、好项目仍然偏少。
二、聚焦重点，全力推动招商引资提质增效
一是突出产业链招商，围绕主导产业精准招引。
二是突出以商招商，发挥在谈企业的带动作用。
三是突出平台招商，用好各类展会和推介活动。
三、强化保障，确保招商引资取得实效
各地要建立项目专班，实行清单化管理。
总之，招商引资是经济工作的生命线，必须牢牢抓在手上。
谢谢大家！
责任编辑：王五

在全市招商引资推进会上的主持词
同志们：
现在开会。今天召开全市招商引资推进会，主要任务是贯彻落实省委、省政府决策部署。
会议共有三项议程：一是通报一季度招商情况；二是区县作交流发言；三是市长讲话。
下面，进行会议第一项议程，请市商务局通报情况。
同志们，本次会议任务明确、要求具体，希望大家会后认真抓好落实。
散会。
分享到：
"""

OLD_MD = """# 在全国工业会议上的报告

一九五五年三月三十一日

同志们：
我代表重工业部，向大会作关于发展重工业的报告。
一、过去的工作
几年来，我们在恢复和发展重工业方面做了大量工作。
二、今后的任务
第一，加强基本建设。基本建设是完成计划的关键。
第二，提高生产技术水平。必须学习先进经验。
第三，加强企业管理。建立健全责任制度。
十十一、这一行是排版错误的编号
结束语
同志们！我们的任务是光荣而艰巨的。让我们团结一致，为实现国家工业化贡献全部力量。
中央人民政府重工业部
一九五五年三月三十一日
"""

WORK_REPORT = (
    "政务信息\n第12期\n某某市人民政府办公室编\n"
    "政府工作报告——2024年1月10日在某某市第十七届人民代表大会第三次会议上 市长 赵刚 各位代表：现在，我代表市人民政府，"
    "向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。" + PAD * 5 +
    "一、2023年工作回顾过去一年，全市经济运行稳中向好，地区生产总值增长百分之五点二。" + PAD +
    "二、2024年主要任务今年是全面贯彻落实党的二十大精神的关键之年。重点做好以下几个方面工作。"
    "（一）着力扩大有效需求。一是扩大有效投资。二是提振消费信心。三是稳定外贸外资。"
    "（二）着力发展现代产业。更重要的是，要坚持把发展经济的着力点放在实体经济上，加快产业转型升级。" + PAD +
    "三、全面加强政府自身建设各位代表！新征程号角催人奋进。让我们更加紧密地团结在以习近平同志为核心的党中央周围，"
    "为谱写中国式现代化某某篇章作出新的更大贡献！\n"
)

NESTED = """在全县乡村振兴工作推进会上的讲话
县委书记 孙强
各位领导，同志们：
今天召开这次会议，就是要动员全县上下全力推进乡村振兴。下面，我讲三点意见。
一、认清形势，坚定信心
第一，成绩来之不易。去年全县粮食总产量再创新高。
第二，问题不容忽视。部分村集体经济依然薄弱。
二、突出重点，精准发力
第一，做强特色产业。
第二，建设宜居乡村。
第三，深化农村改革。
三、压实责任，合力攻坚
各乡镇要把乡村振兴作为“一把手”工程。
二二十、这是扫描错误的编号行
一、附：重点任务清单
二、附：责任分工
同志们，乡村振兴责任重大、使命光荣，希望大家以更加饱满的热情，为加快农业农村现代化贡献智慧和力量。
谢谢大家。
"""

PLEDGES_TWO = (
    "在全县项目建设推进会上的表态发言 县发改局局长 张三 尊敬的各位领导，同志们：根据会议安排，我代表县发改局作表态发言。"
    "过去一年，全县项目建设者为经济发展作出了积极贡献，在此表示衷心感谢。" + PAD * 8 +
    "第一，坚决扛起项目建设责任。第二，全力抓好项目要素保障。第三，持续优化项目服务。"
    "我们将以更加昂扬的斗志，为全县高质量发展贡献发改力量。以上表态，请各位领导监督。\n"
    "在全县项目建设推进会上的表态发言 县住建局局长 李四 各位领导：按照会议安排，现将我局工作打算汇报如下。"
    + PAD * 8 +
    "一是加快城市更新项目建设。二是推进保障性住房建设。三是抓好建筑市场监管。"
    "我们一定以只争朝夕的精神，为建设幸福宜居县城作出新的更大贡献。表态完毕。\n"
)

ADDRESS = (
    "在2025中国国际数字经济博览会开幕式上的致辞\n"
    "女士们、先生们、朋友们！今天，我们相聚在美丽的滨江，共同出席2025中国国际数字经济博览会。"
    "我谨代表主办方，向出席开幕式的各位嘉宾表示热烈欢迎！"
    "当前，数字经济正成为重组全球要素资源、重塑全球经济结构的关键力量。"
    "我们愿同各方一道，为推动全球数字经济发展贡献智慧和力量。预祝本届博览会圆满成功！谢谢大家。\n"
)

DOCX_PARAGRAPHS = [
    "在全市数字政府建设\n推进会上的交流发言",  # a title broken by a manual line break
    "尊敬的各位领导：",
    "根据会议安排，现就我局数字政府建设工作作交流发言。",
    "一、主要成效",
    ("指标", "完成情况", "政务服务事项网办率", "百分之九十八"),  # a table: cells in order
    "一是平台建设取得突破。统一政务服务平台上线运行。",
    "二是数据共享不断深化。打通部门数据壁垒。",
    "三是应用场景持续拓展。推出一批高频事项。",
    "二、下步打算",
    "我们将持续用力，为建设数字中国贡献更多力量。",
    "发言完毕，谢谢！",
]

TEXTS = {
    "one_line.txt": ONE_LINE,
    "report_md.txt": REPORT_MD_TXT,
    "web_two.txt": WEB_TWO,
    "old_md.txt": OLD_MD,
    "work_report.txt": WORK_REPORT,
    "nested.txt": NESTED,
    "pledges_two.txt": PLEDGES_TWO,
    "address.txt": ADDRESS,
}

# kind -> {text: the file it must cite}
EXPECTED: dict[str, dict[str, str]] = {
    "heading": {
        "提高政治站位，切实增强做好安全生产工作的责任感 / 突出重点领域，全力防范化解重大安全风险 / "
        "压实工作责任，确保各项措施落地见效": "one_line.txt",
        "深刻认识安全生产的极端重要性 / 清醒看到当前面临的严峻形势": "one_line.txt",
        "主要做法 / 存在的问题 / 下步打算": "report_md.txt",
        "持续深化改革创新 / 着力提升服务效能 / 营造亲清政商关系": "report_md.txt",  # 第一， under 三、
        "正视差距，切实增强抓招商的紧迫感 / 聚焦重点，全力推动招商引资提质增效 / 强化保障，确保招商引资取得实效":
            "web_two.txt",
        "过去的工作 / 今后的任务": "old_md.txt",
        "加强基本建设 / 提高生产技术水平 / 加强企业管理": "old_md.txt",
        "2023年工作回顾 / 2024年主要任务 / 全面加强政府自身建设": "work_report.txt",
        "着力扩大有效需求 / 着力发展现代产业": "work_report.txt",
        "认清形势，坚定信心 / 突出重点，精准发力 / 压实责任，合力攻坚": "nested.txt",
        "成绩来之不易 / 问题不容忽视": "nested.txt",  # 第一， under 一、 …
        "做强特色产业 / 建设宜居乡村 / 深化农村改革": "nested.txt",  # … and again under 二、
        "附：重点任务清单 / 附：责任分工": "nested.txt",  # a restart at 一、 is a new set
        "主要成效 / 下步打算": "speech.docx",
    },
    "parallel": {
        "抓好道路交通安全整治，严查超速超载等违法行为 / 抓好危险化学品安全监管，全面排查重大危险源 / "
        "抓好建筑施工安全管理，坚决遏制较大以上事故发生": "one_line.txt",
        "深化“放管服”改革 / 强化要素保障 / 提升政务服务水平": "report_md.txt",  # one item a paragraph
        "部分惠企政策落实不够到位 / 服务企业的主动性还需增强": "report_md.txt",
        "突出产业链招商，围绕主导产业精准招引 / 突出以商招商，发挥在谈企业的带动作用 / "
        "突出平台招商，用好各类展会和推介活动": "web_two.txt",
        "通报一季度招商情况 / 区县作交流发言 / 市长讲话": "web_two.txt",
        "扩大有效投资 / 提振消费信心 / 稳定外贸外资": "work_report.txt",
        "坚决扛起项目建设责任 / 全力抓好项目要素保障 / 持续优化项目服务": "pledges_two.txt",
        "加快城市更新项目建设 / 推进保障性住房建设 / 抓好建筑市场监管": "pledges_two.txt",
        "平台建设取得突破 / 数据共享不断深化 / 应用场景持续拓展": "speech.docx",
    },
    "salutation": {
        "同志们：": "one_line.txt",  # inline, after title, date and speaker
        "各位领导：": "report_md.txt",  # after a zero-width space
        "各位领导，同志们：": "nested.txt",
        "各位代表：": "work_report.txt",
        "尊敬的各位领导，同志们：": "pledges_two.txt",
        "女士们、先生们、朋友们！": "address.txt",  # ends with ！
        "尊敬的各位领导：": "speech.docx",
    },
    "closing": {
        "谢谢大家。": "one_line.txt",  # before （新华社北京3月5日电）
        "以上汇报，不当之处请批评指正。": "report_md.txt",
        "谢谢大家！": "web_two.txt",
        "散会。": "web_two.txt",
        "以上表态，请各位领导监督。": "pledges_two.txt",
        "表态完毕。": "pledges_two.txt",
        "预祝本届博览会圆满成功！": "address.txt",
        "发言完毕，谢谢！": "speech.docx",
    },
    "opening": {
        "现将我局2024年优化营商环境工作情况汇报如下：": "report_md.txt",
        "我代表重工业部，向大会作关于发展重工业的报告。": "old_md.txt",
        "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。": "work_report.txt",
        "根据会议安排，我代表县发改局作表态发言。": "pledges_two.txt",
        "按照会议安排，现将我局工作打算汇报如下。": "pledges_two.txt",
        "我谨代表主办方，向出席开幕式的各位嘉宾表示热烈欢迎！": "address.txt",
        "根据会议安排，现就我局数字政府建设工作作交流发言。": "speech.docx",
        "现在开会。": "web_two.txt",
    },
}

TITLES = {
    "在全市安全生产工作会议上的讲话": "speech",
    "关于2024年度优化营商环境工作情况的汇报": "report",
    "在全市招商引资推进会上的讲话": "speech",
    "在全市招商引资推进会上的主持词": "host",
    "在全国工业会议上的报告": "work_report",
    "政府工作报告": "work_report",
    "在全县乡村振兴工作推进会上的讲话": "speech",
    "在全县项目建设推进会上的表态发言": "pledge",
    "在2025中国国际数字经济博览会开幕式上的致辞": "address",
    "在全市数字政府建设推进会上的交流发言": "sharing",
}

# Every pledge and transition mined, each one a writer could reuse as it stands.
PLEDGES = {
    "让我们坚定信心、真抓实干，为建设更高水平的平安城市作出新的更大贡献！",
    "让我们团结一致，为实现国家工业化贡献全部力量。",
    "为谱写中国式现代化某某篇章作出新的更大贡献！",
    "为加快农业农村现代化贡献智慧和力量。",
    "我们将以更加昂扬的斗志，为全县高质量发展贡献发改力量。",
    "我们一定以只争朝夕的精神，为建设幸福宜居县城作出新的更大贡献。",
    "我们愿同各方一道，为推动全球数字经济发展贡献智慧和力量。",
    "我们将持续用力，为建设数字中国贡献更多力量。",
}
TRANSITIONS = {
    "下面，我讲三点意见。",
    "总之，招商引资是经济工作的生命线，必须牢牢抓在手上。",
    "下面，进行会议第一项议程，请市商务局通报情况。",
    "重点做好以下几个方面工作。",
}


def _write_docx(path):
    import docx

    d = docx.Document()
    for para in DOCX_PARAGRAPHS:
        if isinstance(para, tuple):
            table = d.add_table(rows=2, cols=2)
            for cell, text in zip([c for row in table.rows for c in row.cells], para, strict=True):
                cell.text = text
        else:
            d.add_paragraph(para)
    d.save(path)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    _write_docx(root / "speech.docx")
    return root


@pytest.fixture(scope="module")
def mined(corpus):
    records, stats = mine_paths([corpus])
    assert stats.files == len(TEXTS) + 1 and not stats.skipped
    return records


def _by_kind(records, kind):
    return {r["text"]: r for r in records if r["kind"] == kind}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_every_expected_phrase_is_found_with_its_source(mined, kind):
    got = _by_kind(mined, kind)
    want = EXPECTED[kind]
    found = [t for t in want if t in got and any(s["doc"].endswith("/" + want[t]) for s in got[t]["sources"])]
    missing = sorted(set(want) - set(found))
    assert len(found) / len(want) >= 0.95, (kind, missing, sorted(got))
    assert not missing, (kind, missing, sorted(got))
    for text in found:
        if kind in ("heading", "parallel"):
            assert got[text]["items"] == text.split(SET_SEPARATOR)


def test_titles_are_the_speeches_titles_and_nothing_else(mined):
    got = _by_kind(mined, "title")
    assert set(got) == set(TITLES)  # no #, zero-width space, byline, 政务信息, 结束语 or signature as a title
    for title, genre in TITLES.items():
        assert got[title]["genres"] == {genre: got[title]["count"]}, title


def test_pledges_and_transitions_are_reusable(mined):
    assert set(_by_kind(mined, "pledge")) == PLEDGES  # no 作出了积极贡献, no thanks, no 三是 fragment
    assert set(_by_kind(mined, "transition")) == TRANSITIONS  # no 百分之七点九 as 几点


def test_nothing_from_bylines_credits_or_page_furniture(mined):
    texts = " ".join(r["text"] for r in mined)
    for junk in ("新华社", "李森", "摄", "责任编辑", "浏览次数", "字体", "分享到", "政务信息", "第12期", "办公室编", "#", "\u200b"):
        assert junk not in texts, junk


def test_one_line_speech_structure(corpus):
    [sp] = parse_file(corpus / "one_line.txt")
    assert [b.kind for b in sp.blocks[:5]] == ["title", "speaker", "speaker", "speaker", "salutation"]
    assert sp.blocks[1].text == "（二〇二五年三月五日）"  # a date in Chinese numerals
    heads = sp.of_kind("heading")
    assert [(h.level, h.number) for h in heads] == [(1, 1), (2, 1), (2, 2), (1, 2), (1, 3)]
    assert sp.blocks[-1].kind == "closing" and sp.blocks[-1].text == "谢谢大家。"


def test_several_speeches_per_file_and_no_split_at_section_words(corpus):
    assert [s.title for s in parse_file(corpus / "web_two.txt")] == [
        "在全市招商引资推进会上的讲话", "在全市招商引资推进会上的主持词",
    ]
    assert [s.title for s in parse_file(corpus / "pledges_two.txt")] == ["在全县项目建设推进会上的表态发言"] * 2
    [old] = parse_file(corpus / "old_md.txt")  # 结束语 and the signature block stay in the speech
    assert old.title == "在全国工业会议上的报告"
    assert [b.text for b in old.blocks[-2:]] == ["中央人民政府重工业部", "一九五五年三月三十一日"]
    assert [b.kind for b in old.blocks[-2:]] == ["speaker", "speaker"]


def test_heading_levels_from_context_restarts_and_malformed_numbers(corpus):
    [sp] = parse_file(corpus / "nested.txt")
    heads = sp.of_kind("heading")
    assert [(h.style, h.level, h.position) for h in heads] == [
        ("一、", 1, 1), ("第一，", 2, 1), ("第一，", 2, 2),
        ("一、", 1, 2), ("第一，", 2, 1), ("第一，", 2, 2), ("第一，", 2, 3),
        ("一、", 1, 3), ("一、", 1, 1), ("一、", 1, 2),
    ]
    paragraphs = [b.text for b in sp.of_kind("paragraph")]
    assert "二二十、这是扫描错误的编号行" in paragraphs
    [old] = parse_file(corpus / "old_md.txt")
    assert "十十一、这一行是排版错误的编号" in [b.text for b in old.of_kind("paragraph")]


def test_sub_heading_style_alone_is_top_level():
    from drafter.text.speech import parse_text

    [sp] = parse_text("各位领导：\n（一）总体情况\n内容。\n（二）下步打算\n内容。\n")
    assert [(h.level, h.position) for h in sp.of_kind("heading")] == [(1, 1), (1, 2)]

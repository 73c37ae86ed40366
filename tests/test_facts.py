"""What each phrase knows: facts, level, year, context, terms, every source.

The corpus imitates real archives: a provincial speech with a dateline, a
municipal 分组讨论 on a 全会, a one-line county text, a 1950s speech dated in
Chinese numerals, an enterprise speech; facts of every type in phrases the
miner keeps, and generic sentences that must stay fact-free.
"""

from __future__ import annotations

import pytest

from drafter.bank.facts import annotate, find_facts
from drafter.bank.meta import speech_level, text_year
from drafter.bank.store import build_bank, load_bank
from drafter.text.slots import slotify

PROVINCIAL = """\
在全省高质量发展推进会上的讲话
（2025年3月12日）
省委书记 王小明
同志们：
根据会议安排，现就贯彻习近平总书记来川视察重要指示精神和省委十二届三次全会精神讲几点意见。下面，我讲三点意见。
一、坚定信心，切实增强推动高质量发展的责任感
2024年，全省地区生产总值增长7.9%，经济运行稳中向好。
二、突出重点，加快建设现代化产业体系
习近平总书记考察我省时强调，要加快建设经济强省、美丽河北。我们要坚持把发展经济的着力点放在实体经济上。
三、强化保障，确保各项任务落地见效
今年是“十五五”开局之年，各级各部门要扛起责任、狠抓落实。
让我们更加紧密地团结在以习近平同志为核心的党中央周围，为加快建设经济强省、美丽河北作出新的更大贡献！
谢谢大家。
"""

MUNICIPAL = """\
市委八届六次全会分组讨论发言
各位领导，同志们：
根据会议安排，现结合疫情防控和经济社会发展工作作如下发言。
一、统筹疫情防控和经济社会发展
疫情防控取得重大战略成果，全市规上工业增加值增长百分之七点九。
二、扎实推进驻陕部队双拥共建工作
驻陕部队和杭州援建单位给予我们大力支持。
三、持续优化营商环境
要坚持问题导向，推动政务服务7×24小时不打烊，持续优化营商环境。
我们将为全面建设社会主义现代化国家贡献更大力量。
发言完毕。
"""

COUNTY = """\
在全县乡村振兴工作会议上的讲话
各位领导，同志们：
一、提高认识
乡村振兴是一项系统工程，必须久久为功。
二、压实责任
要做到守土有责、守土尽责、守土负责。
谢谢大家。
"""

ONE_LINE_COUNTY = (  # mined without error; splitting one-line texts is the structure work
    "在全县乡村振兴工作会议上的讲话 各位领导，同志们：今天我们召开全县乡村振兴工作会议。"
    "一、提高认识。乡村振兴是一项系统工程，必须久久为功。二、压实责任。要做到守土有责、守土尽责。"
    "以上讲话，谢谢大家。\n"
)

FIFTIES = """\
# 在全国农业合作化会议上的报告
一九五五年三月三十一日
同志们：
一、合作化运动的形势
我们要在全国范围内稳步推进农业合作化，不断巩固和发展已有的成果。
二、今后的任务
要实事求是，一切从实际出发。
报告完毕。
"""

ENTERPRISE = """\
在集团公司2023年年度工作会议上的讲话
各位同事：
一、扎实推进提质增效
要坚持稳中求进工作总基调，推动企业高质量发展。
二、全面加强党的建设
要坚持党的领导，加强党的建设。
为建设世界一流企业贡献力量。
谢谢大家。
"""

SALUTE = "各位代表：\n今天，我代表本届政府向大会报告工作，请予审议。\n一、工作回顾\n一年来，我们坚持稳中求进。\n谢谢大家。\n"


@pytest.fixture(scope="module")
def mined(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "provincial.txt").write_text(PROVINCIAL, encoding="utf-8")
    (corpus / "municipal.txt").write_text(MUNICIPAL, encoding="gb18030")
    (corpus / "county.txt").write_text(COUNTY, encoding="utf-8")
    (corpus / "county-one-line.txt").write_text(ONE_LINE_COUNTY, encoding="utf-8")
    (corpus / "fifties.txt").write_text(FIFTIES, encoding="utf-8")
    (corpus / "enterprise.txt").write_text(ENTERPRISE, encoding="utf-8")
    many = corpus / "many"
    many.mkdir()
    for i in range(30):  # 各位代表： in 30 files: every source is kept
        (many / f"report{i:02d}.txt").write_text(f"政府工作报告（{i}）\n" + SALUTE, encoding="utf-8")
    out, _, phrases = build_bank([corpus], tmp_path_factory.mktemp("bank") / "bank", jobs=1)
    return out, phrases


def facts_of(phrases, needle):
    found = [p for p in phrases if needle in p.text]
    assert found, f"no phrase contains {needle!r}: {[p.text for p in phrases]}"
    return found


def has(phrases, needle, kind, text=None):
    for p in facts_of(phrases, needle):
        assert any(f["type"] == kind and (text is None or f["text"] == text) for f in p.facts), (p.text, p.facts)


@pytest.mark.parametrize(("needle", "kind", "text"), [
    ("来川视察", "place", "来川"),
    ("来川视察", "event", None),
    ("十二届三次全会", "meeting", "省委十二届三次全会"),
    ("八届六次全会", "meeting", "市委八届六次全会"),
    ("美丽河北", "place", "河北"),
    ("疫情防控", "event", "疫情防控"),
    ("“十五五”开局之年", "period", None),
    ("增长7.9%", "statistic", "7.9%"),
    ("百分之七点九", "statistic", "百分之七点九"),
    ("驻陕", "place", "驻陕"),
    ("杭州", "place", "杭州"),
    ("考察我省时", "event", None),
    ("2024年", "year", "2024年"),
])
def test_fact_bearing_phrases_are_flagged(mined, needle, kind, text):
    has(mined[1], needle, kind, text)


def test_generic_phrases_carry_no_facts(mined):
    _, phrases = mined
    generic = [p for p in phrases if any(s in p.text for s in (
        "稳中求进", "久久为功", "实事求是", "守土有责", "发言完毕", "谢谢大家", "同志们", "各位领导",
        "为全面建设社会主义现代化国家贡献更大力量", "压实责任", "问题导向",
    ))]
    assert generic
    for p in generic:
        assert p.facts == [], (p.text, p.facts)


def test_times_are_not_masks_and_masks_are_not_facts():
    assert slotify("政务服务7×24小时不打烊") == "政务服务7×24小时不打烊"
    assert slotify("××同志，增长**%") == "{{name}}同志，增长{{number}}%"
    assert find_facts("政务服务7×24小时不打烊") == []
    assert find_facts("增长{{number}}%，市委{{number}}届{{number}}次全会") == []
    assert find_facts("以习近平新时代中国特色社会主义思想为指导") == []
    assert find_facts("弘扬延安精神、井冈山精神") == []
    assert find_facts("在新时代新征程上，在青年中") == []
    assert [f["type"] for f in find_facts("（新华社北京9月4日电）")] == ["place", "date"]
    assert find_facts("二〇二五年是关键之年")[0] == {"type": "year", "text": "二〇二五年"}


def test_people_and_organisations_from_jieba_tags():
    _, facts = annotate("杭州市委书记王小明同志和浙江大学的专家到会指导。")
    assert ("person", "王小明") in facts and ("org", "浙江大学") in facts
    _, facts = annotate("新华社记者李森摄")
    assert ("person", "李森") in facts
    _, facts = annotate("要向先进同志学习，坚决贯彻党中央、国务院决策部署，发展战略性新兴产业。")
    assert facts == ()


def test_level_year_context_terms(mined):
    _, phrases = mined
    by_text = {p.text: p for p in phrases}
    title = by_text["在全省高质量发展推进会上的讲话"]
    assert (title.level, title.year) == ("provincial", 2025)
    assert by_text["市委八届六次全会分组讨论发言"].level == "municipal"
    county = next(p for p in phrases if p.text.startswith("在全县乡村振兴"))
    assert county.level == "county"
    fifties = next(p for p in phrases if "农业合作化会议" in p.text)
    assert (fifties.level, fifties.year) == ("national", 1955)
    assert next(p for p in phrases if "集团公司" in p.text).level == "enterprise"
    lead = next(p for p in phrases if p.kind == "lead" and "考察我省时" in p.text)
    assert lead.context == "突出重点，加快建设现代化产业体系"
    assert "河北" in lead.terms and "考察" in lead.terms and "要" not in lead.terms
    assert set(lead.keywords) <= set(lead.terms) and lead.keywords
    assert all(not f.startswith("{{") for p in phrases for f in p.terms)


def test_every_source_is_kept(mined):
    out, phrases = mined
    p = next(p for p in phrases if p.kind == "salutation" and p.text == "各位代表：")
    assert p.count == 30 and len(p.sources) == 30
    assert p.levels and p.genres
    assert load_bank(out).get(p.id).sources == p.sources


def test_year_and_level_rules():
    assert text_year("到2035年基本实现社会主义现代化") is None
    assert text_year("2019年以来，特别是2023年") == 2023
    assert text_year("二〇二四年十二月") == 2024
    assert speech_level(["在全镇安全生产会议上的讲话"], []) == "township"
    assert speech_level(["在全区工作会议上的讲话"], ["尊敬的自治区领导："]) == "county"
    assert speech_level(["某某同志在座谈会上的讲话"], ["各位代表："]) == "unknown"


# --- fact finding does not depend on what ran before in the process ---------------------

_FRESH_MINE = """
import json, sys
from drafter.bank.mine import mine_paths
records, _ = mine_paths([sys.argv[1]])
print(json.dumps(sorted([r["kind"], r["text"], r["facts"], r["terms"]] for r in records), ensure_ascii=False))
"""


def test_facts_are_the_same_after_check_loaded_jieba(tmp_path):
    """`drafter check` (its D603 rule loads jieba.posseg) and a jieba pass before mining,
    in one process, give the very facts a fresh process gives."""
    import json
    import subprocess
    import sys

    import jieba
    import jieba.posseg

    from drafter.bank.mine import mine_paths
    from drafter.check import check_file

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "provincial.txt").write_text(PROVINCIAL, encoding="utf-8")
    (corpus / "municipal.txt").write_text(MUNICIPAL, encoding="gb18030")
    (corpus / "enterprise.txt").write_text(ENTERPRISE, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("下一步，我们将的工作。\n高校书记要带头，王小明同志主持会议。\n", encoding="utf-8")
    check_file(draft)
    jieba.posseg.lcut("高校书记要带头，王小明同志主持会议")
    jieba.lcut("杭州市委书记王小明同志")

    records, _ = mine_paths([corpus])
    here = sorted([r["kind"], r["text"], r["facts"], r["terms"]] for r in records)
    fresh = subprocess.run(
        [sys.executable, "-c", _FRESH_MINE, str(corpus)], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    assert json.loads(fresh.stdout) == here
    assert any(r[2] for r in here)  # the comparison is about something


_FRESH_FIND = """
import json
from drafter.bank.facts import find_facts
print(json.dumps(find_facts("高校书记要带头，王小明同志主持会议", ["高校", "书记", "要", "带头", "，", "王小明", "同志", "主持", "会议"]), ensure_ascii=False))
"""


def test_find_facts_with_words_needs_no_earlier_jieba_pass():
    """Given words from elsewhere (no jieba call yet in the process), a known word before a
    title (高校书记) is not a person: the dictionary is loaded before it is consulted."""
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _FRESH_FIND], capture_output=True, text=True, check=True, encoding="utf-8")
    assert json.loads(out.stdout) == [{"type": "person", "text": "王小明"}]



# --- figures, periods, events and names of a speech's own ---------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("全年新增耕地3.5万亩以上，处理垃圾12万吨。", ["statistic:3.5万亩以上", "statistic:12万吨"]),
    ("全区设立便民服务站860个，开展巡查32次，累计报告病例17例。", ["statistic:860个", "statistic:32次", "statistic:17例"]),
    ("全乡组织互助组三百四十个，入组农户占百分之七十以上。", ["statistic:三百四十个", "statistic:百分之七十以上"]),
    ("预计今年来水偏少一至二成。", ["statistic:一至二成"]),
    ("播种面积比去年增加一万五千亩。", ["statistic:一万五千亩"]),
    ("在第39个教师节来临之际", ["statistic:第39个教师节"]),
    ("2月至4月", []),
    ("1至8月，截至6月30日18时，全镇无事故。", ["date:1至8月", "date:6月30日18时"]),
    ("今年是中国共产党成立105周年", ["event:中国共产党成立105周年"]),
    ("抓住“十一”黄金周和春节假期两个旺季", ["event:十一", "event:春节假期"]),
    ("扎实开展“作风建设年”活动", ["event:作风建设年"]),
    ("统筹新冠疫情防控和复工复产", ["event:新冠疫情防控", "event:复工复产"]),
    ("办好“石门美食节”和“乡村消费季”", ["event:石门美食节", "event:乡村消费季"]),
    ("三分厂完成检修，县第二中学新校区投用，修好山塘二百四十口。", ["org:三分厂", "org:县第二中学", "statistic:二百四十口"]),
    ("深入贯彻二十届中央纪委三次全会和市纪委九届四次全会精神", ["meeting:二十届中央纪委三次全会", "meeting:市纪委九届四次全会"]),
    ("县第十五次党代会以来", ["meeting:县第十五次党代会"]),
    ("我代表中国共产党石门县第九届委员会向大会作报告", ["meeting:第九届委员会"]),
])
def test_rules_find_figures_periods_events(text, expected):
    assert [f"{f['type']}:{f['text']}" for f in find_facts(text)] == expected


@pytest.mark.parametrize("text", [
    "下面，我讲三个方面的意见。",
    "坚决做到“两个维护”，增强“四个意识”。",
    "教育连着千家万户，基层工作千头万绪，“上面千条线，下面一根针”。",
    "政务服务7×24小时不打烊。",
    "确保河湖长治久安。",
    "婚丧嫁娶坚决反对大操大办。",
    "以“减环节”为切口，政务服务效率明显提速。",
    "对山洪灾害危险区的群众逐户转移，遇有汛情灾情及时发布信息。",
    "抓人才不能只靠人力资源部门“单兵作战”。",
    "大力发展全域旅游，办好特色节会。",
    "推动化工园区、经济开发区、省级开发区提质增效。",
    "为全市数字经济发展贡献国企力量。",
    "经市委研究，今天召开全市创建全国文明城市动员大会。",
    "我代表镇党委、镇政府和市民政局汇报工作。",
])
def test_generic_sentences_stay_fact_free(text):
    assert annotate(text)[1] == ()


def test_local_names_from_titles_datelines_and_brands():
    from drafter.bank.facts import local_facts, local_names

    speech = [
        "在白沙镇2025年农业农村工作会议上的讲话",
        "——在政协云岭市第五届委员会第二次会议上",
        "我谨代表云岭市委、市政府和300万云岭人民表示欢迎。",
        "现在，我代表中共北辰矿业集团有限公司第二届委员会向大会作报告。",
        "下面，请区长伏建明同志讲话。",
        "推进美丽沙河建设，确保沙河水质稳定。",
        "为谱写中国式现代化沙河篇章贡献力量。",
        "让我们为建设富裕文明的新白沙而努力奋斗！",
        "深刻感受到市委对城市工作的高度重视，全面落实市委要求，落实市委部署。",
    ]
    names = local_names(speech)
    assert names == {
        "白沙": "place", "云岭": "place", "北辰矿业集团有限公司": "org", "北辰矿业集团": "org",
        "伏建明": "person", "沙河": "place",
    }
    assert local_facts("让我们为建设富裕文明的新白沙而努力奋斗！", names) == [("place", "白沙")]
    assert ("place", "白沙镇") in local_facts("在白沙镇2025年农业农村工作会议上", names)


def test_a_park_of_an_invented_place():
    assert ("place", "西岭工业园区") in annotate("西岭工业园区获批省级开发区，全县首个产业园开工。")[1]


def test_verbs_before_a_party_committee_name_no_place():
    from drafter.bank.facts import local_names

    speech = ["扎实办好县委、县政府确定的民生实事。", "办好人民满意的教育。", "我们养护县道和乡道，养护资金足额到位。",
              "按照县委要求，养护县委确定的重点路段。"]
    assert local_names(speech) == {}


def test_sector_words_are_no_brand_places():
    from drafter.bank.facts import local_names

    speech = ["下面，我结合住建工作谈三点体会。", "住建系统自身能力还不够强。", "为建设宜居城市贡献住建力量。",
              "监管手段越先进，风险越可控。", "加强监管手段建设。"]
    assert local_names(speech) == {}

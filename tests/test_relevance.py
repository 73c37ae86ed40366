"""A bank sentence is about its place: its topic-bearing words are the place's.

Traps taken from real drafts: another speech's topic in an opening (人才强企 in a
招商引资 seminar), a lead admitted on generic words (…推动人才工作提质增效 under
…推动招商引资提质增效), an opening naming 安全生产 in a 乡村振兴 draft, a 党风廉政
lead under a 生态环境 heading — and the sentences that do fit, which must still get in.
Also the elaborations (展开句) mined from body paragraphs, with their provenance.
"""

from __future__ import annotations

import json

import pytest

from drafter.bank.mine import elaboration, mine_speech
from drafter.bank.store import build_bank
from drafter.draft import relevance
from drafter.draft.compose import compose
from drafter.draft.outline import parse_outline
from drafter.draft.retrieve import open_source
from drafter.text.speech import parse_text
from tests.conftest import ROOT

TRAPS = {
    "rencai.txt": """在集团理论学习中心组专题研讨会上的发言
集团人力资源部部长

各位领导，同志们：
根据本次中心组学习安排，我围绕“深入实施人才强企战略”这一主题，结合分管的人力资源和科技研发工作作了准备。下面，我谈三点认识。
一、把握人才工作规律，推动人才工作提质增效
抓人才就是抓发展，必须以更大力度、更实举措推动人才工作提质增效。人才是第一资源，要把人才工作摆在更加突出的位置。
二、健全引才育才机制
要完善青年人才培养机制，让青年人才在重大项目中压担子、长本领。
三、优化人才发展环境
人才发展环境好不好，关键看人才有没有获得感。
发言完毕，请批评指正。
""",
    "anquan_huibao.txt": """全县安全生产工作情况汇报
县应急管理局局长

各位领导：
根据会议安排，现将全县安全生产工作情况汇报如下：
一、压实安全生产责任
安全生产，关键在责任，要害在落实。安全生产责任重于泰山，必须时刻绷紧安全这根弦。
二、深化隐患排查整治
隐患就是事故，事故就要处理。要坚持隐患排查全覆盖、零容忍。
汇报完毕。
""",
    "lianzheng.txt": """在全市党风廉政建设工作会议上的讲话
市委书记

同志们：
下面，我讲三点意见。
一、推动生态文明建设和党风廉政建设同向发力
党风廉政建设只有进行时，没有完成时，必须持之以恒正风肃纪。
二、强化监督执纪
监督执纪要坚持抓早抓小。
三、压实管党治党责任
全面从严治党永远在路上。
同志们，让我们推动全面从严治党不断取得新成效！
""",
    "zhaoshang.txt": """在全县招商引资工作推进会上的讲话
县长

同志们：
下面，我讲三点意见。
一、深化认识，把招商引资作为经济工作的生命线
招商引资是县域经济发展的生命线，必须摆在经济工作的突出位置。抓招商就是抓发展，招商引资的成效直接决定县域经济的后劲。
二、精准发力，推动招商引资提质增效
产业链招商是提高招商引资精准度的关键，要围绕主导产业招大引强。要健全重点项目全周期服务机制，做到签约一个、落地一个、投产一个。
三、优化服务，让客商放心投资
营商环境是招商引资的生命线，要让客商引得进、留得住、发展好。
同志们，让我们为全县经济高质量发展作出新的更大贡献！
""",
    "shengtai.txt": """在全市生态环境保护工作会议上的讲话
副市长

同志们：
下面，我讲两点意见。
一、推动生态环境质量持续改善
生态环境保护是功在当代、利在千秋的事业。要坚持精准治污、科学治污、依法治污，持续改善生态环境质量。
二、压实生态环境保护责任
生态环境保护责任必须层层压实，做到守土有责、守土尽责。
同志们，让我们为建设美丽家园作出新的更大贡献！
""",
    "fangxun.txt": """在全县防汛抗旱工作会议上的讲话
副县长

同志们：
下面，我讲两点意见。
一、提升应急处置能力
汛期已经到来，各地要立即进入临战状态。要按照“前置、就近、够用”的原则储备物资，确保关键时刻拿得出、用得上。
二、压实防汛责任
防汛责任必须落实到每一座水库、每一段堤防。
同志们，让我们全力以赴打赢防汛抗旱这场硬仗！
""",
}

INVESTMENT = """\
genre: seminar
title: 在县委理论学习中心组专题研讨会上的发言
meeting: 县委理论学习中心组专题研讨会
speaker: 县商务局局长
sections:
  - heading: 深化思想认识，把招商引资作为经济工作的生命线
    points:
      - 招商引资是扩大有效投资的重要抓手
  - heading: 正视差距不足，找准招商引资的短板弱项
    points:
      - 产业链招商精准度不高
  - heading: 强化务实举措，推动招商引资提质增效
    points:
      - 建立重点项目全周期服务机制
"""


@pytest.fixture(scope="module")
def trap_bank(tmp_path_factory):
    root = tmp_path_factory.mktemp("traps")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in TRAPS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out, _, _ = build_bank([ROOT / "seeds", corpus], root / "bank", jobs=1)
    return open_source(out)


def _section(text: str, heading: str, stop: str) -> str:
    return text.split(heading, 1)[1].split(stop, 1)[0]


def test_another_speechs_topic_stays_out_of_the_investment_seminar(trap_bank):
    d = compose(parse_outline(INVESTMENT), trap_bank, seed=1)
    for bad in ("人才强企", "人力资源", "科技研发", "抓人才", "人才工作", "党风廉政", "安全生产"):
        assert bad not in d.text, bad
    opening = d.text.split("同志们：", 1)[1].split("一、", 1)[0]
    assert "根据" in opening and "人才" not in opening
    third = _section(d.text, "三、强化务实举措，推动招商引资提质增效", "四、")
    assert "人才" not in third
    # what does fit still gets in: the 招商引资 sentences, under the sections they are about
    first = _section(d.text, "一、深化思想认识，把招商引资作为经济工作的生命线", "二、")
    assert "招商引资是县域经济发展的生命线" in first or "抓招商就是抓发展" in first, first
    assert any(u.phrase.kind == "elaboration" for u in d.uses)


def test_an_opening_naming_another_subject_is_not_used(trap_bank):
    o = parse_outline("""\
genre: report
title: 某镇乡村振兴工作情况汇报
meeting: 全县乡村振兴工作推进会
speaker: 某镇镇长
sections:
  - heading: 发展特色产业，促进农民增收
""")
    d = compose(o, trap_bank, seed=0)
    assert "安全生产" not in d.text and "人才强企" not in d.text
    opening = d.text.split("：\n", 1)[1].split("一、", 1)[0]
    assert "汇报如下" in opening and "安全生产" not in opening  # a generic opening, not the trap


def test_a_clean_government_lead_stays_out_of_an_eco_section(trap_bank):
    o = parse_outline("""\
genre: speech
title: 在全县生态环境保护工作会议上的讲话
topic: 生态环境保护
sections:
  - heading: 推动生态环境质量持续改善
  - heading: 压实生态环境保护责任
""")
    d = compose(o, trap_bank, seed=0)
    for bad in ("党风廉政", "正风肃纪", "从严治党", "监督执纪"):
        assert bad not in d.text, bad
    assert "生态环境保护是功在当代、利在千秋的事业" in d.text or "精准治污" in d.text


def test_a_sentence_from_a_speech_on_another_area_stays_in_it(trap_bank):
    o = parse_outline("""\
genre: speech
title: 在全县安全生产工作会议上的讲话
topic: 安全生产
sections:
  - heading: 提升应急处置能力
    points: [加强应急物资储备]
  - heading: 压实安全生产责任
""")
    d = compose(o, trap_bank, seed=0)
    # names no area, but every speech it was said in is on 防汛: not this speech's sentence
    assert "前置、就近、够用" not in d.text
    from drafter.draft.picker import Picker

    picker = Picker(trap_bank, o)
    found = [p for _, p in trap_bank.retrieve("elaboration", "提升应急处置能力 加强应急物资储备", 20)
             if "前置、就近、够用" in p.text]
    assert found and picker.why_not(found[0], "elaboration").startswith("from a speech on another subject")
    assert "防汛" not in d.text and "汛期" not in d.text
    assert "安全生产责任重于泰山" in d.text or "安全生产，关键在责任" in d.text


def test_the_rule_itself():
    idf = {"人才": 3.0, "招商引资": 3.0, "安全生产": 3.0, "乡村振兴": 3.0, "党风廉政": 3.0, "便捷": 2.0}.get
    weight = lambda t: idf(t, 2.0)  # noqa: E731
    names = {"人才", "招商引资", "安全生产", "乡村振兴", "党风廉政", "生态环境"}.__contains__
    # the lead sharing only generic words (提质增效, 更大力度) with its place
    assert not relevance.about({"人才"}, names, "强化务实举措，推动招商引资提质增效", {"招商引资"}, weight)
    # an opening naming another subject: strict, every naming term covered
    assert not relevance.about({"安全生产"}, names, "某镇乡村振兴工作情况汇报", {"乡村振兴"}, weight, strict=True)
    assert relevance.about(set(), names, "某镇乡村振兴工作情况汇报", {"乡村振兴"}, weight, strict=True)
    # one incidental descriptive word does not spoil a sentence on the place's subject
    assert relevance.about({"招商引资", "便捷"}, names, "推动招商引资提质增效", {"招商引资"}, weight)
    # boilerplate is never topic-bearing, however rare in a small bank
    assert relevance.topical_terms(["提质", "增效", "更大", "更实", "生命线"], lambda t: 0.001) == set()
    assert relevance.topical_terms(["人才", "发展"], {"人才": 0.03, "发展": 0.2}.get) == {"人才"}


# --- elaborations: mined from body paragraphs -------------------------------------------

BODY = """在全市优化营商环境工作会议上的讲话
**市人民政府副市长　***

同志们：
下面，我讲两点意见。
一、深化认识：营商环境就是生产力
近年来，全市持续推进“放管服”改革，开办企业时间压缩了**%。营商环境只有更好，没有最好，优化营商环境永远在路上。资金、项目、人才往哪里流动，很大程度上取决于哪里的环境更好。我们必须树立“人人都是营商环境”的理念，像爱护眼睛一样爱护企业。这些成绩的取得，凝聚着各部门的心血。
二、对标一流：在重点领域攻坚上持续用力
法治是最好的营商环境。一是责任要压实。二是督查要从严。要加强知识产权保护，依法平等保护各类企业的合法权益。今年全市新增市场主体3.2万户，我都赞同。
同志们，营商环境只有更好，没有最好！
"""


def test_elaborations_are_whole_reusable_sentences_with_their_heading():
    speech = parse_text(BODY, "k03.txt")[0]
    raws = [r for r in mine_speech(speech) if r[0] == "elaboration"]
    texts = {r[1]: r for r in raws}
    judgment = "营商环境只有更好，没有最好，优化营商环境永远在路上。"
    assert judgment in texts  # under its heading
    assert texts[judgment][8] == "深化认识：营商环境就是生产力"
    assert "要加强知识产权保护，依法平等保护各类企业的合法权益。" in texts
    assert texts["要加强知识产权保护，依法平等保护各类企业的合法权益。"][6] == 9  # its line in the file
    assert "我们必须树立“人人都是营商环境”的理念，像爱护眼睛一样爱护企业。" in texts
    joined = " ".join(texts)
    for bad in ("近年来", "这些成绩", "一是", "3.2万", "我都赞同", "法治是最好的营商环境"):
        # 法治是最好的营商环境。 is the section's lead, mined as a lead, not again
        assert bad not in joined, bad
    assert not any("{{" in t for t in texts)


@pytest.mark.parametrize("text", [
    "这些成绩的取得，凝聚着各部门的心血和汗水。",  # leans on what came before
    "今年全市投入资金3亿元，新建道路十公里。",  # a fact of that speech
    "我们开展了专项整治，排查隐患一千余处。",  # a deed of that unit
    "建成县级智慧监管平台，对温度、湿度实时预警。",  # a bare claim (in a sharing speech)
    "刚才，几位同志的发言都很好。",
    "要抓好以下工作：",
    "短句。",
])
def test_not_elaborations(text):
    assert elaboration(text, "sharing") == ""


def test_shipped_bank_has_elaborations_with_context():
    rows = [json.loads(line) for line in (ROOT / "phrasebank" / "elaboration.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 200
    assert all(r["context"] and 15 <= len(r["text"]) - 1 <= 80 and r["sources"] for r in rows)
    assert all(r["id"].startswith("el") for r in rows)

"""Drafts a writer keeps: every bank sentence fits its place, no other speech's facts, check-clean.

Two banks: one mined here from the seeds plus fixture speeches imitating an
office's archive (a county's work-safety speech, an anti-corruption speech,
a township report, a speech full of another place's facts, a contest
speech); and the shipped bank, on which the sixteen outlines of
tests/data/outlines (eight genres, sparse and rich, topics the seeds do not
cover) and the bundled examples are rendered.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drafter.bank.store import build_bank
from drafter.draft import fit
from drafter.draft.compose import compose
from drafter.draft.moves import USUAL_LENGTH
from drafter.draft.outline import load_outline, parse_outline
from drafter.draft.retrieve import GENERIC, domains_of, open_source
from tests.conftest import ROOT

OUTLINES = sorted((ROOT / "tests" / "data" / "outlines").glob("*.yaml"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

ARCHIVE = {
    "anquan.txt": """在全县安全生产工作会议上的讲话
**县人民政府县长　***
（20**年**月**日）

同志们：
这次会议的主要任务是安排部署今年全县安全生产工作。下面，我讲三点意见。
一、提高认识，绷紧安全生产这根弦
安全生产是民生大事，一丝一毫不能放松。各乡镇、各部门要牢固树立安全发展理念。
二、突出重点，深化隐患排查整治
隐患排查整治要坚持全覆盖、零容忍，做到底数清、情况明。一是推动企业全员参与风险辨识，做到底数清、情况明。二是强化隐患闭环整改，对重大隐患挂牌督办。三是严格新建项目安全准入，从源头上把好关口。
三、压实责任，确保各项措施落到实处
安全生产，关键在责任，要害在落实。要严格落实党政同责、一岗双责。
同志们，安全生产责任重于泰山。让我们以对人民群众生命财产安全高度负责的态度，全力以赴抓好安全生产各项工作！
""",
    "lianzheng.txt": """在集团党风廉政建设工作会议上的讲话
**集团党委书记　***

同志们：
下面，我讲三点意见。
一、提高政治站位，深化党风廉政建设
党风廉政建设，责任是“牛鼻子”。集团各级党组织要扛起主体责任。
二、聚焦关键环节，强化监督执纪
监督执纪要坚持抓早抓小、防微杜渐。一是聚焦重点领域强化监督。二是强化部门联动形成合力。三是注重曝光警示以案促改。
三、压实责任，推动全面从严治党向纵深发展
全面从严治党永远在路上，党风廉政建设只有进行时。
同志们，让我们以永远在路上的执着，推动集团全面从严治党不断取得新成效！
""",
    "facts.txt": """在全市现代化产业体系建设推进会上的研讨发言
**市经信局局长

各位领导，同志们：
根据会议安排，现围绕习近平总书记来川视察重要指示精神和省委十二届三次全会作如下研讨发言。
一、认清形势，增强安全生产工作的紧迫感
2019年全市安全生产事故起数下降12.5%，安全生产形势持续稳定向好。
二、突出重点，抓好隐患排查
疫情防控期间，我们坚持安全生产和隐患排查两手抓。
三、强化保障，确保安全生产措施落地
“十四五”开局之年，安全生产工作要在落实责任上下功夫。
发言完毕。
""",
    "xiangzhen.txt": """在**镇第十八届人民代表大会第三次会议上的政府工作报告
**镇人民政府镇长

各位代表：
现在，我代表镇人民政府，向大会报告工作，请予审议。
一、过去一年工作回顾
一年来，全镇安全生产形势总体平稳。
二、今年工作安排
我们镇将持续抓好安全生产隐患排查整治。
各位代表，让我们团结一心，为建设美丽**镇而努力奋斗！
""",
    "jingpin.txt": """竞聘演讲稿
各位评委：
我竞聘的岗位是安全生产监管科科长。
一、我对安全生产监管工作的认识
安全生产监管是守护群众生命安全的重要防线。
二、我的工作打算
抓好隐患排查，严格执法检查。
以上是我的发言，请各位评委指导点评。
""",
}


@pytest.fixture(scope="module")
def archive_bank(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARCHIVE.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out, _, _ = build_bank([ROOT / "seeds", corpus], root / "bank", jobs=1)
    return out


@pytest.fixture(scope="module")
def shipped():
    return open_source(ROOT / "phrasebank")


def _bank_sentences(draft):
    """(sentence, use, section heading, block) for every bank sentence of a draft."""
    section = ""
    for b, sents in zip(draft.speech.blocks, draft.traced.blocks, strict=True):
        if b.kind == "heading":
            section = b.text
        for s in sents:
            if s.origin == "bank":
                yield s, s.use, section, b


_FACT_LEAKS = re.compile(r"来[\u4e00-\u9fff]视察|十二届三次|疫情|“十[四五]五”|(?:19|20)\d\d年|\d+(?:\.\d+)?%|美丽某")


def assert_keepable(draft, outline, source) -> None:
    """What a writer checks first: relevance, no foreign facts, register."""
    title_words = " ".join([outline.title, outline.topic, outline.meeting])
    written = " ".join([title_words] + [s.heading for s in outline.sections])
    for sentence, use, section, _block in _bank_sentences(draft):
        p = use.phrase
        assert not fit.foreign_facts(p, outline.vars), (p.text, p.facts)
        leak = _FACT_LEAKS.search(sentence.text)
        assert not leak or leak.group() in written + json.dumps(outline.vars, ensure_ascii=False), (sentence.text, leak)
        assert "各位代表" not in sentence.text and "评委" not in sentence.text
        other = domains_of(p.text) - domains_of(" ".join(_all_text(outline)))
        assert not other, (p.text, other)
        if use.kind in ("lead", "parallel", "heading", "pledge"):
            terms = {t for t in source.tokens(p.text) if len(t) >= 2 and t not in GENERIC}
            place = {t for t in source.tokens(f"{section} {title_words} {use.query}") if len(t) >= 2 and t not in GENERIC}
            assert terms & place, (p.text, section, use.query)


def assert_on_topic(draft, outline, source) -> None:
    """Every bank sentence's topic-bearing words are covered by its place as the draft shows it:
    the title, topic and meeting, the headings it stands under, and those sections' points."""
    from drafter.draft import relevance
    from drafter.draft.picker import Picker

    judge = Picker(source, outline)
    points = {}

    def walk(sections):
        for s in sections:
            points[s.heading] = " ".join([*(p.text for p in s.points), *(p.detail for p in s.points)])
            walk(s.subsections)

    walk(outline.sections)
    top = " ".join([outline.title, outline.topic, outline.meeting])
    chain: dict[int, str] = {}
    for b, sents in zip(draft.speech.blocks, draft.traced.blocks, strict=True):
        if b.kind == "heading":
            chain = {k: v for k, v in chain.items() if k < b.level}
            chain[b.level] = b.body or b.text
        for sent in sents:
            use = sent.use
            if sent.origin != "bank" or use.kind not in ("lead", "elaboration", "parallel", "heading"):
                continue
            heads = " ".join(chain.values())
            # a run-in heading (致辞: 一是…, heading and body in one paragraph) is in the block
            own = " ".join(x.text for x in sents if x.origin == "outline")
            place = " ".join([top, heads, own, *(points.get(h, "") for h in chain.values())])
            if chain and not any(h in points for h in chain.values()):
                # a part the template adds (存在的问题, 下步打算) is about the whole speech
                place += " " + " ".join(points)
            terms = judge.topic_terms_of(use.phrase)
            place_terms = judge.place_terms(place)
            naming = {t for t in terms if judge._names(use.phrase)(t)}
            # the subject words it names are the place's (others weigh no more than those)
            assert naming <= place_terms | set(terms) and relevance.on_topic(
                naming, place, place_terms, source.idf), (use.text, heads, sorted(naming))


def _all_text(outline):
    out = [outline.title, outline.topic, outline.meeting]
    for s in outline.sections:
        out += [s.heading, *(p.text for p in s.points), *(p.detail for p in s.points)]
        for sub in s.subsections:
            out += [sub.heading, *(p.text for p in sub.points)]
    return out


# --- fit, on an archive with traps ----------------------------------------------


def test_relevant_sentences_from_the_archive_and_none_of_its_traps(archive_bank):
    source = open_source(archive_bank)
    o = parse_outline("""\
genre: speech
title: 在全县安全生产工作会议上的讲话
speaker: 县人民政府副县长
topic: 安全生产 隐患排查
sections:
  - heading: 深化隐患排查整治
  - heading: 压实安全生产责任
""")
    d = compose(o, source)
    assert "安全生产，关键在责任，要害在落实。" in d.text  # the lead made for this section
    assert "隐患" in d.text.split("深化隐患排查整治")[1].split("压实安全生产责任")[0]
    for bad in ("来川视察", "十二届三次", "2019年", "12.5%", "疫情", "十四五", "党风廉政", "牛鼻子", "评委", "各位代表", "我们镇"):
        assert bad not in d.text, bad
    assert_keepable(d, o, source)


def test_township_and_enterprise_register(archive_bank):
    source = open_source(archive_bank)
    o = parse_outline("""\
genre: report
title: 某镇安全生产工作情况汇报
speaker: 某镇镇长
meeting: 全县安全生产工作会议
sections:
  - heading: 抓好安全生产隐患排查整治
""")
    d = compose(o, source)
    assert "各位代表" not in d.text and "评委" not in d.text and "尊敬的【待补：name】市长" not in d.text
    assert "集团" not in d.text


def test_fragments_are_not_glued_and_pledges_stand_alone(archive_bank):
    source = open_source(archive_bank)
    o = parse_outline("""\
genre: sharing
title: 学习贯彻党的二十大精神交流发言
topic: 现代化产业体系
sections:
  - heading: 深刻理解现代化产业体系的重大意义
""")
    d = compose(o, source)
    assert "我们将为" not in d.text and "我们将提供" not in d.text
    for u in d.uses:
        if u.kind == "pledge":
            assert not u.text.startswith(("为", "以")), u.text


def test_nothing_fits_gives_an_honest_scaffold(archive_bank):
    source = open_source(archive_bank)
    o = parse_outline("genre: report\ntitle: 某县文物保护工作汇报\nsections:\n  - heading: 加强不可移动文物保护\n")
    d = compose(o, source)
    body = d.text.split("一、加强不可移动文物保护")[1].split("二、")[0]
    assert "【待补：本部分主要做法和成效，建议写明数据】" in body
    assert not [u for u in d.uses if u.kind in ("lead", "parallel")]
    assert d.scaffolds >= 3 and d.by_origin()["bank"] < 100


def test_length_target_adds_only_relevant_material(archive_bank):
    source = open_source(archive_bank)
    o = parse_outline("""\
genre: speech
title: 在全县安全生产工作会议上的讲话
topic: 安全生产
sections:
  - heading: 深化隐患排查整治
    points: [推动企业开展风险辨识]
  - heading: 压实安全生产责任
""")
    short, long = compose(o, source, length=200), compose(o, source, length=4000)
    assert long.real_chars >= short.real_chars
    assert_keepable(long, o, source)
    assert long.target == 4000 and short.target == 200


# --- the sixteen outlines and the examples on the shipped bank -------------------


@pytest.mark.parametrize("path", OUTLINES + EXAMPLES, ids=lambda p: p.stem)
def test_drafts_are_keepable_on_the_shipped_bank(shipped, path, cli, tmp_path):
    o = load_outline(path)
    d = compose(o, shipped)
    assert_keepable(d, o, shipped)
    assert_on_topic(d, o, shipped)
    kinds = [b.kind for b in d.speech.blocks]
    assert kinds[0] == "title"
    last = d.speech.blocks[-1].text
    ending = {"speech": "同志们，", "host": "散会。"}  # the parser does not call these closings (yet)
    assert kinds[-1] == "closing" or last.startswith(ending.get(o.genre, "\0")) or last == ending.get(o.genre), last
    # every sentence written in the outline is in the draft, verbatim
    for s in o.sections:
        for p in s.points:
            assert p.text in d.text
    out = tmp_path / f"{path.stem}.txt"
    out.write_text(d.text, encoding="utf-8")
    r = cli("check", out, "--json")
    errors = [f for f in json.loads(r.out) if f["severity"] == "error" and f["code"] != "D102"]
    assert errors == [], errors


def _shipped_has_corpus() -> bool:
    return '"doc":"corpus/' in (ROOT / "phrasebank" / "title.jsonl").read_text(encoding="utf-8")


# Outlines whose drafts still fall short with the shipped bank (seeds + 58 model speeches),
# measured with bench/bench_drafts.py after elaborations (展开句) and the topic rule: real
# material in % of the usual length, then what is missing. An honest 【待补】 beats filler:
# the bank has little on these subjects that passes the topic rule.
SHORT = {
    # figures with the bundled bank (seeds + 119 model speeches), target 40 % sparse / 70 % rich
    "address_rich_zhaoshang": "47 % of 1000: an address takes judgments only; the bank has no 招商 address sentences",
    "address_sparse_keji": "36 %: judgments on 科技创新 only, nothing on the guests",
    "discussion_rich_yingshang": "41 % of 3000: a response to a report takes little bank text",
    "discussion_sparse_xiangcun": "17 %: headings about the report only, and the response part has no bank source",
    "host_rich_anquan": "49 % of 1200: a chair's script is the outline's agenda",
    "pledge_rich_anquan": "54 % of 1500: a pledge takes commitments, no orders",
    "report_rich_anquan": "48 %: a report takes only judgments, never another unit's measures",
    "report_sparse_fangxun": "27 %: same; plans from the 防汛 speeches",
    "report_sparse_yingshang": "32 %: same, and three bare headings",
    "seminar_rich_shengtai": "62 %",
    "seminar_sparse_guoqi": "6 %: the bank has no 国企改革 speech (held-out topic)",
    "sharing_rich_xiangcun": "62 %: one's own experience, not another unit's measures",
    "sharing_sparse_dangjian": "38 %: no orders to others; its 要… sentences serve the sections, none is left for plans",
    "speech_rich_xiangcun": "45 % of 3000",
    "speech_sparse_shipin": "7 %: one 食品安全 sharing speech in the bank (held-out topic)",
}


def _length_cases():
    for path in OUTLINES:
        why = SHORT.get(path.stem)
        marks = [pytest.mark.xfail(strict=True, reason=f"short with the shipped bank: {why}")] if why else []
        yield pytest.param(path, marks=marks, id=path.stem)


@pytest.mark.skipif(not _shipped_has_corpus(), reason="the shipped bank is mined from the seeds alone: whatever fits")
@pytest.mark.parametrize("path", list(_length_cases()))
def test_length_with_the_corpus_bank(shipped, path):
    o = load_outline(path)
    d = compose(o, shipped)
    need = 0.7 if "_rich_" in path.name else 0.4
    assert d.real_chars >= need * USUAL_LENGTH[o.genre], (d.real_chars, USUAL_LENGTH[o.genre])


def test_sixteen_outlines_cover_every_genre_sparse_and_rich():
    names = {p.stem for p in OUTLINES}
    for genre in USUAL_LENGTH:
        assert any(n.startswith(f"{genre}_sparse") for n in names), genre
        assert any(n.startswith(f"{genre}_rich") for n in names), genre
    assert len(OUTLINES) >= 10 and Path(OUTLINES[0]).is_file()


def test_register_rules():
    rp = fit.register_problem
    # the meeting's tasks are announced by its chair or its leader, not by a speaker at it
    assert rp("opening", "会议的主要任务是深入贯彻农村工作会议精神，部署今年工作。", "discussion", "township", "县委全会")
    assert not rp("opening", "会议的主要任务是深入贯彻农村工作会议精神，部署今年工作。", "speech", "county", "全县农村工作会议")
    assert rp("transition", "下面，我代表集团党委，再强调三个方面的意见。", "seminar", "enterprise", "中心组研讨会")
    assert rp("opening", "根据中心组学习安排，我围绕这一主题谈几点认识。", "sharing", "township", "基层党建工作交流发言")
    assert not rp("opening", "根据中心组学习安排，我谈几点认识。", "seminar", "municipal", "局党组理论学习中心组专题研讨会")
    assert rp("salutation", "各位代表：", "report", "township", "全县安全生产工作会议")
    assert not rp("salutation", "各位代表：", "report", "township", "某镇第十八届人民代表大会第三次会议")
    assert rp("closing", "以上是我的发言，请各位评委指导点评。", "sharing", "county", "交流会", {"sharing": 3})
    assert rp("closing", "汇报完毕，请批评指正。", "seminar", "county", "研讨会", {"report": 2})
    assert rp("salutation", "尊敬的{{name}}市长，各位市领导，同志们：", "report", "township", "", {"report": 1})
    assert not rp("salutation", "尊敬的{{name}}市长，各位市领导，同志们：", "report", "county", "", {"report": 1})
    assert rp("lead", "我们镇是传统农业镇，乡村振兴是头等大事。", "speech", "county", "")
    # a visiting group is greeted only at the meeting it came to
    assert rp("salutation", "尊敬的{{name}}副市长，督导组各位领导，同志们：", "report", "municipal", "全市交通运输工作推进会", {"report": 1})
    assert not rp("salutation", "尊敬的{{name}}副市长，督导组各位领导，同志们：", "report", "municipal",
                  "省安全生产督导组反馈会", {"report": 1})
    # an audience the meeting does not have
    assert rp("salutation", "各位领导，各位战友，同志们：", "sharing", "township", "基层党建工作交流会 基层党建工作交流发言")
    assert not rp("salutation", "各位领导，各位战友，同志们：", "sharing", "county", "全县退役军人工作交流会")
    assert fit.is_fragment("pledge", "为全县高质量发展贡献力量。") and not fit.is_fragment("parallel", "把隐患排查抓在前")


def test_another_units_measures_are_no_claims_in_a_report(archive_bank):
    source = open_source(archive_bank)
    o = parse_outline("""\
genre: report
title: 某县安全生产工作情况汇报
topic: 安全生产 隐患排查
sections:
  - heading: 深化隐患排查整治
  - heading: 下步工作打算
""")
    d = compose(o, source)
    done = d.text.split("一、深化隐患排查整治")[1].split("二、")[0]
    assert "一是" not in done and "【待补：" in done  # no other county's measures reported as done


@pytest.mark.parametrize("path", [p for p in OUTLINES if p.name.startswith("host_")], ids=lambda p: p.stem)
def test_a_host_script_opens_once_and_adjourns(shipped, path):
    """现在开会 once (a mined opening saying it again is not used); the script ends 散会
    even when the bank's closing is an exhortation; the requirements part takes no
    sentence or set made for another speech's problems."""
    d = compose(load_outline(path), shipped, seed=1)
    lines = d.text.splitlines()
    assert d.text.count("现在开会") == 1
    assert "散会" in lines[-1]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("为贯彻落实好"))
    for ln in lines[start + 1 :]:
        assert not re.search(r"还有(?:空白点|薄弱项|堵点|短板)|存在一些差距和不足", ln), ln

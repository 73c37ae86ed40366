"""Issue 7: the model speeches of corpus/, mined with the seeds, give every genre its rhetoric.

Expected phrases are written out with their provenance (file and line), as
tests/test_mine.py does for the seeds. The corpus is read in place, never written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drafter.bank.mine import mine_paths
from drafter.bank.store import phrases_from_records
from drafter.text.speech import parse_file, split_sentences

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "corpus"
GENRES = ("report", "seminar", "discussion", "pledge", "sharing", "speech", "address", "host")
KINDS = ("salutation", "opening", "heading", "parallel", "pledge", "closing")
SPEECHES = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def mined():
    records, stats = mine_paths([SEEDS, CORPUS])
    return phrases_from_records(records), stats


def test_the_corpus_is_large_and_every_file_is_mined(mined):
    phrases, stats = mined
    assert len(SPEECHES) >= 40
    assert stats.files == 5 + len(SPEECHES) and not stats.skipped  # corpus/README.md is no speech
    docs = {s["doc"] for p in phrases for s in p.sources}
    assert not any(d.endswith("README.md") for d in docs)
    assert {f"corpus/{f.name}" for f in SPEECHES} <= docs


@pytest.mark.parametrize("genre", GENRES)
def test_every_genre_yields_each_move(mined, genre):
    """Salutations, openings, heading sets with frames, 一是 sets, pledges and closings,
    each from a speech of the genre (its file in corpus/ or a seed)."""
    phrases, _ = mined
    for kind in KINDS:
        found = [
            p for p in phrases
            if p.kind == kind and genre in p.genres and (kind != "heading" or p.frame)
            and any(f"_{genre}_" in s["doc"] for s in p.sources)
        ]
        assert found, f"no {kind} mined from the {genre} speeches"
    # the speech model's genres agree with the file names: the phrases carry them
    assert any(set(p.genres) == {genre} for p in phrases)


# (genre, kind, text (… : a prefix), file, line)
EXPECTED = [
    ("report", "salutation", "尊敬的{{name}}书记，各位领导：", "m03_report_xiangcun.txt", 5),
    ("report", "opening", "根据调研安排，现将我县优化营商环境工作情况汇报如下：", "m01_report_yingshang.txt", 7),
    ("report", "heading", "在源头治理上下功夫 / 在责任落实上下功夫 / 在队伍建设上下功夫 / 在信息化支撑上下功夫",
     "m05_report_xinfang.txt", 19),
    ("report", "parallel", "守牢粮食安全底线 / 做优特色种植 / 延伸产业链条…", "m03_report_xiangcun.txt", 10),
    ("report", "pledge", "为全市经济社会高质量发展贡献更大力量。", "m01_report_yingshang.txt", 26),
    ("report", "closing", "汇报完毕，不当之处，请{{name}}市长和各位领导批评指正。", "m01_report_yingshang.txt", 27),
    ("seminar", "salutation", "各位领导，同志们：", "m07_seminar_dangjian.txt", 3),
    ("seminar", "opening", "根据本次中心组学习安排，我围绕“深入实施人才强企战略”这一主题…", "n04_seminar_rencai.txt", 5),
    ("seminar", "heading", "提高站位，深化对党建引领基层治理的认识 / 对标对表，查找党建引领基层治理的差距…",
     "m07_seminar_dangjian.txt", 6),
    ("seminar", "parallel", "从宏观大势看 / 从行业变革看 / 从自身发展看", "m10_seminar_shuzi.txt", 11),
    ("seminar", "pledge", "为建设一流现代国有企业贡献智慧和力量。", "m10_seminar_shuzi.txt", 29),
    ("seminar", "closing", "以上发言，不当之处请大家批评指正。", "m10_seminar_shuzi.txt", 30),
    ("discussion", "salutation", "各位代表：", "m13_discussion_jiaoyu.txt", 5),
    ("discussion", "opening", "刚才，认真聆听了{{name}}书记代表市委常委会所作的工作报告，深受鼓舞、倍感振奋。",
     "m12_discussion_jingji.txt", 5),
    ("discussion", "heading", "从报告中读出了“信心”，文旅发展的底气更足了 / 从报告中读出了“方向”…",
     "n05_discussion_wenlv.txt", 7),
    ("discussion", "parallel", "抓谋划储备 / 抓开工建设 / 抓要素保障 / 抓招商引资", "m12_discussion_jingji.txt", 7),
    ("discussion", "pledge", "向全市人民交出一份满意的教育答卷。", "m13_discussion_jiaoyu.txt", 23),
    ("discussion", "closing", "以上是我的发言，谢谢！", "m14_discussion_chengshi.txt", 13),
    ("pledge", "salutation", "尊敬的{{name}}书记，各位领导，同志们：", "k19_pledge_chengguan.txt", 4),
    ("pledge", "opening", "在此，我代表集团党委和经营班子作如下表态。", "n08_pledge_xiaofang.txt", 5),
    ("pledge", "heading", "坚决扛起转型责任，确保战略部署落地见效 / 坚决夯实数字底座…", "k20_pledge_shuzi.txt", 6),
    ("pledge", "parallel", "定期巡河 / 健全考核 / 严格问责", "n07_pledge_hezhang.txt", 8),
    ("pledge", "pledge", "交出一份群众满意的民政答卷。", "k18_pledge_yanglao.txt", 12),
    ("pledge", "closing", "表态完毕。", "k17_pledge_jingji.txt", 12),
    ("sharing", "salutation", "各位领导，同志们：", "m18_sharing_yanglao.txt", 5),
    ("sharing", "opening", "按照会议安排，现将我们的主要做法和体会作简要交流。", "m20_sharing_yibao.txt", 6),
    ("sharing", "heading", "基层是了解群众的“大课堂” / 基层是增长本领的“练兵场” / 基层是检验作风的“试金石”",
     "m21_sharing_jiceng.txt", 8),
    ("sharing", "parallel", "横向到边 / 纵向到底 / 督导到位", "m17_sharing_fangxun.txt", 9),
    ("sharing", "pledge", "用青春和汗水为家乡发展贡献力量。", "m21_sharing_jiceng.txt", 17),
    ("sharing", "closing", "谢谢！", "m17_sharing_fangxun.txt", 18),
    ("speech", "salutation", "同志们：", "k01_speech_anquan.txt", 5),
    ("speech", "opening", "这次会议的主要任务是，深入贯彻党中央决策部署和上级财政工作会议精神…", "n11_speech_caishui.txt", 6),
    ("speech", "heading", "政务服务要更加高效便捷 / 市场环境要更加公平有序 / 法治保障要更加坚强有力…",
     "k03_speech_yingshang.txt", 16),
    ("speech", "parallel", "从发展阶段看 / 从行业领域看 / 从基层基础看", "k01_speech_anquan.txt", 10),
    ("speech", "pledge", "为集团高质量发展、做强做优做大国有资本作出新的更大贡献！", "k04_speech_lianzheng.txt", 29),
    # the exhortation: the whole paragraph when it carries no fact, else its 让我们/希望 sentence
    ("speech", "closing", "同志们，安全生产责任重于泰山，容不得半点懈怠。让我们以对人民群众生命财产安全高度负责的态度…",
     "k01_speech_anquan.txt", 31),
    ("speech", "closing", "希望大家以时不我待的紧迫感和舍我其谁的责任感，撸起袖子加油干…", "k02_speech_xiangcun.txt", 28),
    ("address", "salutation", "尊敬的{{name}}院士，各位专家学者，各位来宾，朋友们：", "k13_address_keji.txt", 4),
    ("address", "opening", "在此，我代表县委、县政府，向新院区的顺利建成启用表示热烈祝贺！", "k15_address_yiliao.txt", 5),
    ("address", "heading", "在坚守实业上当好表率 / 在创新发展上当好表率 / 在回报社会上当好表率",
     "n17_address_qiyejia.txt", 9),
    ("address", "parallel", "要敢想敢试 / 要协作攻坚 / 要精益求精", "n14_address_gongqingtuan.txt", 9),
    ("address", "pledge", "为建设团结和谐、繁荣发展的美好家园贡献力量。", "n13_address_minzutuanjie.txt", 9),
    ("address", "closing", "谢谢！", "k13_address_keji.txt", 9),
    ("address", "closing", "最后，预祝本次签约仪式圆满成功！祝各位来宾身体健康、事业兴旺、万事如意！",
     "k12_address_zhaoshang.txt", 10),
    ("host", "salutation", "同志们：", "k07_host_shengtai.txt", 5),
    ("host", "opening", "现在开会。", "k07_host_shengtai.txt", 6),
    ("host", "heading", "要突出一个“学”字 / 要突出一个“改”字 / 要突出一个“实”字", "k08_host_dangjian.txt", 13),
    ("host", "parallel", "要在思想上高度重视 / 要在任务上精准对标 / 要在落实上持之以恒", "k09_host_wenming.txt", 14),
    ("host", "pledge", "为加快建设经济强县作出新的更大贡献！", "n15_host_xiangmujianshe.txt", 19),
    ("host", "closing", "散会。", "k07_host_shengtai.txt", 22),
    ("host", "closing", "今天的会议就到这里。散会。", "k08_host_dangjian.txt", 17),
    ("host", "closing", "大会到此结束。散会！", "k09_host_wenming.txt", 18),
    ("host", "closing", "本次会议到此结束，散会。", "k11_host_guoqi.txt", 17),
]


@pytest.mark.parametrize("genre,kind,text,name,line", EXPECTED, ids=[f"{e[0]}-{e[1]}-{e[3][:3]}" for e in EXPECTED])
def test_named_phrases_with_provenance(mined, genre, kind, text, name, line):
    phrases, _ = mined
    prefix = text.endswith("…")
    want = text.rstrip("…")
    found = [p for p in phrases if p.kind == kind and (p.text.startswith(want) if prefix else p.text == want)]
    assert len(found) == 1, (kind, text, [p.text for p in phrases if p.kind == kind and p.text[:4] == want[:4]])
    p = found[0]
    assert genre in p.genres
    assert any(s["doc"] == f"corpus/{name}" and s["line"] == line for s in p.sources), p.sources
    if kind in ("heading", "parallel"):
        assert len(p.items) >= 3
    if kind == "heading":
        assert p.frame and "{{" in p.frame


def test_heading_frames_are_the_shared_words(mined):
    phrases, _ = mined
    frames = {p.frame for p in phrases if p.kind == "heading"}
    assert "在{{1}}上当好表率" in frames and "要突出一个“{{1}}”字" in frames and "{{1}}要更加{{2}}" in frames


def test_exhortations_are_closings_without_facts(mined):
    """Mined whole only when the paragraph carries no fact beyond masks (slots); else only its
    call (让我们…/希望…), the speech's closing still, with its figures flagged as facts."""
    phrases, _ = mined
    closings = [p for p in phrases if p.kind == "closing" and ("让我们" in p.text or "希望" in p.text)]
    assert len(closings) >= 10
    whole = [p for p in closings if not re.search(r"\d|今年|去年|年底|半年", p.text)]
    assert len(whole) >= len(closings) - 2
    for p in closings:
        if p not in whole:
            assert len(split_sentences(p.text)) == 1, p.text  # the call sentence, not the paragraph
            assert not re.search(r"\d", p.text) or p.facts, p.text


@pytest.mark.parametrize("path", SPEECHES, ids=[p.stem for p in SPEECHES])
def test_every_corpus_file_is_one_speech_of_its_genre(path):
    speeches = parse_file(path)
    assert len(speeches) == 1, [sp.title for sp in speeches]
    sp = speeches[0]
    assert sp.genre == path.stem.split("_")[1]
    assert sp.first("title") is not None
    if sp.genre not in ("discussion", "sharing"):  # a 分组讨论 or a written 心得体会 may have none
        assert sp.first("salutation") is not None
    assert sp.blocks[-1].kind == "closing", sp.blocks[-1]


def test_drafter_check_finds_no_error_but_masks_in_the_corpus(cli):
    """The masks (**, ***, X届) are the corpus's convention: D101 is all check may report."""
    r = cli("check", CORPUS, "--json")
    findings = json.loads(r.out)
    assert r.code == 1  # the D101 masks are errors
    assert findings, "the corpus is masked"
    assert {f["code"] for f in findings if f["severity"] == "error"} == {"D101"}
    assert not [f for f in findings if f["code"] != "D101"]
    assert not any(f["file"].endswith("README.md") for f in findings)
    checked = {Path(f["file"]).name for f in findings}
    assert checked == {p.name for p in SPEECHES}  # every speech was read (each has masks)

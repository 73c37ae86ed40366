"""The miner on archive shapes a holdout measurement found it missing.

Every text here is written for this file (none is taken from the holdout set): several
speeches in one file (a host's script, then the leader's speech with its speaker line;
two speeches pasted on one line; a news headline and lead above the speech it reports),
a notice behind a red header (issuing office, a date in Chinese numerals, an addressee
line), closing formulas inside one-line texts and paragraphs, and parallel sets written
一要…二要…, 首先…其次…再次…最后 and 第一个…第二个… inside one paragraph.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.bank.mine import mine_paths
from drafter.text.speech import is_closing, is_salutation, parse_text

PAD = "各级各部门要坚持问题导向，把准工作重点，细化工作举措，确保各项任务落到实处、取得实效。"


def _mine(tmp_path, text, name="a.txt"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    records, _ = mine_paths([tmp_path / name])
    return records


def _kind(records, kind):
    return [r for r in records if r["kind"] == kind]


# --- several speeches in one file -------------------------------------------------

HOST_THEN_SPEECH = f"""在全市招商引资工作推进会上的主持词
同志们：
今天，我们召开全市招商引资工作推进会，主要任务是总结前段工作，部署下步任务。
会议共有三项议程。下面，进行第一项议程，请市商务局主要负责同志通报情况。
{PAD}
下面，请市委书记孙立新同志作重要讲话，大家欢迎。
今天的会议就开到这里。散会。
在全市招商引资工作推进会上的讲话
市委书记 孙立新
同志们：
刚才，市商务局通报了前段招商引资工作情况，我完全同意。
一、认清形势，增强做好招商引资工作的紧迫感
{PAD}
二、突出重点，提高招商引资的精准度
{PAD}
同志们，招商引资是经济工作的生命线。让我们真抓实干，为全市高质量发展作出新的更大贡献！
"""


def test_the_second_speech_of_a_file_keeps_its_title_and_speaker():
    first, second = parse_text(HOST_THEN_SPEECH)
    assert first.title == "在全市招商引资工作推进会上的主持词"
    assert first.genre == "host"
    assert [b.kind for b in first.blocks[-1:]] == ["closing"]
    assert not any("上的讲话" in b.text for b in first.blocks)
    assert second.title == "在全市招商引资工作推进会上的讲话"
    assert second.genre == "speech"
    assert [(b.kind, b.text) for b in second.blocks[1:3]] == [("speaker", "市委书记 孙立新"), ("salutation", "同志们：")]


def test_two_speeches_pasted_on_one_line_are_two(tmp_path):
    one_line = (
        "在全县项目建设观摩会上的主持词 同志们：今天，我们召开全县项目建设观摩会。" + PAD * 3
        + "下面，请县委书记讲话。" + PAD + "今天的会议就到这里，散会。"
        "在全县项目建设观摩会上的讲话 县委书记 周海峰 同志们：刚才，我们观摩了十个重点项目，大家很受启发。"
        + PAD * 4 + "同志们，项目是发展的生命线。让我们撸起袖子加油干，为全县高质量发展贡献力量！谢谢大家。\n"
    )
    speeches = parse_text(one_line)
    assert [sp.title for sp in speeches] == ["在全县项目建设观摩会上的主持词", "在全县项目建设观摩会上的讲话"]
    assert [sp.genre for sp in speeches] == ["host", "speech"]
    assert speeches[0].blocks[-1].kind == "closing" and "散会" in speeches[0].blocks[-1].text
    assert speeches[1].of_kind("salutation")[0].text == "同志们："
    assert speeches[1].of_kind("speaker")[0].text.startswith("县委书记")
    records = _mine(tmp_path, one_line)
    assert sorted(r["text"] for r in _kind(records, "title")) == sorted(sp.title for sp in speeches)
    assert {r["text"] for r in _kind(records, "salutation")} == {"同志们："}
    assert _kind(records, "salutation")[0]["count"] == 2
    closings = {r["text"] for r in _kind(records, "closing")}
    assert "今天的会议就到这里，散会。" in closings and "谢谢大家。" in closings


NEWS_ABOVE = f"""2025第五届某某国际茶产业博览会开幕
本报讯 9月18日，2025第五届某某国际茶产业博览会在某某会展中心开幕。省委常委、副省长出席开幕式并致辞。
在2025第五届某某国际茶产业博览会开幕式上的致辞
尊敬的各位来宾，女士们、先生们：
大家上午好！金秋时节，茶香四溢。今天，我们相聚在这里，共同见证博览会开幕。
{PAD}
最后，预祝本届博览会圆满成功！祝各位嘉宾身体健康、工作顺利、万事如意！
"""


def test_a_news_headline_above_a_speech_is_no_speech_of_its_own(tmp_path):
    speeches = parse_text(NEWS_ABOVE)
    assert len(speeches) == 1
    [sp] = speeches
    assert sp.title == "在2025第五届某某国际茶产业博览会开幕式上的致辞"
    assert sp.genre == "address"
    records = _mine(tmp_path, NEWS_ABOVE)
    [title] = _kind(records, "title")
    assert title["text"].endswith("第五届某某国际茶产业博览会开幕式上的致辞")
    assert title["sources"] == [{"doc": "a.txt", "line": 3}]
    # the headline alone, right above the title, is no title either
    [sp] = parse_text("2025某某国际车展开幕\n在2025某某国际车展开幕式上的致辞\n各位来宾：\n" + PAD + "\n")
    assert sp.title == "在2025某某国际车展开幕式上的致辞"
    assert "2025某某国际车展开幕" not in [b.text for b in sp.blocks if b.kind == "title"]


# --- a notice behind a red header ---------------------------------------------------

NOTICE = """某某市人民政府办公室
二〇二五年四月八日
关于做好2025年防汛抗旱工作的通知
各区县人民政府，市政府各部门：
为切实做好今年防汛抗旱工作，保障人民群众生命财产安全，现就有关事项通知如下：
一、压实防汛责任
各区县要落实以行政首长负责制为核心的防汛责任制。
二、强化隐患排查
各有关部门要对水库、堤防、山洪灾害易发区开展拉网式排查。
三、做好应急准备
各地要完善应急预案，备足抢险物资。
"""


def test_a_notice_behind_a_red_header(tmp_path):
    [sp] = parse_text(NOTICE)
    assert sp.title == "关于做好2025年防汛抗旱工作的通知"
    assert [b.kind for b in sp.blocks[:4]] == ["speaker", "speaker", "title", "salutation"]
    assert sp.blocks[3].text == "各区县人民政府，市政府各部门："
    records = _mine(tmp_path, NOTICE)
    assert [r["text"] for r in _kind(records, "salutation")] == ["各区县人民政府，市政府各部门："]
    [opening] = _kind(records, "opening")
    assert opening["text"].endswith("现就有关事项通知如下：")
    assert len(_kind(records, "title")) == 1
    # the office and the date on one line
    [sp] = parse_text("某某县人民政府办公室 二〇二五年四月八日\n关于开展安全生产大检查的通知\n各乡镇人民政府，县直各单位：\n"
                      "现将有关事项通知如下：\n一、检查范围\n全县所有生产经营单位。\n二、检查内容\n重点检查责任落实情况。\n")
    assert sp.title == "关于开展安全生产大检查的通知"
    assert sp.of_kind("salutation")[0].text == "各乡镇人民政府，县直各单位："


@pytest.mark.parametrize(
    "line",
    ["各区县人民政府，市政府各部门：", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", "各乡镇党委、政府，县直各单位："],
)
def test_addressee_lines_are_salutations(line):
    assert is_salutation(line)


@pytest.mark.parametrize("line", ["各地要完善应急预案：", "各区县要落实责任制，市政府各部门要配合："])
def test_instructions_are_no_addressee_lines(line):
    assert not is_salutation(line)


# --- closing formulas -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "今天就讲这些。",
        "就讲这些，谢谢大家！",
        "现在，我宣布：某某市第十六届人民代表大会第三次会议闭幕！",
        "我宣布，全县三级干部大会胜利闭幕！",
        "最后，预祝本次运动会取得圆满成功！",
        "祝各位嘉宾身体健康、工作顺利、万事如意！",
    ],
)
def test_closing_formulas(sentence):
    assert is_closing(sentence)


@pytest.mark.parametrize("sentence", ["我宣布，大会开幕！", "祝大家吃好。", "我们就讲政治、讲大局。"])
def test_not_closing_formulas(sentence):
    assert not is_closing(sentence)


def test_closing_sentences_at_the_end_of_a_one_line_text(tmp_path):
    text = ("在全市文化旅游节开幕式上的致辞 尊敬的各位来宾，朋友们：大家上午好！" + PAD * 8
            + "最后，预祝本届文化旅游节取得圆满成功！谢谢大家！\n")
    [sp] = parse_text(text)
    assert [b.text for b in sp.blocks if b.kind == "closing"] == ["最后，预祝本届文化旅游节取得圆满成功！", "谢谢大家！"]
    records = _mine(tmp_path, text)
    assert {r["text"] for r in _kind(records, "closing")} == {"最后，预祝本届文化旅游节取得圆满成功！", "谢谢大家！"}


def test_wishes_run_on_in_one_paragraph_are_the_closing(tmp_path):
    text = ("在全省职业技能大赛开幕式上的致辞\n各位领导、各位来宾：\n" + PAD * 2 + "\n" + PAD
            + "预祝本届大赛取得圆满成功！祝各位嘉宾、各位选手身体健康、生活愉快！\n")
    [sp] = parse_text(text)
    closing = [b.text for b in sp.blocks if b.kind == "closing"]
    assert "".join(closing) == "预祝本届大赛取得圆满成功！祝各位嘉宾、各位选手身体健康、生活愉快！"
    assert sp.blocks[-len(closing) - 1].text == PAD


def test_closing_of_a_host_script_inside_its_last_paragraph():
    text = ("在全区安全生产工作会议上的主持词\n同志们：\n" + PAD + "\n"
            "会后，各单位要迅速传达会议精神，抓好贯彻落实。今天的会议就开到这里。散会。\n")
    [sp] = parse_text(text)
    assert [b.text for b in sp.blocks if b.kind == "closing"] == ["今天的会议就开到这里。", "散会。"]
    assert sp.blocks[-3].text == "会后，各单位要迅速传达会议精神，抓好贯彻落实。"


def test_a_closing_announcement_and_brief_sign_off(tmp_path):
    text = ("在区第八次党代会闭幕式上的主持词\n各位代表、同志们：\n" + PAD + "\n"
            "大会各项议程已经全部完成。现在，我宣布：中国共产党某某区第八次代表大会胜利闭幕！\n")
    [sp] = parse_text(text)
    assert sp.blocks[-1].kind == "closing" and sp.blocks[-1].text.startswith("现在，我宣布")
    text = "在某会上的讲话\n同志们：\n" + PAD + "\n" + PAD + "就讲这些。\n"
    [sp] = parse_text(text)
    assert sp.blocks[-1].kind == "closing" and sp.blocks[-1].text == "就讲这些。"


# --- parallel sets inside one paragraph -----------------------------------------------


@pytest.mark.parametrize(
    "paragraph,items",
    [
        ("做好今年的工作，各级各部门一要提高政治站位，把思想统一到决策部署上来；二要压实工作责任，层层传导压力；"
         "三要强化督查问效，确保各项任务落地见效。",
         ["提高政治站位，把思想统一到决策部署上来", "压实工作责任，层层传导压力", "强化督查问效，确保各项任务落地见效"]),
        ("对此，我们要做到：首先，要把学习贯彻作为首要政治任务；其次，要把推动发展作为第一要务；"
         "再次，要把保障民生作为根本目的；最后，要把从严治党作为坚强保证。",
         ["要把学习贯彻作为首要政治任务", "要把推动发展作为第一要务", "要把保障民生作为根本目的", "要把从严治党作为坚强保证"]),
        ("我们首先要抓好项目建设，其次要抓好招商引资，再次要抓好人才引育，最后要抓好营商环境。",
         ["抓好项目建设", "抓好招商引资", "抓好人才引育", "抓好营商环境"]),
        ("抓好明年工作，要把握好三个关键词。第一个是稳，稳字当头、稳中求进。第二个是进，在稳的基础上积极进取。"
         "第三个是实，求真务实、真抓实干。",
         ["稳，稳字当头、稳中求进", "进，在稳的基础上积极进取", "实，求真务实、真抓实干"]),
        ("抓好这项工作，首先是思想要到位，其次是责任要到位，第三是措施要到位，最后是督查要到位。",
         ["思想要到位", "责任要到位", "措施要到位", "督查要到位"]),
        ("第一个方面，要抓好粮食生产。第二个方面，要抓好产业发展。第三个方面，要抓好乡村建设。",
         ["要抓好粮食生产", "要抓好产业发展", "要抓好乡村建设"]),
    ],
)
def test_parallel_sets_inside_one_paragraph(tmp_path, paragraph, items):
    text = "在全县工作会议上的讲话\n同志们：\n一、统一思想\n" + paragraph + "\n二、狠抓落实\n" + PAD + "\n"
    records = _mine(tmp_path, text)
    [p] = _kind(records, "parallel")
    assert p["items"] == items
    assert p["sources"] == [{"doc": "a.txt", "line": 4}]


@pytest.mark.parametrize(
    "paragraph",
    [
        "要按照统一要求推进，进一步要求各地抓好落实。",  # 一要 inside words
        "这是发展的第一要务，也是三要素之一。",
        "我们再次强调，最后一公里要打通。",  # 再次/最后 alone
        "首先，感谢大家。我们排名第三，然后是别的地区。",  # 首先 with no 其次
        "他是全省第一个，也是全国第二个获此殊荣的。",
    ],
)
def test_no_parallel_set_from_words_that_only_look_like_markers(tmp_path, paragraph):
    text = "在全县工作会议上的讲话\n同志们：\n" + paragraph + "\n" + PAD + "\n"
    assert _kind(_mine(tmp_path, text), "parallel") == []


# --- splitting never loses or duplicates text ----------------------------------------

_PIECES = [
    "在全县项目建设观摩会上的讲话", " 县委书记 周海峰 ", "同志们：", "各区县人民政府，市政府各部门：", PAD,
    "今天的会议就到这里，散会。", "最后，预祝大会圆满成功！", "祝各位嘉宾身体健康、万事如意！", "谢谢大家。",
    "我们首先要抓好项目，其次要抓好招商。", "一要提高站位；二要压实责任。", "现在，我宣布：大会胜利闭幕！",
    "就讲这些。", "2025某某博览会开幕", "某某市人民政府办公室 二〇二五年四月八日",
]


def _squeeze(s):
    return "".join(s.split())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30), st.booleans())
def test_every_character_of_a_text_is_in_exactly_one_block(pieces, one_line):
    text = "".join(pieces) if one_line else "\n".join(pieces)
    got = "".join(b.text for sp in parse_text(text) for b in sp.blocks)
    assert _squeeze(got) == _squeeze(text)

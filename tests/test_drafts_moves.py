"""The composer's moves on an archive: requirements become the speaker's own measures where
a speech looks ahead, a speaker's unit words follow the speaker's level, a pledge gives no
orders, and a point does not widen a place to its whole policy area."""

from __future__ import annotations

import re

import pytest

from drafter.bank.store import build_bank
from drafter.draft.compose import compose
from drafter.draft.outline import parse_outline
from drafter.draft.retrieve import open_source

ARCHIVE = {
    "shi_yingshang.txt": """在全市优化营商环境工作会议上的讲话
**市人民政府市长　***
（20**年**月**日）

同志们：
今天召开全市优化营商环境工作会议，主要任务是部署今年的营商环境工作。下面，我讲三点意见。
一、深化认识，把优化营商环境摆在突出位置
当前，区域之间的竞争，越来越表现为营商环境的竞争。
二、对标一流，持续提升政务服务效能
要把营商环境工作纳入全市年度目标考核，实行季度通报、年终评价。
要发挥好营商环境监督员的作用，常态化开展明察暗访，对企业反映集中的问题开展专项督查。
各部门主要负责同志要把优化营商环境作为分内之事，亲自谋划、亲自推动。
三、真抓实干，推动各项举措落地见效
要健全营商环境问题线索移交机制，对推诿扯皮、吃拿卡要的严肃追责问责。
同志们，营商环境只有更好，没有最好。让我们以更大的决心优化营商环境！
""",
    "zhen_gengdi.txt": """在全镇耕地保护工作会议上的讲话
**镇党委书记
（20**年**月**日）

同志们：
下面，我讲两点意见。
一、从严管入手，让耕地数量稳下来
一是常态化开展巡田。二是从严整治违法占地。三是稳妥推进耕地“非粮化”整改。
二、压实责任，守住耕地红线
耕地是粮食生产的命根子，必须采取“长牙齿”的硬措施。
同志们，让我们守住耕地保护红线！
""",
    "yantao_shengtai.txt": """在县委理论学习中心组生态文明专题研讨会上的发言
**县生态环境分局局长

各位领导，同志们：
根据会议安排，结合学习体会，作如下研讨发言。
一、深化认识，坚定生态优先的理念
通过学习，我深刻认识到生态环境保护是一项系统工程。一是深化了对生态环境保护重要意义的认识。二是深化了对污染防治攻坚战长期性的认识。三是深化了对生态环境治理体系现代化的认识。
二、对照检视，看清污染防治的现实处境
一是生态环境保护的形势依然严峻。二是污染防治与经济发展必须协同推进。三是污染防治攻坚责任重大、任务艰巨。
发言完毕，请批评指正。
""",
}


@pytest.fixture(scope="module")
def bank_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("moves")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARCHIVE.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out, _, _ = build_bank([corpus], root / "bank", jobs=1)
    return out


@pytest.fixture(scope="module")
def source(bank_dir):
    return open_source(bank_dir)


def _bank_sentences(draft):
    for sents in draft.traced.blocks:
        for s in sents:
            if s.origin == "bank":
                yield s


def test_a_report_plans_with_requirements_turned_into_its_own_measures(source):
    o = parse_outline("""\
genre: report
title: 县营商环境工作情况汇报
speaker: 县发展和改革局局长
meeting: 全县营商环境工作推进会
topic: 营商环境
sections:
  - heading: 深化审批制度改革
    points:
      - 推行“一件事一次办”
""")
    d = compose(o, source, length=2000)
    plans = d.text.split("下步工作打算", 1)[1]
    # 要把… / 要发挥好… from the 市长's speech, as 一是… items of the county's own plans
    assert re.search(r"一是(?:把营商环境工作纳入全县年度目标考核|发挥好营商环境监督员)", plans), plans
    assert "二是" in plans
    assert "是要" not in plans and "全市" not in plans
    # an order addressed to others is no measure of one's own
    assert "主要负责同志" not in d.text
    # every item traced to its phrase and source document
    items = [s for s in _bank_sentences(d) if "监督员" in s.text or "年度目标考核" in s.text]
    assert items and all(s.use.phrase.sources[0]["doc"].endswith("shi_yingshang.txt") for s in items)
    # in the report's account of its work, the 市长's orders do not appear at all
    head = d.text.split("存在的问题", 1)[0]
    assert "要把" not in head and "要发挥" not in head


def test_a_pledge_commits_instead_of_giving_orders_and_never_looks_back(source):
    o = parse_outline("""\
genre: pledge
title: 在全市优化营商环境工作会议上的表态发言
speaker: 某县县长
meeting: 全市优化营商环境工作会议
topic: 营商环境 生态环境保护
sections:
  - heading: 坚决扛起优化营商环境的责任
  - heading: 坚决打好污染防治攻坚战
""")
    d = compose(o, source, length=1500)
    for s in _bank_sentences(d):
        body = re.sub(r"^[一二三四五六七八九十]+是", "", s.text)
        assert not re.match(r"^(?:[^，。]{0,14}，)?[^，。]{0,14}?(?<![需重主只卡])(?:要|必须)", body), s.text
        assert "深化了" not in s.text, s.text  # a seminar's insights, looking back
        assert "形势依然严峻" not in s.text, s.text  # judgments are no commitments


def test_a_point_does_not_open_its_whole_policy_area(source):
    o = parse_outline("""\
genre: speech
title: 在全镇生态环境保护工作会议上的讲话
speaker: 某镇党委书记
meeting: 全镇生态环境保护工作会议
topic: 生态环境保护
sections:
  - heading: 坚决打好污染防治攻坚战
    points:
      - 全面整治农村人居环境
""")
    d = compose(o, source, length=3000)
    assert "巡田" not in d.text and "违法占地" not in d.text


def test_unit_words_follow_the_speakers_level():
    from drafter.draft.fit import adapt_level, unit_of

    assert unit_of("county", "区委书记", "在全区…") == "区"
    assert unit_of("township", "某街道党工委书记") == "镇"
    assert adapt_level("我市将把全市重点项目纳入市直部门考核。", "county", "区") == "我区将把全区重点项目纳入区直部门考核。"
    # a superior stays the superior; markets, citizens and areas are no units
    assert adapt_level("认真落实市委、市政府部署，服务市民，全市场覆盖，全区域推进。", "township", "镇") == \
        "认真落实市委、市政府部署，服务市民，全市场覆盖，全区域推进。"
    # an enterprise or an unknown level keeps the words as they are
    assert adapt_level("全市上下", "enterprise", "") == "全市上下"


def test_a_measure_the_writer_already_wrote_is_not_said_again(source):
    # the writer's point is the requirement's first clause, without the quotes and 、 it has in the bank
    o = parse_outline("""\
genre: report
title: 县营商环境工作情况汇报
speaker: 县发展和改革局局长
meeting: 全县营商环境工作推进会
topic: 营商环境
sections:
  - heading: 强化督查考核
    points:
      - 发挥好营商环境监督员
""")
    d = compose(o, source, length=2000)
    assert d.text.count("监督员") == 1, d.text


def test_a_report_takes_no_other_units_measure_as_a_lead(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "jianguan.txt").write_text("""在全县市场监管工作会议上的讲话
**县市场监管局局长

同志们：
下面，我讲两点意见。
一、以科技赋能提升监管效能
面对监管对象多、监管人员少的矛盾，我们向科技要效率、向信息化要能力。
二、以科技创新护航企业发展
科技创新是引领发展的第一动力，也是市场监管现代化的关键所在。
同志们，让我们以更加务实的作风推动市场监管工作再上新台阶！
""", encoding="utf-8")
    out, _, _ = build_bank([corpus], tmp_path / "bank", jobs=1)
    o = parse_outline("""\
genre: address
title: 在科技创新成果发布会上的致辞
speaker: 某县人民政府县长
meeting: 科技创新成果发布会
topic: 科技创新 科技监管
sections:
  - heading: 科技创新赋能监管
""")
    d = compose(o, open_source(out), length=1000)
    assert "向科技要效率" not in d.text  # another unit's claim, not a judgment


def test_a_sentence_whose_point_is_another_subject_stays_out(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "xiangmu.txt").write_text("""在全县重点项目建设推进会上的讲话
**县人民政府县长

同志们：
下面，我讲两点意见。
一、坚持项目为王，扩大有效投资
招商引资是扩大有效投资的重要抓手，要把招商引资作为经济工作的生命线。
抓经济增长、抓项目建设、抓招商引资，都必须同步考虑安全条件、同步落实安全措施，不能只算经济账、不算安全账。
二、强化要素保障，优化项目服务
要对落户项目实行全程代办、专班服务，做到有求必应、无事不扰。
同志们，让我们以更加务实的作风推动项目建设再上新台阶！
""", encoding="utf-8")
    # an office's archive holds speeches on other subjects too: their titles name them
    (corpus / "anquan.txt").write_text("""在全县安全生产工作会议上的讲话
**县人民政府副县长

同志们：
安全生产是民生大事，一丝一毫不能放松。
同志们，让我们全力以赴抓好安全生产各项工作！
""", encoding="utf-8")
    out, _, _ = build_bank([corpus], tmp_path / "bank", jobs=1)
    o = parse_outline("""\
genre: speech
title: 在全县招商引资工作会议上的讲话
speaker: 某县县长
meeting: 全县招商引资工作会议
topic: 招商引资 项目建设
sections:
  - heading: 坚持项目为王，推动招商引资提质增效
""")
    d = compose(o, open_source(out), length=3000)
    assert "安全账" not in d.text
    assert "招商引资作为经济工作的生命线" in d.text  # on its subject, and kept


def test_a_changed_sentence_shows_its_original_in_word_and_in_the_list(cli, tmp_path, bank_dir):
    import zipfile

    (tmp_path / "o.yaml").write_text("""\
genre: report
title: 县营商环境工作情况汇报
speaker: 县发展和改革局局长
meeting: 全县营商环境工作推进会
topic: 营商环境
sections:
  - heading: 深化审批制度改革
""", encoding="utf-8")
    bank = bank_dir
    r = cli("render", "o.yaml", "-o", "d.docx", "--bank", str(bank))
    assert r.code == 0, r.err
    with zipfile.ZipFile(tmp_path / "d.docx") as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    # the measure placed as 把…纳入全县…; the comment quotes the requirement as the 市长 said it
    assert "原文：要把营商环境工作纳入全市年度目标考核" in comments
    r = cli("render", "o.yaml", "-o", "d.txt", "--bank", str(bank), "--list-alternatives")
    assert r.code == 0, r.err
    listed = (tmp_path / "d.txt").read_text(encoding="utf-8")
    assert "原文：要把营商环境工作纳入全市年度目标考核" in listed


def test_problems_take_a_set_of_problems_not_of_lessons(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "jiaoliu.txt").write_text("""优化营商环境工作交流发言
**街道党工委书记

各位领导，同志们：
一、主要做法
我们坚持把优化营商环境作为一号工程来抓。
二、对照检视发现的问题和几点体会
一是优化营商环境必须坚持企业视角，从企业的感受出发想问题。二是优化营商环境必须坚持问题导向。三是优化营商环境必须坚持久久为功。
三、几点启示
一是优化营商环境要从企业的感受出发想问题、定措施。二是优化营商环境要坚持问题导向，哪里有堵点就在哪里发力。三是优化营商环境贵在久久为功。
以上发言，请批评指正。
""", encoding="utf-8")
    outline = """\
genre: report
title: 某区营商环境工作情况汇报
speaker: 某区发改局局长
meeting: 全市营商环境工作推进会
topic: 营商环境
sections:
  - heading: 深化审批制度改革
"""
    # lessons stood under a heading that mentions 问题: still no problems
    out, _, _ = build_bank([corpus], tmp_path / "bank1", jobs=1)
    d = compose(parse_outline(outline), open_source(out), length=2000)
    assert "必须坚持企业视角" not in d.text and "哪里有堵点" not in d.text
    (corpus / "huibao.txt").write_text("""县优化营商环境工作情况汇报
**县发改局局长

各位领导，同志们：
一、存在的问题
对照上级要求和企业期盼，我县营商环境还存在一些短板弱项。一是部分窗口人员服务营商环境的意识还不够强。二是营商环境领域数据共享还不到位。三是涉企营商环境政策落实还有差距。
汇报完毕，请批评指正。
""", encoding="utf-8")
    out, _, _ = build_bank([corpus], tmp_path / "bank2", jobs=1)
    d = compose(parse_outline(outline), open_source(out), length=2000)
    problems = d.text.split("存在的问题", 1)[1].split("下步工作打算", 1)[0]
    assert "必须坚持企业视角" not in d.text
    assert "意识还不够强" in problems or "数据共享还不到位" in problems, problems


def test_a_unit_naming_itself_stays_in_its_own_speeches(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "jingxin.txt").write_text("""在全市现代化产业体系建设推进会上的研讨发言
**市经信局局长

各位领导，同志们：
一、深刻理解重大意义
市经信局作为主抓产业的部门，推进现代化产业体系建设是使命所系、职责所在。
现代化产业体系是现代化国家的经济基础，是实现经济现代化的重要标志。
发言完毕，请批评指正。
""", encoding="utf-8")
    out, _, _ = build_bank([corpus], tmp_path / "bank", jobs=1)
    outline = """\
genre: sharing
title: 现代化产业体系建设交流发言
speaker: {speaker}
topic: 现代化产业体系
sections:
  - heading: 深刻理解现代化产业体系建设的重大意义
"""
    d = compose(parse_outline(outline.format(speaker="市发展改革委青年干部")), open_source(out), length=2000)
    assert "市经信局作为" not in d.text
    assert "现代化国家的经济基础" in d.text  # the same speech's judgment is anyone's
    d = compose(parse_outline(outline.format(speaker="市经信局局长")), open_source(out), length=2000)
    assert "市经信局作为" in d.text  # the unit itself may say it again


def test_another_departments_duty_stays_in_its_speeches(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "zhujian.txt").write_text("""在全县安全生产工作会议上的研讨发言
**县住建局局长

各位领导，同志们：
一、守牢安全底线
房屋安全、燃气安全、建筑施工安全，都是住建部门必须守牢的安全生产底线。
安全生产是发展的前提，只有守住安全底线，才能守住发展大局。
发言完毕，请批评指正。
""", encoding="utf-8")
    out, _, _ = build_bank([corpus], tmp_path / "bank", jobs=1)
    outline = """\
genre: seminar
title: 安全生产专题研讨发言
speaker: {speaker}
topic: 安全生产
sections:
  - heading: 守牢安全生产底线
"""
    d = compose(parse_outline(outline.format(speaker="县应急管理局局长")), open_source(out), length=2000)
    assert "住建部门" not in d.text
    assert "守住安全底线" in d.text
    d = compose(parse_outline(outline.format(speaker="县住建局局长")), open_source(out), length=2000)
    assert "住建部门" in d.text

"""drafter check: warnings a writer finds worth reading (issue 8, precision of D301/D302,
D401, D602, D702). Each misfire is imitated by an inline text of the shape that caused it,
written for this file; next to it stays a real finding the fix must not lose."""

from __future__ import annotations

from drafter.check import check_text

P = "内容。\n"  # a chapter's body


def at(text: str, code: str, genre: str | None = None) -> list[int]:
    return [f.line for f in check_text(text, genre) if f.code == code]


# --- D302: the customary closing chapter, long report chapters, frames of particles -------


def test_customary_closing_chapter_breaks_no_frame():
    report = (
        "在中国共产党某市第八次代表大会上的报告\n同志们：\n"
        "一、坚持稳中求进，推动经济发展再上新台阶\n" + P +
        "二、坚持改革创新，推动发展动能加快转换\n" + P +
        "三、坚持人民至上，推动民生福祉持续增进\n" + P +
        "四、全面加强党的建设\n" + P
    )
    assert at(report, "D302") == []
    gov = (
        "政府工作报告\n各位代表：\n一、聚焦产业升级，加快构建现代化产业体系\n" + P +
        "二、聚焦城乡融合，加快推进新型城镇化\n" + P + "三、聚焦民生改善，加快补齐公共服务短板\n" + P +
        "四、加强政府自身建设\n" + P
    )
    assert at(gov, "D302") == []
    duty = (
        "述职报告\n各位领导：\n一、坚持学思践悟，政治素质不断提升\n" + P + "二、坚持履职尽责，重点工作有序推进\n" + P +
        "三、坚持廉洁自律，作风形象持续改善\n" + P + "四、下一步努力方向\n" + P
    )
    assert at(duty, "D302") == []
    promotion = (
        "竞聘演讲稿\n各位领导、同事们：\n一、我对竞聘岗位的认识\n" + P + "二、我对做好岗位工作的思路\n" + P +
        "三、我对履行岗位职责的打算\n" + P + "四、我的竞聘优势\n" + P
    )
    assert at(promotion, "D302") == []


def test_customary_first_chapter_and_two_closing_chapters():
    text = (
        "述职报告\n各位领导：\n一、基本情况\n" + P + "二、坚持学思践悟，政治素质不断提升\n" + P +
        "三、坚持履职尽责，重点工作有序推进\n" + P + "四、坚持廉洁自律，作风形象持续改善\n" + P +
        "五、存在的问题和不足\n" + P + "六、下一步工作打算\n" + P
    )
    assert at(text, "D301") == [] and at(text, "D302") == []
    promotion = (
        "竞聘演讲稿\n各位领导、同事们：\n一、我的竞聘优势\n" + P + "二、我对竞聘岗位的认识\n" + P +
        "三、我对做好岗位工作的思路\n" + P + "四、我对履行岗位职责的打算\n" + P
    )
    assert at(promotion, "D302") == []
    # an ordinary chapter in the middle breaking the frame is still found
    text = (
        "述职报告\n各位领导：\n一、基本情况\n" + P + "二、坚持学思践悟，推动政治素质提升\n" + P +
        "三、抓好安全生产工作\n" + P + "四、坚持廉洁自律，推动作风持续改善\n" + P +
        "五、坚持履职尽责，推动重点工作落实\n" + P + "六、下一步工作打算\n" + P
    )
    assert at(text, "D302") == [7]


def test_a_real_frame_break_is_still_found():
    # the customary chapter is exempt only as the last chapter; an ordinary odd one is found
    text = (
        "各位领导：\n一、提高政治站位，做到知责于心\n" + P + "二、强化使命担当，做到担责于身\n" + P +
        "三、加强队伍建设\n" + P + "四、狠抓工作落实，做到履责于行\n" + P
    )
    assert at(text, "D302") == [6]
    text = "各位领导：\n一、抓项目促发展\n" + P + "二、抓招商促发展\n" + P + "三、优化营商环境\n" + P
    assert at(text, "D302") == [6]


def test_long_chapter_titles_of_a_report_are_not_held_to_a_frame():
    text = (
        "政府工作报告\n各位代表：\n"
        "一、坚持把稳增长放在突出位置，推动经济运行持续向好\n" + P +
        "二、坚持把扩内需作为战略基点，推动消费投资协同发力\n" + P +
        "三、坚持把改革开放作为关键一招，推动发展活力竞相迸发\n" + P +
        "四、统筹推进新型城镇化和乡村全面振兴，促进城乡区域协调发展\n" + P
    )
    assert at(text, "D302") == []
    # short parallel headings of a report are still held to their frame
    text = (
        "政府工作报告\n各位代表：\n一、坚持项目为王\n" + P + "二、坚持创新为要\n" + P +
        "三、坚持民生为本\n" + P + "四、优化营商环境\n" + P
    )
    assert at(text, "D302") == [9]


def test_a_frame_of_function_words_and_word_fragments_is_no_frame():
    # 在…中…现了新的…: 在, 中, 了, 的 and the halves of 展现/体现 are no pattern a writer means
    text = (
        "各位领导：\n一、在服务大局中展现了新的作为\n" + P + "二、在攻坚克难中体现了新的担当\n" + P +
        "三、把群众满意作为最高标准\n" + P
    )
    assert at(text, "D302") == []


# --- D301: a notice's chapter list, the customary short last chapter ----------------------


def test_notice_chapters_are_fields_not_parallel_headings():
    notice = (
        "关于召开全市安全生产工作会议的通知\n各县区人民政府，市直各部门：\n"
        "经市政府同意，定于近期召开全市安全生产工作会议。现将有关事项通知如下：\n"
        "一、时间\n3月5日上午9时。\n二、地点\n市政府第一会议室。\n"
        "三、参会人员\n各单位主要负责同志。\n四、请各单位于3月3日前将参会人员名单报送市政府办公室\n"
        "联系人：张明，电话：1234567。\n"
    )
    assert at(notice, "D301") == []
    assert at(notice, "D302") == []


def test_short_customary_last_chapter_of_a_duty_report():
    text = (
        "述职报告\n各位领导：\n一、坚持把学习贯穿始终，切实提升政治能力和理论水平\n" + P +
        "二、坚持把发展扛在肩上，全力推动重点工作取得新突破\n" + P +
        "三、坚持把纪律挺在前面，始终保持廉洁自律良好形象\n" + P + "四、下一步努力方向\n" + P
    )
    assert at(text, "D301") == []
    # an ordinary chapter of very different length is still found
    text = (
        "各位领导：\n一、抓项目建设\n" + P + "二、抓招商引资\n" + P +
        "三、持续优化营商环境，全面提升政务服务效能，推动各项政策落地见效\n" + P + "四、下一步努力方向\n" + P
    )
    assert at(text, "D301") == [6]


# --- D401: set formulations far apart, heading items, contact lines, opening and closing --


def _long_report(middle: str, gap: int = 4) -> str:
    filler = "".join(f"全年新建改造供水管网{i}0公里，完成老旧小区改造{i}个，新增城镇就业{i}千人。\n" for i in range(1, gap + 1))
    return "政府工作报告\n各位代表：\n" + middle.format(filler=filler)


def test_set_formulations_a_few_paragraphs_apart():
    text = _long_report(
        "过去一年，我们团结带领全市人民，以高质量发展为首要任务，赓续红色血脉，克服困难。\n{filler}"
        "今年，我们要继续团结带领全市人民，以高质量发展为首要任务，赓续红色血脉，奋勇争先。\n"
    )
    assert at(text, "D401") == []


def test_heading_item_restated_in_its_elaboration():
    text = (
        "各位领导：\n下一步，我们将重点抓好三项工作。"
        "一是扩大有效投资。围绕补短板强弱项，持续扩大有效投资，全年安排重点项目120个。"
        "二是提升消费活力。开展促消费活动，释放消费潜力。三是稳住外贸基本盘。\n"
    )
    assert at(text, "D401") == []
    # the item's lead in its own next paragraph is its elaboration too
    text = "各位领导：\n二是扩大有效投资。\n扩大有效投资，是稳增长的关键。全年安排重点项目120个。\n"
    assert at(text, "D401") == []
    text = "各位领导：\n一是稳住工业增长。内容。二是扩大有效投资。扩大有效投资，是稳增长的关键。三是提升消费活力。\n"
    assert at(text, "D401") == []
    # the same lead restated in a later item is a slip
    text = (
        "各位领导：\n一是扩大有效投资。全年安排重点项目120个。\n二是提升消费活力。开展促消费活动。\n"
        "三是稳住外贸。扩大有效投资，是稳增长的关键。\n"
    )
    assert at(text, "D401") == [4]


def test_item_restating_the_summary_of_its_section():
    # the section announces its tasks, then an item opens with one of them
    text = (
        "政府工作报告\n各位代表：\n（二）着力扩大国内需求\n"
        "今年要把恢复和扩大消费摆在优先位置，扩大有效投资，形成消费和投资相互促进的良性循环。\n"
        "一是促进消费稳定增长。开展消费提振年活动，推动汽车、家电等大宗消费。\n"
        "二是扩大有效投资。实施重大项目攻坚行动，全年安排省重点项目500个以上。\n"
    )
    assert at(text, "D401") == []
    # the same phrase in an earlier item's body and a later item's lead is a slip
    text = (
        "各位领导：\n一是促进消费稳定增长。扩大有效投资，推动汽车、家电等大宗消费。\n"
        "二是扩大有效投资。实施重大项目攻坚行动。\n"
    )
    assert at(text, "D401") == [3]


def test_organisation_names_in_contact_lines():
    text = (
        "关于报送年度工作总结的通知\n各有关单位：\n请于12月10日前报送年度工作总结。\n"
        "联系人：市工业和信息化局运行监测协调科 张明，电话：1234567。\n"
        "邮寄地址：市工业和信息化局运行监测协调科，邮箱：office@example.com。\n"
    )
    assert at(text, "D401") == []
    text = (
        "关于报送年度工作总结的通知\n各有关单位：\n请于12月10日前报送年度工作总结。\n"
        "联系人及电话：教育部发展规划司 张明 1234567\n报送地址及邮箱：教育部发展规划司 office@example.com\n"
    )
    assert at(text, "D401") == []
    # an organisation named twice in the body, as names are
    text = "各位领导：\n感谢市工业和信息化局运行监测协调科，为我们提供了帮助。\n我们将配合市工业和信息化局运行监测协调科，抓好监测。\n"
    assert at(text, "D401") == []


def test_opening_echoed_by_the_closing():
    text = (
        "在青年干部培训班结业式上的讲话\n同志们：\n本期培训即将结束，大家学有所获。\n"
        "希望大家把所学用于实践。\n要在基层一线经受锻炼。\n本期培训即将结束，祝大家工作顺利！\n"
    )
    assert at(text, "D401") == []
    # a closing thanks after the echo, a second opening paragraph before it
    text = (
        "在青年干部培训班结业式上的讲话\n同志们：\n今天，我们在这里举行结业式。\n本期培训即将结束，大家学有所获。\n"
        "希望大家把所学用于实践。\n要在基层一线经受锻炼。\n本期培训即将结束，祝大家工作顺利！\n谢谢大家。\n"
    )
    assert at(text, "D401") == []
    # a repeat in the middle of the body is no echo
    text = (
        "在青年干部培训班结业式上的讲话\n同志们：\n今天，我们在这里举行结业式。\n要把所学用于工作实践之中。\n"
        "要在基层一线经受锻炼。\n各位学员要把所学用于工作实践之中。\n要严守纪律。\n祝大家工作顺利！\n"
    )
    assert at(text, "D401") == [6]


def test_real_repeats_are_still_found():
    # a clause a writer repeated by accident, two paragraphs apart in the body
    text = (
        "在全市项目建设推进会上的讲话\n同志们：\n今年以来，全市项目建设总体平稳。\n"
        "要紧盯重大项目建设进度，确保按期投产达效。\n要强化要素保障。\n"
        "各县区要压实责任，确保按期投产达效。\n同志们，让我们共同努力！\n"
    )
    assert at(text, "D401") == [6]
    # the seed finding: 作为发改系统青年干部 opening clauses thrice
    text = (
        "各位领导：\n作为发改系统青年干部，我们要学习。\n内容一。\n作为发改系统青年干部，我们要实干。\n"
        "内容二。\n作为发改系统青年干部，我们要担当。\n"
    )
    assert at(text, "D401") == [4]


# --- D702: 就讲这些 closes a 讲话 -------------------------------------------------------


def test_plain_closings_of_a_speech():
    for closing in ("就讲这些。", "我就讲这些。", "今天就讲这么多。", "我就讲这些，谢谢大家。"):
        text = f"在全县安全生产工作会议上的讲话\n同志们：\n今年要抓好安全生产。\n{closing}\n"
        assert at(text, "D702") == [], closing
    text = "在全县安全生产工作会议上的讲话\n同志们：\n今年要抓好安全生产。\n要压实责任。\n"
    assert at(text, "D702") == [4]


# --- D602: judged on the raw lines ----------------------------------------------------------


def test_one_line_text_split_by_the_speech_model_gets_d602():
    body = "".join(
        f"{n}、抓好第{n}项工作\n".replace("\n", "") + "要压实责任，强化调度，推动各项任务落地见效，确保取得实实在在的成效。" * 9
        for n in "一二三四"
    )
    line = "在全县工作会议上的讲话 同志们：" + body + "同志们，让我们共同努力！"
    assert len(line) > 1000
    found = [f for f in check_text(line + "\n") if f.code == "D602"]
    assert [f.line for f in found] == [1] and "全文没有分段" in found[0].message
    # the same text with its breaks: no D602
    broken = "在全县工作会议上的讲话\n同志们：\n" + "\n".join(
        f"{n}、抓好第{n}项工作\n" + "要压实责任，强化调度，推动各项任务落地见效，确保取得实实在在的成效。" * 9 for n in "一二三四"
    ) + "\n同志们，让我们共同努力！\n"
    assert at(broken, "D602") == []

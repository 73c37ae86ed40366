"""What a sentence does, read from its wording: judges, orders, commits, looks back,
states a problem or a plan, speaks as a named unit, says what another sentence says.

The picker (``drafter.draft.picker``) asks these of every bank phrase to decide
whether it fits its place: a report takes judgments, a pledge commitments, a
part on problems sentences that state problems, and so on.
"""

from __future__ import annotations

import re

from drafter.text.lazyre import lazy

CLAUSE = lazy(r"[，。；：！？、“”]")
SENTENCE_PART = lazy(r"[，。；：！？]")
# Where a sentence comes to its point: what it asks for or rests on.
POINT = lazy(r"必须|务必|关键在于?|(?<![需重主只想纲概卡])要(?![求素害点件领])|重在|贵在")
# A department named by its line of work (住建部门必须守牢…): its own sentence, unless the speaker
# is that department (a leader's speech or a chair may address any department).
DEPARTMENT = lazy(r"(住建|发改|财政|教育|卫健|民政|交通|农业农村|自然资源|生态环境|环保|应急|公安|市场监管|文旅|人社|"
                  r"商务|工信|经信|科技|水利|林业|城管|审计|统计|宣传|组织|纪检|政法)(?:部门|系统)")
# What only a village (or a township over villages) has.
VILLAGE = lazy(r"(?<!（)村(?:党组织|“两委”|两委|干部|级|集体|民委员会|书记)|驻村|行政村|村村")
# A unit speaking of itself by name (市经信局作为主抓产业的部门…): that unit's sentence.
SELF_ORG = lazy(r"(?:^|(?<=[，。；：！？、\s]))(?![各全我本该])([\u4e00-\u9fff]{1,8}?(?:局|委|办|中心|公司|集团|部门))(?:作为|将)")
QUOTED = lazy(r"“([^”]{4,20})”")
MARKS = lazy(r"[“”‘’、《》（）\s]")

# A section's move, from its heading words: problems and plans take only
# phrases made for them; phrases made for them go nowhere else.
PROBLEMS = lazy(r"问题|不足|差距|短板|弱项|困难|挑战|症结")
# A heading that sets out to fix problems (补齐…短板, 破解…难题) makes no problems part.
FIXES = lazy(r"(?:补齐|补足|补强|补上|破解|解决|化解|攻克|整改|清零|消除|弥补)[^，。]{0,10}(?:问题|不足|差距|短板|弱项|困难|挑战|症结)")
WILL = lazy(r"^[^，。]{0,10}(?:将|打算|计划)(?!近|要)")  # 局党组将成立… : a plan, not a report
# An item stating a problem (服务意识还不够强, 数据共享不到位); 坚持问题导向 and 想问题 state none,
# and an item saying what must be done (必须…) is a lesson, not a problem.
DEFICIT = lazy(r"不到位|薄弱|有待|不够|不足|滞后|不强|不高|欠缺|不多|偏[低少弱慢]|短板|差距|困难|"
               r"(?<!想)(?<!解决)问题(?!导向)(?:[^，。]{0,6}(?:突出|存在|仍|还|较多|明显))")
# An item of insight (要深刻认识…, 深化了对…的认识): a set of them is made for a part on why the work matters.
INSIGHT = lazy(r"认识|认清|领会|体会到|意识到|要看到|看清")
LESSON = lazy(r"必须|要(?!求)|应当|只有|才能")
PLANS = lazy(r"下一步|下步|打算|今后|工作思路|思路举措|计划|(?:具体|主要|工作|下步)措施|展望|工作安排|抓好(?:贯彻)?落实")
# A sentence about the report being discussed belongs to a 分组讨论发言 only.
ON_THE_REPORT = lazy(r"报告(?:提出|指出|强调|要求|明确|中|里|把|对|回顾|部署)|全会报告|听了")
JUDGMENT = lazy(
    r"(?<![还就总于但只凡特而或若正更也不可要])是(?!否)|才能|只有|在于|离不开|关键|根本|说到底|归根结底|"
    r"事关|关系到|直接关系|越是|必然|不能|决不|绝不"
)
# A requirement with no subject (要加快…, 要把…): as a plan or a commitment it is the speaker's
# own measure once 要 is dropped (一是加快…).
MEASURE = lazy(r"^要(?![求素害点件领])(?=[\u4e00-\u9fff“])")
MEASURE_WORD = lazy(r"(^|[，；])要(?![求素害点件领])")
ADDRESSED = lazy(r"你们|大家|各位|同志们|各级|各地|各部门|各单位|各乡镇|各县|主要负责同志|一把手")
# An order given to others (…要加强…, 必须…), not 需要/重要/主要.
ORDER = lazy(r"^(?:[^，。；]{0,24}，)?[^，。；]{0,20}?(?<![需重主只想纲概卡])(?:要|必须|务必|应当|应该)(?!求|素|害|点|件|领)")
# Judgments of another shape: 抓招商就是抓发展, 成效直接决定后劲.
EQUATES = lazy(r"就是(?!要)|决定|取决于|意味着|标志")
# An item that judges (形势依然严峻, …必须协同推进, 责任重大) is no commitment.
JUDGES = lazy(r"形势|依然|仍然|艰巨|重大|(?<![还就总于但只凡特而或若正更也不可要])是(?!否)|必须|才能|在于|越来越")
LOOKS_BACK = lazy(r"(?<![为除])了(?![解却结得不])")
STANCE = lazy(JUDGMENT.pattern + r"|要|必须|应当|应该|务必|需要|将")


def move_of(text: str, heading: bool = True) -> str:
    """"problems", "plans" or "" for a heading or a lead.

    >>> move_of("存在的问题"), move_of("下步工作打算"), move_of("压实安全责任")
    ('problems', 'plans', '')
    >>> move_of("下一步，我们将重点抓好以下四个方面工作。")
    'plans'
    >>> move_of("全力补齐城市管理短板"), move_of("正视差距不足")
    ('', 'problems')
    """
    head = text[:24]
    if PLANS.search(head) or text.startswith(("下一步", "下步", "今后")) or WILL.search(text):
        return "plans"
    if PROBLEMS.search(text) and re.search(r"存在|清醒|对照|看到|面临|发现|仍", text):
        return "problems"
    if heading and PROBLEMS.search(head) and len(text) <= 24 and not FIXES.search(head):
        return "problems"
    return ""


def clauses(text: str) -> list[str]:
    """What a text says that another should not say again: its clauses of eight characters or
    more (without quotes, 、 and a leading 要) and its quoted terms (“一件事一次办”): 深化“一件事一次办”改革
    and 推行“一件事一次办” say the same thing."""
    bare = MARKS.sub("", MEASURE_WORD.sub(r"\1", text))
    return [c for c in SENTENCE_PART.split(bare) if len(c) >= 8] + [
        m.group(1) for m in QUOTED.finditer(text) if len(m.group(1)) >= 4]


__all__ = ["clauses", "move_of"]

"""Whether a bank phrase is about what its place is about.

Sharing words proves little: every official speech says 发展, 工作, 提质增效,
更大力度. A phrase is on topic when its own *topic-bearing* terms — the words
that say what it is about — are covered by its place (the outline's title,
topic and meeting, and for a section its heading and points):

    抓人才就是抓发展，必须以更大力度、更实举措推动人才工作提质增效。

under 强化务实举措，推动招商引资提质增效 is off topic: its one topic-bearing
term, 人才, is nowhere in the place, however many generic words it shares.

A term is topic-bearing when it is specific in the bank (few phrases use it:
the bank's own document frequencies) and not official boilerplate
(``OFFICIAL``: verbs, qualifiers and figures of speech every topic uses,
which a small bank may still see rarely). A term is covered when the place
holds it, or holds a topic-bearing word it contains or is contained in
(招商 and 招商引资, 人才 and 人才工作).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from drafter.bank.terms import STOP_WORDS
from drafter.draft.retrieve import GENERIC

# Official vocabulary that says how, not what: never topic-bearing, however rare in a bank.
OFFICIAL = frozenset(
    """
    提质 增效 提质增效 更大 更实 更大力度 更实举措 力度 举措 抓手 生命线 牛鼻子 主战场 压舱石 定盘星
    主心骨 顶梁柱 风向标 试金石 突破口 着力点 落脚点 出发点 切入点 结合点 关键点 重中之重 头等大事
    硬任务 必答题 必修课 关键期 窗口期 攻坚期 新征程 新时代 新阶段 新起点 新局面 新篇章 新成效 新突破
    新成绩 新作为 新贡献 新担当 新变化 新气象 新格局 新动能 新优势 新路径 新路子 新活力 新面貌 新水平
    真抓实干 担当作为 苦干实干 埋头苦干 久久为功 持之以恒 善作善成 勇毅前行 踔厉奋发 笃行不怠 行稳致远
    蹄疾步稳 守正创新 统筹兼顾 系统观念 底线思维 问题导向 目标导向 结果导向 一以贯之 常抓不懈 抓实抓细
    走深走实 落地落实 落地见效 落到实处 见行见效 取得实效 见到实效 务实 实效 实招 硬招 实干 实绩 实处
    更好 更优 更强 更快 更高 更深 更广 更多 更加 更为 高效 有力 有序 有效 精准 科学 规范 严格 全面
    扎实 深入 持续 不断 切实 充分 主动 积极 认真 坚决 牢固 牢牢 始终 全力 全力以赴 大力 着力 努力 奋力
    以上 以下 方面 层面 环节 领域 过程 全过程 全链条 全方位 全覆盖 各级 各地 各部门 各单位 各方 各类
    群众 人民 人民群众 社会 全社会 干部 党员干部 领导干部 同志 一线 基层 长效 常态 常态化 制度化 规范化
    体系 机制 制度 能力 水平 质量 效率 效能 效益 成效 成果 成绩 经验 做法 举措 措施 路径 办法 思路 方向
    目标 任务 要求 标准 责任 担当 作风 纪律 形象 氛围 合力 格局 局面 态势 环境 基础 保障 支撑 动力 活力
    活力 潜力 优势 短板 弱项 差距 不足 难点 堵点 痛点 难题 瓶颈 风险 挑战 机遇 形势 大局 全局 战略
    意识 观念 理念 站位 认识 思想 思想认识 共识 初心 使命 本领 素质 队伍 人员 力量 作用 地位 意义 价值
    推动 推进 促进 加快 加强 强化 深化 优化 完善 健全 建立 构建 打造 培育 提升 提高 增强 巩固 拓展 拓宽
    夯实 筑牢 压实 扛起 扛牢 把准 把握 把牢 紧盯 聚焦 着眼 围绕 坚持 坚守 守住 守牢 树立 牢记 落实 抓好
    抓实 抓牢 做好 做实 做细 做优 做强 做大 用好 管好 服务 保持 实现 确保 形成 发挥 激发 释放 凝聚 汇聚
    引导 带动 引领 示范 统筹 协同 联动 整合 衔接 对接 贯通 融合 结合 配合 协调 配套 调度 督查 督导 考核
    评价 检查 整改 整治 治理 监管 监督 管理 防范 化解 应对 处置 解决 破解 突破 攻坚 推广 总结 谋划
    部署 安排 研究 分析 学习 培训 调研 走访 开展 实施 执行 组织 领导 指导 负责 牵头 参与 支持
    发展 建设 改革 创新 转型 升级 开放 增长 稳定 社会
    直接 根本 核心 重点 关键 前提 基本 长远 当前 今后 未来 历史 时代 实际 具体 一切 各种 所有
    保护 底线 底线思维 红线 依法 关系 关乎 事关 便捷 行业 应用 准备 结构 集中 哪里 延伸 身边 强大 需求 维护 布局 检验 对照 期盼 期待
    起来 下去 出来 之中 之际 一道 一起 同时 进而 从而 真正 真正意义 切身 最大 最好 最直接 直接关系
    """.split()
)
# Words too broad to tie a place to a subject that contains them (城市 in 城市更新).
BROAD = frozenset("城市 农村 乡村 经济 社会 文化 安全 发展 企业 产业 服务 民生 政府 基层 工作 建设 管理 环境 生活".split())

# A term in more than this share of a bank's phrases is common, not topical.
COMMON_SHARE = 0.03


def topical_terms(terms: Iterable[str], df_share: Callable[[str], float], extra_generic: Iterable[str] = (),
                  always: Collection[str] = ()) -> set[str]:
    """The topic-bearing terms among a phrase's terms.

    ``df_share(term)``: the share of the bank's phrases that use the term; ``always``:
    words that name a policy area, topic-bearing however common (人才 in a bank of 人才 speeches).

    >>> share = {"人才": 0.03, "发展": 0.16, "提质": 0.01, "招商引资": 0.008}.get
    >>> sorted(topical_terms(["抓人才", "人才", "发展", "更实", "提质", "增效"], lambda t: share(t, 0.0)))
    ['人才', '抓人才']
    """
    skip = set(extra_generic)
    return {
        t for t in terms
        if len(t) >= 2 and not t.startswith("{{") and any("\u4e00" <= c <= "\u9fff" for c in t)
        and t not in OFFICIAL and t not in GENERIC and t not in STOP_WORDS and t not in skip
        and (df_share(t) <= COMMON_SHARE or t in always)
    }


def covered(term: str, place: str, place_terms: Collection[str]) -> bool:
    """Whether the place speaks of ``term``: it holds the term, or a topic-bearing word of the
    place is part of it (招商 in 产业链招商) or begins with it (人才 in 人才工作: the topic and
    a generic head). 经济 is not covered by 集体经济, nor 产业 by 特色产业: there the place
    speaks of a kind of it, which a sentence on the thing in general is not about.

    >>> covered("招商", "推动招商引资", {"招商引资"}), covered("人才", "推动招商引资", {"招商引资"})
    (True, False)
    >>> covered("产业链招商", "招商", {"招商"}), covered("人才", "", {"人才工作"}), covered("经济", "", {"集体经济"})
    (True, True, False)

    A word of two characters found in the place's text but not among its words is
    part of another word there (经济 in 村集体经济, 安全 in 粮食安全): not covered.

    >>> covered("经济", "壮大村集体经济", {"集体经济"}), covered("招商引资", "推动招商引资提质增效", set())
    (False, True)

    A broad word (城市, 安全, 农村) names many subjects: 文明城市 does not speak of 城市更新, nor
    食品安全 of 安全生产.

    >>> covered("城市更新", "创建全国文明城市", {"文明", "城市"}), covered("安全生产", "守牢食品安全底线", {"安全"})
    (False, False)
    """
    if term in place_terms or (len(term) >= 3 and term in place):
        return True
    if isinstance(place_terms, frozenset):  # a place asked about again and again: remember
        key = (term, place_terms)
        found = _COVERED.get(key)
        if found is None:
            if len(_COVERED) > 100_000:
                _COVERED.clear()
            found = _COVERED[key] = _contains(term, place_terms)
        return found
    return _contains(term, place_terms)


_COVERED: dict[tuple[str, frozenset], bool] = {}


def _contains(term: str, place_terms: Collection[str]) -> bool:
    return any(len(u) >= 2 and ((u in term and u not in BROAD) or u.startswith(term)) for u in place_terms)


def uncovered(terms: set[str], place: str, place_terms: set[str]) -> set[str]:
    """The topic-bearing terms of a phrase its place does not speak of."""
    return {t for t in terms if not covered(t, place, place_terms)}


def on_topic(terms: set[str], place: str, place_terms: set[str], weight: Callable[[str], float],
             strict: bool = False) -> bool:
    """Whether a phrase with topic-bearing ``terms`` is about its place.

    Strict (openings, pledges, closings, transitions: they name the speech's
    subject): every topic-bearing term covered. Otherwise (leads,
    elaborations, sets): at least one covered, and the uncovered ones weigh
    (idf) no more than what is covered — an incidental specific word in a
    sentence about the place's subject is allowed, a sentence about another
    subject is not. A phrase with no topic-bearing term names no other
    subject: it passes here (the caller asks that it share the place's words).
    """
    if not terms:
        return True
    out = uncovered(terms, place, place_terms)
    if strict:
        return not out
    inside = terms - out
    if not inside:
        return False
    return sum(weight(t) for t in out) <= sum(weight(t) for t in inside)


def about(terms: set[str], names: Callable[[str], bool], place: str, place_terms: set[str],
          weight: Callable[[str], float], strict: bool = False, shared_enough: bool = False,
          broad: bool = False, anchor: Collection[str] = ()) -> bool:
    """Whether a phrase is about its place.

    ``terms`` are its topic-bearing terms; ``names(t)`` tells those that name a
    subject speeches are given (the bank's titles use them, or they name a
    policy area: 人才, 招商引资, 交通运输) from the other specific words (堡垒,
    便捷, 包容审慎: they describe more than they name, and a long sentence has
    many the place never says).

    - The subject words decide against: a phrase naming subjects the place
      does not name is off topic (抓人才… under …招商引资提质增效); naming some
      of the place's and some others, the others weigh (idf) no more than the
      place's. Strict places (openings, pledges, closings) allow no other subject.
    - Then something must tie it to the place: its covered topic-bearing terms
      weigh at least half what its uncovered ones do (a sentence on 火灾原因 and
      过火面积 is not about 播种面积 for the one word), or (``shared_enough``,
      counted by the caller) it shares two content words with the place.
    - ``broad`` places (a part about the whole speech: its plans, its problems)
      are about the speech's subject: a phrase naming that subject and no other
      is about them, however many specific words it has besides. ``anchor``: the
      words of the speech's own subject (its title and topic, not a heading's
      passing 农村公路); one of them must be among the subjects it names.

    >>> idf = lambda t: 1.0
    >>> names = {"人才", "招商引资"}.__contains__
    >>> about({"人才"}, names, "推动招商引资提质增效", {"招商引资"}, idf)
    False
    >>> about({"招商引资", "便捷"}, names, "推动招商引资提质增效", {"招商引资"}, idf)
    True
    >>> about({"用工", "劳务"}, names, "提升政务服务效能", {"政务"}, idf)
    False
    >>> about({"要害"}, names, "压实安全生产责任", set(), idf, shared_enough=True)
    True
    >>> about({"堡垒", "落地生根"}, names, "建强基层党组织战斗堡垒", {"党组织", "堡垒"}, idf)
    True
    >>> about({"火灾", "起火", "面积", "教训"}, names, "稳定粮食播种面积", {"面积"}, idf)
    False
    >>> about({"招商引资", "监督员", "体验官", "明察暗访"}, names, "招商引资工作汇报", {"招商引资"}, idf)
    False
    >>> about({"招商引资", "监督员", "体验官", "明察暗访"}, names, "招商引资工作汇报", {"招商引资"}, idf, broad=True)
    True
    >>> names = {"农村", "交通运输"}.__contains__
    >>> about({"农村", "集体资产", "保值增值", "收益"}, names, "交通运输汇报 加快农村公路提档升级", {"农村", "交通运输"}, idf,
    ...       broad=True, anchor=frozenset({"交通运输", "公路"}))
    False
    """
    subject = {t for t in terms if names(t)}
    other = uncovered(subject, place, place_terms)
    if strict:
        return not other
    if subject:
        own = subject - other
        if not own or sum(weight(t) for t in other) > sum(weight(t) for t in own):
            return False
        if broad and not other and (not anchor or any(covered(t, "", anchor) for t in own)):
            return True
    if shared_enough:
        return True
    out = uncovered(terms, place, place_terms)
    inside = terms - out
    return bool(inside) and 2 * sum(weight(t) for t in inside) >= sum(weight(t) for t in out)

"""Finding bank phrases relevant to a place in a draft.

``Source`` is what the composer asks of a bank: the phrases of a kind ranked
by relevance to a query (BM25 over the bank's own terms and document
frequencies), every phrase of a formulaic kind (salutations, closings), and
the terms of a text. It reads the bank's index, so render neither loads every
JSON Lines file nor imports jieba.

Relevance is judged on *content* terms: the words that say what a passage is
about. Words every official speech uses (工作, 推进, 加强, 坚持…) match
everything and so prove nothing; they never make a phrase relevant.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from drafter.text.lazyre import lazy

if TYPE_CHECKING:
    from drafter.bank.store import Phrase

# Words that occur in nearly every speech: they carry no topic.
GENERIC = frozenset(
    """
    工作 推进 推动 加强 坚持 发展 建设 全面 深入 进一步 切实 重要 我们 各级 部门 单位 领导 同志 同志们
    会议 问题 方面 重点 持续 不断 提升 提高 实现 落实 要求 做好 抓好 加快 着力 扎实 开展 完善 健全
    强化 积极 努力 确保 以下 如下 当前 今年 明年 下一步 下步 全市 我市 全县 我县 全区 我区 全镇 我镇
    全省 我省 集团 公司 高质量 实施 有关 情况 主要 一是 二是 三是 四是 五是 第一 第二 第三 各位 大家
    谢谢 发言 汇报 讲话 研讨 交流 表态 讨论 几点 意见 体会 认识 一些 一个 这个 这次 今天 目前 已经
    进行 通过 形成 成为 作为 以及 同时 还是 就是 必须 需要 能够 认真 贯彻 精神 部署 决策 任务 目标
    措施 举措 力度 水平 能力 机制 作用 成效 成绩 更加 更好 新的 更大 加大 注重 突出 聚焦 围绕 紧盯
    牢牢 始终 全力 全体 上下 各项 一批 重大 关键 根本 基础 工程 系统 全局 大局 总体 整体 不足 差距
    存在 面临 取得 看到 清醒 保持 推进会 现将 下面 最后 首先 其次 再次 此次 本次 刚才 当前 抓住
    """.split()
)


def content_terms(terms: Iterable[str]) -> set[str]:
    """Terms that say what a text is about: two or more characters, not generic, not slots or numbers."""
    return {
        t for t in terms
        if len(t) >= 2 and t not in GENERIC and not t.startswith("{{") and t.strip("0123456789.%％")
    }


class Source(Protocol):
    """What the composer needs from a bank."""

    def retrieve(self, kind: str, query: str, limit: int) -> list[tuple[float, Phrase]]: ...
    def of_kind(self, kind: str) -> list[Phrase]: ...
    def formulas(self, kind: str, genre: str, query: str) -> list[Phrase]: ...
    def tokens(self, text: str) -> list[str]: ...
    def terms_of(self, phrase: Phrase) -> list[str]: ...
    def idf(self, term: str) -> float: ...
    def share(self, term: str) -> float: ...


class MemorySource:
    """A ``Source`` over phrases in memory (tests, and banks without an index).

    Terms come from the phrases' own mined keywords: a text is cut into the
    longest keywords it holds (no dictionary needed); ranking is BM25 with
    document frequencies over the phrases given.
    """

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        self.phrases = list(phrases)
        vocab: set[str] = set()
        for p in self.phrases:
            vocab.update(k for k in (getattr(p, "terms", None) or p.keywords or []) if len(k) >= 2)
        for words in DOMAINS.values():
            vocab.update(words)
        self.vocab = vocab
        self.longest = max((len(w) for w in vocab), default=2)
        self._terms: dict[str, list[str]] = {p.id: self.tokens(p.text) for p in self.phrases}
        self._df: dict[str, int] = {}
        for ts in self._terms.values():
            for t in set(ts):
                self._df[t] = self._df.get(t, 0) + 1
        self._n = max(1, len(self.phrases))
        self._avg = sum(len(v) for v in self._terms.values()) / self._n or 1.0
        self._by_kind: dict[str, list[Phrase]] = {}
        for p in self.phrases:
            self._by_kind.setdefault(p.kind, []).append(p)

    def tokens(self, text: str) -> list[str]:
        """The vocabulary's words in a text, longest first at each position."""
        from drafter.bank.index import longest_match

        return longest_match(text, self.vocab, self.longest)

    def terms_of(self, phrase: Phrase) -> list[str]:
        return self._terms.get(phrase.id) or self.tokens(phrase.text)

    def idf(self, term: str) -> float:
        df = self._df.get(term, 0)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def share(self, term: str) -> float:
        """The share of the phrases using a term (its document frequency over the bank's size)."""
        return self._df.get(term, 0) / self._n

    def of_kind(self, kind: str) -> list[Phrase]:
        return list(self._by_kind.get(kind, []))

    def formulas(self, kind: str, genre: str, query: str) -> list[Phrase]:
        return self.of_kind(kind)

    def retrieve(self, kind: str, query: str, limit: int) -> list[tuple[float, Phrase]]:
        q = set(self.tokens(query))
        out = []
        for p in self._by_kind.get(kind, []):
            ts = self._terms[p.id]
            tf: dict[str, int] = {}
            for t in ts:
                if t in q:
                    tf[t] = tf.get(t, 0) + 1
            if not tf:
                continue
            score = 0.0
            for t, f in tf.items():
                df = self._df.get(t, 0)
                idf = math.log(1 + (self._n - df + 0.5) / (df + 0.5))
                score += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len(ts) / self._avg))
            out.append((score, p))
        out.sort(key=lambda sp: (-sp[0], sp[1].id))
        return out[:limit] if limit else out


MAX_FORMULAS = 120  # salutations, closings… of one genre looked at for a place


class IndexSource:
    """A ``Source`` reading a bank's index (``drafter.bank.index.BankIndex``): BM25 in sqlite
    over the terms mined with jieba, queries cut by the index's own vocabulary."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self._kinds: dict[str, list[Phrase]] = {}
        self._tokens: dict[str, list[str]] = {}
        self._dfs: dict[str, int] = {}
        self._retrieved: dict[tuple[str, str, int], list[tuple[float, Phrase]]] = {}
        self._formulas: dict[tuple[str, str, str], list[Phrase]] = {}

    def retrieve(self, kind: str, query: str, limit: int) -> list[tuple[float, Phrase]]:
        key = (kind, query, limit)
        if key not in self._retrieved:  # a section asks again for its next elaboration
            self._retrieved[key] = self.index.retrieve(kind, query, limit=limit or 200)
        return list(self._retrieved[key])

    def of_kind(self, kind: str) -> list[Phrase]:
        if kind not in self._kinds:
            self._kinds[kind] = self.index.select(kind=kind, limit=MAX_FORMULAS * 4)
        return list(self._kinds[kind])

    def formulas(self, kind: str, genre: str, query: str) -> list[Phrase]:
        """A kind's phrases used in this genre or in no known genre, and those relevant to the
        query: bounded, so a bank of a million phrases costs what a small one does."""
        key = (kind, genre, query)
        if key in self._formulas:
            return list(self._formulas[key])
        found: dict[str, Phrase] = {}
        for g in (genre, "other"):
            for p in self.index.select(kind=kind, genre=g, limit=MAX_FORMULAS):
                found.setdefault(p.id, p)
        if query:
            for _, p in self.retrieve(kind, query, MAX_FORMULAS // 4):
                found.setdefault(p.id, p)
        self._formulas[key] = list(found.values())
        return list(found.values())

    def tokens(self, text: str) -> list[str]:
        if text not in self._tokens:
            self._tokens[text] = self.index.tokens(text)
        return self._tokens[text]

    def terms_of(self, phrase: Phrase) -> list[str]:
        return list(getattr(phrase, "terms", None) or []) or self.tokens(phrase.text)

    def _df(self, term: str) -> int:
        if term not in self._dfs:
            self._dfs[term] = int(self.index.df(term))
        return self._dfs[term]

    def idf(self, term: str) -> float:
        df, n = self._df(term), max(1, len(self.index))
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def share(self, term: str) -> float:
        """The share of the bank's phrases using a term (its document frequency over the bank's size)."""
        return self._df(term) / max(1, len(self.index))


def open_source(bank: Any) -> Source:
    """The retrieval source for a bank: a folder (its index), a loaded ``Bank``, or a ``Source``.

    A folder without a current index is refused with the fix (run drafter mine).
    """
    if hasattr(bank, "retrieve") and hasattr(bank, "of_kind"):
        return bank
    if hasattr(bank, "phrases") and not isinstance(bank, (str, Path)):
        return MemorySource(bank.phrases)
    from drafter.bank.index import BankIndex
    from drafter.bank.store import resolve_bank_dir

    return IndexSource(BankIndex.open(resolve_bank_dir(Path(bank) if bank else None)))


# Policy areas and the words that name them. A phrase naming an area the
# outline does not (an anti-corruption lead in a work-safety speech) is off topic,
# however many generic words it shares.
DOMAINS: dict[str, tuple[str, ...]] = {
    "安全生产": ("安全生产", "安全隐患", "隐患", "事故", "消防", "危险化学品", "危化品", "安委", "燃气", "安全监管", "安全发展", "火灾"),
    "防汛抗旱": ("防汛", "抗旱", "汛期", "汛前", "自然灾害", "山洪", "地质灾害", "防灾减灾", "干旱", "旱情", "洪涝", "受灾", "灾后"),
    "党风廉政": ("党风廉政", "廉政", "反腐败", "腐败", "纪律", "廉洁", "纪委", "监督执纪", "八项规定", "四风", "正风肃纪", "以案促改", "案件", "私利", "以权谋私", "违纪"),
    "基层党建": ("党建", "基层党组织", "党支部", "党员", "组织部", "组织生活", "两新", "党建引领"),
    "营商环境": ("营商环境", "政务服务", "审批", "市场主体", "涉企", "办事", "一网通办", "放管服", "惠企"),
    "乡村振兴": ("乡村振兴", "农业", "农村", "农民", "粮食", "耕地", "村集体", "脱贫", "三农", "宜居宜业", "和美乡村", "种业", "驻村", "帮扶", "村级"),
    "生态环境": ("生态环境", "生态文明", "污染", "环保", "治污", "碳达峰", "碳中和", "大气", "水环境", "土壤", "绿色低碳", "河长", "督察", "巡河", "河湖"),
    "产业工业": ("工业化", "制造业", "产业体系", "产业集群", "工业", "园区", "技术改造"),
    "科技数字": ("数字化", "数字经济", "科技创新", "信息化", "智能化", "算力", "科技", "网络安全", "数据安全"),
    "民生保障": ("就业", "社保", "住房", "救助", "托育"),
    "卫生健康": ("卫生健康", "医疗", "医院", "疾病", "公共卫生", "看病就医", "医防"),
    "信访稳定": ("信访", "矛盾纠纷", "维稳", "社会稳定", "群众来访"),
    "意识形态": ("意识形态", "宣传", "舆论", "文明创建", "精神文明", "文明城市", "文化"),
    "国企改革": ("国企改革", "国有企业", "国资", "混合所有制", "现代企业制度"),
    "经济运行": ("经济运行", "固定资产投资", "消费", "外贸"),
    "财税": ("财政", "税收", "财税", "预算", "债务", "财源", "库款", "三保"),
    "人才": ("人才", "人力资源", "引才", "育才", "用才", "人才强企", "人才强县", "人才强市"),
    "森林防火": ("森林防火", "森林防灭火", "林区", "火源", "野外用火", "山火", "扑火", "护林", "火情", "防火", "起火", "过火", "扑救"),
    "教育": ("教育", "学校", "教师", "学生", "办学", "立德树人", "思政课", "校园"),
    "交通运输": ("交通运输", "公路", "客运", "货运", "出行", "路网", "交通"),
    "养老": ("养老", "老年人", "适老化", "助餐"),
    "医保": ("医保", "医疗保障", "医保基金", "定点医疗"),
    "食品安全": ("食品安全", "食品", "餐饮", "食堂"),
    "文旅": ("文旅", "旅游", "景区", "游客", "民宿"),
    "退役军人": ("退役军人", "优抚", "双拥"),
    "审计": ("审计",),
    "城市管理": ("城管", "城市管理", "市容", "违建", "占道", "城市更新", "老旧小区", "物业"),
    "作风建设": ("作风建设", "四风", "纠风", "作风效能"),
    "平安建设": ("平安建设", "社会治安", "扫黑除恶", "电信网络诈骗", "诉源治理", "枫桥经验", "综治", "政治安全"),
    "招商": ("招商引资", "招商", "客商", "签约"),
    "统战民族": ("民族团结", "统战", "宗教"),
    "共青团": ("共青团", "团员", "青年"),
}


def domains_of(text: str) -> set[str]:
    """The policy areas a text names.

    >>> sorted(domains_of("压实安全生产责任，深化隐患排查"))
    ['安全生产']
    >>> domains_of("扎实推进各项工作")
    set()
    """
    return {_DOMAIN_OF[w] for w in area_words(text)}


_DOMAIN_OF = {w: d for d, words in DOMAINS.items() for w in words}
_DOMAIN_RX = lazy("|".join(sorted(map(re.escape, _DOMAIN_OF), key=len, reverse=True)))
_AREA_FOUND: dict[str, tuple[str, ...]] = {}


def area_words(text: str) -> tuple[str, ...]:
    """The policy areas' words in a text, in order (at each position the longest one there).

    Render asks about the same texts again and again (a phrase's areas, its topic
    words, both passes of the composer): answers are kept.

    >>> area_words("压实安全生产责任，深化隐患排查")
    ('安全生产', '隐患')
    """
    found = _AREA_FOUND.get(text)
    if found is None:
        if len(_AREA_FOUND) > 20_000:
            _AREA_FOUND.clear()
        found = _AREA_FOUND[text] = tuple(m.group() for m in _DOMAIN_RX.finditer(text))
    return found


def open_bank(bank_dir: Path | str | None = None) -> Source:
    """The retrieval source of the bank render uses (``--bank``, $DRAFTER_BANK, ./phrasebank, built-in)."""
    return open_source(bank_dir)

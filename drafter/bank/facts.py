"""What a phrase knows: its content words (``terms``) and the specific facts it carries.

A fact is something true of one speech and wrong in another: a year, a date, a
statistic, a numbered meeting (十二届三次全会), a place (杭州, 驻陕, 来川视察), a person,
an organisation, an event (疫情) or a plan period (“十四五”). Masks in the
corpus became slots and are not facts.

Facts are found by rules on the text plus one jieba tokenisation, whose words
are looked up in jieba's own part-of-speech table (ns/nr/nt) only where the
context tells (a person before 同志/书记…, an organisation that is not a
central organ, a place with an administrative suffix). The same tokenisation
gives the phrase's ``terms``.

>>> [f["type"] + ":" + f["text"] for f in find_facts("省委十二届三次全会提出，2025年增长7.9%。")]
['meeting:省委十二届三次全会', 'year:2025年', 'statistic:7.9%']
>>> find_facts("坚持稳中求进工作总基调，推动高质量发展。")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from drafter.bank import words as _words
from drafter.bank.places import ABBREVIATIONS, PLACE_NAMES
from drafter.bank.terms import content_terms
from drafter.kinds import SET_SEPARATOR
from drafter.text.slots import SLOT

_CN = "一二三四五六七八九十"
_CN0 = "〇零○一二三四五六七八九十"
_YEAR_CN = "〇零○一二三四五六七八九"

# Organisations every speech may name: central organs and bare levels are not facts.
_GENERIC_ORGS = frozenset(
    "党中央 中共中央 国务院 中央 全国人大 全国政协 中央军委 中央政治局 中央委员会 人大 政协 "
    "省委 市委 县委 区委 党委 政府 省政府 市政府 县政府 区政府 纪委 监委 人民政府 "
    "全国人大常委会 人大常委会 中纪委 国家监委 党组 支部 党支部".split()
)
_GENERIC_ORG_HEADS = ("省委", "市委", "县委", "区委", "省政", "市政", "县政", "中央", "中共", "全国", "国务", "国家", "党中")
_ORG_SUFFIXES = (
    "委", "委员会", "局", "厅", "部", "院", "大学", "学院", "学校", "中学", "小学", "医院", "公司", "集团",
    "银行", "社", "所", "中心", "协会", "联合会", "厂", "会", "署", "处", "站", "台", "馆", "团",
)
_PLACE_SUFFIXES = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "村", "街道")
_GENERIC_PLACE_HEADS = frozenset("全 我 本 该 各 外 兄 新 老 城 郊 山 农 社 景 辖 试 示 园 开 省 市 县 区 镇 乡 村 街 地 县 农 欠 贫 重 灾 边 老 民".split())
_TITLES = frozenset(
    "同志 书记 副书记 总书记 省长 副省长 市长 副市长 县长 副县长 区长 副区长 镇长 副镇长 乡长 村长 院长 校长 厂长 主任 副主任 部长 副部长 局长 厅长 "
    "处长 科长 主席 委员 总经理 董事长 院士 教授 先生 女士 代表 委员长 总理".split()
)
_PARKS = frozenset("工业园区 工业园 开发区 经济开发区 高新区 产业园 产业园区 物流园 科技园".split())
_BEFORE_NAME = frozenset("记者 通讯员 作者 主持人 报告人 摄影".split())
# A national leader's name in a standing formula (…新时代…思想, …总书记重要讲话) is not one speech's fact.
_FORMULA_AFTER = re.compile(r"^(?:新时代|总书记|同志为核心|生态文明思想|法治思想|经济思想|强军思想|外交思想|文化思想|思想|理论|重要)")
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施牛乔伍庞颜鲁欧关左甘包宁单季谷盛曲申齐易安文华贝葛邢樊倪庄聂章岳翟殷詹耿焦俞柳祝符舒阮柯纪梅童"
    "凌毕裴霍涂苗翁冉骆蓝辛靳柴鲍喻祁蒲房滕屈饶牟艾尤缪简麦褚娄窦戚岑晏卜瞿桂佟臧闵苟邬卞姬仇栾隋刁巫寇桑郎"
    "甄丛仲虞敖巩佘池苑迟邝鞠荆冀郁胥储栗鄢谌奚粟冼蔺楼阚屠朴"
)

# --- rules on the text ----------------------------------------------------------------

_BASE_UNITS = (
    "个百分点 百分点 千瓦时 千瓦 平方公里 平方米 立方米 公里 千米 公顷 美元 元 亩 吨 人次 户 家 所 座 辆 台 倍 米 名 人 "
    "个 次 例 篇 项 批 场 件 条 期 天 套 艘 架 趟 列 标箱 辆次 床 张 册 份 棵 株 头 只 间 栋 处 孔 眼 口 支"
).split()
_UNITS = (
    "(?:(?:万亿|亿|万|千)?(?:" + "|".join(sorted(map(re.escape, _BASE_UNITS), key=len, reverse=True)) + ")|万亿|亿|万)"
)
_ABOUT = "(?:以上|以下|左右|之多|有余)?"
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("meeting", re.compile(
        rf"(?:(?:中央|省|市|县|区|州)?纪委|(?:省|市|县|区|州)委)?[{_CN}\d]+届(?:中央纪委|中央|(?:省|市|县|区)?纪委)?"
        rf"[{_CN}\d]+(?:次|中)(?:全会|全体(?:扩大)?会议|会议)|[{_CN}]+中全会|"
        rf"(?:(?:省|市|县|区|州|镇|乡)(?=第))?第[{_CN}百\d]+次(?:党代会|党员代表大会|代表大会|全体(?:扩大)?会议|全会|常委会(?:议)?)|"
        rf"第[{_CN}百\d]+届(?:委员会|人民代表大会|代表大会|全国人民代表大会)(?:第[{_CN}\d]+次(?:全体)?会议)?|"
        rf"(?:党的)?(?:十[{_CN[:9]}]|二十[一二]?)大(?=精神|以来|报告|召开|胜利|代表|部署|作出|提出|擘画|明确|强调|和|、|，|。|”|$)|"
        rf"党的[{_CN}]+大"
    )),
    ("period", re.compile(rf"十[{_CN[:9]}]五(?:规划|时期|期间|开局|收官|末|初|以来)?")),
    ("date", re.compile(
        rf"(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日(?:\d{{1,2}}(?:时|点))?|(?:[{_YEAR_CN}]{{4}}年)?[{_CN}]{{1,3}}月[{_CN}]{{1,3}}日|"
        rf"(?<!\d)\d{{1,2}}(?:至|到|—|-|～|~)\d{{1,2}}月|[{_CN}]{{1,2}}(?:至|到)[{_CN}]{{1,3}}月"
    )),
    ("year", re.compile(rf"(?<![\d.])(?:1[89]\d\d|20\d\d)年(?!代)|[{_YEAR_CN}]{{4}}年(?!代)")),
    ("statistic", re.compile(
        rf"(?<![×xX*\d.])\d+(?:\.\d+)?\s*[%％‰]{_ABOUT}|百分之[{_CN0}两点]+{_ABOUT}|"
        rf"第\d+个[\u4e00-\u9fff]{{1,4}}节|第\d+(?:个|届|次|批|期)|"
        rf"(?<![×xX*\d.A-Za-z])\d+(?:\.\d+)?(?:余|多)?{_UNITS}{_ABOUT}|"
        rf"(?<![×xX*\d.A-Za-z])\d+\.\d+(?![年月日\d])|"
        rf"(?<![{_CN0}])[一二三四五六七八九十两][{_CN0}两百千]*(?:点[{_CN0}]+)?(?:万亿|亿|万)[{_CN0}两百千]*(?:元|人|吨|亩|千瓦|户|家|人次|个)?{_ABOUT}|"
        # a count in Chinese numerals big enough to be a figure (二百一十七个), not 三个方面
        rf"(?<![{_CN0}第])[一二三四五六七八九两]+[百千][{_CN0}两百千]*(?:余|多)?(?:个|名|人|户|家|所|项|次|亩|吨|座|条|件|处|村|口|眼|万){_ABOUT}|"
        rf"[一二三四五六七八九十两]+(?:至|到)[一二三四五六七八九十]+成|(?<![{_CN0}])[一二三四五六七八九]成(?:以上|左右|多)|"
        rf"(?:增长|下降|提高|达到|达)[{_CN0}]+点[{_CN0}]+"
    )),
    ("event", re.compile(
        r"(?:新冠(?:肺炎)?)?疫情(?:防控(?:转段)?)?|抗疫|复工复产|非典|[\u4e00-\u9fff]{2}地震|地震|(?<!山)洪灾(?!害)|洪涝灾害|特大暴雨|(?:今年|当前|近期|去年)汛情|台风|"
        r"(?:冬|残|亚|青)?奥会|奥运会|世博会|进博会|服贸会|广交会|亚运会|大运会|全运会|"
        r"(?:(?:中华人民共和国|新中国|全国人民代表大会|人民代表大会|中国共产党|人民政协|中国人民政治协商会议|"
        r"中国人民解放军|人民解放军|共青团|改革开放)(?:成立)?)?(?:\d+|[一二三四五六七八九十百]+)周年|建党百年|"
        r"“(?:五一|十一|国庆|春节|元旦|中秋|端午|清明)”|(?:春节|国庆|中秋|端午|元旦|五一|清明)(?:期间|前后|假期|黄金周|长假)|"
        r"(?:总书记|总理|委员长|领导同志)[^，。；]{0,8}(?:考察|视察|来到)|(?:考察|视察|调研)(?:我|本)(?:省|市|县|区|州|镇|乡|村|公司|集团)"
    )),
)
# A campaign named in quotes: “安全生产月”, “作风建设年”, “质量月” (one year's, one place's).
_CAMPAIGN = re.compile(
    r"“([\u4e00-\u9fff]{2,8}(?:月|周|年|季|(?:文化|消费|旅游|艺术|美食|购物|电影|音乐|读书|科技|体育|丰收|采摘|民俗)节))”"
)
# A numbered unit of one organisation: 二分厂, 三车间, 县第一中学, 市第二人民医院.
_NUMBERED_ORG = re.compile(
    r"(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}(?:分厂|分公司|车间|工区|矿井|中队|大队)"
    r"|(?:省|市|县|区)?第[一二三四五六七八九十]{1,3}(?:中学|小学|高级中学|实验小学|人民医院|医院)"
)
_PLACE_RX = re.compile("|".join(sorted(map(re.escape, PLACE_NAMES), key=len, reverse=True)))
# Names that are also ordinary words: a place only with an administrative suffix.
_AMBIGUOUS_PLACES = frozenset("大庆 新乡 安顺 长治 吉安 安康".split())
_SPIRIT = re.compile(r"^(?:精神|时期|道路)")
_ABBR_RX = re.compile(
    rf"(?:来|驻|援|赴|入|进|在|离|回|出|抵)([{ABBREVIATIONS}])"
    r"(?=视察|考察|调研|工作|期间|部队|单位|企业|高校|干部|人员|央企|机构|指导|检查|慰问|投资|兴业|"
    r"创业|办学|院校|学习|访问|参加|出席|举办|召开|以来|时|的|后|[，。、；！？]|$)"
)
_ALWAYS_ABBR = re.compile(r"援(?:疆|藏|青|黔)|川渝|陕甘宁|京津冀|沪苏浙皖|长三角|珠三角")
_PHOTO = re.compile(r"(?:记者|通讯员)\s*([\u4e00-\u9fff]{2,3})(?:\s*摄|\s*报道|(?=[，。\s]))")


def _rule_facts(text: str) -> list[tuple[int, str, str]]:
    found: list[tuple[int, str, str]] = []
    for kind, rx in _RULES:
        for m in rx.finditer(text):
            found.append((m.start(), kind, m.group().strip().strip("“”")))
    for m in _PLACE_RX.finditer(text):
        name = m.group()
        after = text[m.end() : m.end() + 2]
        if name in _AMBIGUOUS_PLACES and not after.startswith(("市", "县")):
            continue
        if _SPIRIT.match(after):  # 延安精神, 井冈山精神: a national spirit, not a place
            continue
        found.append((m.start(), "place", name))
    for m in _ABBR_RX.finditer(text):
        found.append((m.start(), "place", m.group()))
    for m in _ALWAYS_ABBR.finditer(text):
        found.append((m.start(), "place", m.group()))
    for m in _NUMBERED_ORG.finditer(text):
        found.append((m.start(), "org", m.group()))
    for m in _CAMPAIGN.finditer(text):
        if not re.search(rf"十[{_CN[:9]}]五", m.group(1)):
            found.append((m.start(1), "event", m.group(1)))
    for m in _PHOTO.finditer(text):
        found.append((m.start(1), "person", m.group(1)))
    return found


# --- jieba -----------------------------------------------------------------------------

# Names (nr*, ns, nt) and the parts of speech no name has (a verb 办好, an adjective, a time
# word 今年, an abbreviation 国企): a word so tagged before 县委 names no place.
_NOT_NAME_TAGS = frozenset("v vn vd a ad an d t j r p c u m q f".split())


def prepare() -> None:
    """Load jieba and the tag table (call in the parent before forking workers).

    Fact finding depends on jieba's default dictionary and nothing else in the process:
    its word frequencies tell a known word from an unknown name, its tags say nr/ns/nt.
    """
    _words.load()
    _words.tags()


def _is_han_word(w: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in w)


def _token_facts(words: Sequence[str], text: str) -> list[tuple[int, str, str]]:
    tags = _words.tags()
    freq = _words.freq()  # loads jieba: an empty table would make every surname-led word a name
    found: list[tuple[int, str, str]] = []
    pos = 0
    offsets = []
    for w in words:
        at = text.find(w, pos)
        offsets.append(at if at >= 0 else pos)
        if at >= 0:
            pos = at + len(w)
    for i, w in enumerate(words):
        if len(w) < 2 or not _is_han_word(w):
            continue
        tag = tags.get(w)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        prev = words[i - 1] if i > 0 else ""
        if nxt in _PARKS and tag in (None, "ns") and freq.get(w, 0) < 1000 and w not in _NOT_NAMES and w[0] not in _GENERIC_PLACE_HEADS:
            found.append((offsets[i], "place", w + nxt))  # 东岭工业园区: a park of one place
        elif tag == "nt":
            # 民政局, 镇党委, 团市委: a bare organ of any place; 浙江大学 names one
            if len(w) >= 4 and not text.startswith("门", offsets[i] + len(w)) and w not in _GENERIC_ORGS and not w.startswith(_GENERIC_ORG_HEADS) and w.endswith(_ORG_SUFFIXES):
                found.append((offsets[i], "org", w))
        elif tag == "ns":
            if (
                len(w) >= 3 and w.endswith(_PLACE_SUFFIXES) and w[0] not in _GENERIC_PLACE_HEADS
                and not w.endswith(("小区", "园区", "社区", "景区", "城区", "片区", "辖区", "新区", "地区", "山区", "农村", "城市"))
            ):
                found.append((offsets[i], "place", w))
        elif (tag in ("nr", "nrfg", "nrt") or (not freq.get(w) and w[0] in _SURNAMES)) and len(w) <= 4:
            rest = text[offsets[i] + len(w):]
            if _FORMULA_AFTER.match(rest):
                continue
            titled = nxt in _TITLES or (nxt.startswith("副") and nxt[1:] in _TITLES)
            after_title = prev in _TITLES  # 市长张三、…
            if titled or after_title or prev in _BEFORE_NAME:
                found.append((offsets[i], "person", w))
    return found


def _clean(text: str) -> str:
    """Slots and set separators out of the way (a slot is never a fact or a term)."""
    return SLOT.sub("，", text.replace(SET_SEPARATOR, "，"))


def _dedupe(found: list[tuple[int, str, str]]) -> list[dict]:
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for _, _, kind, text in sorted((at, -len(text), kind, text) for at, kind, text in found):
        if (kind, text) in seen:
            continue
        # a place inside a longer place or organisation already found says nothing new
        if kind == "place" and any(text in o["text"] and text != o["text"] for o in out if o["type"] in ("place", "org")):
            continue
        seen.add((kind, text))
        out.append({"type": kind, "text": text})
    return out


def find_facts(text: str, words: Sequence[str] | None = None) -> list[dict]:
    """The facts a phrase carries, in order: ``[{"type": T, "text": "..."}]``.

    Without ``words`` only the rules run (no jieba).
    """
    clean = _clean(text)
    found = _rule_facts(clean)
    if words is not None:
        found.extend(_token_facts(words, clean))
    return _dedupe(found)


def tokenise(text: str) -> list[str]:
    """jieba's words of a text (slots removed)."""
    return [w for w in _words.cut(_clean(text)) if w.strip()]


@lru_cache(maxsize=200_000)
def annotate(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """One jieba pass: (terms, facts as (type, text) pairs) of a phrase text."""
    words = tokenise(text)
    facts = find_facts(text, words)
    return tuple(content_terms(words)), tuple((f["type"], f["text"]) for f in facts)


# --- names a speech defines for itself ------------------------------------------------
# A county or district name (滨城, 清河) is in no list; but a speech that says 中共滨城市委
# or 清河区委、区政府 has told us it is a place, and 县长李红同志 that 李红 is a person. Every
# phrase of that speech carrying the name carries the fact.
_NOT_NAMES = frozenset(
    "设区 县级 地级 自治 开发 示范 高新 经济 新区 城区 社区 园区 景区 辖区 试验 特区 中心 全市 全县 全区 全省 "
    "各市 各县 各区 我市 我县 我区 我省 本市 本县 本区 本省 该市 该县 省市 市县 县区 区县 县乡 乡镇 城乡 "
    "美丽 健康 平安 法治 数字 文明 生态 智慧 幸福 人民 国家 地方 全国 中央 兄弟 周边 沿海 内陆 东部 西部 "
    "中部 南部 北部 革命 老区 山区 库区 牧区 农村 城市 城镇 村庄 新时代 现代化 工作 领导 同志 人大 政协 "
    "基层 集体 中国 全党 全民 青年 青春 时代 奋斗 担当 改革 创新 发展 乡村 家园 大美 美好 新兴 特色".split()
)
# A clause's first word is no place name (并请市政协…, 向县委…).
_FUNCTION_HEADS = frozenset("并请和与及向在对把被为由从将使让经按据到自是表谨代即")
_ADMIN = "省市县区州镇乡村"
# X省/X市… followed by an institution or a dated meeting: X is a place (清河区委, 红星镇2025年,
# 安平市第八届, 桥头村“两委”, 东川省省长). Also 中共X市委 and 政协X市.
_INSTITUTION = (
    rf"(?:委|人民政府|政府|人大|政协|党委|纪委|第[{_CN}]+|人民代表大会|"
    rf"[省市县区镇乡]长|\d{{4}}年|[一二〇○零]{{4}}年|“?两委|村委|居委|常委会)"
)
_LOCAL_PLACE = re.compile(
    rf"(?:中共|中国共产党|政协)([\u4e00-\u9fff]{{2,4}}?)[{_ADMIN}](?=委|第|人民|党|政)"
    rf"|(?=[\u4e00-\u9fff]{{2,3}}[{_ADMIN}]{_INSTITUTION})"
)
# What any match of _LOCAL_PLACE holds: a text without it is not scanned position by position.
_LOCAL_PLACE_HINT = re.compile(rf"中共|中国共产党|政协|[{_ADMIN}]{_INSTITUTION}")
# A name used as the speech's brand (美丽南川, 建设…新安平, 安平篇章, 青州答卷, 贡献南川力量): a
# place when the speech uses it in two different such frames, or in one and jieba knows it
# as a place name (ns). 贡献住建力量 alone names a sector, not a place.
_BRANDS = (
    re.compile(r"(?:美丽|健康|平安|法治|数字|幸福|活力|智慧|文明|和谐|富裕)([\u4e00-\u9fff]{2})(?=建设|而|作出|的|，|。|！|、)"),
    re.compile(r"(?:建设|打造|建成)[^，。！]{0,14}?新([\u4e00-\u9fff]{2})(?=而|作出|，|。|！)"),
    re.compile(r"(?:现代化|发展的|新时代的?)([\u4e00-\u9fff]{2})(?=篇章|答卷)"),
    re.compile(r"(?:贡献|展现|彰显)([\u4e00-\u9fff]{2})(?=力量|智慧|担当)"),
    re.compile(r"(?:万|全体|广大)([\u4e00-\u9fff]{2})(?=人民|儿女)"),
)
_NOT_IN_NAMES = frozenset("的了在和与及是们到每一有不就都也这那其之以于对把被个暨")
# A person's name ends in no organ (主任会议、常委会同志…).
_ORGAN_ENDS = tuple("会委部局办组团队室处厅院")
_ROLES = "书记|副书记|省长|副省长|市长|副市长|县长|副县长|区长|副区长|镇长|乡长|村长|局长|主任|部长|主席|董事长|总经理|院长|社长|校长|厂长"
_LOCAL_PERSON = re.compile(
    rf"(?:{_ROLES})([\u4e00-\u9fff]{{2,3}}?)同志|([\u4e00-\u9fff]{{2,3}}?)(?:{_ROLES})(?=[，。、；：！\s]|同志|作|讲|安排|主持|致辞)"
)
# Every match of _LOCAL_PERSON holds a role word: a text without one is not scanned.
_LOCAL_PERSON_HINT = re.compile(_ROLES)
_LOCAL_ORG = re.compile(
    r"(?:中共|中国共产党)([\u4e00-\u9fff]{2,12}?(?:集团有限公司|股份有限公司|有限责任公司|有限公司|集团|公司|大学|学院|医院|银行))"
    r"(?=委员会|党委|第|纪委)"
)


def _name_ok(name: str) -> bool:
    return (
        bool(name) and name not in _NOT_NAMES and name[0] not in _GENERIC_PLACE_HEADS
        and name[0] not in _FUNCTION_HEADS and not any(c in _NOT_IN_NAMES for c in name)
    )


def _common_word(name: str) -> bool:
    """Is the name an ordinary word of jieba's dictionary (落实, 办好, 时代), no invented place?"""
    tag = _words.tags().get(name)
    return tag in _NOT_NAME_TAGS or (_words.freq().get(name, 0) >= 1000 and tag != "ns")


def _starts_word(text: str, at: int) -> bool:
    """Does a word start at ``at`` in jieba's cut of the clause (感受到市委: 受到 does not)?"""
    lo = max(0, at - 8)
    pos = lo
    for w in _words.cut_no_hmm(text[lo : at + 8]):
        if pos == at:
            return True
        if pos > at:
            return False
        pos += len(w)
    return pos == at


def _tag(name: str) -> str | None:
    return _words.tags().get(name)


def local_names(texts: Iterable[str]) -> dict[str, str]:
    """Place, organisation and person names a speech defines for itself:
    ``{name: "place"|"org"|"person"}``.

    A place seen only before 市委/县政府… must recur elsewhere in the speech (a
    clause like 并请市政协委员 names no place); one seen in 中共X市委 needs no more.

    >>> sorted(local_names(["中共滨城市委书记孙立平同志", "清河区委、区政府高度重视清河发展", "请县长李红同志讲话"]).items())
    [('孙立平', 'person'), ('李红', 'person'), ('清河', 'place'), ('滨城', 'place')]
    >>> local_names(["全市上下", "设区市空气质量", "我县经济开发区管委会", "县委书记讲话", "并请市政协委员提出意见"])
    {}
    """
    texts = list(texts)
    whole = "\n".join(texts)
    names: dict[str, str] = {}
    for text in texts:
        for m in _LOCAL_ORG.finditer(text):
            org = m.group(1)
            names.setdefault(org, "org")
            short = re.sub(r"(?:股份|有限责任|有限)公司$", "", org)
            if short != org and len(short) >= 4:
                names.setdefault(short, "org")
        if not _LOCAL_PLACE_HINT.search(text):
            continue
        for m in _LOCAL_PLACE.finditer(text):
            if m.group(1):
                if _name_ok(m.group(1)):
                    names.setdefault(m.group(1), "place")
                continue
            # a lookahead match: the name is the 2 or 3 characters before the suffix; the longer
            # one when the speech repeats it, else the shorter (我谨代表锦城市委 → 锦城)
            at = m.start()
            seg = re.match(rf"[\u4e00-\u9fff]{{2,3}}(?=[{_ADMIN}])", text[at:])
            if not seg:
                continue
            cands = [seg.group()] if len(seg.group()) == 2 else [seg.group(), seg.group()[1:]]
            for name in cands:
                start = at + len(seg.group()) - len(name)
                if (
                    _name_ok(name) and whole.count(name) >= 2 and not _common_word(name)
                    and _starts_word(text, start)
                ):
                    names.setdefault(name, "place")
                    break
    frames: dict[str, set[int]] = {}
    for k, rx in enumerate(_BRANDS):
        for m in rx.finditer(whole):
            frames.setdefault(m.group(1), set()).add(k)
    for name, used in frames.items():
        if name in names or name in PLACE_NAMES or not _name_ok(name) or _common_word(name):
            continue
        if len(used) >= 2 or _tag(name) == "ns":
            names[name] = "place"
    for text in texts:
        if not _LOCAL_PERSON_HINT.search(text):
            continue
        for m in _LOCAL_PERSON.finditer(text):
            name = m.group(1) or m.group(2)
            # 区长X同志 says X is a person whatever the surname; X区长 needs a known surname
            known = bool(m.group(1)) and not any(c in _NOT_IN_NAMES or c in "各位全体" for c in name)
            if name and not name.endswith(_ORGAN_ENDS) and (known or name[0] in _SURNAMES) and name not in _NOT_NAMES and not any(r in name for r in _TITLES):
                names.setdefault(name, "person")
    return names


def local_facts(text: str, names: dict[str, str]) -> list[tuple[str, str]]:
    """The speech's own names found in a phrase, as (type, text) facts; a place with the
    administrative suffix the phrase gives it (桥头村)."""
    out: list[tuple[str, str]] = []
    for name, kind in names.items():
        at = text.find(name)
        if at < 0:
            continue
        nxt = text[at + len(name): at + len(name) + 1]
        out.append((kind, name + nxt if kind == "place" and nxt and nxt in _ADMIN else name))
    return out

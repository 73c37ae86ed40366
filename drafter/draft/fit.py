"""Whether a bank phrase fits a place in a draft, and how well.

A phrase that does not fit is never used, however relevant its words: an
honest 【待补：…】 beats a wrong sentence. The rules, each named for what a
writer would object to:

- **facts**: a phrase carrying a fact of another speech (a year, a statistic,
  a numbered meeting, a place, an event, a plan period — the bank's
  ``facts``, or for older banks the same patterns found here) is used only
  when each fact is a slot the outline's vars fill;
- **slots by meaning**: ``{{name}}`` is filled only where it stands for a
  person (before 书记, 市长, 同志…); a value that is itself a mask (某, 某某,
  X) fills nothing;
- **level**: the outline's administrative level (``level``, or guessed from
  speaker, title and meeting) against the phrase's (its ``level`` and the
  unit words it uses: 全市, 我县, 全镇…);
- **register**: 各位代表 only at a congress, 评委 never outside a contest,
  a phrase naming another genre (汇报完毕 in a 研讨发言) not at all;
- **whole**: a clause that needs words before it (为…贡献力量, 并…) is a
  fragment and is not used on its own;
- **counts**: a phrase announcing 以下四个方面 fits only where four follow;
- **year**: recent speeches are preferred; pre-2000 phrases are not used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from drafter.text.lazyre import lazy
from drafter.text.slots import SLOT
from drafter.text.speech import cn_number, detect_genre

LEVELS = ("national", "provincial", "municipal", "county", "township", "enterprise")
_GOV_RANK = {"national": 0, "provincial": 1, "municipal": 2, "county": 3, "township": 4}

# What a writer may put in the outline's ``level``.
LEVEL_ALIASES = {
    **{lv: lv for lv in LEVELS},
    "国家": "national", "中央": "national", "全国": "national",
    "省": "provincial", "省级": "provincial", "自治区": "provincial",
    "市": "municipal", "市级": "municipal", "地市": "municipal", "州": "municipal",
    "县": "county", "县级": "county", "区": "county", "县区": "county", "县级市": "county",
    "乡镇": "township", "乡": "township", "镇": "township", "街道": "township",
    "企业": "enterprise", "国企": "enterprise", "公司": "enterprise", "集团": "enterprise",
    "部门": "department",  # a bureau: its level is its government's, guessed from the words
}

# Unit words that tie a text to a level (我县, 全市, 镇党委, 集团公司…).
_UNIT_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("enterprise", re.compile(r"集团|公司|国企|企业党委|本企业|我厂|全厂")),
    ("township", re.compile(r"[全我本该][镇乡]|我们[镇乡]|镇党委|镇政府|乡党委|乡政府|街道|[镇乡]长|(?<!城)镇(?:干部|村)")),
    ("county", re.compile(r"[全我本该][县区]|我们县|县委|县政府|县人民政府|区委|区政府|区人民政府|县长|区长|县级|县域|(?<!自)县")),
    ("municipal", re.compile(r"[全我本该]市(?!场)|我们市|市委|市政府|市人民政府|市长|市级|市领导|(?<![城超都门股夜菜街])市(?![场民值面容])")),
    ("provincial", re.compile(r"[全我本该]省|省委|省政府|省长|省级|省领导|(?<![节反])省(?![钱力心去时])")),
    ("national", re.compile(r"全国|国务院|中央")),
)


def level_of(*texts: str) -> str:
    """The level a speech's own words name (speaker first), or "unknown".

    >>> level_of("某县县委书记"), level_of("", "在全市安全生产工作会议上的讲话")
    ('county', 'municipal')
    >>> level_of("**镇党委书记"), level_of("市国资委党委书记", ""), level_of("**集团党委书记")
    ('township', 'municipal', 'enterprise')
    """
    for text in texts:
        if not text:
            continue
        for level, rx in _UNIT_WORDS:
            if rx.search(text):
                return level
    return "unknown"


def outline_level(value: str, speaker: str, title: str, meeting: str) -> str:
    """The outline's level: the writer's ``level`` (部门: from its words), else guessed."""
    level = LEVEL_ALIASES.get(value.strip(), "") if value else ""
    if level and level != "department":
        return level
    guessed = level_of(speaker, title, meeting)
    if level == "department" and guessed == "unknown":
        return "municipal"
    return guessed


def levels_apart(a: str, b: str) -> float | None:
    """How far two levels are (None when either is unknown); enterprise vs government is 2."""
    if a in ("unknown", "", None) or b in ("unknown", "", None):
        return None
    if a == b:
        return 0
    if "enterprise" in (a, b):
        return 2
    return abs(_GOV_RANK.get(a, 2) - _GOV_RANK.get(b, 2))



# --- the speaker's own unit -------------------------------------------------

# The unit characters a speech uses of itself (全市, 我县, 本区, 市直…) and their levels.
_UNIT_LEVEL = {"省": "provincial", "市": "municipal", "县": "county", "区": "county", "镇": "township", "乡": "township"}
_SELF_UNIT = lazy(r"(?<=[全我本])([省市县区镇乡])(?![场民容貌值委政长级域村])|(?<=我们)([省市县区镇乡])|(?<![城都])([市县区镇乡])(?=直(?:部门|单位|机关|各|属|站))"
                  r"|(?<![区地流领海空水])([市县镇])(?=域)")


_SELF_PORTRAIT = lazy(r"(?:我们|我|本)[省市县区镇乡](?:是|属于|地处|位于|有)")


def unit_of(level: str, *texts: str) -> str:
    """The character the outline's speaker uses of their own unit (县 or 区, 镇 or 乡…), "" when
    the level has none (an enterprise, unknown).

    >>> unit_of("county", "某区区长"), unit_of("county", "县委书记"), unit_of("township", "**乡乡长")
    ('区', '县', '乡')
    """
    words = " ".join(t for t in texts if t)
    if level == "county":
        return "区" if re.search(r"[全我本]区|区委|区政府|区长|区人民|区\S{0,8}局", words) else "县"
    if level == "township":
        return "乡" if re.search(r"[全我本]乡|乡党委|乡政府|乡长|\S乡(?!镇|村)", words) and "镇" not in words else "镇"
    return {"municipal": "市", "provincial": "省"}.get(level, "")


def adapt_level(text: str, level: str, unit: str) -> str:
    """A phrase's words for its own unit (全市, 我县, 市直部门) made the speaker's (全县…) when the
    speaker is a government at another level; a superior named (市委, 市政府) is left as it is.

    >>> adapt_level("全市上下要把安全生产摆在突出位置，市直部门要带头。", "county", "县")
    '全县上下要把安全生产摆在突出位置，县直部门要带头。'
    >>> adapt_level("认真落实市委部署，推动全市场监管", "county", "县")
    '认真落实市委部署，推动全市场监管'
    >>> adapt_level("将实行区级领导挂牌督办，报市级部门备案", "county", "县")
    '将实行县级领导挂牌督办，报市级部门备案'
    >>> adapt_level("镇直各站所要主动靠前服务", "county", "县")
    '县直各站所要主动靠前服务'
    >>> adapt_level("我们镇是传统农业镇，全镇农业人口多", "county", "县")
    '我们镇是传统农业镇，全镇农业人口多'
    >>> adapt_level("县域创新能力强不强，看企业；区域竞争日趋激烈", "county", "区")
    '区域创新能力强不强，看企业；区域竞争日趋激烈'
    """
    if not unit or level not in _GOV_RANK or _SELF_PORTRAIT.search(text):
        return text  # 我们镇是传统农业镇: a unit describing itself stays that unit's

    def swap(m: re.Match[str]) -> str:
        ch = m.group()
        return ch if ch == unit else unit

    text = _SELF_UNIT.sub(swap, text)
    # 区级领导 in a 县长's speech: another name for the same level (县 and 区, 镇 and 乡); a
    # level above or below (市级部门) may be someone else and stays
    twin = {"县": "区", "区": "县", "镇": "乡", "乡": "镇"}.get(unit)
    if twin:
        text = re.sub(f"(?<![{unit}{twin}]){twin}(?=级)", unit, text)
    return text


# --- facts ------------------------------------------------------------------

# Facts a phrase may carry, for banks mined before phrases knew their facts.
_FACT_PATTERNS = lazy(
    r"(?:19|20)\d{2}年|[一二〇零○]{4}年|\d{1,2}月\d{1,2}日|\d+(?:\.\d+)?\s*[%％]|\d+(?:\.\d+)?(?:万|亿)"
    r"|[一二三四五六七八九十]+届[一二三四五六七八九十]+次|第[一二三四五六七八九十百]+次(?:党)?代表大会"
    r"|来[\u4e00-\u9fff]视察|疫情|新冠|“[十][一二三四五六七八九]五”|[十][一二三四五六七八九]五(?:规划|期间|时期|开局)"
    r"|抗美援朝|土地改革|公私合营|人民公社|文化大革命"
)


def own_facts(text: str) -> list[str]:
    """Facts found in a phrase's text by pattern (a fallback for banks without ``facts``).

    >>> own_facts("根据会议安排，现围绕习近平总书记来川视察重要指示精神和省委十二届三次全会作如下发言。")
    ['来川视察', '十二届三次']
    >>> own_facts("{{number}}届{{number}}次全会上的部署"), own_facts("2023年增长8.5%")
    ([], ['2023年', '8.5%'])
    """
    return [m.group() for m in _FACT_PATTERNS.finditer(text)]


def foreign_facts(phrase: Any, vars: Mapping[str, Any]) -> list[str]:
    """The facts of another speech a phrase would carry into this draft.

    A fact recorded as a slot (``{{place}}``) is the draft's own once vars fill it.
    """
    out: list[str] = []
    for f in getattr(phrase, "facts", None) or []:
        text = f.get("text", "") if isinstance(f, dict) else str(f)
        slots = SLOT.findall(text)
        if slots and all(_usable(vars.get(s)) for s in slots):
            continue
        out.append(text)
    out.extend(f for f in own_facts(phrase.text) if f not in out)
    return out


# --- slots by meaning -------------------------------------------------------

_PERSON_AFTER = lazy(
    r"(?:书记|副书记|市长|副市长|县长|副县长|区长|镇长|乡长|省长|局长|厅长|主任|部长|主席|董事长|总经理|同志|先生|女士|委员|秘书长|处长|科长)"
)
_MASK_VALUE = lazy(r"^(?:某+|X+|×+|\*+|XX|某某某?)$")


def _usable(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, list):
        return bool(value) and all(_usable(v) for v in value)
    v = str(value).strip()
    return bool(v) and not _MASK_VALUE.match(v)


def slot_meanings(text: str) -> list[tuple[str, bool]]:
    """Each slot in a text with whether its meaning is known (``name`` is a person only before a title).

    >>> slot_meanings("尊敬的{{name}}市长，{{name}}发展特色，{{place}}市")
    [('name', True), ('name', False), ('place', True)]
    """
    return [
        (m.group(1), m.group(1) != "name" or bool(_PERSON_AFTER.match(text, m.end())))
        for m in SLOT.finditer(text)
    ]


def fill_by_meaning(text: str, vars: Mapping[str, Any], placeholder_for: str = "【待补：{}】") -> tuple[str, list[str]]:
    """Fill slots whose meaning is known from usable vars (a list fills in order).

    Returns the text and the slots left unfilled (as visible placeholders).
    """
    counters: dict[str, int] = {}
    missing: list[str] = []

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        known = name != "name" or bool(_PERSON_AFTER.match(text, m.end()))
        value = vars.get(name) if known else None
        if isinstance(value, list):
            i = counters.get(name, 0)
            counters[name] = i + 1
            value = value[i] if i < len(value) else None
        if known and _usable(value):
            return str(value)
        missing.append(name)
        return placeholder_for.format(name)

    return SLOT.sub(sub, text), missing


# --- register, wholeness, counts --------------------------------------------

_CONGRESS = lazy(r"代表大会|人代会|党代会|职代会|政协|委员会全体会议")
_CONTEST = lazy(r"竞聘|竞岗|演讲比赛|评审|答辩|面试")
# Words a clause cannot start with when it stands alone (并…, 而…, 的…).
_FRAGMENT_START = lazy(r"^(?:并|而|且|和|与|及|或|但|从而|进而|同时|也|又|就|才|被|于|等|的|之)")
# A pledge's 为…贡献力量 / 以…为… needs its subject and verb from the sentence it was cut from.
_PLEDGE_FRAGMENT = lazy(r"^(?:为|以|向|把|对|在|让|使|从)")
_PAST = lazy(r"(?:作出|做出|取得|实现)了|贡献了|的(?:重要|积极)贡献。?$")
_COUNT = lazy(r"(?:以下|如下|下面|从|谈|讲|抓好|做好|突出|在)?([一二两三四五六七八九十]|\d)(?:个方面|项|点|件事|个问题|个字)")


_CEREMONY = lazy(r"来宾|女士们|先生们|朋友们")
_OWN_GENRE_ONLY = ("speech", "address", "host")  # a leader, a ceremony, a chair: their own formulas


def _occasion_refs(text: str) -> str:
    """The occasion words a lead or pledge says of its own meeting (此次调研, 这次座谈会), space-joined."""
    return " ".join(m.group(1) for m in _OCCASION_REF.finditer(text))


_OCCASION_REF = lazy(r"(?:此次|这次|本次|今天的?)(\S{0,6}?(?:调研|座谈会?|推进会|现场会|调度会|培训班|读书班|民主生活会|"
                     r"组织生活会|动员会|部署会|表彰|开幕式|推介会|论坛|发布会|分组讨论|全会))")
_CHAIR_OPENING = lazy(r"主要任务是|主要目的是|今天(?:召开|我们召开)|现在开会|现在开始|请.{0,8}(?:讲话|作报告)|下面进行")
_LEADER_TRANSITION = lazy(r"强调|意见|我代表|提几点要求|讲几点")
_MEETINGS = lazy(
    r"中心组|全会|调研|座谈会?|推进会|现场会|调度会|培训班|读书班|民主生活会|组织生活会|常委会|常务会议?|代表大会|"
    r"动员会|部署会|表彰|开幕式|推介会|论坛|发布会|分组讨论|招聘会?|签约|开班|结业|颁奖|揭牌|启动仪式|观摩"
)


# A salutation to a visiting group (督导组各位领导) belongs to the meeting that group came to.
_VISITORS = lazy(r"(?:督导|督查|巡视|巡察|调研|考察|检查|评估|验收|观摩|指导)(?:组|团)")


# Salutations to a particular audience (各位战友, 老师们, 同学们…) belong to occasions with it.
_AUDIENCE_OCCASION = {
    "战友": r"战友|退役|军人|军队|部队|国防|双拥|武装",
    "老师": r"老师|教师|学校|教育|开学|毕业|校",
    "同学": r"同学|学生|学校|开学|毕业|校|培训班|研修班",
    "企业家": r"企业家|企业|商会|招商|民营|营商|签约|投资",
    "企业界": r"企业家|企业|商会|招商|民营|营商|签约|投资|环保|安全生产",
    "专家": r"专家|学者|论坛|研讨|峰会|评审|学术",
    "学者": r"专家|学者|论坛|研讨|峰会|学术",
    "委员": r"委员|政协|人大|全会|常委",
    "家长": r"家长|学校|开学|毕业|教育",
    "父老乡亲": r"乡亲|农民|丰收|乡村|农村|村|镇|乡|节",
}
_AUDIENCES = lazy("|".join(_AUDIENCE_OCCASION))


def register_problem(kind: str, text: str, genre: str, level: str, meeting: str,
                     genres: Mapping[str, int] | None = None) -> str:
    """Why a phrase's register is wrong here ("" when it is right).

    ``meeting`` is what the outline says of the occasion (meeting and title).
    """
    seen_in = set(genres or {})
    if kind in ("opening", "transition", "closing", "lead", "pledge"):
        for m in _MEETINGS.finditer(text if kind in ("opening", "transition", "closing") else _occasion_refs(text)):
            if m.group() not in meeting:
                return f"another occasion ({m.group()})"
    if kind == "closing" and genre not in seen_in:
        return "a closing of another genre"
    if kind == "salutation":
        if genre in _OWN_GENRE_ONLY and genre not in seen_in:
            return "a salutation of another genre"
        if genre != "address" and _CEREMONY.search(text):
            return "a ceremonial salutation"
        for m in _VISITORS.finditer(text):
            if m.group() not in meeting:
                return f"addresses visitors of another occasion ({m.group()})"
        for m in _AUDIENCES.finditer(text):
            if not re.search(_AUDIENCE_OCCASION[m.group()], meeting):
                return f"addresses an audience this meeting does not have ({m.group()})"
    if "各位代表" in text and not _CONGRESS.search(meeting):
        return "各位代表 only at a congress"
    if re.search(r"评委|评审|点评", text) and not _CONTEST.search(meeting):
        return "a contest sign-off"
    if kind == "opening" and genre not in ("speech", "host") and _CHAIR_OPENING.search(text):
        return "a chair's or a leader's opening (会议的主要任务是…), in a speech to the meeting"
    if kind == "transition" and genre not in ("speech", "host") and _LEADER_TRANSITION.search(text):
        return "a leader's transition (强调…意见), in a speech that is not a leader's"
    if kind in ("opening", "closing", "transition", "salutation", "pledge"):
        named = detect_genre(text)
        if named not in ("other", genre):
            return f"names another genre ({named})"
    if kind == "salutation":
        addressee = level_of(text)
        apart = levels_apart(addressee, level)
        # speaking to one's own level or the one above it (a county reports to the 市长)
        if apart is not None and (apart > 1 or (addressee in _GOV_RANK and level in _GOV_RANK
                                                and _GOV_RANK[addressee] > _GOV_RANK[level])):
            return "addresses another level"
    elif level != "unknown":
        named_level = level_of(re.sub(r"\{\{\w+\}\}", "", text))
        apart = levels_apart(named_level, level)
        if apart:
            return f"speaks as another level ({named_level})"
    return ""


def is_fragment(kind: str, text: str) -> bool:
    """A clause that cannot stand as a sentence of its own where ``kind`` goes.

    >>> is_fragment("pledge", "为全面建设社会主义现代化国家贡献力量。")
    True
    >>> is_fragment("pledge", "我们将以更加务实的作风，为全县高质量发展作出新的更大贡献。")
    False
    >>> is_fragment("pledge", "全镇上下作出了积极贡献。")
    True
    >>> is_fragment("opening", "会议的主要任务是："), is_fragment("opening", "现将有关情况汇报如下：")
    (True, False)
    """
    t = text.strip()
    if not t:
        return True
    if _FRAGMENT_START.match(t) or (kind == "pledge" and _PLEDGE_FRAGMENT.match(t)):
        return True
    if kind == "pledge" and _PAST.search(t):
        return True  # looks back, not forward
    if kind in ("lead", "pledge", "opening") and t[-1] not in "。！？：”":
        return True
    if kind == "opening" and re.search(r"(?:是|有|为|包括)[：:]$", t):
        return True  # 会议的主要任务是： — what follows the colon was the sentence
    return False


def announced_count(text: str) -> int | None:
    """The number of parts a phrase announces (以下四个方面 → 4), if any.

    >>> announced_count("重点抓好以下四个方面工作。"), announced_count("安全生产是民生大事。")
    (4, None)
    """
    m = _COUNT.search(text)
    if not m:
        return None
    d = m.group(1)
    return int(d) if d.isdigit() else (2 if d == "两" else cn_number(d))


def year_weight(year: Any, now: int | None) -> float:
    """1 for recent or unknown years, less for older speeches, 0 before 2000."""
    if not isinstance(year, int) or year <= 0:
        return 1.0
    if year < 2000:
        return 0.0
    if now is None:
        return 1.0
    age = now - year
    return 1.0 if age <= 3 else max(0.5, 1.0 - 0.08 * (age - 3))


def outline_year(date: str) -> int | None:
    m = re.search(r"(20\d{2})", date or "")
    return int(m.group(1)) if m else None


def genre_weight(phrase: Any, genre: str) -> float:
    genres: Mapping[str, int] = getattr(phrase, "genres", None) or {}
    if genre in genres:
        # how much of its use is in this genre: 同志们： is said everywhere, 汇报如下 in reports
        return 0.8 + 0.2 * genres[genre] / max(1, sum(genres.values()))
    if getattr(phrase, "genre", "") == genre:
        return 1.0
    if not genres or set(genres) <= {"other", "work_report"}:
        return 0.85
    return 0.7


def level_weight(phrase: Any, level: str) -> float:
    apart = levels_apart(getattr(phrase, "level", "unknown") or "unknown", level)
    if apart is None:
        return 0.9
    return {0: 1.0, 1: 0.85}.get(int(apart), 0.6)


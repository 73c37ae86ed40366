"""D801-D804: wording that dates a draft, relative to the draft's date (its date
line, or ``drafter check --date``): an ended plan period spoken of as current, a
今年 that is another year, an event of past years as a current task, a meeting
superseded by a later one. Without a date these rules say nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from drafter.check.base import Context, Hit, excerpt
from drafter.text.speech import Speech, split_sentences

_CN_YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
                   "六": "6", "七": "7", "八": "8", "九": "9"}
_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_CN_DATE = re.compile(r"([一二〇○零三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?")


def _cn_small(s: str) -> int:
    if "十" not in s:
        return int(_CN_YEAR_DIGITS.get(s, "0"))
    tens, _, ones = s.partition("十")
    return (int(_CN_YEAR_DIGITS[tens]) if tens else 1) * 10 + (int(_CN_YEAR_DIGITS[ones]) if ones else 0)


def find_date(text: str) -> date | None:
    """The first date in a line: 2026年3月5日, 2026年3月, 二〇二六年三月五日."""
    m = _DATE.search(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    else:
        m = _CN_DATE.search(text)
        if not m:
            return None
        y = int("".join(_CN_YEAR_DIGITS[c] for c in m.group(1)))
        mo, d = _cn_small(m.group(2)), _cn_small(m.group(3)) if m.group(3) else 1
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def speech_date(speech: Speech) -> date | None:
    """The date of a speech from its header (title, subtitle, speaker/date lines) or a
    date line among its last blocks (a signature)."""
    header = [b for b in speech.blocks if b.kind in ("title", "subtitle", "speaker")]
    tail = [b for b in speech.blocks[-3:] if len(b.text) <= 30]
    for b in header + tail:
        d = find_date(b.text)
        if d:
            return d
    return None


_RETRO = re.compile(r"以来|期间|回顾|过去|时期|总结|历程|当年|那时|收官|完成|取得|实现了|成就|成效|成绩|成果|基础上|经验|经受|战胜|抗击|走过|转段|了")
_PERIOD = re.compile(r"“?十([一二三四五六七八九])五”?")
_TASK = re.compile(r"要|抓好|做好|统筹|毫不放松|常态化|落实|加强|坚持|持续|继续|确保")
_EVENTS = (
    (re.compile(r"疫情防控|新冠肺炎|新冠疫情|防疫"), 2023, "疫情防控"),
    (re.compile(r"“?六稳”?“?六保”?|六稳六保"), 2023, "“六稳”“六保”"),
    (re.compile(r"决胜全面建成小康社会|决战脱贫攻坚|打赢脱贫攻坚战"), 2021, "全面建成小康社会、脱贫攻坚"),
)
_STILL_CURRENT = ("传染病", "动物", "疫病", "猪瘟", "禽流感", "重大")
_CONGRESS_YEAR = {"十八": 2012, "十九": 2017, "二十": 2022, "二十一": 2027, "二十二": 2032}
_CONGRESS = re.compile(r"(?:党的)?(十八|十九|二十一|二十二|二十)(?:大|届[一二三四五六七八九]中全会|届历次全会)")
_MEETING = re.compile(r"((?:19|20)\d\d)\s*年(?:的|度)?([^，。；！？、“”]{0,14}?(?:会议|全会|大会|两会|论坛|博览会))")
_YEAR_TODAY = re.compile(r"今年[（(，]?(?:是|即)?\s*((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年[）)]?[，]?(?:也就是|即)今年")
_YEAR_OF = re.compile(r"今年是([^，。；！？]{0,20}?)(收官|开局|起步)之年|今年是(?:中国共产党|党|新中国|中华人民共和国|改革开放|人民军队)?(成立|建党|建国|建军|改革开放)?(\d{2,3})周年")
_FOUNDED = {"成立": None, "建党": 1921, "建国": 1949, "建军": 1927, "改革开放": 1978}


def _plan_years(k: int) -> tuple[int, int]:
    """Years of the 十k五 plan: 十四五 is 2021-2025."""
    end = 1955 + 5 * (10 + k)
    return end - 4, end


def _sentences(ctx: Context) -> Iterator[tuple[int, str, int]]:
    """(line, sentence, offset in its block) of the body."""
    for b in ctx.speech.blocks:
        if b.kind not in ("paragraph", "heading", "closing"):
            continue
        pos = 0
        for s in split_sentences(b.text, "。！？；"):
            yield b.line, s, pos
            pos += len(s)


def dated_wording(ctx: Context) -> Iterator[Hit]:
    """D801 ended plan period, D802 今年 that is another year, D803 a past event as a
    current task, D804 a meeting superseded by a later one."""
    if ctx.date is None:
        return
    year = ctx.date.year
    for line, s, _ in _sentences(ctx):
        retro = bool(_RETRO.search(s))
        periods = [("一二三四五六七八九".index(m.group(1)) + 1, m) for m in _PERIOD.finditer(s)]
        latest = max((k for k, _ in periods), default=0)
        for k, m in periods:
            start, end = _plan_years(k)
            if end < year and not retro and k == latest:  # 十四五…十五五 in one sentence: a hand-over
                yield Hit(
                    "D801", line, excerpt(s, m.start(), m.end()),
                    f"“十{m.group(1)}五”规划期（{start}—{end}年）已经结束，讲话日期是 {year} 年；"
                    "如果不是回顾，请改用当前的规划期或删去",
                )
                break
        for m in _YEAR_TODAY.finditer(s):
            y = int(m.group(1) or m.group(2))
            if y != year:
                yield Hit("D802", line, excerpt(s, m.start(), m.end()),
                          f"写的是“今年”，但这里的年份是 {y} 年，讲话日期是 {year} 年；请改正年份或改为“{y}年”")
        for m in _YEAR_OF.finditer(s):
            if m.group(2):
                pm = _PERIOD.search(m.group(1))
                if pm:
                    start, end = _plan_years("一二三四五六七八九".index(pm.group(1)) + 1)
                    should = end if m.group(2) == "收官" else start
                    if should != year:
                        yield Hit("D802", line, excerpt(s, m.start(), m.end()),
                                  f"“今年是{m.group(1)}{m.group(2)}之年”说的是 {should} 年，讲话日期是 {year} 年；请改正")
            elif m.group(4):
                base = _FOUNDED.get(m.group(3) or "", None)
                who = s[m.start() : m.end()]
                if base is None:
                    base = 1921 if "党" in who else 1949 if ("新中国" in who or "人民共和国" in who) else None
                if base is not None and base + int(m.group(4)) != year:
                    yield Hit("D802", line, excerpt(s, m.start(), m.end()),
                              f"“{who}”说的是 {base + int(m.group(4))} 年，讲话日期是 {year} 年；请改正周年数")
        if not retro:
            for rx, since, what in _EVENTS:
                m = rx.search(s)
                if m and s[max(0, m.start() - 4) : m.start()].endswith(_STILL_CURRENT):
                    continue  # 传染病疫情防控, 动物疫情防控: tasks of every year
                if m and year >= since and _TASK.search(s):
                    yield Hit("D803", line, excerpt(s, m.start(), m.end()),
                              f"“{what}”是 {since} 年以前的工作提法，在 {year} 年的讲话中作为当前任务会显得过时；请删去或改为回顾")
                    break
            for m in _CONGRESS.finditer(s):
                n = m.group(1)
                nxt = {"十八": "十九", "十九": "二十", "二十": "二十一", "二十一": "二十二"}.get(n)
                if nxt and _CONGRESS_YEAR[nxt] < year:
                    yield Hit("D804", line, excerpt(s, m.start(), m.end()),
                              f"“{m.group()}”已由党的{nxt}大及其全会接续，{year} 年的讲话中作为当前要求会显得过时；请改用最新的会议精神")
                    break
            for m in _MEETING.finditer(s):
                y = int(m.group(1))
                annual = "经济工作会议" in m.group(2) or "农村工作会议" in m.group(2)
                if y < year - (1 if annual else 0) and y >= year - 10:
                    yield Hit("D804", line, excerpt(s, m.start(), m.end()),
                              f"“{y}年{m.group(2)}”是 {y} 年的会议，讲话日期是 {year} 年；请确认是否应引用最新一次会议，或改为回顾")
                    break


def parse_date(text: str) -> date:
    """``--date`` value: YYYY-MM-DD (or YYYY-MM, YYYY)."""
    parts = text.strip().split("-")
    try:
        nums = [int(p) for p in parts]
        return date(nums[0], nums[1] if len(nums) > 1 else 1, nums[2] if len(nums) > 2 else 1)
    except (ValueError, IndexError) as e:
        from drafter.errors import UsageError

        raise UsageError(f"--date 的值“{text}”不是日期；请写成 YYYY-MM-DD，如 2026-03-05") from e

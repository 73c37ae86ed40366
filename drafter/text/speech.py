"""The speech model: one parser that turns plain text into blocks.

Mining, rendering and checking all stand on it. A speech is a list of
``Block``s: title, subtitle (——…), speaker (speaker or date line),
salutation, paragraph, heading (with level, number and position among its
siblings) and closing.

>>> [b.kind for b in parse_lines([(1, "关于某事的汇报"), (2, "各位领导："),
...     (3, "一、抓落实。具体做法是……"), (4, "汇报完毕。")])[0].blocks]
['title', 'salutation', 'heading', 'paragraph', 'closing']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

from drafter.text.lazyre import lazy
from drafter.text.reader import Line, read_lines

KINDS = ("title", "subtitle", "speaker", "salutation", "paragraph", "heading", "closing")
GENRES = ("report", "seminar", "discussion", "pledge", "sharing", "speech", "address", "host", "work_report", "other")

CN_DIGITS = "一二三四五六七八九十"
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def cn_numeral(n: int) -> str:
    """Chinese numeral for 1 … 999 (Arabic digits beyond, so a long list never fails).

    >>> cn_numeral(1), cn_numeral(10), cn_numeral(12), cn_numeral(40), cn_numeral(101), cn_numeral(110)
    ('一', '十', '十二', '四十', '一百零一', '一百一十')
    """
    if n <= 0 or n >= 1000:
        return str(n)
    if n < 10:
        return CN_DIGITS[n - 1]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (CN_DIGITS[tens - 1] if tens > 1 else "") + "十" + (CN_DIGITS[ones - 1] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = CN_DIGITS[hundreds - 1] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + CN_DIGITS[rest - 1]
    tens, ones = divmod(rest, 10)
    return head + CN_DIGITS[tens - 1] + "十" + (CN_DIGITS[ones - 1] if ones else "")


def cn_number(s: str) -> int:
    """Value of a Chinese numeral as headings write it (一 … 九百九十九); 0 when malformed.

    >>> cn_number("三"), cn_number("十二"), cn_number("二十"), cn_number("二十一"), cn_number("一百零一")
    (3, 12, 20, 21, 101)
    >>> cn_number("十十一"), cn_number("二二十"), cn_number("")
    (0, 0, 0)
    """
    total = cur = 0
    for ch in s:
        if ch in _CN_VALUE:
            cur = _CN_VALUE[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return 0
    total += cur
    return total if 0 < total < 1000 and cn_numeral(total) == s else 0


# (style, level, regex). The regex's group 1 is the number, group 2 the rest.
_CN = "[一二三四五六七八九十百零]{1,6}"
# The level is the style's rank in the usual hierarchy 一、 > （一） > 第一， > 1. > （1）;
# a speech's headings get their levels from the styles it uses (``_finish``):
# （一） with no 一、 above it is level 1, 第一， under 一、 is level 2.
HEADING_STYLES: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("一、", 1, re.compile(rf"^({_CN})、(.+)$")),
    ("（一）", 2, re.compile(rf"^[（(]({_CN})[）)]\s*(.+)$")),
    ("第一，", 3, re.compile(rf"^第({_CN})[，、：](.+)$")),
    # 20.2026年…: item 20 whose text starts with a year, not a decimal
    ("1.", 4, re.compile(r"^(\d{1,3})[.．、](?:(?=(?:19|20)\d\d年)|(?!\d))\s*(.+)$")),
    ("（1）", 5, re.compile(r"^[（(](\d{1,3})[）)]\s*(.+)$")),
)
# 首先，… 其次，… 再次，… 最后，… heading consecutive paragraphs: items 1, 2, 3, … of a run
# ranked as 第一， (found by ``_order_runs``, never alone).
ORDER_STYLE = "首先"
_ORDER_WORD = lazy(r"^(首先|其次|再次|最后)[，,、：]")
STYLE_RANK = {style: rank for style, rank, _ in HEADING_STYLES} | {ORDER_STYLE: 3}


def format_number(style: str, n: int) -> str:
    """The numbering marker for ``n`` in a heading style.

    >>> [format_number(s, 2) for s in ("一、", "第一，", "（一）", "1.", "（1）")]
    ['二、', '第二，', '（二）', '2.', '（2）']
    """
    cn = cn_numeral(n)
    if style == ORDER_STYLE:
        return {1: "首先，", 2: "其次，", 3: "再次，"}.get(n, f"第{cn}，")
    return {
        "一、": f"{cn}、",
        "第一，": f"第{cn}，",
        "（一）": f"（{cn}）",
        "1.": f"{n}.",
        "（1）": f"（{n}）",
    }[style]


@dataclass(frozen=True)
class Block:
    """One unit of a speech.

    ``text`` is the block as written (for a heading, with its number).
    ``line`` is the 1-based source line (for .docx, the paragraph number).
    Headings carry ``level`` (the depth, 1 for the outermost numbering style the
    speech uses: 一、 > （一） > 第一， > 1. > （1）, counting only the styles
    present), ``style``, ``number`` (the number written), ``position``
    (1-based among its siblings: same parent, same run of numbers; a number 1
    starts a new run) and ``body`` (text without the number).
    A paragraph with ``runin`` continues the line of the heading before it.
    """

    kind: str
    text: str
    line: int = 0
    level: int = 0
    style: str = ""
    number: int = 0
    position: int = 0
    body: str = ""
    runin: bool = False

    @property
    def rank(self) -> int:
        """The heading's place in GB/T 9704's fixed order, whatever the speech uses above
        it: 一、 1, （一） 2, 1. 3, （1） 4; 第一， takes its level in the speech (1 or 2).
        For Word styling, which follows the numbering style; ``level`` is the depth."""
        return {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4}.get(self.style, min(self.level, 2))


@dataclass
class Speech:
    """A parsed speech: its blocks and the document it came from."""

    blocks: list[Block]
    doc: str = ""
    genre: str = field(default="other")

    def first(self, kind: str) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    @property
    def title(self) -> str:
        b = self.first("title")
        return b.text if b else ""

    def of_kind(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    def heading_groups(self) -> list[list[Block]]:
        """Sibling headings: one level, one parent, one run of numbers (a restart at 1
        begins a new set), in order."""
        return _sibling_runs([b for b in self.blocks if b.kind == "heading"])

    def text(self) -> str:
        """The speech as a writer would paste it: one paragraph a line (run-in
        paragraphs joined to their heading), a blank line after the title block."""
        out: list[str] = []
        header = True
        for b in self.blocks:
            if b.runin and out:
                out[-1] += b.text
                continue
            if header and b.kind not in ("title", "subtitle", "speaker"):
                header = False
                if out:
                    out.append("")
            out.append(b.text)
        return "\n".join(out) + "\n"


# --- line classes -----------------------------------------------------------

_TERMINAL = "。！？；…"
_SALUTATION = lazy(r"(同志们|各位|尊敬的|朋友们|代表们|来宾|女士们|先生们|老师们|同学们)")
_ROLE = lazy(
    r"(书记|厅长|局长|主任|市长|县长|区长|省长|部长|主席|总经理|董事长|委员|处长|科长|代表|负责人|同志|记者|总理|镇长|乡长|校长|院长|理事长)"
)
_CLOSING = lazy(
    r"^(?:以上.{0,12}(?:汇报|发言|体会|意见|报告|表态|述职)|请予评议|.{0,12}(?:汇报|发言|交流|表态|讲话)完毕|谢谢(?:大家|各位)?[。！!]?$|"
    r"不当之处|请.{0,8}批评指正|恳请.{0,10}指正|.{0,6}表态如上|.{0,24}散会[。！!]?$|.{0,6}就讲(?:这些|到这里|这么多|这几点|这么几点)|"
    r".{0,10}(?:会议|大会|会)(?:就|就开)?(?:到此结束|开到这里|到这里)[。，,！!]?(?:(?:现在)?散会[。！!]?)?$|"
    # the host's last words: 现在，我宣布：…胜利闭幕！
    r"(?:现在[，,])?我宣布[：:，,]?.{2,40}(?:闭幕|结束)[。！!]?$|"
    # wishes: 最后，预祝…圆满成功！ / 祝各位嘉宾身体健康、万事如意！
    r"(?:最后|在此|再次)?[，,]?(?:我们?)?(?:谨|再次|衷心)*(?:预祝.{2,40}成功|"
    r"(?:祝愿|祝福|恭祝|敬祝|祝)(?:各位|大家|全体|同志们|朋友们|你们|在座)[^。！？]{0,40}"
    r"(?:健康|如意|顺利|愉快|幸福|快乐|吉祥|进步|圆满|成功))[。！!]?$)"
)
# One part of an address: 尊敬的**市长 / 各位代表 / 主席先生 / 同志们 / 大家好.
_ADDRESS_PART = lazy(
    r"^(?:(?:尊敬的|亲爱的|敬爱的|各位|全体)[^，、。！？：；“”]{0,16}|[^，、。！？：；“”\s]{0,12}"
    r"(?:同志们|朋友们|女士们|先生们|代表们|老师们|同学们|同事们|来宾们|青年们|同胞们|乡亲们|战友们|"
    r"先生|女士|代表|来宾|嘉宾|同事|领导|同志|委员|阁下|校友|家长|员工|职工|战友|乡亲|同胞)|"
    r"大家好|上午好|下午好|晚上好|你们好)$"
)
_ADDRESS_START = lazy(
    r"尊敬的|亲爱的|敬爱的|各位|全体|同志们|朋友们|女士们|代表们|老师们|同学们|同事们|来宾们|青年们|同胞们|"
    r"[^\s，、。！？：；（）()“”]{1,6}(?:先生|女士)[，、]|"
    r"各(?=[\u4e00-\u9fff、]{1,16}(?:政府|部门|单位|党委|机构)[，：])"
)
_Y = r"(?:\d{4}|[零〇○一二三四五六七八九]{4})"
_MD = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE = rf"{_Y}\s*年(?:\s*{_MD}\s*月(?:\s*{_MD}\s*日)?)?"
# A date on its own line, bare or in brackets, maybe with a place: （2020年9月8日，北京）, 一九五五年三月三十一日.
_FULL_DATE = rf"{_Y}\s*年\s*{_MD}\s*月(?:\s*{_MD}\s*日)?"
_DATE_LINE = lazy(
    rf"^(?:[（(]\s*{_DATE}[^（）()。！？]{{0,24}}[）)]|{_FULL_DATE}(?:[\s，,]*[^\s。！？，,]{{1,12}})?|{_Y}\s*年)$"
)
_DATE_IN_HEAD = lazy(rf"[（(]\s*{_DATE}[^（）()。！？]{{0,24}}[）)]|{_Y}\s*年\s*{_MD}\s*月\s*{_MD}\s*日")
# Parts of one speech that look like a title: they never start a new speech.
_SECTION_TITLE = lazy(
    r"^(?:结束语|结语|尾声|前言|引言|序言|导语|小结|总结|附件\S{0,20}|附录|附表|参考文献|主要做法|存在问题|"
    r"下步打算|下一步打算|下一步工作|工作打算|问题和不足|主要问题|基本情况|工作成效|主要成效)[：:]?$"
)


def is_address(s: str) -> bool:
    """Only audience forms of address, ending with ：or ！ (同志们！ / 主席先生，各位同事：).

    >>> is_address("同志们！"), is_address("主席先生，各位同事："), is_address("同志们，让我们团结起来！")
    (True, True, False)
    """
    if not (2 <= len(s) <= 60 and s.endswith(("：", ":", "！", "!"))):
        return False
    parts = [p.strip() for p in re.split(r"[，、,]", s[:-1])]
    return all(p and _ADDRESS_PART.match(p) for p in parts)


def is_salutation(s: str) -> bool:
    """A short line addressing the audience, ending with a colon (or ！ when it is only address)."""
    if len(s) > 60:
        return False
    if s.endswith(("：", ":")) and _SALUTATION.search(s) and "。" not in s:
        return True
    return is_address(s) or is_addressee(s)


def is_closing(s: str) -> bool:
    """A closing formula (汇报完毕 / 谢谢大家 / 今天的会议就到这里。散会。).

    >>> is_closing("今天的会议就到这里。散会。"), is_closing("大会到此结束。散会！"), is_closing("本次会议到此结束，散会。")
    (True, True, True)
    """
    return len(s) <= 60 and bool(_CLOSING.search(s))


_EXHORTATION_START = lazy(r"^(?:同志们|同志们、朋友们|各位同志)[，,！!]")
# the call on the audience: 让我们… / 希望大家… / 全市各级各部门要… / 务必…
_EXHORTATION = lazy(r"让我们|希望|务必|各级各部门(?:要|务必)|[县市区镇乡]上下要|大家要|我们要")


_WISHES = lazy(r"^(?:最后[，,])?(?:预祝|衷心祝愿|祝愿|祝)[^。！]{2,40}(?:成功|圆满|顺利|成果|佳绩|兴旺|健康|如意)")


def is_wishes(s: str) -> bool:
    """The wishes that close a 致辞: 最后，预祝本次论坛圆满成功！祝各位来宾身体健康！

    >>> is_wishes("最后，预祝本次签约仪式圆满成功！祝各位来宾身体健康、万事如意！"), is_wishes("祝大家吃好。")
    (True, False)
    """
    return len(s) <= 120 and s.endswith(("！", "。", "!")) and bool(_WISHES.match(s))


def is_exhortation(s: str) -> bool:
    """The closing exhortation of a 讲话 or 主持词: a paragraph opening 同志们， that calls
    on the audience (让我们… / 希望大家…), ending with ！or 。.

    >>> is_exhortation("同志们，安全责任重于泰山。让我们全力以赴抓好各项工作！")
    True
    >>> is_exhortation("同志们，今年以来全市经济运行总体平稳。"), is_exhortation("让我们共同努力！")
    (False, False)
    """
    return (
        len(s) <= 600
        and s.endswith(("！", "。", "!"))
        and bool(_EXHORTATION_START.match(s))
        and bool(_EXHORTATION.search(s))
    )


def is_date_line(s: str) -> bool:
    """A date on its own line, in Arabic or Chinese numerals.

    >>> is_date_line("一九五五年三月三十一日"), is_date_line("（2020年9月8日，北京）"), is_date_line("2023年是关键之年。")
    (True, True, False)
    """
    return len(s) <= 40 and bool(_DATE_LINE.match(s))


# A quotation's lead-in (习近平总书记强调： / 书记指出：): the speech goes on, quoting.
_QUOTE_LEAD = lazy(r"(?:强调|指出|要求|说|讲|提出|号召|寄语|嘱托|告诫我们|写道|批示|表示)[：:]$")


def is_speaker_line(s: str) -> bool:
    """A 'who is speaking' line: a date line, or a role and name ending with a colon
    (a quotation's lead-in such as 习近平总书记强调： is none).

    >>> is_speaker_line("市委书记 张三："), is_speaker_line("习近平总书记强调：")
    (True, False)
    """
    if is_date_line(s):
        return True
    return (
        len(s) <= 50
        and not _QUOTE_LEAD.search(s)
        and s.endswith(("：", ":"))
        and not _SALUTATION.search(s)
        and bool(_ROLE.search(s))
        and "。" not in s
    )


# A speaker line without a colon, under a title: 市委书记 孙立新 / 省委常委、副省长 李某
_NAME_LINE = lazy(r"[\u4e00-\u9fff·]{2,4}(?:同志)?$")


def is_name_line(s: str) -> bool:
    """A role and a name on a line of their own, no colon (市委书记 孙立新).

    >>> is_name_line("市委书记 孙立新"), is_name_line("县长 王某某"), is_name_line("抓好安全生产工作")
    (True, True, False)
    """
    return 3 <= len(s) <= 30 and is_title_like(s) and bool(_ROLE.search(s)) and bool(_NAME_LINE.search(s))


# The issuing office of a red-header document, maybe with its date (某某市人民政府办公室 二〇二五年四月八日).
_ORG_SUFFIX = (
    r"(?:人民政府|政府|办公室|办公厅|委员会|党委|党组|工委|纪委|监委|人大常委会|政协|局|厅|委|部|署|院|"
    r"公司|集团|协会|学会|联合会|工会|团委|妇联|中心|街道办事处|办事处)"
)
_ISSUER = lazy(rf"^(?:中共|中国共产党)?[\u4e00-\u9fff（）()]{{2,30}}{_ORG_SUFFIX}(?:[\s　]+(.+))?$")


def is_issuer_line(s: str) -> bool:
    """An issuing office on a line of its own, maybe followed by a date: a red header.

    >>> is_issuer_line("某某市人民政府办公室"), is_issuer_line("某某县人民政府办公室 二〇二五年四月八日")
    (True, True)
    >>> is_issuer_line("在全市工作会议上的讲话"), is_issuer_line("关于做好防汛工作的通知")
    (False, False)
    """
    m = _ISSUER.match(s)
    if not m or len(s) > 50 or detect_genre(s) != "other" or s.startswith(("在", "关于")):
        return False
    return m.group(1) is None or is_date_line(m.group(1).strip())


# A title that names a speech or a document: it wins over a headline or an office line above it.
_DOC_TITLE = lazy(r"^关于.{2,60}的(?:通知|意见|决定|报告|汇报|请示|通报|方案|实施方案|函)$|^在.{2,60}上的")


def is_doc_title(s: str) -> bool:
    """A title naming its speech or document (在…上的讲话 / 关于…的通知 / …致辞).

    >>> is_doc_title("在全市工作会议上的主持词"), is_doc_title("关于做好防汛工作的通知"), is_doc_title("某博览会开幕")
    (True, True, False)
    """
    return is_title_like(s) and (bool(_DOC_TITLE.search(s)) or detect_genre(s) != "other")


def is_addressee(s: str) -> bool:
    """The addressees of a notice, ending with a colon: 各区县人民政府，市政府各部门：

    >>> is_addressee("各区县人民政府，市政府各部门："), is_addressee("各地要完善应急预案：")
    (True, False)
    """
    if not (4 <= len(s) <= 80 and s.endswith(("：", ":")) and "各" in s and "。" not in s):
        return False
    parts = [p.strip() for p in re.split(r"[，,；]", s[:-1])]
    return all(p and len(p) <= 30 and _ORG_END.search(p) for p in parts)


_ORG_END = lazy(
    r"(?:政府|部门|单位|机构|部委|委员会|党委|党组|工委|委|办|局|厅|署|公司|企业|学校|高校|院校|医院|中心|"
    r"街道|乡镇|社区|村|团体|组织|人民团体|直属机关|机关)$"
)


def is_title_like(s: str) -> bool:
    """Short, no sentence-final punctuation, not a numbered heading."""
    return (
        0 < len(s) <= 60
        and not s.endswith(tuple(_TERMINAL + "：:，,"))
        and match_heading(s) is None
        and not s.startswith("——")
    )


def match_heading(s: str) -> tuple[str, int, int, str] | None:
    """(style, rank, number, rest) when the line starts with a heading number.

    A malformed number (十十一、, 二二十、) is no heading.
    """
    for style, level, rx in HEADING_STYLES:
        m = rx.match(s)
        if m:
            num = m.group(1)
            n = int(num) if num.isdigit() else cn_number(num)
            if n == 0:
                return None
            rest = m.group(2)
            if style == "第一，" and f"第{cn_numeral(n + 1)}，" in rest:
                return None  # 第一，…第二，… inside one paragraph: an enumeration
            return style, level, n, rest
    return None


_SPLITTERS: dict[str, re.Pattern[str]] = {}


def split_sentences(text: str, terminals: str = "。！？") -> list[str]:
    """Split at sentence-final punctuation outside quotes and book-title marks.

    >>> split_sentences("他说“好。很好。”然后走了。再见！")
    ['他说“好。很好。”然后走了。', '再见！']
    """
    rx = _SPLITTERS.get(terminals)
    if rx is None:
        rx = _SPLITTERS[terminals] = re.compile("[“《（”》）" + re.escape(terminals) + "]")
    out: list[str] = []
    depth = 0
    start = 0
    for m in rx.finditer(text):  # visit only quotes and terminals, not every character
        i, ch = m.start(), m.group()
        if ch in "“《（":
            depth += 1
        elif ch in "”》）":
            depth = max(0, depth - 1)
        elif ch in terminals and depth == 0:
            j = i + 1
            while j < len(text) and text[j] in "”’）":
                j += 1
            out.append(text[start:j])
            start = j
    if start < len(text) and text[start:].strip():
        out.append(text[start:])
    return out


_ENUM_IN_HEAD = lazy(r"(?<![，、；：“《（])(?:一是|第一[，、])")


def _heading_blocks(lineno: int, text: str, found: tuple[str, int, int, str]) -> list[Block]:
    style, level, number, rest = found
    sentences = split_sentences(rest)
    head = sentences[0] if sentences else rest
    enum = _ENUM_IN_HEAD.search(head)
    if enum and enum.start() >= 4:  # 二、今年的主要任务一是抓项目。: the heading ends before 一是
        head = head[: enum.start()]
    tail = rest[len(head):].strip()
    body = head.rstrip("。！？")
    marker = text[: len(text) - len(rest)]
    blocks = [Block("heading", marker + head, lineno, level, style, number, 0, body)]
    if tail:
        blocks.append(Block("paragraph", tail, lineno, runin=True))
    return blocks


# --- genre ------------------------------------------------------------------

# First match wins: the genre noun at the end of a title (讲话 in 学习…讲话精神的体会 is no speech).
_GENRE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("host", re.compile(r"主持词|主持讲话|主持人讲话|主持稿")),
    ("address", re.compile(r"致辞|贺词|贺信|欢迎词|欢迎辞|答谢词|答谢辞|祝酒词|祝酒辞|开幕词|闭幕词|新年寄语")),
    ("work_report", re.compile(
        r"政府工作报告|(?:常委会|委员会|法院|检察院|纪委|监委|政协|人大)工作报告|"
        r"代表大会(?:第.{1,4}次会议)?上的(?:工作)?报告|党代会(?:上的)?报告|^工作报告$"
    )),
    ("speech", re.compile(r"讲话(?:稿|提纲|要点)?(?:[（(][^）)]*[）)])?$|^在.{2,60}上的讲话")),
    ("seminar", re.compile(r"研讨")),
    ("discussion", re.compile(r"讨论")),
    ("report", re.compile(r"汇报|述职")),
    ("pledge", re.compile(r"表态")),
    ("sharing", re.compile(r"交流|心得|体会")),
)
_WORK_REPORT_OPENING = lazy(r"我代表.{1,40}(?:向大会|向各位代表)?(?:作|报告).{0,12}(?:工作|报告)|受.{1,30}委托.{0,20}向大会")


def detect_genre(title: str, closing: str = "", opening: str = "") -> str:
    """Genre from title words, then closing words, then the opening (我代表…向大会报告工作).

    >>> detect_genre("在推进会上的汇报发言"), detect_genre("专题研讨会上的发言")
    ('report', 'seminar')
    >>> detect_genre("市委全会分组讨论发言"), detect_genre("", "发言完毕。")
    ('discussion', 'other')
    >>> detect_genre("在全市经济工作会议上的讲话"), detect_genre("政府工作报告"), detect_genre("在开幕式上的致辞")
    ('speech', 'work_report', 'address')
    >>> detect_genre("学习总书记重要讲话精神的心得体会"), detect_genre("在全市工作汇报会上的主持词")
    ('sharing', 'host')
    """
    for words in (title, closing):
        for genre, rx in _GENRE_WORDS:
            if rx.search(words):
                return genre
    if opening and _WORK_REPORT_OPENING.search(opening):
        return "work_report"
    return "other"


# --- splitting run-on lines ---------------------------------------------------

# A heading number inside a long line, after the end of a sentence (or the start).
_INLINE_HEADING = lazy(rf"(?:^|(?<=[。！？；：\s]))({_CN})、|[（(]({_CN})[）)]")
_RUN_ON_LINE = 600  # lines this long (on average, half of it) hold speeches pasted as one paragraph


def _head_pieces(head: str) -> list[str]:
    """A title/date/speaker block run together (title 张三 （2020年9月8日））, in pieces.

    >>> _head_pieces("政府工作报告——2024年1月10日在第三次会议上 市长 赵刚")
    ['政府工作报告', '——2024年1月10日在第三次会议上', '市长', '赵刚']
    """
    if "——" in head:
        title, _, rest = head.partition("——")
        sub = rest.split()
        return [*(_head_pieces(title) if title.strip() else []), "——" + (sub[0] if sub else ""), *sub[1:]]
    pieces: list[str] = []
    pos = 0
    for m in _DATE_IN_HEAD.finditer(head):
        pieces.extend(head[pos : m.start()].split())
        pieces.append(m.group().strip())
        pos = m.end()
    pieces.extend(head[pos:].split())
    # the title is everything before the first speaker or date piece
    for k, piece in enumerate(pieces):
        if k and (is_date_line(piece) or _ROLE.search(piece) or re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", piece)):
            return ["".join(pieces[:k]) if all(_is_han_run(p) for p in pieces[:k]) else " ".join(pieces[:k]), *pieces[k:]]
    return [" ".join(pieces)] if pieces else []


def _is_han_run(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" or c in "“”《》、，" for c in s)


def _split_header(s: str) -> tuple[list[str], str, str] | None:
    """(head pieces, salutation, rest) when a line opens with a salutation, maybe after a
    title/date/speaker block: 同志们！今天… / 在…上的讲话（2020年9月8日）同志们，朋友们：今天…"""
    for m in _ADDRESS_START.finditer(s, 0, 160):
        p = m.start()
        head = s[:p].strip()
        if head and (any(c in head for c in "。！？；") or len(head) > 120):
            return None
        end = next((k for k in range(p, min(len(s), p + 61)) if s[k] in "：！:!"), -1)
        if end < 0:
            continue
        sal = s[p : end + 1]
        if not is_salutation(sal):
            continue
        rest = s[end + 1 :].strip()
        if not rest and not head:
            return None
        return (_head_pieces(head) if head else []), sal, rest
    return None


def _split_pasted(s: str) -> list[str]:
    """A line holding several speeches pasted one after another, cut where the next one
    starts: after a sentence's end, a title naming a speech (在…上的讲话), maybe a
    speaker, then a salutation (…散会。在…上的讲话 县委书记 周某 同志们：…)."""
    if len(s) < 200:
        return [s]
    cuts: list[int] = []
    for m in _ADDRESS_START.finditer(s, 160):
        p = m.start()
        if cuts and p - cuts[-1] < 160:
            continue
        end = next((k for k in range(p, min(len(s), p + 61)) if s[k] in "：！:!"), -1)
        if end < 0 or not is_salutation(s[p : end + 1]):
            continue
        q = max(s.rfind(t, max(0, p - 120), p) for t in "。！？")
        head = s[q + 1 : p].strip()
        pieces = _head_pieces(head) if q > 0 and head else []
        if pieces and is_doc_title(pieces[0]) and detect_genre(pieces[0]) != "other":
            cuts.append(q + 1)
    if not cuts:
        return [s]
    bounds = [0, *cuts, len(s)]
    return [s[a:b].strip() for a, b in pairwise(bounds) if s[a:b].strip()]


_WISH_SENTENCE = lazy(r"^(?:最后|在此|再次)?[，,]?(?:我们?)?(?:谨|再次|衷心)*(?:预祝|祝愿|祝福|恭祝|敬祝|祝)")
_CLOSING_WORD = lazy(r"谢谢|完毕|指正|不当|以上|表态|成功|散会|就讲|如上|评议|到此结束|到这里|闭幕|结束|祝")


def _split_closing(s: str) -> tuple[str, list[str]]:
    """A paragraph and the closing sentences at its end (…圆满成功！谢谢大家。)."""
    if len(s) < 20 or not s.endswith(tuple("。！!？")) or not _CLOSING_WORD.search(s, len(s) - 45):
        return s, []
    sentences = split_sentences(s, "。！？")
    tail: list[str] = []
    while len(sentences) > 1 and len(sentences[-1]) <= 40 and is_closing(sentences[-1].strip()):
        tail.insert(0, sentences.pop().strip())
    if len(sentences) == 1 and tail and _WISH_SENTENCE.match(sentences[0].strip()):
        tail.insert(0, sentences.pop().strip())  # the paragraph is all closing words
    # wishes said one after another (预祝…圆满成功！祝各位来宾身体健康！) are one closing
    merged: list[str] = []
    for t in tail:
        if merged and _WISH_SENTENCE.match(t) and _WISH_SENTENCE.match(merged[-1]):
            merged[-1] += t
        else:
            merged.append(t)
    return "".join(sentences), merged


def _split_inline_headings(s: str) -> list[str]:
    """A run-on paragraph cut before the heading numbers in it (一、… （一）… 二、…),
    when those numbers count up from 1."""
    marks = []
    for m in _INLINE_HEADING.finditer(s):
        num = m.group(1) or m.group(2)
        marks.append((m.start(), "一、" if m.group(1) else "（一）", cn_number(num)))
    cuts: set[int] = set()
    for style in ("一、", "（一）"):
        run: list[tuple[int, int]] = []
        for pos, _st, n in [m for m in marks if m[1] == style] + [(-1, style, 0)]:
            if run and n == run[-1][1] + 1:
                run.append((pos, n))
                continue
            if len(run) >= 2:  # a lone 一、 with no 二、 after it is no heading
                cuts.update(p for p, _ in run)
            run = [(pos, n)] if n == 1 else []
    if not cuts:
        return [s]
    out: list[str] = []
    prev = 0
    for cut in sorted(cuts):
        if cut > prev and s[prev:cut].strip():
            out.append(s[prev:cut].strip())
        prev = cut
    out.append(s[prev:].strip())
    return [p for p in out if p]


# Words a body sentence often starts with: where a heading pasted without its line
# break ends (二、突出重点领域，全力防范化解重大安全风险今年要重点抓好三件事。).
_SENTENCE_OPENER = lazy(
    r"(?:今年|去年|明年|过去|近年来|近几年|当前|目前|各级|各地|各部门|各单位|我们|"
    r"一年来|五年来|这是|这次|同时|为此|对此|截至)"
)


_VERB_BEFORE = frozenset(
    "做好 抓好 办好 干好 搞好 管好 加强 加快 坚持 推动 推进 实现 完成 确保 围绕 聚焦 谋划 部署 安排".split()
)


def _cut_glued_heading(s: str) -> list[str]:
    """A heading from a run-on line, cut from the body glued to it, when a body
    sentence opener follows the heading words."""
    found = match_heading(s)
    if not found:
        return [s]
    rest = found[3]
    first = split_sentences(rest)[0]
    head = len(s) - len(rest)
    if first.endswith(("！", "：")):  # 三、全面加强政府自身建设各位代表！
        for k in range(4, len(first) - 2):
            if _ADDRESS_START.match(first, k) and is_address(first[k:]):
                return [s[: head + k], s[head + k :]]
    if len(first) <= 24:
        return [s]
    for m in _SENTENCE_OPENER.finditer(first, 6, 40):
        at = m.start()
        if first[at - 1] in "，、；：“《（":
            continue  # …，今年要…: inside the sentence
        if first[at - 2 : at] in _VERB_BEFORE and at - 2 >= 6:
            at -= 2  # …总体要求做好明年经济工作，…: the sentence starts at its verb
        return [s[: head + at], s[head + at :]]
    return [s]


@dataclass
class _Item:
    line: int
    text: str
    salutation: bool = False  # split off the front of a line: only one when a speech starts there
    starts: bool = False  # the title/date/speaker block at the front of a line: a speech starts here
    closing: bool = False  # closing sentences split off the end of a line


def _items(lines: Sequence[Line]) -> list[_Item]:
    """Lines cleaned of credits and boilerplate, run-on lines split into the parts they hold."""
    from drafter.text.reader import is_boilerplate, strip_credits

    raw = [(n, strip_credits(s)) for n, s in lines if s]
    raw = [(n, s) for n, s in raw if s and not is_boilerplate(s)]
    # Pasted without line breaks: long lines on average, and no heading on a line of its own.
    run_on = (
        bool(raw)
        and sum(len(s) for _, s in raw) >= _RUN_ON_LINE * len(raw) // 2
        and sum(1 for _, s in raw if len(s) <= 60 and match_heading(s)) < 2
    )
    out: list[_Item] = []
    for n, s in [(n, piece) for n, line in raw for piece in _split_pasted(line)]:
        split = _split_header(s) if not is_salutation(s) else None
        if split:
            head, sal, s = split
            out.extend(_Item(n, h, starts=(k == 0)) for k, h in enumerate(head))
            out.append(_Item(n, sal, salutation=True))
            if not s:
                continue
        body, closing = _split_closing(s)
        parts = [body]
        if run_on and len(body) >= _RUN_ON_LINE // 3:
            parts = [q for p in _split_inline_headings(body) for q in _cut_glued_heading(p)]
        out.extend(_Item(n, p) for p in parts if p)
        out.extend(_Item(n, c, closing=True) for c in closing)
    return out


# --- parsing ----------------------------------------------------------------


def _sibling_runs(headings: Sequence[Block]) -> list[list[Block]]:
    groups: list[list[Block]] = []
    open_: dict[int, list[Block]] = {}  # level -> the run of siblings being collected
    for b in headings:
        for lv in [lv for lv in open_ if lv > b.level]:
            del open_[lv]
        g = open_.get(b.level)
        if g is None or b.number == 1 or b.style != g[-1].style:
            g = open_[b.level] = []
            groups.append(g)
        g.append(b)
    return groups


def _finish(blocks: list[Block], doc: str) -> Speech:
    # levels from the styles present, then positions among siblings
    ranks = sorted({b.level for b in blocks if b.kind == "heading"})
    depth = {rank: i for i, rank in enumerate(ranks, 1)}
    leveled = [
        Block(**{**b.__dict__, "level": depth[b.level]}) if b.kind == "heading" else b for b in blocks
    ]
    position = {id(h): k for g in _sibling_runs([b for b in leveled if b.kind == "heading"])
                for k, h in enumerate(g, 1)}
    out = [Block(**{**b.__dict__, "position": position[id(b)]}) if b.kind == "heading" else b for b in leveled]
    title = next((b.text for b in out if b.kind == "title"), "")
    closing = " ".join(b.text for b in out if b.kind == "closing")
    opening = next((b.text for b in out if b.kind == "paragraph"), "")
    return Speech(_mark_exhortation(_wishes_mid_speech(out)), doc, detect_genre(title, closing, opening[:200]))


def _wishes_mid_speech(blocks: list[Block]) -> list[Block]:
    """Wishes split off a line's end (预祝…成功！) with body text after them close
    nothing: back into the paragraph they were cut from (or a paragraph of their own)."""
    last_body = max((i for i, b in enumerate(blocks) if b.kind in ("paragraph", "heading")), default=-1)
    if not any(b.kind == "closing" for b in blocks[:last_body]):
        return blocks
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if b.kind == "closing" and i < last_body and _WISH_SENTENCE.match(b.text):
            if out and out[-1].kind == "paragraph" and out[-1].line == b.line:
                out[-1] = replace(out[-1], text=out[-1].text + b.text)
            else:
                out.append(replace(b, kind="paragraph"))
            continue
        out.append(b)
    return out


def _mark_exhortation(blocks: list[Block]) -> list[Block]:
    """The last paragraph, when it is an exhortation (同志们，…让我们…！) or an address's
    wishes (最后，预祝…圆满成功！祝…！), is the closing;
    only closing formulas (散会。/ 谢谢大家！) or a signature block may follow it."""
    k = len(blocks) - 1
    while k >= 0 and blocks[k].kind in ("closing", "speaker"):
        k -= 1
    if k > 0 and blocks[k].kind == "paragraph" and not blocks[k].runin and (
        is_exhortation(blocks[k].text) or is_wishes(blocks[k].text)
    ):
        blocks = [*blocks[:k], replace(blocks[k], kind="closing"), *blocks[k + 1:]]
    return blocks


def _order_runs(items: Sequence[_Item]) -> dict[int, int]:
    """Items heading a 首先，… 其次，… (再次，… 最后，…) run of consecutive paragraphs:
    index -> number. A run has at least 首先 and 其次; 最后 ends it."""
    out: dict[int, int] = {}
    k = 0
    while k < len(items):
        m = _ORDER_WORD.match(items[k].text)
        if not m or m.group(1) != "首先":
            k += 1
            continue
        run = [k]
        j = k + 1
        while j < len(items):
            m = _ORDER_WORD.match(items[j].text)
            word = m.group(1) if m else ""
            n = len(run) + 1
            if (n == 2 and word == "其次") or (n == 3 and word == "再次") or (n >= 3 and word == "最后"):
                run.append(j)
                j += 1
                if word == "最后":
                    break
                continue
            break
        if len(run) >= 2:
            out.update({idx: n for n, idx in enumerate(run, 1)})
        k = j
    return out


_NEWS_LEAD_MAX = 400  # characters of a news lead (who attended, who spoke) above a speech


def _is_news_lead(blocks: Sequence[Block]) -> bool:
    """Blocks that are a news headline and its lead, not a speech: a title naming no
    speech, then one or two short paragraphs (no speaker, salutation, heading or closing)."""
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    return (
        0 < len(paragraphs) <= 2
        and sum(len(b.text) for b in paragraphs) <= _NEWS_LEAD_MAX
        and blocks[0].kind == "title" and not is_doc_title(blocks[0].text)
        and all(b.kind == "paragraph" for b in blocks[1:])
    )


def _has_body_ahead(items: Sequence[_Item], k: int) -> bool:
    """Some body text soon after item ``k`` (a signature block at the end has none)."""
    for it in items[k + 1 : k + 6]:
        s = it.text
        if len(s) > 40 or s.endswith(tuple("。！？")) or match_heading(s) or is_salutation(s):
            return True
    return False


def parse_lines(lines: Sequence[Line], doc: str = "") -> list[Speech]:
    """Parse numbered lines into one or more speeches.

    Lines are first cleaned (credits, bylines, web and red-header lines go) and
    run-on lines split (speeches pasted one after another, a salutation at the
    front, closing sentences at the end, heading numbers inside a speech pasted
    as one line). A new speech starts where, after body text, a speaker line
    (role and name and a colon) appears, or a title-like line followed by a
    salutation, subtitle, speaker line or role-and-name line and then body text
    (a quotation's lead-in such as 习近平总书记强调： is none). A news headline and
    lead above a speech, an issuing office and its date above a notice, are the
    speech's header, not a speech or a title of their own.
    首先，…其次，…(再次，…最后，…) heading consecutive paragraphs are numbered items; the
    last paragraph is the closing when it is an exhortation (同志们，…让我们…！) or an
    address's wishes (最后，预祝…圆满成功！). Linear in the number of lines.
    """
    items = _items(lines)
    ordered = _order_runs(items)
    speeches: list[Speech] = []
    blocks: list[Block] = []
    has_body = has_title = has_salutation = False
    k = 0
    while k < len(items):
        it = items[k]
        lineno, s = it.line, it.text
        nxt = items[k + 1].text if k + 1 < len(items) else ""
        if it.salutation and has_body and blocks[-1].kind != "closing":
            # 同志们！让我们… inside a speech is rhetoric, not a new salutation: one paragraph again
            s = s + nxt if k + 1 < len(items) and items[k + 1].line == lineno else s
            blocks.append(Block("paragraph", s, lineno))
            k += 2 if s != it.text else 1
            continue
        if has_body and (
            it.starts
            or (it.salutation and blocks[-1].kind == "closing")
            or (is_speaker_line(s) and not is_date_line(s))
            or (
                is_title_like(s) and not _SECTION_TITLE.match(s)
                and (is_salutation(nxt) or nxt.startswith("——") or is_speaker_line(nxt) or is_name_line(nxt))
                and _has_body_ahead(items, k)
            )
        ):
            if is_doc_title(s) and _is_news_lead(blocks):
                # a news headline and lead above the speech they report: the speech's header
                blocks = [replace(b, kind="speaker") if b.kind == "title" else b for b in blocks]
            else:
                speeches.append(_finish(blocks, doc))
                blocks = []
            has_body = has_title = has_salutation = False
        found = match_heading(s)
        if k in ordered:
            found = (ORDER_STYLE, STYLE_RANK[ORDER_STYLE], ordered[k], s[3:])
        if is_salutation(s) and not has_body:
            blocks.append(Block("salutation", s, lineno))
            has_salutation = True
        elif is_salutation(s) and it.salutation is False and len(s) <= 30:
            blocks.append(Block("salutation", s, lineno))
        elif not has_body and s.startswith("——"):
            blocks.append(Block("subtitle", s, lineno))
        elif not has_body and (is_speaker_line(s) or (not has_title and not has_salutation and is_issuer_line(s))):
            blocks.append(Block("speaker", s, lineno))  # who speaks, when, or the issuing office
        elif not has_body and not has_title and not has_salutation and is_title_like(s):
            blocks.append(Block("title", s, lineno))
            has_title = True
        elif (not has_body and has_title and not has_salutation and is_doc_title(s)
              and not any(b.kind == "title" and is_doc_title(b.text) for b in blocks)):
            # 2025某博览会开幕 ¶ 在…开幕式上的致辞: the headline above is no title
            blocks = [replace(b, kind="speaker") if b.kind == "title" else b for b in blocks]
            blocks.append(Block("title", s, lineno))
        elif not has_body and has_title and not has_salutation and is_title_like(s) and len(s) <= 40:
            blocks.append(Block("speaker", s, lineno))
        elif found:
            blocks.extend(_heading_blocks(lineno, s, found))
            has_body = True
        elif has_body and (is_closing(s) or it.closing):
            blocks.append(Block("closing", s, lineno))
        elif has_body and (is_date_line(s) or (len(s) <= 30 and is_title_like(s) and is_date_line(nxt))):
            blocks.append(Block("speaker", s, lineno))  # a signature block: who and when
        else:
            blocks.append(Block("paragraph", s, lineno))
            has_body = True
        k += 1
    if blocks:
        speeches.append(_finish(blocks, doc))
    return speeches


def parse_text(text: str, doc: str = "") -> list[Speech]:
    """Parse a string (lines numbered from 1, cleaned as files are)."""
    from drafter.text.reader import text_lines

    return parse_lines(text_lines(text), doc)


def parse_file(path: Path | str, doc: str | None = None) -> list[Speech]:
    """Read and parse a speech file. Raises ReadError when it cannot be read."""
    return parse_lines(read_lines(path), doc if doc is not None else str(path))

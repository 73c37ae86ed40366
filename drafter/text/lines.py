"""Line classes: what one line of a speech is on its own — a salutation or address,
a closing formula, wishes or exhortation, a speaker, name, date or issuer line, a
title, a document title or a notice's addressees."""

from __future__ import annotations

import re

from drafter.text.genre import detect_genre
from drafter.text.lazyre import lazy
from drafter.text.numbering import match_heading

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


# The closing is said to the audience: it opens with a form of address (同志们， / 各位代表！ /
# 各位委员、同志们！ / 同志们、朋友们！), checked part by part as a salutation is.
_ADDRESS_LEAD = lazy(r"^([^，,！!。？：:；]{2,24})[，,！!]")
# the call on the audience: 让我们… / 希望大家… / 全市各级各部门要… / 务必…; or, in a 表态 or
# 报告, the speaker's own commitment to the common cause (…为…贡献江北力量！ / …而努力奋斗！)
_EXHORTATION = lazy(
    r"让我们|希望|务必|各级[^，。！]{0,12}(?:要|务必)|各有关部门要|[县市区镇乡]上下要|大家要|我们要|"
    r"贡献[^，。！]{0,8}力量|作出[^，。！]{0,8}贡献|而(?:努力|不懈|团结|共同)?奋斗"
)


_GREETING = lazy(r"(?:大家|上午|下午|晚上|你们)好$")  # 大家好！ opens a speech, never closes one


def opens_with_address(s: str) -> bool:
    """Does a paragraph open with a form of address (同志们， / 各位代表、同志们！)? A greeting
    (大家好！) is none.

    >>> opens_with_address("各位代表！新的征程已经开启。"), opens_with_address("各级各部门要抓好落实。")
    (True, False)
    >>> opens_with_address("大家好！很荣幸与大家交流。"), opens_with_address("作为分管领导，我将以这次研讨为起点。")
    (False, False)
    """
    m = _ADDRESS_LEAD.match(s)
    return (
        bool(m) and bool(_ADDRESS_START.match(s)) and not _GREETING.search(m.group(1))
        and is_address(m.group(1) + "！")
    )


_WISHES = lazy(r"^(?:最后[，,])?(?:预祝|衷心祝愿|祝愿|祝)[^。！]{2,40}(?:成功|圆满|顺利|成果|佳绩|兴旺|健康|如意)")


def is_wishes(s: str) -> bool:
    """The wishes that close a 致辞: 最后，预祝本次论坛圆满成功！祝各位来宾身体健康！

    >>> is_wishes("最后，预祝本次签约仪式圆满成功！祝各位来宾身体健康、万事如意！"), is_wishes("祝大家吃好。")
    (True, False)
    """
    return len(s) <= 120 and s.endswith(("！", "。", "!")) and bool(_WISHES.match(s))


def is_exhortation(s: str) -> bool:
    """The closing exhortation of a 讲话, 报告 or 主持词: a paragraph opening with a form of
    address (同志们， / 各位代表！) that calls on the audience (让我们… / 希望大家…) or
    commits to the common cause (…而努力奋斗！), ending with ！or 。.

    >>> is_exhortation("同志们，安全责任重于泰山。让我们全力以赴抓好各项工作！")
    True
    >>> is_exhortation("各位代表！新的一年，让我们团结一心，为建设美丽家园而努力奋斗！")
    True
    >>> is_exhortation("同志们，今年以来全市经济运行总体平稳。"), is_exhortation("让我们共同努力！")
    (False, False)
    """
    return (
        len(s) <= 600
        and s.endswith(("！", "。", "!"))
        and opens_with_address(s)
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

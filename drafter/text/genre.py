"""A speech's genre (report, seminar, speech, address, host, …) from its title,
closing words or opening."""

from __future__ import annotations

import re

from drafter.text.lazyre import lazy

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

"""The names drafter uses everywhere: phrase kinds and genres, with their Chinese names."""

from __future__ import annotations

PHRASE_KINDS = (
    "title", "salutation", "opening", "transition", "heading", "lead", "parallel", "pledge", "closing",
    "elaboration",
)
SET_SEPARATOR = " / "  # between the items of a set in its ``text``

KIND_NAMES = {
    "title": "标题",
    "salutation": "称谓",
    "opening": "开头",
    "transition": "过渡",
    "heading": "并列标题",
    "lead": "段首句",
    "parallel": "一是二是",
    "pledge": "表态",
    "closing": "结尾",
    "elaboration": "展开句",
}

# The built-in genres, in the order they are listed; "other" is a mined speech of none of them.
GENRE_NAMES = {
    "report": "汇报发言",
    "seminar": "研讨发言",
    "discussion": "分组讨论发言",
    "pledge": "表态发言",
    "sharing": "交流发言/心得体会",
    "speech": "讲话",
    "address": "致辞",
    "host": "主持词",
    "work_report": "工作报告",  # 政府工作报告 and the like: mined, not drafted
    "other": "其他",
}

# Administrative level of the speech a phrase came from (and of an outline's speaker).
LEVEL_NAMES = {
    "national": "国家",
    "provincial": "省级",
    "municipal": "市级",
    "county": "县级",
    "township": "乡镇",
    "enterprise": "企业",
    "unknown": "未知",
}

# Types of the specific facts a phrase may carry (Phrase.facts[i]["type"]).
FACT_TYPES = {
    "year": "年份",
    "date": "日期",
    "statistic": "统计数字",
    "meeting": "届次会议",
    "place": "地名",
    "person": "人名",
    "org": "机构名",
    "event": "事件",
    "period": "规划期",
}

"""The names drafter uses everywhere: phrase kinds and genres, with their Chinese names."""

from __future__ import annotations

PHRASE_KINDS = (
    "title", "salutation", "opening", "transition", "heading", "lead", "parallel", "pledge", "closing",
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
}

# The built-in genres, in the order they are listed; "other" is a mined speech of none of them.
GENRE_NAMES = {
    "report": "汇报发言",
    "seminar": "研讨发言",
    "discussion": "分组讨论发言",
    "pledge": "表态发言",
    "sharing": "交流发言/心得体会",
    "other": "其他",
}

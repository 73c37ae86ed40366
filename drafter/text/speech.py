"""The speech model: one parser that turns plain text into blocks.

Mining, rendering and checking all stand on it. A speech is a list of
``Block``s: title, subtitle (——…), speaker (speaker or date line),
salutation, paragraph, heading (with level, number and position among its
siblings) and closing.

This module is the speech model's public face: the names are defined in
``blocks`` (Block, Speech), ``numbering`` (Chinese numerals, heading styles),
``lines`` (line classes), ``splitting`` (sentences, run-on and pasted lines),
``genre`` (detect_genre) and ``parser`` (parse_lines/parse_text/parse_file),
and imported from here.

>>> [b.kind for b in parse_lines([(1, "关于某事的汇报"), (2, "各位领导："),
...     (3, "一、抓落实。具体做法是……"), (4, "汇报完毕。")])[0].blocks]
['title', 'salutation', 'heading', 'paragraph', 'closing']
"""

from drafter.text.blocks import GENRES, KINDS, Block, Speech
from drafter.text.genre import detect_genre
from drafter.text.lines import (
    is_address,
    is_addressee,
    is_closing,
    is_date_line,
    is_doc_title,
    is_exhortation,
    is_issuer_line,
    is_name_line,
    is_salutation,
    is_speaker_line,
    is_title_like,
    is_wishes,
)
from drafter.text.numbering import (
    CN_DIGITS,
    HEADING_STYLES,
    ORDER_STYLE,
    STYLE_RANK,
    cn_number,
    cn_numeral,
    format_number,
    match_heading,
)
from drafter.text.parser import parse_file, parse_lines, parse_text
from drafter.text.splitting import split_sentences

__all__ = [
    "CN_DIGITS",
    "GENRES",
    "HEADING_STYLES",
    "KINDS",
    "ORDER_STYLE",
    "STYLE_RANK",
    "Block",
    "Speech",
    "cn_number",
    "cn_numeral",
    "detect_genre",
    "format_number",
    "is_address",
    "is_addressee",
    "is_closing",
    "is_date_line",
    "is_doc_title",
    "is_exhortation",
    "is_issuer_line",
    "is_name_line",
    "is_salutation",
    "is_speaker_line",
    "is_title_like",
    "is_wishes",
    "match_heading",
    "parse_file",
    "parse_lines",
    "parse_text",
    "split_sentences",
]

"""Masks in the corpus (``*``, ``**``, ``X``, ``XX``, ``××``) become named slots.

A mask is a run of ``*``, of upper-case ``X`` not touching other Latin
letters, or of ``×`` (except between digits: ``7×24小时`` is a time, not a mask). Its slot name is picked from the characters around it,
first rule that matches wins:

=========  ======================================================  ======================
slot       rule                                                    example
=========  ======================================================  ======================
name       followed by a title for a person (市长, 书记, 同志…)      ``尊敬的**市长`` → ``尊敬的{{name}}市长``
number     followed by a unit or counter (% 亿 万 届 次 个 年…),   ``近**%`` → ``近{{number}}%``,
           or preceded by 近 约 超 达 第 共 占                      ``X届X次`` → ``{{number}}届{{number}}次``
place      followed by 省 市 县 区 州 镇 乡 村 城 大地 都市圈 地区   ``***市`` → ``{{place}}市``
org        followed by 公司 集团 企业 局 委 厅 办 中心 银行          ``**集团`` → ``{{org}}集团``
project    followed by 项目 工程                                   ``**项目`` → ``{{project}}项目``
park       followed by 园区 基地 开发区 产业园                      ``XX园区`` → ``{{park}}园区``
industry   followed by 产业 行业 链                                 ``XX产业链条`` → ``{{industry}}产业链条``
name       anything else                                           ``*发展特色`` → ``{{name}}发展特色``
=========  ======================================================  ======================

Place names left unmasked in a corpus stay as written: they are facts of the
speech they came from (``drafter.bank.facts``), not slots, so the composer
can tell ``美丽河北`` from a blank to fill.

>>> slotify("尊敬的**市长，各位市领导，同志们：")
'尊敬的{{name}}市长，各位市领导，同志们：'
>>> slotify("***市第十三次代表大会，占比近**%，市委X届X次全会")
'{{place}}市第十三次代表大会，占比近{{number}}%，市委{{number}}届{{number}}次全会'
"""

from __future__ import annotations

import re

from drafter.text.lazyre import lazy

MASK = lazy(r"\*+|(?<![A-Za-z])X+(?![A-Za-z])|(?<![0-9])×+|×+(?![0-9])")
SLOT = lazy(r"\{\{([A-Za-z_]\w*)\}\}")  # {{1}} is a frame hole, not a slot

_RULES: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    # (slot, pattern on the text after the mask, pattern on the text before it)
    ("name", lazy(r"^(?:市长|县长|区长|省长|书记|局长|厅长|主任|部长|主席|董事长|总经理|同志|先生|女士|委员)"), None),
    ("number", lazy(r"^(?:[%％亿万千百届次个家年月日期倍名户元余多级位人吨]|项(?!目)|平方)"), lazy(r"(?:近|约|超|达|第|共|占|增长|下降)$")),
    ("place", lazy(r"^(?:省|市|县|区|州|镇|乡|村|城|大地|都市圈|地区)"), None),
    ("org", lazy(r"^(?:公司|集团|企业|局|委|厅|办|中心|银行|协会)"), None),
    ("project", lazy(r"^(?:项目|工程)"), None),
    ("park", lazy(r"^(?:园区|基地|开发区|产业园)"), None),
    ("industry", lazy(r"^(?:产业|行业|链)"), None),
)


def slot_for(before: str, after: str) -> str:
    """The slot name for a mask between ``before`` and ``after``."""
    for name, after_rx, before_rx in _RULES:
        if after_rx is not None and after_rx.match(after):
            return name
        if before_rx is not None and before_rx.search(before):
            return name
    return "name"


def slotify(text: str) -> str:
    """Replace every mask with its named slot ``{{name}}``.

    >>> slotify("7×24小时服务，××同志")
    '7×24小时服务，{{name}}同志'
    """
    if "*" not in text and "X" not in text and "×" not in text:
        return text
    out: list[str] = []
    pos = 0
    for m in MASK.finditer(text):
        out.append(text[pos : m.start()])
        # look past an adjacent mask (X届X次: the first X sees 届)
        after = MASK.sub("", text[m.end() : m.end() + 8])
        out.append("{{" + slot_for(text[max(0, m.start() - 4) : m.start()], after) + "}}")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def slots_in(text: str) -> list[str]:
    """Slot names in order of first appearance.

    >>> slots_in("{{place}}市{{number}}届{{number}}次")
    ['place', 'number']
    """
    seen: dict[str, None] = {}
    for m in SLOT.finditer(text):
        seen.setdefault(m.group(1), None)
    return list(seen)


def as_pattern(text: str) -> re.Pattern[str]:
    """A regex matching the source text a slotted phrase came from (slots as wildcards)."""
    parts = SLOT.split(text)
    rx = "".join(re.escape(p) if i % 2 == 0 else ".+?" for i, p in enumerate(parts))
    return re.compile(rx)


PLACEHOLDER = lazy(r"【待补：([^】]+)】")


def placeholder(name: str) -> str:
    """The visible mark for a value the writer must still supply.

    >>> placeholder("place")
    '【待补：place】'
    """
    return f"【待补：{name}】"


def placeholders_in(text: str) -> list[str]:
    """Names of the placeholders left in a text, in order, once each.

    >>> placeholders_in("【待补：a】和【待补：b】又【待补：a】")
    ['a', 'b']
    """
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def fill(text: str, values: dict[str, object], missing: list[str] | None = None) -> str:
    """Fill slots from ``values``; a list value fills repeated slots in order.

    A slot without a value becomes a visible placeholder 【待补：name】 and is
    recorded in ``missing``.

    >>> fill("{{place}}市第{{number}}届", {"place": "某"}, m := [])
    '某市第【待补：number】届'
    >>> m
    ['number']
    >>> fill("{{number}}届{{number}}次", {"number": ["十二", "三"]})
    '十二届三次'
    """
    used: dict[str, int] = {}

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        value = values.get(key)
        if isinstance(value, (list, tuple)):
            i = used.get(key, 0)
            used[key] = i + 1
            value = value[i] if i < len(value) else (value[-1] if value else None)
        if value is None or value == "":
            if missing is not None and key not in missing:
                missing.append(key)
            return placeholder(key)
        return str(value)

    return SLOT.sub(sub, text)

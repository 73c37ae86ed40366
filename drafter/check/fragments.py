"""D603: a sentence glued from a template word and a fragment: 我们将/我们要 + a
clause that is empty, begins with a particle (我们要的…), or is a bare noun phrase
(我们将产业体系的现代化水平。: …的… ending in a noun, with no verb). Precision
first: a clause that may be a predicate (any verb or adverb) is left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.base import Context, Hit, excerpt, quoted

_TRIGGER = re.compile(r"(?:^|(?<=[。；！？，：\s]))(?:我们|大家|咱们)(?:一定要|必须|务必|将要|将|要)(?=\S)")
_CLAUSE_END = re.compile(r"[，。；！？：,;!?]")
# first characters of a clause that goes on as a predicate: verbs, adverbs, prepositions, modals
_STARTS = set(
    "以在把对为从按向与同跟坚持全加深推抓做进继更切着紧围立扎突狠用始一聚大不努奋敢善能会充认真严主积统锚"
    "牢勇乘强提促保守创改引育稳扩优筑树重注落攻打拼干走开办建完实发激营带凝集压兜担扛当争力再高精细多有是"
    "让使请把切实下上出入来去看听讲学想写说读查找定管治防控抢抓谋调服支组召筹走靠依围绕聚焦紧盯瞄对标认清"
    "做好当好守好用好管好抓好建好带好走好讲好把握到既又也还都就才只先后早及时长常久永尽全共同各逐分"
)
_VERBS = re.compile(
    "推进|推动|加快|加强|坚持|落实|抓好|做好|建设|提升|强化|深化|完善|实施|打造|构建|培育|优化|保障|确保|"
    "聚焦|围绕|突出|统筹|巩固|扩大|促进|健全|守牢|筑牢|树立|服务|支持|引导|开展|组织|学习|贯彻|用好|发挥|"
    "把握|坚定|增强|提高|提供|创造|实现|完成|取得|形成|营造|激发|带动|凝聚|攻坚|抓住|争取|努力|奋力|持续|"
    "继续|进一步|全力|全面|切实|着力|大力|不断|始终|积极|认真|主动|坚决|牢牢|紧紧|做到|成为|作为|建立|"
    "总结|明确|正视|找准|补齐|推广|落到|转变|转化|深入|严格|严肃|防范|化解|解决|应对|迎接|抓紧|抓实|谋划|部署|召开|举办|开创|书写|"
    "纳入|列入|放在|摆在|视为|当作|融入|贯穿|延伸|提到|上升|变成|写入|谱写|奋进|迈进|再创|争创|创建|提质|增效|保持|稳定|扩大|补齐|拓展|激活|释放|巩固|拓宽|夯实|打好|打赢"
)
# a noun phrase: something 的 something, ending in a noun a template's lead ends with
_NOUN_PHRASE = re.compile(
    "^[^“”]{1,30}的[^“”，。的]{0,12}(?:水平|局面|格局|能力|机制|体系|环境|工程|行动|战略|成效|质量|效益|态势|目标|任务|"
    "篇章|高地|基础|优势|动能|活力|氛围|支撑|形象|面貌|样板|标杆|示范区|征程|方向|道路|路径|之路|重点|关键|核心|"
    "意义|作用|地位|精神|要求|部署|理念|思路|成果|成绩|经验|问题|短板|差距)$"
)
_GLUE = re.compile(r"^(?:的(?!是)|、)")  # 我们要的发展。 (我们要的是… is fine)


def fragments(ctx: Context) -> Iterator[Hit]:
    """D603: after 我们将/要 (at a clause start) an empty clause, one that begins
    with a particle (我们要的…), or one without any verb (我们将产业体系的现代化水平。)."""
    for b in ctx.speech.blocks:
        if b.kind != "paragraph":
            continue
        text = b.text
        inq = quoted(text)
        for m in _TRIGGER.finditer(text):
            if inq[m.start()]:
                continue
            end = _CLAUSE_END.search(text, m.end())
            clause = text[m.end() : end.start() if end else len(text)]
            if clause and not _GLUE.match(clause) and not _NOUN_PHRASE.match(clause):
                continue
            if clause and not _GLUE.match(clause) and (
                clause[0] in _STARTS or _VERBS.search(clause) or _has_predicate(clause)
            ):
                continue
            if not clause and end and end.group() in "，：":
                continue  # 要，… is a conjunction-like pause (要，就要…)
            shown = excerpt(text, m.start(), m.end() + len(clause) + 1, 4)
            yield Hit(
                "D603", b.line, shown,
                f"“{m.group()}”后面接的不是完整的谓语（{clause or '空'}），像是模板与片段拼接而成，请补全或改写这一句",
            )


def _has_predicate(clause: str) -> bool:
    """Does the part before 的 hold a verb, adverb, adjective or preposition (jieba's POS
    tags)? Only asked of the rare clause that looks like a bare noun phrase."""
    from drafter.bank.words import load

    load()  # jieba once, quiet, without pkg_resources (before jieba.posseg imports jieba)
    import jieba.posseg

    head = clause[: clause.rfind("的")]
    return any(w.flag[:1] in ("v", "d", "p", "a") and w.flag != "vn" for w in jieba.posseg.lcut(head))

"""D701-D703: the parts a genre needs (salutation, closing, a host's opening words)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.base import Context, Hit, head
from drafter.kinds import GENRE_NAMES
from drafter.text.speech import Speech

_TITLE_GENRES = (
    ("host", re.compile(r"主持词|主持稿|主持讲话|主持人")),
    ("address", re.compile(r"致辞|致词|贺词|欢迎辞|欢迎词|答谢辞|祝酒")),
    ("work_report", re.compile(r"工作报告")),
    ("speech", re.compile(r"讲话")),
)


def genre_of(speech: Speech) -> str:
    """The speech model's genre, or one of the newer genres from the title words."""
    if speech.genre != "other":
        return speech.genre
    title = " ".join(b.text for b in speech.blocks if b.kind in ("title", "subtitle"))
    for genre, rx in _TITLE_GENRES:
        if rx.search(title):
            return genre
    return "other"


_SPEECH_END = re.compile(r"就讲(?:这些|这么多|到这里|这几点)|讲(?:这些|这么多|到这里)吧|让我们|同志们|奋力|努力奋斗|而努力|而奋斗|再创|新的更大|新的更大贡献|谢谢|携手|共同努力|新篇章|新辉煌")
_ADDRESS_END = re.compile(r"预祝|祝愿|祝大家|祝各位|圆满成功|谢谢|宣布.{0,30}(?:开幕|闭幕|开营|启动|开通|开工)")
_HOST_OPEN = re.compile(r"现在开会|会议开始|现在开始|开会。|正式开始")
_HOST_END = re.compile(r"散会|会议结束|到此结束|议程全部完成|圆满完成各项议程")

_NEWS = re.compile(r"^\S{0,12}\d{1,2}月\d{1,2}日电|^本报讯|[（(]\s*(?:记者|通讯员)[^（）()]{0,20}[）)]\s*$|[（(]\S{0,12}\d{1,2}月\d{1,2}日电[）)]\s*$")
_INLINE_SALUTATION = re.compile(
    r"^[^。！？]{0,50}?(?:同志们|各位|尊敬的|朋友们|代表们|来宾|女士们|先生们|老师们|同学们)[^。！？：]{0,40}[：！]"
)

# genre -> (salutation example or None, closing check, closing example)
_NEEDS: dict[str, tuple[str | None, re.Pattern[str] | None, str]] = {
    "report": ("尊敬的各位领导，同志们：", None, "汇报完毕，不当之处，请批评指正。"),
    "seminar": (None, None, "以上是我的研讨发言，不当之处，请批评指正。"),
    "speech": ("同志们：", _SPEECH_END, "同志们，让我们……，为……而努力奋斗！"),
    "address": ("尊敬的……，各位来宾，女士们、先生们：", _ADDRESS_END, "最后，预祝本次大会圆满成功！谢谢大家！"),
    "host": (None, _HOST_END, "会议议程全部完成，现在散会。"),
}


def genre_parts(ctx: Context) -> Iterator[Hit]:
    """D701 a salutation missing, D702 a closing missing, D703 a host script that never opens the meeting."""
    need = _NEEDS.get(ctx.genre)
    blocks = ctx.speech.blocks
    body = [b for b in blocks if b.kind in ("paragraph", "heading", "closing")]
    if need is None or not body:
        return
    first_raw = ctx.raw.get(body[0].line, body[0].text)
    last_raw = ctx.raw.get(max(ctx.raw), "") if ctx.raw else ""
    if any(_NEWS.search(s) for s in (body[0].text, blocks[-1].text, first_raw, last_raw)):
        return  # a news report of a speech (新华社…电, 记者 … 摄): not a script to deliver
    name = GENRE_NAMES[ctx.genre]
    salutation, closing_rx, closing = need
    if salutation and ctx.speech.first("salutation") is None:
        first = next(b for b in blocks if b.kind in ("paragraph", "heading"))
        if not _INLINE_SALUTATION.match(first.text):  # 同志们！今天… / 尊敬的…：今天…
            yield Hit("D701", first.line, head(first.text), f"{name}缺少称谓，请在正文前加上称谓，如“{salutation}”")
    if closing_rx is None:
        missing = ctx.speech.first("closing") is None
    else:
        missing = not any(closing_rx.search(b.text) for b in body[-2:])
    if missing:
        last = blocks[-1]
        yield Hit("D702", last.line, last.text[-20:], f"{name}缺少结束语，请在结尾加上，如“{closing}”")
    if ctx.genre == "host" and not any(_HOST_OPEN.search(b.text) for b in body[:6]):
        yield Hit(
            "D703", body[0].line, head(body[0].text),
            f"{name}开头没有宣布开会，请在介绍会议之后加上“现在开会。”",
        )

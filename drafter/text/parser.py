"""The parser: numbered lines into speeches of blocks (``parse_lines``, ``parse_text``,
``parse_file``), with heading levels and positions, numbered 首先/其次 runs and the
closing found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from drafter.text.blocks import Block, Speech, _sibling_runs
from drafter.text.genre import detect_genre
from drafter.text.lazyre import lazy
from drafter.text.lines import (
    _SECTION_TITLE,
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
from drafter.text.numbering import _ORDER_WORD, ORDER_STYLE, STYLE_RANK, match_heading
from drafter.text.reader import Line, read_lines
from drafter.text.splitting import _WISH_SENTENCE, _Item, _items, split_sentences

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


# The distribution lines under a red-header document (报：… 送：… 抄送：…): its footer.
_DISTRIBUTION = lazy(r"^(?:抄送|抄报|主送|分送|报送|报|送|发)[：:]")
# Where a closing exhortation may start inside a run-on paragraph: a sentence opening
# with a form of address (…。同志们，…让我们…！).
_ADDRESS_AT = lazy(r"(?<=[。！？!?])\s*(?=同志们|各位|朋友们|代表们|全体)")


def _mark_exhortation(blocks: list[Block]) -> list[Block]:
    """The last paragraph, when it is an exhortation (同志们，…让我们…！ / 各位代表！…而努力
    奋斗！) or an address's wishes (最后，预祝…圆满成功！祝…！), is the closing; only closing
    formulas (散会。/ 谢谢大家！), a signature block or distribution lines may follow it. In a
    one-line or run-on text the exhortation ends the last paragraph: it is cut off there."""
    k = len(blocks) - 1
    while k >= 0 and blocks[k].kind in ("closing", "speaker"):
        k -= 1
    if k <= 0 or blocks[k].kind != "paragraph":
        return blocks
    b = blocks[k]
    # the speech's only body text is no closing (大家好！…贡献青春力量。 in a one-line text)
    body_before = any(x.kind in ("paragraph", "heading") for x in blocks[:k])
    if body_before and not b.runin and (is_exhortation(b.text) or is_wishes(b.text)):
        return [*blocks[:k], replace(b, kind="closing"), *blocks[k + 1:]]
    # the last address-led sentences of the paragraph that make an exhortation
    for m in reversed(list(_ADDRESS_AT.finditer(b.text, max(0, len(b.text) - 600)))):
        tail = b.text[m.end():]
        if is_exhortation(tail):
            head = replace(b, text=b.text[: m.start()].rstrip())
            return [*blocks[:k], head, replace(b, kind="closing", text=tail, runin=False), *blocks[k + 1:]]
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


def parse_lines(lines: Sequence[Line], doc: str = "", *, archive: bool = True) -> list[Speech]:
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
    ``archive=False`` for text drafter composed itself: no credits, bylines or web lines
    are looked for.
    """
    items = _items(lines, archive)
    ordered = _order_runs(items)
    speeches: list[Speech] = []
    blocks: list[Block] = []
    has_body = has_title = has_salutation = False
    last_rank = 0  # the rank of the last numbered heading: a 首先，…其次，… run sits below it
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
            last_rank = 0
        found = match_heading(s)
        if k in ordered:
            # 第二，突出抓好重点工作。¶ 首先，…¶ 其次，…: the run is that heading's items
            found = (ORDER_STYLE, max(STYLE_RANK[ORDER_STYLE], last_rank + 1), ordered[k], s[3:])
        elif found:
            last_rank = found[1]
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
        elif has_body and len(s) <= 150 and _DISTRIBUTION.match(s):
            blocks.append(Block("speaker", s, lineno))  # a red-header document's distribution lines
        else:
            blocks.append(Block("paragraph", s, lineno))
            has_body = True
        k += 1
    if blocks:
        speeches.append(_finish(blocks, doc))
    return speeches


def parse_text(text: str, doc: str = "", *, archive: bool = True) -> list[Speech]:
    """Parse a string (lines numbered from 1, cleaned as files are; ``archive``: see ``parse_lines``)."""
    from drafter.text.reader import text_lines

    return parse_lines(text_lines(text), doc, archive=archive)


def parse_file(path: Path | str, doc: str | None = None) -> list[Speech]:
    """Read and parse a speech file. Raises ReadError when it cannot be read."""
    return parse_lines(read_lines(path), doc if doc is not None else str(path))

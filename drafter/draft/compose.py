"""Composing a draft: an outline and the bank through a genre's Jinja template.

``compose(outline, bank, seed)`` gives a ``Draft``: the speech text, its
parsed blocks, where every sentence came from, and what is still missing.
Templates render plain speech text; the speech parser turns it into blocks,
so rendering and checking stand on the same model.

Each section gets a budget of characters that brings the draft towards the
target length (``--length``, default the genre's usual length): the target
less the writer's own text and a line a part, shared among the sections and
the genre's own parts. The budget is filled with relevant material only;
where nothing fits, the draft keeps its 【待补：…】.

Templates see ``outline`` (the validated outline), ``o`` (the same), and:

- ``m`` … the built-in macros (``_macros.j2``) import these, and so may a user's template;
- ``mv``: the moves (``drafter.draft.moves.Moves``): ``mv.salutation(default)``,
  ``mv.opening(count)``, ``mv.transition(count)``, ``mv.lead(s)``,
  ``mv.body(s, style, move)``, ``mv.part(move)``, ``mv.has_move(move)``,
  ``mv.pledge()``, ``mv.closing(default)``;
- ``heading(s)``: a section's heading (made from its key words when it gives ``keywords``);
- ``phrase(kind, context="", default="")``: the best fitting bank phrase of a kind;
- ``choice(value, kind, context="")``: the writer's text, nothing for ``none``, else ``phrase``;
- ``cn(n)`` 一 二 三; ``count(n)`` 两 for 2 (两个方面); ``marker(style, n)`` 一、 （一） 1. 第一，; ``enum(n)`` 一是;
- ``frame(kind="parallel", holes=None, context="")``, ``fill_frame(frame, values)``;
- ``sentence(text)``: text ending in sentence punctuation;
- ``placeholder(name)``: 【待补：name】; ``scaffold(move)``: what belongs in a part.

Outline text is passed as data and never evaluated as a template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.bank.frames import fill_frame
from drafter.draft.moves import (
    DEFAULT_LENGTH,
    USUAL_LENGTH,
    Moves,
    enum,
    real_chars,
    scaffold,
    sentence,
)
from drafter.draft.origins import Traced, trace
from drafter.draft.outline import AUTO, NONE, Outline
from drafter.draft.picker import Picker, Use, outline_texts
from drafter.draft.retrieve import open_source
from drafter.draft.templates import (
    TEMPLATE_SUFFIX,
    TemplateInfo,
    environment,
    find_template,
    list_templates,
    template_dirs,
    template_location,
)
from drafter.errors import TemplateError
from drafter.kinds import GENRE_NAMES
from drafter.text.slots import placeholder, placeholders_in
from drafter.text.speech import Speech, cn_numeral, format_number, parse_text

if TYPE_CHECKING:
    from drafter.draft.retrieve import Source



@dataclass
class Draft:
    """A composed speech: text, blocks, where each sentence came from, and what is still missing."""

    text: str
    speech: Speech
    used: list[str] = field(default_factory=list)  # ids of bank phrases used
    uses: list[Use] = field(default_factory=list)
    traced: Traced = field(default_factory=Traced)
    genre: str = ""
    title: str = ""
    topic: str = ""
    target: int = 0  # the length aimed at

    @property
    def missing(self) -> list[str]:
        """Every 【待补：…】 left in the draft (from empty slots, the template or the outline)."""
        return placeholders_in(self.text)

    @property
    def scaffolds(self) -> int:
        """How many 【待补：…】 marks the draft holds."""
        return self.text.count("【待补：")

    @property
    def chars(self) -> int:
        """Characters a speaker reads (no spaces, no line breaks)."""
        return sum(1 for ch in self.text if not ch.isspace())

    @property
    def real_chars(self) -> int:
        """Characters of real material (【待补：…】 not counted)."""
        return real_chars(self.text)

    @property
    def minutes(self) -> float:
        return self.chars / 220

    def by_origin(self) -> dict[str, int]:
        """Characters from the outline, the bank and the template (【待补】 not counted)."""
        return self.traced.chars()

    def to_json(self) -> dict[str, Any]:
        """The draft as data (``render --format json``): ``text`` is exactly the .txt draft."""
        blocks = []
        section = ""
        for b, sents in zip(self.speech.blocks, self.traced.blocks, strict=True):
            if b.kind == "heading" and b.level == 1:
                section = b.text
            blocks.append({
                "kind": b.kind,
                "level": b.level,
                "section": section if b.kind not in ("title", "subtitle", "speaker", "salutation") else "",
                "text": b.text,
                "sentences": [s.to_json() for s in sents],
            })
        return {
            "genre": self.genre,
            "title": self.title,
            "topic": self.topic,
            "text": self.text,
            "chars": self.chars,
            "real_chars": self.real_chars,
            "target": self.target,
            "by_origin": self.by_origin(),
            "missing": self.missing,
            "blocks": blocks,
        }


class _Phrases:
    """The simple template functions (phrase, choice, frame) for user templates."""

    def __init__(self, picker: Picker) -> None:
        self.picker = picker

    def phrase(self, kind: str, context: str = "", default: str = "") -> str:
        use = self.picker.pick(kind, context or self.picker.topic_query, allow_slots=kind == "salutation")
        return use.text if use else default

    def choice(self, value: str, kind: str, context: str = "") -> str:
        if value == NONE:
            return ""
        if value == AUTO:
            return self.phrase(kind, context)
        return value

    def frame(self, kind: str = "parallel", holes: int | None = None, context: str = "") -> str:
        found = [p for p in self.picker.frames(holes) if p.kind == kind and p.id not in self.picker.used_ids]
        if not found:
            return ""
        p = found[0]
        self.picker.used_ids.add(p.id)
        return p.frame or ""


def count_word(n: int) -> str:
    """A number before a measure word: 两 for 2 (两个方面, 两项议程), else 一 三 十二."""
    return "两" if n == 2 else cn_numeral(n)


def _heading(moves: Moves) -> Any:
    """``heading(s)``: the section's heading, or one made from its key words (parallel with its siblings)."""
    made: dict[int, str] = {}

    def heading(s: Any) -> str:
        if s.heading:
            return s.heading
        if id(s) not in made:  # a section given as key words: imported only then
            from drafter.draft.headings import section_headings

            made.update(section_headings(moves.picker, moves.outline.sections))
        return made.get(id(s)) or placeholder("小标题（关键词：" + "、".join(s.keywords) + "）")

    return heading


def load_template(template: TemplateInfo, user_dir: Path | str | None = None) -> Any:
    """The compiled Jinja template of a genre (TemplateError naming file and line)."""
    import jinja2

    env = environment(user_dir)
    try:
        return env.get_template(template.path.name)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(
            f"模板 {e.filename or template.path} 第 {e.lineno} 行语法错误：{e.message}；请修正模板"
        ) from e
    except UnicodeDecodeError as e:
        raise TemplateError(f"模板 {template.path} 不是 UTF-8 编码；请用编辑器另存为 UTF-8") from e


def render_template(template: TemplateInfo, outline: Outline, source: Source, seed: int = 0,
                    user_dir: Path | str | None = None, budget: int = 0,
                    alternatives: int = 3, tpl: Any = None) -> tuple[str, Picker]:
    """The template's text for an outline, and the picker that drew its bank phrases."""
    import jinja2

    picker = Picker(source, outline, seed, alternatives)
    moves = Moves(picker, outline, budget)
    simple = _Phrases(picker)
    if tpl is None:
        tpl = load_template(template, user_dir)
    context: dict[str, Any] = {
        "outline": outline,
        "o": outline,
        "mv": moves,
        "heading": _heading(moves),
        "phrase": simple.phrase,
        "choice": simple.choice,
        "frame": simple.frame,
        "fill_frame": fill_frame,
        "placeholder": placeholder,
        "scaffold": scaffold,
        "cn": cn_numeral,
        "count": count_word,
        "marker": format_number,
        "enum": enum,
        "sentence": sentence,
        "genre_name": GENRE_NAMES.get(outline.genre, outline.genre),
    }
    try:
        text = tpl.render(context)
    except jinja2.UndefinedError as e:
        raise TemplateError(
            f"模板 {template_location(e) or template.path} 使用了未定义的名称：{e.message}；请修正模板或提纲"
        ) from e
    except jinja2.TemplateError as e:
        raise TemplateError(f"模板 {template_location(e) or template.path} 出错：{e}") from e
    except UnicodeDecodeError as e:  # a template it imports or includes
        dirs = "、".join(str(d) for d in template_dirs(user_dir))
        raise TemplateError(f"{template.path} 引用的模板不是 UTF-8 编码（在 {dirs} 中）；请另存为 UTF-8") from e
    except Exception as e:  # a template calling a function wrongly (cn("x"), o.sections[9])
        raise TemplateError(
            f"模板 {template_location(e) or template.path} 运行出错（{type(e).__name__}：{e}）；请修正模板"
        ) from e
    return text, picker


# About what a formula or a lead adds to a part (characters).
_LINE = 40


def _sections_of(outline: Outline) -> int:
    return max(1, len(outline.sections))


def compose(outline: Outline, bank: Any, seed: int = 0, user_dir: Path | str | None = None,
            length: int | None = None, alternatives: int = 3) -> Draft:
    """Render an outline into a draft. This is ``drafter render`` without the file writing.

    ``bank`` is a bank folder (its index is read), a loaded ``Bank`` or a
    retrieval ``Source``; ``length`` the target in characters (default: the
    genre's usual length).
    """
    source = open_source(bank)
    template = find_template(outline.genre, user_dir)
    target = length or USUAL_LENGTH.get(outline.genre, DEFAULT_LENGTH)
    tpl = load_template(template, user_dir)
    # Without bank material beyond its formulas a draft runs to about the writer's text and a
    # line a part (salutation, opening, leads, closing): the rest of the target is room for each
    # section (and the genre's own parts) to grow, with relevant material only.
    parts = _sections_of(outline)
    base = real_chars(" ".join(outline_texts(outline))) + _LINE * (parts + 3)
    budget = max(0, target - base) // (parts + 1)
    text, picker = render_template(template, outline, source, seed, user_dir, budget, alternatives, tpl)
    # The parser skips blank lines and strips spaces, so template whitespace does not matter.
    # The text is drafter's own: no archive furniture (bylines, credits, web lines) to filter.
    speeches = parse_text(text, str(outline.path or ""), archive=False)
    blocks = [b for sp in speeches for b in sp.blocks]
    speech = Speech(blocks, str(outline.path or ""), outline.genre)
    traced = trace(speech, picker.uses, outline_texts(outline))
    return Draft(
        speech.text(), speech, [u.phrase.id for u in picker.uses], list(picker.uses), traced,
        outline.genre, outline.title, outline.topic, target,
    )


def markdown(speech: Speech) -> str:
    """The speech as Markdown: # title, ## 一、 headings, ### （一） and below.

    A run-in heading (1.…。正文…) stays in its paragraph as a bold lead-in,
    ``**1.稳住基本盘**。要稳住工业。``: heading and text apart, the paragraph
    not turned into a heading. The sentence-final mark goes after the closing
    ``**`` (CommonMark does not close emphasis between "。" and a Chinese
    character). A heading holding ``*`` (a mask) is not wrapped.
    """
    out: list[str] = []
    blocks = speech.blocks
    for i, b in enumerate(blocks):
        if b.runin and out:
            out[-1] += b.text
            continue
        runin_next = i + 1 < len(blocks) and blocks[i + 1].runin
        if b.kind == "title":
            out.append(f"# {b.text}")
        elif b.kind == "heading" and runin_next:
            head = b.text.rstrip("。！？")
            out.append(f"**{head}**{b.text[len(head):]}" if "*" not in b.text and head else b.text)
        elif b.kind == "heading" and b.style != "第一，":
            out.append("#" * min(6, b.level + 1) + " " + b.text)
        elif b.kind in ("subtitle", "speaker"):
            out.append(f"*{b.text}*" if "*" not in b.text else b.text)
        else:
            out.append(b.text)
    return "\n\n".join(out) + "\n"


__all__ = [
    "TEMPLATE_SUFFIX",
    "Draft",
    "TemplateInfo",
    "compose",
    "environment",
    "find_template",
    "list_templates",
    "markdown",
    "render_template",
    "sentence",
]

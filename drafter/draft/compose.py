"""Composing a draft: an outline and the bank through a genre's Jinja template.

``compose(outline, bank, seed)`` gives a ``Draft``: the speech text, its
parsed blocks, and the slot values still missing. Templates render plain
speech text; the speech parser turns it into blocks, so rendering and
checking stand on the same model.

Templates see ``outline`` (the validated outline), ``o`` (the same), and
these functions:

- ``phrase(kind, context="", default="")``: a phrase of that kind from the
  bank, preferring the outline's genre and phrases relevant to the topic and
  ``context``; slots filled from ``outline.vars``; never the same phrase twice.
- ``choice(value, kind, context="")``: the writer's text when given, nothing
  for ``none``, else ``phrase(kind, context)``.
- ``cn(n)`` 一 二 三; ``marker(style, n)`` 一、 （一） 1. 第一，; ``enum(n)`` 一是;
- ``frame(kind="parallel", holes=None, context="")``: a mined frame (with
  ``holes`` holes when given); ``fill_frame(frame, values)``;
- ``sentence(text)``: text ending in sentence punctuation;
- ``placeholder(name)``: 【待补：name】 (listed as missing like every placeholder).

Outline text is passed as data and never evaluated as a template.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.bank.frames import FRAME_HOLE, fill_frame
from drafter.draft.outline import AUTO, NONE, Outline
from drafter.errors import GenreError, TemplateError
from drafter.kinds import GENRE_NAMES
from drafter.text.slots import fill, placeholder, placeholders_in
from drafter.text.speech import Speech, cn_numeral, detect_genre, format_number, parse_text

if TYPE_CHECKING:
    import jinja2

    from drafter.bank.store import Bank, Phrase

TEMPLATE_SUFFIX = ".j2"
_NAME = re.compile(r"^\{#-?\s*name:\s*(?P<name>.+?)\s*-?#\}")


@dataclass
class TemplateInfo:
    genre: str
    name: str
    path: Path
    user: bool


def template_dirs(user_dir: Path | str | None = None) -> list[Path]:
    from drafter.bank.store import data_dir

    dirs = [data_dir("templates")]
    if user_dir is not None:
        user = Path(user_dir)
        if not user.is_dir():
            raise TemplateError(f"模板文件夹 {user} 不存在；请检查 --templates 的路径")
        dirs.insert(0, user)
    return dirs


def list_templates(user_dir: Path | str | None = None) -> list[TemplateInfo]:
    """Every genre with a template; a user's template overrides a built-in one."""
    found: dict[str, TemplateInfo] = {}
    dirs = template_dirs(user_dir)
    for i, d in enumerate(reversed(dirs)):
        user = user_dir is not None and i == len(dirs) - 1
        for path in sorted(d.glob(f"*{TEMPLATE_SUFFIX}")):
            genre = path.name[: -len(TEMPLATE_SUFFIX)]
            if genre.startswith("_"):
                continue
            name = GENRE_NAMES.get(genre, genre)
            try:
                with path.open(encoding="utf-8") as f:
                    m = _NAME.match(f.readline())
                name = m.group("name") if m else name
            except (OSError, UnicodeDecodeError):
                pass
            found[genre] = TemplateInfo(genre, name, path, user)
    order = list(GENRE_NAMES)
    return [found[g] for g in sorted(found, key=lambda g: (order.index(g) if g in order else len(order), g))]


def find_template(genre: str, user_dir: Path | str | None = None) -> TemplateInfo:
    templates = list_templates(user_dir)
    for t in templates:
        if t.genre == genre:
            return t
    known = "、".join(f"{t.genre}（{t.name}）" for t in templates)
    raise GenreError(f"未知文种“{genre}”；可用文种：{known}。也可用 --templates 提供自己的模板")


def cache_dir() -> Path | None:
    """Where compiled templates are cached: ``$DRAFTER_CACHE`` (``off`` disables),
    else ``$XDG_CACHE_HOME/drafter``, else ``~/.cache/drafter``; None when unusable."""
    import os

    env = os.environ.get("DRAFTER_CACHE")
    if env is not None and env.strip().lower() in ("", "off", "0", "no"):
        return None
    if env:
        path = Path(env)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        path = Path(base) / "drafter"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def environment(user_dir: Path | str | None = None) -> jinja2.Environment:
    """The strict Jinja environment: an undefined name is an error, never a blank.

    Compiled templates are cached on disk (keyed by template source), which
    saves a third of render's start-up; a stale or unwritable cache is harmless.
    """
    import jinja2

    cache = cache_dir()
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(user_dir)]),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(cache)) if cache else None,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class Draft:
    """A composed speech: text, blocks, and what the writer still has to fill in."""

    text: str
    speech: Speech
    used: list[str] = field(default_factory=list)  # ids of bank phrases used

    @property
    def missing(self) -> list[str]:
        """Every 【待补：…】 left in the draft (from empty slots, the template or the outline)."""
        return placeholders_in(self.text)

    @property
    def chars(self) -> int:
        """Characters a speaker reads (no spaces, no line breaks)."""
        return sum(1 for ch in self.text if not ch.isspace())

    @property
    def minutes(self) -> float:
        return self.chars / 220


class _Picker:
    """Draws phrases from the bank: genre and topic first, seeded choice, no repeats."""

    def __init__(self, bank: Bank, outline: Outline, seed: int) -> None:
        self.bank = bank
        self.outline = outline
        self.rng = random.Random(seed)
        self.used_ids: list[str] = []
        self.used_texts: set[str] = set()
        self.written = " ".join(
            [outline.title, outline.topic, outline.meeting]
            + [s.heading for s in outline.sections]
            + [p.text for s in outline.sections for p in s.points]
        )

    def _score(self, p: Phrase, context: str) -> float:
        score = 0.0
        if self.outline.genre in p.genres:
            score += 4
        elif p.genre == "other":
            score += 1
        topic = f"{self.outline.topic} {context}"
        score += sum(1.5 for kw in p.keywords if kw in topic)
        score += min(2.0, math.log1p(p.count) / 2)
        return score

    def fits_genre(self, p: Phrase) -> bool:
        """A phrase naming another genre (汇报完毕 in a seminar speech) does not fit."""
        named = detect_genre(p.text)
        return named in ("other", self.outline.genre)

    def candidates(self, kind: str, context: str = "") -> list[tuple[float, Phrase]]:
        """Unused phrases of a kind that fit the genre, best score first."""
        scored = [
            (self._score(p, context), p) for p in self.bank.select(kind)
            if p.id not in self.used_ids and p.text not in self.used_texts
            and p.text not in self.written and self.fits_genre(p)
        ]
        scored.sort(key=lambda sp: (-sp[0], sp[1].id))
        return scored

    def phrase(self, kind: str, context: str = "", default: str = "") -> str:
        pool = self.candidates(kind, context)
        if not pool:
            return default
        best = pool[0][0]
        p = self.rng.choice([p for score, p in pool[:5] if score >= best - 1.0])
        self.used_ids.append(p.id)
        self.used_texts.add(p.text)
        return fill(p.text, self.outline.vars)

    def frame(self, kind: str = "parallel", holes: int | None = None, context: str = "") -> str:
        pool = [p for _, p in self.candidates(kind, context) if p.frame]
        if holes is not None:
            pool = [p for p in pool if len(FRAME_HOLE.findall(p.frame or "")) == holes]
        if not pool:
            return ""
        p = self.rng.choice(pool[:5])
        self.used_ids.append(p.id)
        return fill(p.frame or "", self.outline.vars)

    def choice(self, value: str, kind: str, context: str = "") -> str:
        if value == NONE:
            return ""
        if value == AUTO:
            return self.phrase(kind, context)
        return value


def sentence(text: str) -> str:
    """End text with sentence punctuation (a colon or existing 。！？ is kept).

    >>> sentence("抓好落实"), sentence("抓好落实。"), sentence("汇报如下：")
    ('抓好落实。', '抓好落实。', '汇报如下：')
    >>> sentence("推动产业发展“主战场”"), sentence("他说“好。”")
    ('推动产业发展“主战场”。', '他说“好。”')
    """
    text = text.strip().rstrip("，、；,;")
    if not text or text[-1] in "。！？：…" or (text[-1] in "”）" and text[-2:-1] in ("。", "！", "？")):
        return text
    return text + "。"


def _template_location(exc: BaseException) -> str:
    """'file 第 N 行' from the innermost template frame of a traceback."""
    tb = exc.__traceback__
    where = ""
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(TEMPLATE_SUFFIX):
            where = f"{name} 第 {tb.tb_lineno} 行"
        tb = tb.tb_next
    return where


def render_template(template: TemplateInfo, outline: Outline, bank: Bank, seed: int = 0,
                    user_dir: Path | str | None = None) -> tuple[str, _Picker]:
    import jinja2

    picker = _Picker(bank, outline, seed)
    env = environment(user_dir)
    try:
        tpl = env.get_template(template.path.name)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(
            f"模板 {e.filename or template.path} 第 {e.lineno} 行语法错误：{e.message}；请修正模板"
        ) from e
    except UnicodeDecodeError as e:
        raise TemplateError(f"模板 {template.path} 不是 UTF-8 编码；请用编辑器另存为 UTF-8") from e
    context: dict[str, Any] = {
        "outline": outline,
        "o": outline,
        "phrase": picker.phrase,
        "choice": picker.choice,
        "frame": picker.frame,
        "fill_frame": fill_frame,
        "placeholder": placeholder,
        "cn": cn_numeral,
        "marker": format_number,
        "enum": lambda n: f"{cn_numeral(n)}是",
        "sentence": sentence,
        "genre_name": GENRE_NAMES.get(outline.genre, outline.genre),
    }
    try:
        text = tpl.render(context)
    except jinja2.UndefinedError as e:
        raise TemplateError(
            f"模板 {_template_location(e) or template.path} 使用了未定义的名称：{e.message}；请修正模板或提纲"
        ) from e
    except jinja2.TemplateError as e:
        raise TemplateError(f"模板 {_template_location(e) or template.path} 出错：{e}") from e
    except UnicodeDecodeError as e:  # a template it imports or includes
        dirs = "、".join(str(d) for d in template_dirs(user_dir))
        raise TemplateError(f"{template.path} 引用的模板不是 UTF-8 编码（在 {dirs} 中）；请另存为 UTF-8") from e
    except Exception as e:  # a template calling a function wrongly (cn("x"), o.sections[9])
        raise TemplateError(
            f"模板 {_template_location(e) or template.path} 运行出错（{type(e).__name__}：{e}）；请修正模板"
        ) from e
    return text, picker


def compose(outline: Outline, bank: Bank, seed: int = 0, user_dir: Path | str | None = None) -> Draft:
    """Render an outline into a draft. This is ``drafter render`` without the file writing."""
    template = find_template(outline.genre, user_dir)
    text, picker = render_template(template, outline, bank, seed, user_dir)
    # The parser skips blank lines and strips spaces, so template whitespace does not matter.
    speeches = parse_text(text, str(outline.path or ""))
    blocks = [b for sp in speeches for b in sp.blocks]
    speech = Speech(blocks, str(outline.path or ""), outline.genre)
    return Draft(speech.text(), speech, picker.used_ids)


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

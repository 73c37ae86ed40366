"""Finding genre templates (built-in and the user's) and the strict Jinja environment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import GenreError, TemplateError
from drafter.kinds import GENRE_NAMES

if TYPE_CHECKING:
    import jinja2

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


def template_location(exc: BaseException) -> str:
    """'file 第 N 行' from the innermost template frame of a traceback."""
    tb = exc.__traceback__
    where = ""
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(TEMPLATE_SUFFIX):
            where = f"{name} 第 {tb.tb_lineno} 行"
        tb = tb.tb_next
    return where

"""Regular expressions compiled on first use.

``re`` builds a 64K-entry map for every character class holding Chinese
characters (``[，、：]``, ``[\\u4e00-\\u9fff]``): 0.1–1 ms per class, so a
module defining dozens of patterns cost every command a few ms at import,
for patterns most commands never run. ``lazy(pattern, flags)`` stands in for
``re.compile(pattern, flags)`` and compiles on the first call of a method;
after that its methods are the compiled pattern's own bound methods, kept in
slots, so a call costs what it costs on the compiled pattern.

It offers what drafter uses of ``re.Pattern``: the matching methods,
``pattern``, ``flags`` (as given, without compiling), ``groups`` and
``groupindex``. It is no ``re.Pattern``: pass ``.compiled()`` where one is
required.

The patterns a command does run are compiled once per machine: what ``re``
compiles a pattern to (its opcode list) is kept in the cache folder drafter
uses for templates (``$DRAFTER_CACHE``, ``off`` disables; else
``$XDG_CACHE_HOME/drafter`` or ``~/.cache/drafter``), in a file named for the
Python version and regex engine, and the pattern is made from it with
``_sre.compile`` as ``re.compile`` does. An entry is kept only when the pattern
made from it equals (same flags, same code) the one ``re.compile`` returned;
anything unusable (another interpreter, a damaged file, no cache folder)
means compiling as usual.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

# attributes taken from the compiled pattern on first use
_FROM_COMPILED = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer",
                  "scanner", "groups", "groupindex")


class LazyPattern:
    """A regular expression compiled the first time it is used."""

    __slots__ = ("_compiled", "flags", "pattern", *_FROM_COMPILED)

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern:
        """The compiled pattern (compiled now if it was not yet)."""
        try:
            return self._compiled
        except AttributeError:
            rx = _compile(self.pattern, self.flags)
            self._compiled = rx
            for name in _FROM_COMPILED:
                setattr(self, name, getattr(rx, name))
            return rx

    def __getattr__(self, name: str) -> Any:
        # called only while a slot is unset, i.e. before the first compile
        if name not in _FROM_COMPILED:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}{f', {self.flags!r}' if self.flags else ''})"


def lazy(pattern: str | bytes, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return LazyPattern(pattern, flags)


# --- compiled code kept between runs ------------------------------------------

_cache: dict | None = None  # (pattern, flags) -> the arguments of _sre.compile
_path: Path | None = None  # the file it came from (and new entries go to, at exit)
_loaded = False
_new: dict = {}


def _cache_file() -> Path | None:
    if sys.implementation.name != "cpython":
        return None
    env = os.environ.get("DRAFTER_CACHE")
    if env is not None and env.strip().lower() in ("", "off", "0", "no"):
        return None
    import _sre
    import hashlib

    folder = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"
    engine = f"{sys.version} {_sre.MAGIC} {_sre.CODESIZE} {_sre.MAXREPEAT} {_sre.MAXGROUPS}"
    return folder / f"re-{hashlib.sha1(engine.encode()).hexdigest()[:16]}.marshal"


def _read(path: Path) -> dict:
    import marshal

    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _load() -> dict | None:
    global _cache, _loaded, _path
    if not _loaded:
        _loaded = True
        _path = _cache_file()
        if _path is not None:
            _cache = _read(_path)
    return _cache


def _save() -> None:
    """Add the patterns compiled in this run to the cache file (atomically; errors ignored)."""
    import marshal

    path = _path
    if path is None or not _new or _cache_file() != path:  # the cache folder changed (or was turned off)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        merged = {**_read(path), **_new}
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(merged))
        os.replace(tmp, path)
    except (OSError, ValueError):
        return


def _arguments(pattern: str | bytes, flags: int) -> tuple | None:
    """What ``re.compile`` passes to ``_sre.compile`` for this pattern (None: not known here)."""
    try:
        if sys.version_info >= (3, 11):
            from re import _compiler, _parser
        else:  # pragma: no cover
            import sre_compile as _compiler
            import sre_parse as _parser
        tree = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(tree, flags)]
        state = tree.state
        index: list = [None] * state.groups
        for name, i in state.groupdict.items():
            index[i] = name
        return (int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(index))
    except Exception:
        return None


def _compile(pattern: str | bytes, flags: int) -> re.Pattern:
    cache = _load()
    if cache is None:
        return re.compile(pattern, flags)
    import _sre

    key = (pattern, int(flags))
    args = cache.get(key)
    if isinstance(args, tuple):
        try:
            return _sre.compile(pattern, *args)
        except Exception:
            cache.pop(key, None)
    rx = re.compile(pattern, flags)
    args = _arguments(pattern, int(flags))
    try:
        same = args is not None and _sre.compile(pattern, *args) == rx
    except Exception:
        same = False
    if same:
        if not _new:
            import atexit

            atexit.register(_save)
        _new[key] = cache[key] = args
    return rx

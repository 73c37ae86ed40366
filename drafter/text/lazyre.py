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
"""

from __future__ import annotations

import re
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
            rx = re.compile(self.pattern, self.flags)
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

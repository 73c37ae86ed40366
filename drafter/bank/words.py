"""jieba for mining, loaded once per process and used at the cost of what it must do.

- ``load()`` imports and initialises jieba. jieba 0.42 imports ``pkg_resources``
  only to open its own ``dict.txt``; that import costs more than a tenth of a
  second (often much more) and warns on recent setuptools. With it blocked
  jieba opens the file by path instead, the same file.
- ``tags()`` is the part-of-speech table of jieba's dictionary (the tags facts
  need), read from ``dict.txt`` once per process. (A marshal copy on disk was
  tried: loading 165,000 entries from it cost as much as parsing the file.)
- ``cut(text)`` is ``jieba.lcut(text)``, memoised per run of Chinese text. jieba
  cuts each such run (``re_han_default``) on its own, so the words of a text are
  the words of its runs: a phrase, its set's items and the frame's literal
  parts share the runs they have in common, and each run is cut once per
  process.

Everything here gives the words jieba gives; only the cost differs.
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from types import ModuleType

# Names (nr*, ns, nt) and the parts of speech no name has (facts.py reads these).
KEPT_TAGS = frozenset("nr nrfg nrt ns nt v vn vd a ad an d t j r p c u m q f".split())
# jieba.cut splits a text into runs of these characters and cuts each run alone
# (jieba.re_han_default, copied so that the split needs no jieba).
_RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)

_jieba: ModuleType | None = None
_tags: dict[str, str] | None = None


def load() -> ModuleType:
    """jieba, imported (without pkg_resources) and initialised, quiet."""
    global _jieba
    if _jieba is None:
        import logging

        # the fallback opens os.getcwd()/<jieba's folder>/dict.txt: only when there is a cwd
        blocked = "pkg_resources" not in sys.modules and _has_cwd()
        if blocked:
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import fails: jieba opens dict.txt by path
        try:
            import jieba
        finally:
            if blocked and sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _jieba = jieba
    return _jieba


def _has_cwd() -> bool:
    try:
        os.getcwd()
    except OSError:  # the folder the command runs in was deleted
        return False
    return True


def freq() -> dict[str, int]:
    """jieba's word frequencies (prefixes of words have 0)."""
    return load().dt.FREQ


def _read_tags(jieba: ModuleType) -> dict[str, str]:
    kept = {t.encode() for t in KEPT_TAGS}
    out: dict[str, str] = {}
    with jieba.get_dict_file() as f:
        for raw in f:
            parts = raw.split()
            if len(parts) >= 3 and parts[2] in kept:
                out[parts[0].decode("utf-8")] = parts[2].decode()
    return out


def tags() -> dict[str, str]:
    """Word → part-of-speech tag (only ``KEPT_TAGS``) from jieba's default dictionary."""
    global _tags
    if _tags is None:
        _tags = _read_tags(load())
    return _tags


def cut(text: str) -> list[str]:
    """``jieba.lcut(text)`` (HMM on), each run of Chinese text cut once per process."""
    out: list[str] = []
    for block in _RE_HAN.split(text):
        if block:
            out.extend(_cut_block(block))
    return out


@lru_cache(maxsize=200_000)
def _cut_block(block: str) -> tuple[str, ...]:
    return tuple(load().lcut(block))


def cut_no_hmm(text: str) -> list[str]:
    """``jieba.lcut(text, HMM=False)``: dictionary words only."""
    return load().lcut(text, HMM=False)

"""What a writer tells ``check`` to leave alone, and text that is not speech.

- ``<!-- drafter: ignore D401 -->`` (codes separated by , or space; no code: every
  rule) silences its own line, or the next non-empty line when it stands alone.
  In a .docx the same words open a Word comment (``drafter: ignore D401``) on
  the paragraphs it covers (read in ``docx_parts``).
- Markdown code fences (``` or ~~~) hold no speech: their lines are not checked.
"""

from __future__ import annotations

import re

Ignores = dict[int, frozenset[str] | None]  # line -> silenced codes (None: every code)

IGNORE_COMMENT = re.compile(r"<!--\s*drafter\s*[:：]\s*ignore\b([^>]*?)-->", re.IGNORECASE)
IGNORE_WORDS = re.compile(r"^\s*drafter\s*[:：]\s*ignore\b(.*)$", re.IGNORECASE | re.DOTALL)
_CODE = re.compile(r"\bD\d{3}\b", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")


def codes_in(text: str) -> frozenset[str] | None:
    """Codes named after ``ignore``; None (every code) when none is named."""
    found = frozenset(c.upper() for c in _CODE.findall(text))
    return found or None


def merge(ignores: Ignores, line: int, codes: frozenset[str] | None) -> None:
    if codes is None or (line in ignores and ignores[line] is None):
        ignores[line] = None
    else:
        ignores[line] = (ignores.get(line) or frozenset()) | (codes or frozenset())


def prepare_lines(raw: list[str]) -> tuple[list[str], Ignores]:
    """Raw text lines with ignore comments and fenced code blanked (same line count),
    and the lines silenced by the comments."""
    out = list(raw)
    ignores: Ignores = {}
    pending: frozenset[str] | bool | None = False  # codes waiting for the next non-empty line
    fence: str | None = None
    for i, line in enumerate(raw):
        n = i + 1
        m = _FENCE.match(line)
        if fence is not None:
            out[i] = ""
            if m and m.group(1) == fence:
                fence = None
            continue
        if m:
            fence = m.group(1)
            out[i] = ""
            continue
        found = list(IGNORE_COMMENT.finditer(line))
        if found:
            rest = IGNORE_COMMENT.sub("", line)
            for c in found:
                codes = codes_in(c.group(1))
                if rest.strip():
                    merge(ignores, n, codes)
                else:
                    pending = codes if pending is False else (None if codes is None or pending is None else pending | codes)
            out[i] = rest.rstrip()
            if not rest.strip():
                continue
        if pending is not False and line.strip():
            merge(ignores, n, pending)  # type: ignore[arg-type]
            pending = False
    return out, ignores


def silenced(ignores: Ignores, line: int, code: str) -> bool:
    if line not in ignores:
        return False
    codes = ignores[line]
    return codes is None or code in codes

"""Source lookup: where a phrase's cited documents are now (``find_source``, under the
corpus roots a manifest records, ``corpus_root``), the cited lines with their context
(``source_context``), and why a source cannot be shown (``missing_source_note``)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError

if TYPE_CHECKING:
    from drafter.bank.index import BankIndex
    from drafter.bank.records import Phrase
    from drafter.bank.store import Bank

def source_context(bank: Bank | BankIndex, phrase: Phrase, around: int = 1) -> dict[int, list[tuple[int, str]]]:
    """For each source of a phrase whose file is found, its cited line(s) with ``around``
    lines either side (sources whose file has moved are left out)."""
    from drafter.text.reader import read_lines

    cache: dict[str, list[tuple[int, str]] | None] = {}
    out: dict[int, list[tuple[int, str]]] = {}
    for i, src in enumerate(phrase.sources):
        doc = src["doc"]
        if doc not in cache:
            path = find_source(doc, bank.path, bank.manifest.get("roots", []))
            try:
                cache[doc] = read_lines(path) if path else None
            except DrafterError:
                cache[doc] = None
        lines = cache[doc]
        if lines is None:
            continue
        wanted = set(src.get("lines") or [src["line"]])
        span = 0 if len(wanted) > 1 else around
        keep = {n for w in wanted for n in range(w - span, w + span + 1)}
        out[i] = [
            (n, t if n in wanted or len(t) <= 60 else t[:60] + "……")
            for n, t in lines
            if n in keep and (t or n in wanted)
        ]
    return out


def corpus_root(path: Path | str) -> str:
    """A corpus path as the manifest records it: absolute, symlinks resolved."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(Path(path).absolute())


def missing_source_note(doc: str, roots: Sequence[str]) -> str:
    """Why a source's text cannot be shown: where it was mined from, and that it moved."""
    where = [str(Path(r).parent / doc) for r in roots if doc == Path(r).name or doc.startswith(Path(r).name + "/")]
    if where:
        return f"原文件 {where[0]} 已不在原处（可能已移动、改名或删除），无法显示上下文；把它放回原处，或在语料所在的文件夹中运行本命令"
    return f"找不到原文件 {doc}（表达库没有记录语料位置，或文件已移动），无法显示上下文；请在运行 drafter mine 时的文件夹中运行本命令"


def find_source(doc: str, bank_dir: Path | None, roots: Sequence[str] = ()) -> Path | None:
    """Locate a cited source document: under the corpus roots the manifest recorded,
    then beside the bank, in the current folder, and the bundled seeds."""
    candidates = []
    for root in roots:
        r = Path(root)
        if doc == r.name or doc.startswith(r.name + "/"):
            candidates.append(r.parent / doc)
    candidates += [Path(doc), Path.cwd() / doc]
    if bank_dir is not None:
        candidates.append(bank_dir.resolve().parent / doc)
    from drafter.bank.store import data_dir

    candidates.append(data_dir("seeds").parent / doc)
    with contextlib.suppress(OSError):
        for c in candidates:
            if c.is_file():
                return c
    return None

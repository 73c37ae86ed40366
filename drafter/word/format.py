"""``drafter format``: typeset a speech the writer already has to drafter's layout.

The file (.txt in any encoding the reader takes, .md, or a messy .docx) goes
through the speech model — title, speaker line, salutation, heading levels,
run-in headings, closing — and out through the same Word writer as a draft.
A file holding several speeches gives one document, each speech on a new page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import ReadError, UsageError
from drafter.text.speech import Speech

# Markdown a writer's .md may hold on a run-in heading: **一、标题。**正文 (as drafter's export writes it).
_MD_RUNIN = re.compile(r"^(\*\*|__)(.+?)\1(?=\S)")


@dataclass
class FormatResult:
    target: Path
    speeches: list[Speech]

    @property
    def chars(self) -> int:
        """Characters of text (no spaces or line breaks), as Word counts 字数."""
        return sum(len(re.sub(r"\s", "", b.text)) for s in self.speeches for b in s.blocks)


def read_speeches(source: Path | str) -> list[Speech]:
    """The speeches in ``source``; ReadError (简体中文) when it holds none."""
    from drafter.text.reader import read_lines
    from drafter.text.speech import parse_lines

    source = Path(source)
    lines = read_lines(source)
    if source.suffix.lower() == ".md":
        lines = [(n, _MD_RUNIN.sub(r"\2", s)) for n, s in lines]
    speeches = [s for s in parse_lines(lines, str(source)) if any(b.text.strip() for b in s.blocks)]
    if not speeches:
        raise ReadError(source, "文件中没有文字，无法排版；请确认选对了文件（Word 文档中的文本框和表格不会读取）")
    return speeches


def format_file(source: Path | str, target: Path | str, *, force: bool = False, page_numbers: str = "center",
                reference: Path | str | None = None) -> FormatResult:
    """Typeset ``source`` into ``target`` (.docx), atomically; never over a file without ``force``."""
    from drafter.atomic import check_target
    from drafter.word.docx_writer import build_documents, save_document
    from drafter.word.page import PAGE_NUMBERS

    source, target = Path(source), Path(target)
    if target.suffix.lower() != ".docx":
        raise UsageError(f"输出文件 {target} 须以 .docx 结尾；format 只生成 Word 文件")
    if page_numbers not in PAGE_NUMBERS:
        raise UsageError(f"--page-numbers 只能是 center（居中）或 outside（单页居右、双页居左），收到“{page_numbers}”")
    if source.resolve() == target.resolve():
        raise UsageError(f"输出文件不能与原稿 {source} 相同；请用 -o 指定另一个文件名，原稿不会被改动")
    check_target(target, force)
    speeches = read_speeches(source)
    doc = build_documents(speeches, page_numbers=page_numbers, reference=reference)
    save_document(doc, target, force)
    return FormatResult(target, speeches)

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

# Markdown in a speech file (archives hold .txt files with Markdown in them too):
# a heading marker, a run-in heading in bold (**一、标题**。正文, as drafter's
# export writes it), a whole line in bold or italics.
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_RUNIN = re.compile(r"^(\*\*|__)([^*_]+?)\1(?=\S)")
_MD_LINE = re.compile(r"^(\*\*|\*|__|_)([^*_]+)\1$")


def unmark(line: str) -> str:
    """A line without the Markdown a writer's file may carry; masks (*、**、***) stay.

    >>> unmark("## 一、抓落实"), unmark("**1.抓项目**。要加快。"), unmark("*（2024年5月8日）*")
    ('一、抓落实', '1.抓项目。要加快。', '（2024年5月8日）')
    >>> unmark("尊敬的**市长："), unmark("***")
    ('尊敬的**市长：', '***')
    """
    line = _MD_HEADING.sub("", line)
    line = _MD_LINE.sub(r"\2", line)
    return _MD_RUNIN.sub(r"\2", line)


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
    lines = [(n, unmark(s)) for n, s in read_lines(source)]
    speeches = [s for s in parse_lines(lines, str(source)) if any(b.text.strip() for b in s.blocks)]
    if not speeches:
        raise ReadError(source, "文件中没有文字，无法排版；请确认选对了文件（Word 文档中的文本框和表格不会读取）")
    return speeches


def format_file(source: Path | str, target: Path | str, *, force: bool = False, page_numbers: str = "center",
                reference: Path | str | None = None) -> FormatResult:
    """Typeset ``source`` into ``target`` (.docx), atomically; never over a file without ``force``."""
    from drafter.atomic import check_target
    from drafter.word.docx_writer import write_speeches
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
    write_speeches(speeches, target, force=force, page_numbers=page_numbers, reference=reference)
    return FormatResult(target, speeches)

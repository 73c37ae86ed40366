"""The speech model's data: ``Block`` (one unit of a speech), ``Speech`` (a parsed
speech) and the kinds and genres they take."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

KINDS = ("title", "subtitle", "speaker", "salutation", "paragraph", "heading", "closing")
GENRES = ("report", "seminar", "discussion", "pledge", "sharing", "speech", "address", "host", "work_report", "other")


@dataclass(frozen=True)
class Block:
    """One unit of a speech.

    ``text`` is the block as written (for a heading, with its number).
    ``line`` is the 1-based source line (for .docx, the paragraph number).
    Headings carry ``level`` (the depth, 1 for the outermost numbering style the
    speech uses: 一、 > （一） > 第一， > 1. > （1）, counting only the styles
    present), ``style``, ``number`` (the number written), ``position``
    (1-based among its siblings: same parent, same run of numbers; a number 1
    starts a new run) and ``body`` (text without the number).
    A paragraph with ``runin`` continues the line of the heading before it.
    """

    kind: str
    text: str
    line: int = 0
    level: int = 0
    style: str = ""
    number: int = 0
    position: int = 0
    body: str = ""
    runin: bool = False

    @property
    def rank(self) -> int:
        """The heading's place in GB/T 9704's fixed order, whatever the speech uses above
        it: 一、 1, （一） 2, 1. 3, （1） 4; 第一， takes its level in the speech (1 or 2).
        For Word styling, which follows the numbering style; ``level`` is the depth."""
        return {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4}.get(self.style, min(self.level, 2))


@dataclass
class Speech:
    """A parsed speech: its blocks and the document it came from."""

    blocks: list[Block]
    doc: str = ""
    genre: str = field(default="other")

    def first(self, kind: str) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    @property
    def title(self) -> str:
        b = self.first("title")
        return b.text if b else ""

    def of_kind(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    def heading_groups(self) -> list[list[Block]]:
        """Sibling headings: one level, one parent, one run of numbers (a restart at 1
        begins a new set), in order."""
        return _sibling_runs([b for b in self.blocks if b.kind == "heading"])

    def text(self) -> str:
        """The speech as a writer would paste it: one paragraph a line (run-in
        paragraphs joined to their heading), a blank line after the title block."""
        out: list[str] = []
        header = True
        for b in self.blocks:
            if b.runin and out:
                out[-1] += b.text
                continue
            if header and b.kind not in ("title", "subtitle", "speaker"):
                header = False
                if out:
                    out.append("")
            out.append(b.text)
        return "\n".join(out) + "\n"


def _sibling_runs(headings: Sequence[Block]) -> list[list[Block]]:
    groups: list[list[Block]] = []
    open_: dict[int, list[Block]] = {}  # level -> the run of siblings being collected
    for b in headings:
        for lv in [lv for lv in open_ if lv > b.level]:
            del open_[lv]
        g = open_.get(b.level)
        if g is None or b.number == 1 or b.style != g[-1].style:
            g = open_[b.level] = []
            groups.append(g)
        g.append(b)
    return groups

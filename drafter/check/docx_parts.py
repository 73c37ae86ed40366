"""A .docx read from its XML with zipfile + lxml (bounded reads): the body
paragraphs as written, the text of headers, footers, footnotes and endnotes,
and the paragraphs a ``drafter: ignore`` Word comment covers.

Body paragraphs (table cells' paragraphs in their place) are numbered as
``drafter.text.reader`` numbers lines, so findings from both line up; tables
are therefore checked as part of the speech.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from drafter.check.suppress import IGNORE_WORDS, Ignores, codes_in, merge
from drafter.errors import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PART = 64 * 1024 * 1024  # bytes of one XML part, uncompressed
_PARTS = re.compile(r"^word/(header\d*|footer\d*|footnotes|endnotes)\.xml$")
_PART_NAMES = {"header": "页眉", "footer": "页脚", "footnotes": "脚注", "endnotes": "尾注"}


@dataclass
class Piece:
    """Text outside the body's paragraphs: a header, a footer, a note."""

    where: str  # 页眉, 页脚, 脚注3 …
    line: int  # the body paragraph it belongs to (0: the whole document)
    text: str


@dataclass
class DocxText:
    body: list[str] = field(default_factory=list)  # body paragraph i+1, as written
    pieces: list[Piece] = field(default_factory=list)
    ignores: Ignores = field(default_factory=dict)


def read_part(zf: zipfile.ZipFile, name: str, path: Path) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > MAX_PART:
        raise ReadError(path, f"{name} 过大（{info.file_size // 1048576} MB）；请确认这是一篇讲话稿")
    with zf.open(info) as f:
        data = f.read(MAX_PART + 1)
    if len(data) > MAX_PART:
        raise ReadError(path, f"{name} 过大；请确认这是一篇讲话稿")
    return data


def _parse(data: bytes, name: str, path: Path):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise ReadError(path, f".docx 中的 {name} 已损坏（{e.msg}）；请用 Word/WPS 打开后另存为 .docx") from e


def paragraph_text(p) -> str:
    """The text of a w:p as the reader gives it (python-docx's ``Paragraph.text``)."""
    from drafter.text.reader import _paragraph_text

    return _paragraph_text(p)


def _owner(el):
    """The nearest w:p holding an element (a text box's paragraph, not the outer one)."""
    node = el.getparent()
    while node is not None and node.tag != f"{W}p":
        node = node.getparent()
    return node


def read_docx(path: Path | str) -> DocxText:
    """Read what ``check`` needs from a .docx (its document part once, as the reader
    reads it, with the same bounds and messages). Raises ReadError for a damaged file."""
    from drafter.text.reader import _docx_xml

    path = Path(path)
    if not path.is_file():
        raise ReadError(path, "文件不存在；请检查路径")
    try:
        root = _parse(_docx_xml(path), "word/document.xml", path)  # bounded; ReadError when damaged
        with zipfile.ZipFile(path) as zf:
            return _read(zf, root, path)
    except ReadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, RuntimeError,
            zlib.error) as e:
        raise ReadError(path, f".docx 已损坏（{type(e).__name__}）；请用 Word/WPS 打开后另存为 .docx") from e
    except OSError as e:
        raise ReadError(path, f".docx 读取失败（{e.strerror or e}）；请用 Word/WPS 打开后另存为 .docx") from e


def _read(zf: zipfile.ZipFile, root, path: Path) -> DocxText:
    names = set(zf.namelist())
    out = DocxText()
    body = root.find(f"{W}body")
    if body is None:
        return out
    notes_at: dict[tuple[str, str], int] = {}  # (footnotes|endnotes, id) -> paragraph
    comment_at: dict[str, list[int]] = {}
    open_comments: set[str] = set()
    from drafter.text.reader import _block_paragraphs

    for n, child in enumerate(_block_paragraphs(body), 1):  # numbered as the reader numbers lines
        out.body.append(paragraph_text(child))
        for el in child.iter(f"{W}footnoteReference", f"{W}endnoteReference", f"{W}commentRangeStart",
                             f"{W}commentRangeEnd", f"{W}commentReference"):
            cid = el.get(f"{W}id", "")
            tag = el.tag[len(W):]
            if tag.endswith("noteReference"):
                notes_at[("footnotes" if tag.startswith("foot") else "endnotes", cid)] = n
            elif tag == "commentRangeStart":
                open_comments.add(cid)
                comment_at.setdefault(cid, []).append(n)
            else:
                open_comments.discard(cid)
                comment_at.setdefault(cid, []).append(n)
        for cid in open_comments:
            comment_at.setdefault(cid, []).append(n)
    for name in sorted(names):
        m = _PARTS.match(name)
        if not m:
            continue
        part = _parse(read_part(zf, name, path), name, path)
        kind = re.sub(r"\d+$", "", m.group(1))
        if kind in ("footnotes", "endnotes"):
            for note in part:
                nid = note.get(f"{W}id", "")
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = "".join(paragraph_text(p) for p in note.iter(f"{W}p")).strip()
                if text:
                    out.pieces.append(Piece(f"{_PART_NAMES[kind]}{nid}", notes_at.get((kind, nid), 0), text))
        else:
            for p in part.iter(f"{W}p"):
                text = paragraph_text(p).strip()
                if text:
                    out.pieces.append(Piece(_PART_NAMES[kind], 0, text))
    if "word/comments.xml" in names:
        comments = _parse(read_part(zf, "word/comments.xml", path), "word/comments.xml", path)
        for c in comments.iter(f"{W}comment"):
            text = "".join(paragraph_text(p) for p in c.iter(f"{W}p"))
            m = IGNORE_WORDS.match(text)
            if m:
                for n in comment_at.get(c.get(f"{W}id", ""), []):
                    merge(out.ignores, n, codes_in(m.group(1)))
    return out

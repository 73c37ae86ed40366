"""A unit's own reference document (``--reference-docx``): its styles, page and footer.

The reference is a .docx or .dotx made in Word or WPS. drafter starts from it
instead of python-docx's template: its page set-up and header/footer stay as
they are, a style of the same name as one of drafter's (see
``drafter.word.styles``) replaces drafter's, and its text is dropped.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.atomic import os_reason
from drafter.errors import ReadError

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

SUFFIXES = (".docx", ".dotx")
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _as_document_package(data: bytes) -> bytes:
    """A .dotx's bytes with its main part declared as a document (python-docx opens only those)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
            dst.writestr(info, content)
    return out.getvalue()


def open_reference(path: Path | str) -> Document:
    """The reference document with an empty body (its last section's set-up kept).

    Raises ReadError (简体中文) when the file is missing or not a Word document.
    """
    import docx

    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise ReadError(path, f"参考文档须为 .docx 或 .dotx（收到“{path.suffix or '无扩展名'}”）；请在 Word/WPS 中另存为 .docx 或 .dotx")
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise ReadError(path, "参考文档不存在；请检查 --reference-docx 后的路径") from e
    except IsADirectoryError as e:
        raise ReadError(path, "这是文件夹，不是参考文档；请给出 .docx 或 .dotx 文件") from e
    except OSError as e:
        raise ReadError(path, f"无法打开参考文档（{os_reason(e)}）；请检查文件权限") from e
    try:
        if _TEMPLATE_TYPE in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml"):
            data = _as_document_package(data)
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:  # zip, package or XML damage: all mean "not a usable Word file"
        raise ReadError(
            path, f"不是有效的 Word 参考文档（{type(e).__name__}）；请用 Word/WPS 打开后另存为 .docx 或 .dotx"
        ) from e
    _empty_body(doc)
    return doc


def _empty_body(doc: Document) -> None:
    """Drop the reference's text (and its comments); keep the final section properties."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from drafter.word.ooxml import w

    body = doc.element.body
    for el in list(body):
        if el.tag != w("sectPr"):
            body.remove(el)
    for rel in doc.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            root = rel.target_part.element
            for c in list(root):
                root.remove(c)

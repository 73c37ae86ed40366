"""A .docx as a zip of XML parts, filled with lxml alone.

Importing python-docx costs a render more than everything drafter does
after it, so the text goes into drafter's empty document (``template``, made
once with python-docx and cached) with plain lxml: paragraphs with their style,
runs with their text, comments, the core properties. python-docx is imported
only to make the empty document or to adapt a unit's reference document.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from typing import Any

from drafter.word.ooxml import W_NS, w

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}


class Package:
    """An open .docx: its parts as bytes, the main document parsed."""

    def __init__(self, data: bytes) -> None:
        from lxml import etree

        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.parts: dict[str, bytes] = {name: z.read(name) for name in z.namelist()}
        self.document = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.document.find(w("body"))
        sect = self.body.find(w("sectPr"))
        self._end = sect  # paragraphs go before the final section properties
        self._comments: Any = None
        self._comments_name = "word/comments.xml"
        self._next_comment = 0

    # --- text ---------------------------------------------------------------

    def paragraph(self, style_id: str) -> Any:
        from lxml import etree

        p = etree.SubElement(self.body, w("p"))
        etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle")).set(w("val"), style_id)
        if self._end is not None:
            self._end.addprevious(p)
        return p

    @staticmethod
    def run(p: Any, text: str, char_style: str | None = None) -> Any:
        """A run holding ``text``: ``\\n`` becomes a line break, ``\\t`` a tab (as python-docx does)."""
        from lxml import etree

        r = etree.SubElement(p, w("r"))
        if char_style:
            etree.SubElement(etree.SubElement(r, w("rPr")), w("rStyle")).set(w("val"), char_style)
        for k, line in enumerate(text.split("\n")):
            if k:
                etree.SubElement(r, w("br"))
            for j, seg in enumerate(line.split("\t")):
                if j:
                    etree.SubElement(r, w("tab"))
                if seg:
                    t = etree.SubElement(r, w("t"))
                    t.text = seg
                    if seg != seg.strip():
                        t.set(_XML_SPACE, "preserve")
        return r

    # --- comments -----------------------------------------------------------

    def comment(self, first_run: Any, last_run: Any, text: str, author: str, initials: str) -> int:
        """A Word comment spanning ``first_run`` … ``last_run``; one comment paragraph per line."""
        from lxml import etree

        if self._comments is None:
            self._open_comments()
        cid = self._next_comment
        self._next_comment += 1
        c = etree.SubElement(self._comments, w("comment"))
        c.set(w("id"), str(cid))
        c.set(w("author"), author)
        c.set(w("initials"), initials)
        c.set(w("date"), datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        for k, line in enumerate(text.split("\n")):
            p = etree.SubElement(c, w("p"))
            etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle")).set(w("val"), "CommentText")
            if k == 0:
                ref = etree.SubElement(p, w("r"))
                etree.SubElement(etree.SubElement(ref, w("rPr")), w("rStyle")).set(w("val"), "CommentReference")
                etree.SubElement(ref, w("annotationRef"))
            if line:
                self.run(p, line)
        start = etree.Element(w("commentRangeStart"), nsmap={"w": W_NS})
        start.set(w("id"), str(cid))
        first_run.addprevious(start)
        end = etree.Element(w("commentRangeEnd"), nsmap={"w": W_NS})
        end.set(w("id"), str(cid))
        last_run.addnext(end)
        ref = etree.Element(w("r"), nsmap={"w": W_NS})
        etree.SubElement(etree.SubElement(ref, w("rPr")), w("rStyle")).set(w("val"), "CommentReference")
        etree.SubElement(ref, w("commentReference")).set(w("id"), str(cid))
        end.addnext(ref)
        return cid

    def _open_comments(self) -> None:
        """The comments part: the document's own (a reference document may have one), else a new one."""
        from lxml import etree

        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        for rel in rels:
            if rel.get("Type") == RT_COMMENTS and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else "word/" + target
                if name in self.parts:
                    self._comments_name = name
                    self._comments = etree.fromstring(self.parts[name])
                    ids = [int(c.get(w("id"), "-1")) for c in self._comments.findall(w("comment"))]
                    self._next_comment = max(ids, default=-1) + 1
                    return
        self._comments = etree.fromstring(f'<w:comments xmlns:w="{W_NS}"/>'.encode())
        self._add_part_reference(rels)

    def _add_part_reference(self, rels: Any) -> None:
        from lxml import etree

        rels_name = "word/_rels/document.xml.rels"
        taken = {el.get("Id") for el in rels}
        n = len(taken) + 1
        while f"rId{n}" in taken:
            n += 1
        rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
        rel.set("Id", f"rId{n}")
        rel.set("Type", RT_COMMENTS)
        rel.set("Target", "comments.xml")
        self.parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        types = etree.fromstring(self.parts["[Content_Types].xml"])
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", "/word/comments.xml")
        override.set("ContentType", CT_COMMENTS)
        self.parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)

    # --- properties and saving ------------------------------------------------

    def set_title(self, title: str) -> None:
        """Core properties: the title, created = modified = now."""
        from lxml import etree

        core = etree.fromstring(self.parts["docProps/core.xml"])
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        for prefix, name, value in (("dc", "title", title), ("dcterms", "created", now), ("dcterms", "modified", now)):
            el = core.find(f"{{{_CORE[prefix]}}}{name}")
            if el is None:
                el = etree.SubElement(core, f"{{{_CORE[prefix]}}}{name}")
                if prefix == "dcterms":
                    el.set("{http://www.w3.org/2001/XMLSchema-instance}type", "dcterms:W3CDTF")
            el.text = value
        self.parts["docProps/core.xml"] = etree.tostring(core, xml_declaration=True, encoding="UTF-8", standalone=True)

    def to_bytes(self) -> bytes:
        from lxml import etree

        parts = dict(self.parts)
        parts["word/document.xml"] = etree.tostring(self.document, xml_declaration=True, encoding="UTF-8",
                                                    standalone=True)
        if self._comments is not None:
            parts[self._comments_name] = etree.tostring(self._comments, xml_declaration=True, encoding="UTF-8",
                                                        standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        return out.getvalue()

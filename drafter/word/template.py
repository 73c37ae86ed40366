"""drafter's empty document, built once and kept in the cache folder.

Setting up the styles, font table, page and footer on python-docx's template
costs about as much as the rest of a render. The empty result (no text, no
title) is saved once per page-number layout in the cache folder drafter
already uses for compiled templates (``$DRAFTER_CACHE``, ``off`` disables;
else ``$XDG_CACHE_HOME/drafter`` or ``~/.cache/drafter``) and opened from
there afterwards, as bytes: ``package.Package`` fills it with lxml, so a
render with a warm cache never imports python-docx. The file name carries a
hash of the modules that make it and of python-docx's installed file, so a
changed layout never meets a stale file; an unusable cache only means
building every time.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

_SOURCES = ("ooxml.py", "fonts.py", "styles.py", "page.py", "properties.py", "comments.py", "template.py")
RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"


def cache_folder() -> Path | None:
    env = os.environ.get("DRAFTER_CACHE")
    if env is not None and env.strip().lower() in ("", "off", "0", "no"):
        return None
    if env:
        path = Path(env)
    else:
        path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def _key(page_numbers: str) -> str:
    from importlib.util import find_spec

    # python-docx's version without importing it: its package folder's stamp
    spec = find_spec("docx")
    stamp = ""
    if spec is not None and spec.origin:
        st = Path(spec.origin).stat()
        stamp = f"{spec.origin} {st.st_mtime_ns} {st.st_size}"
    h = hashlib.sha256(f"{page_numbers} {stamp}".encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def build_empty(page_numbers: str) -> Document:
    """python-docx's template made into drafter's: page, defaults, styles, fonts, footer."""
    import docx

    from drafter.word import comments, fonts, page, properties, styles

    doc = docx.Document()
    # parts Word does not need and python-docx's template carries: a Word 2010
    # copy of the styles and a bibliography store
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in (RT_STYLES_WITH_EFFECTS, RT_CUSTOM_XML):
            del doc.part.rels[rid]
    page.setup_page(doc)
    styles.setup_defaults(doc)
    styles.setup_styles(doc)
    fonts.write_font_table(doc, keep_existing=False)
    page.setup_page_numbers(doc, {d.sid: d.sid for d in styles.STYLES}, page_numbers)
    properties.set_properties(doc, "")
    comments.ensure_styles(doc)  # every document can take notes without touching styles.xml
    _prune_styles(doc)
    return doc


def _prune_styles(doc: Document) -> None:
    """Keep the default styles, drafter's and what they refer to; drop the ~170 others.

    python-docx's template defines every built-in style in full (350 KB of
    XML): parsing and writing it is a good part of a render. Word and WPS know
    their built-in styles without a definition (``w:latentStyles`` stays).
    """
    from drafter.word.ooxml import w
    from drafter.word.styles import STYLES

    root = doc.styles.element
    by_id = {el.get(w("styleId")): el for el in root.findall(w("style"))}
    wanted = [sid for sid, el in by_id.items() if el.get(w("default")) in ("1", "true", "on")]
    wanted += [d.sid for d in STYLES] + ["Header", "Footer", "CommentText", "CommentReference"]
    keep: set[str] = set()
    while wanted:
        sid = wanted.pop()
        if sid in keep or sid not in by_id:
            continue
        keep.add(sid)
        for ref in ("basedOn", "link", "next"):
            el = by_id[sid].find(w(ref))
            if el is not None:
                wanted.append(el.get(w("val")))
    for sid, el in by_id.items():
        if sid not in keep:
            root.remove(el)


def empty_document(page_numbers: str) -> bytes:
    """drafter's empty document as .docx bytes: from the cache when there, else built (and cached)."""
    folder = cache_folder()
    path = folder / f"word-{_key(page_numbers)}.docx" if folder is not None else None
    if path is not None:
        try:
            data = path.read_bytes()
            if zipfile.is_zipfile(io.BytesIO(data)):
                return data
        except OSError:
            pass  # missing or unreadable: build it
    buf = io.BytesIO()
    build_empty(page_numbers).save(buf)
    data = buf.getvalue()
    if path is not None:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)
    return data

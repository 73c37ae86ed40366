"""Document properties: the speech's title, nothing left from another document.

python-docx's template carries app.xml from "Microsoft Macintosh Word" with a
word count of 0 and a thumbnail of its blank Letter page; a reference
document carries its author and its own thumbnail. Both go.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><TotalTime>0</TotalTime>"
    "<Application>drafter {version}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>"
)

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

RT_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def clean_title(title: str) -> str:
    """The title on one line, without characters XML refuses."""
    return _XML_INVALID.sub("", " ".join(title.split()))


def set_properties(doc: Document, title: str) -> None:
    """Core: title = the speech's title, no author; app: drafter; no thumbnail."""
    from drafter import __version__

    cp = doc.core_properties
    cp.title = clean_title(title)
    for name in ("author", "comments", "last_modified_by", "subject", "keywords", "category"):
        setattr(cp, name, "")
    cp.language = "zh-CN"
    now = datetime.now(timezone.utc).replace(microsecond=0)
    cp.created = now
    cp.modified = now
    cp.revision = 1

    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == RT_THUMBNAIL:
            del rels[rid]  # the part is no longer reachable: not saved
        elif rel.reltype == RT_EXTENDED and not rel.is_external:
            rel.target_part._blob = APP_XML.format(version=__version__).encode("utf-8")

"""D901: sentences and paragraphs copied verbatim from past speeches (扒旧稿).

``load_archive`` indexes a bank folder (its phrases, and the source texts it
was mined from when they can be found) or a folder of past speeches: one hash
of each normalised sentence (Chinese characters, Latin letters and digits
only) with the file, line and year it first came from. Checking a draft is one
lookup per sentence, so the whole is linear in the archive plus the draft.
Sentences found in three or more past speeches are the trade's common stock
(set formulations) and are not reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from drafter.check.base import FORMULATIONS, Context, Hit, head
from drafter.errors import CorpusError, DrafterError, ReadError, UsageError
from drafter.text.speech import split_sentences

MIN_CHARS = 15  # normalised characters in a sentence worth reporting
MIN_FREE = 10  # of them, besides set formulations
COMMON = 3  # in this many past speeches: common stock
_KEEP = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]+")
_FORMULATION_RX = re.compile("|".join(sorted(map(re.escape, FORMULATIONS), key=len, reverse=True)))
_YEAR = re.compile(r"(?:19|20)\d\d")


def normalise(sentence: str) -> str:
    return _KEEP.sub("", sentence)


def _worth(norm: str) -> bool:
    return len(norm) >= MIN_CHARS and len(_FORMULATION_RX.sub("", norm)) >= MIN_FREE


@dataclass
class Archive:
    """Normalised-sentence hashes -> where they first occur in past speeches."""

    docs: list[tuple[str, int | None]] = field(default_factory=list)  # (file, year)
    first: dict[int, tuple[int, int]] = field(default_factory=dict)  # hash -> (doc index, line)
    spread: dict[int, int] = field(default_factory=dict)  # hash -> number of docs (capped at COMMON)
    paragraphs: dict[int, tuple[int, int]] = field(default_factory=dict)  # whole paragraphs, likewise
    skip: set[Path] = field(default_factory=set)  # resolved paths not to index (the drafts themselves)

    def add_doc(self, name: str, year: int | None) -> int:
        self.docs.append((name, year))
        return len(self.docs) - 1

    def add(self, doc: int, line: int, text: str, seen: set[int]) -> None:
        whole = normalise(text)
        if len(whole) >= 2 * MIN_CHARS:
            self.paragraphs.setdefault(hash(whole), (doc, line))
        for s in split_sentences(text, "。！？；"):
            norm = normalise(s)
            if not _worth(norm):
                continue
            h = hash(norm)
            if h not in self.first:
                self.first[h] = (doc, line)
            if h not in seen:
                seen.add(h)
                self.spread[h] = min(COMMON, self.spread.get(h, 0) + 1)

    def lookup(self, sentence: str) -> tuple[str, int, int | None] | None:
        norm = normalise(sentence)
        if not _worth(norm):
            return None
        h = hash(norm)
        hit = self.first.get(h)
        if hit is None or self.spread.get(h, 0) >= COMMON:
            return None
        name, year = self.docs[hit[0]]
        return name, hit[1], year

    def lookup_paragraph(self, text: str) -> tuple[str, int, int | None] | None:
        norm = normalise(text)
        hit = self.paragraphs.get(hash(norm)) if len(norm) >= 2 * MIN_CHARS else None
        if hit is None:
            return None
        name, year = self.docs[hit[0]]
        return name, hit[1], year

    def __len__(self) -> int:
        return len(self.first)


def _year_of(speech, name: str) -> int | None:
    from drafter.check.dated import speech_date

    d = speech_date(speech)
    if d:
        return d.year
    m = _YEAR.search(speech.title) or _YEAR.search(Path(name).name)
    return int(m.group()) if m else None


def _add_file(archive: Archive, path: Path, name: str) -> None:
    from drafter.text.reader import read_lines
    from drafter.text.speech import parse_lines

    for sp in parse_lines(read_lines(path), name):
        doc = archive.add_doc(name, _year_of(sp, name))
        seen: set[int] = set()
        for b in sp.blocks:
            if b.kind in ("paragraph", "heading", "closing", "salutation"):
                archive.add(doc, b.line, b.text, seen)


def _add_bank(archive: Archive, folder: Path) -> None:
    from drafter.bank.store import find_source

    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise UsageError(f"--against {folder}：表达库的 manifest.json 无法读取；请重新运行 drafter mine") from e
    roots = manifest.get("roots") if isinstance(manifest, dict) else None
    roots = [str(r) for r in roots] if isinstance(roots, list) else []
    docs: dict[str, int] = {}
    sources: set[str] = set()
    for jsonl in sorted(folder.glob("*.jsonl")):
        try:
            lines = jsonl.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise ReadError(jsonl, "表达库文件无法读取；请重新运行 drafter mine") from e
        for raw in lines:
            try:
                rec = json.loads(raw)
            except ValueError:
                continue
            srcs = rec.get("sources") or []
            if not isinstance(rec, dict) or not srcs or not isinstance(srcs[0], dict):
                continue
            doc_name = str(srcs[0].get("doc", ""))
            sources.update(str(s.get("doc", "")) for s in srcs if isinstance(s, dict))
            if doc_name not in docs:
                m = _YEAR.search(Path(doc_name).name)
                docs[doc_name] = archive.add_doc(doc_name, rec.get("year") or (int(m.group()) if m else None))
            items = rec.get("items") or [rec.get("text", "")]
            for item in items:
                if isinstance(item, str) and "{{" not in item:
                    archive.add(docs[doc_name], int(srcs[0].get("line", 0) or 0), item, set())
    def locate(doc: str) -> Path | None:
        for r in map(Path, roots):  # the corpus roots ``mine`` recorded: doc is "<root name>/<path>"
            if (doc == r.name or doc.startswith(r.name + "/")) and (r.parent / doc).is_file():
                return r.parent / doc
        return find_source(doc, folder)

    for doc in sorted(sources):
        path = locate(doc)
        if path is not None and path.resolve() not in archive.skip:
            try:
                _add_file(archive, path, doc)
            except DrafterError:
                continue  # a source that moved or broke: the phrases still stand for it


def load_archive(path: Path | str, skip: set[Path] | None = None) -> Archive:
    """Index a bank folder or a folder (or file) of past speeches."""
    from drafter.text.reader import iter_corpus

    p = Path(path)
    archive = Archive(skip=skip or set())
    if not p.exists():
        raise UsageError(f"--against 的路径 {p} 不存在；请给出表达库文件夹或往年讲话稿所在的文件夹")
    if p.is_dir() and (p / "manifest.json").is_file():
        _add_bank(archive, p)
        return archive
    try:
        files = list(iter_corpus([p]))
    except CorpusError as e:
        raise UsageError(f"--against：{e}") from e
    for src in files:
        if src.path.resolve() in archive.skip:
            continue
        try:
            _add_file(archive, src.path, str(src.path))
        except DrafterError:
            continue  # an unreadable old file does not stop the check
    return archive


def copied(ctx: Context) -> Iterator[Hit]:
    """D901: sentences of the draft found verbatim in the archive; a paragraph copied
    whole is one finding."""
    archive = ctx.archive
    if archive is None:
        return
    for b in ctx.speech.blocks:
        if b.kind not in ("paragraph", "heading", "closing"):
            continue
        para = archive.lookup_paragraph(b.text)
        if para is not None:
            yield Hit("D901", b.line, head(b.text), f"整段照搬往年讲话稿（{_where(*para)}），请结合今年实际重写")
            continue
        sentences = [s for s in split_sentences(b.text, "。！？；") if _worth(normalise(s))]
        found = [(s, h) for s, h in ((s, archive.lookup(s)) for s in sentences) if h is not None]
        for s, (name, line, year) in found:
            yield Hit("D901", b.line, head(s.strip(), 24), f"这句与往年讲话稿相同（{_where(name, line, year)}），请结合今年实际改写")


def _where(name: str, line: int, year: int | None) -> str:
    return f"{name} 第 {line} 行，{year} 年" if year else f"{name} 第 {line} 行，年份不详"

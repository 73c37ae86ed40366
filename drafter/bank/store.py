"""The phrase bank: a folder of JSON Lines files, one per kind, manifest.json and
the index (index.sqlite, see ``drafter.bank.index``).

The JSON Lines are plain text a person can read and diff. Each line is one
phrase: ``id kind text items frame slots genre genres level levels year
context facts terms keywords sources count`` (see ``Phrase``). Commands read
the index; ``load_bank`` reads every file (each file parsed as one JSON array,
every record validated, a bad one named by file and line) for code that wants
the whole bank in memory.

This module writes, builds and loads banks (``save_bank``, ``write_files``,
``build_bank``, ``load_bank``); the ``Phrase`` record and its validation live in
``drafter.bank.records``, source lookup in ``drafter.bank.sources``, both
importable from here.

Which bank is used: ``--bank DIR``, else ``$DRAFTER_BANK``, else
``./phrasebank/`` when it exists, else the bank shipped inside the package.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.atomic import os_reason
from drafter.bank.records import Phrase, _parse_jsonl, phrase_from_record, record_problem
from drafter.bank.sources import corpus_root, find_source, missing_source_note, source_context
from drafter.errors import BankError, CorpusError, OutputError, UsageError
from drafter.kinds import PHRASE_KINDS
from drafter.text.slots import slots_in

if TYPE_CHECKING:
    from drafter.bank.mine import MineStats

MANIFEST = "manifest.json"
FORMAT = 2

__all__ = [
    "FORMAT",
    "ID_PREFIX",
    "KEYWORDS",
    "MANIFEST",
    "Bank",
    "Phrase",
    "build_bank",
    "check_bank_target",
    "corpus_root",
    "data_dir",
    "dump_line",
    "find_source",
    "half_state",
    "is_bank",
    "keywords_by_tfidf",
    "load_bank",
    "make_manifest",
    "missing_source_note",
    "phrase_from_record",
    "phrase_id",
    "phrases_from_records",
    "read_manifest",
    "record_problem",
    "resolve_bank_dir",
    "save_bank",
    "source_context",
    "write_files",
]


def data_dir(name: str) -> Path:
    """A folder shipped with drafter (phrasebank, templates, seeds, examples).

    Installed: inside the package (``drafter/_data``); in a source checkout
    or an editable install: the project folder.
    """
    package = Path(__file__).resolve().parents[1]
    packaged = package / "_data" / name
    return packaged if packaged.exists() else package.parent / name


ID_PREFIX = {
    "title": "ti", "salutation": "sa", "opening": "op", "transition": "tr",
    "heading": "hd", "lead": "ld", "parallel": "pa", "pledge": "pl", "closing": "cl",
    "elaboration": "el",
}


def phrase_id(kind: str, text: str) -> str:
    """A stable id: two letters for the kind, ten hex digits of the text's hash.

    >>> phrase_id("closing", "发言完毕。")
    'cl2ebeea0755'
    """
    import hashlib

    return ID_PREFIX.get(kind, kind[:2]) + hashlib.sha1(f"{kind}|{text}".encode()).hexdigest()[:10]


KEYWORDS = 6  # top terms kept as a phrase's keywords


def _ranked(counts: dict) -> dict:
    """A count dict, most common first (ties by key)."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def keywords_by_tfidf(terms: Sequence[str], df: dict[str, int], n_docs: int, top: int = KEYWORDS) -> list[str]:
    """A phrase's top terms by TF-IDF against the bank's own document frequencies.

    >>> keywords_by_tfidf(["产业", "集群", "产业"], {"产业": 9, "集群": 1}, 10, top=1)
    ['集群']
    """
    import math

    tf: dict[str, int] = {}
    for t in terms:
        tf[t] = tf.get(t, 0) + 1
    first = {t: i for i, t in reversed(list(enumerate(terms)))}
    scored = sorted(tf, key=lambda t: (-tf[t] * math.log((n_docs + 1) / (df.get(t, 0) + 0.5)), first[t]))
    return scored[:top]


def phrases_from_records(records: Iterable[dict], jobs: int = 1) -> list[Phrase]:
    """Turn merged mining records into Phrases: ids, slots, genre, level and keywords.

    Keywords are TF-IDF over the records' own terms (document frequencies
    counted once here), so no second tokenisation; ``jobs`` is accepted for
    compatibility and not needed.
    """
    records = list(records)
    df: dict[str, int] = {}
    for rec in records:
        for t in set(rec.get("terms", ())):
            df[t] = df.get(t, 0) + 1
    phrases = []
    for rec in records:
        genres = _ranked(rec["genres"])
        levels = _ranked(rec.get("levels") or {})
        terms = list(rec.get("terms", ()))
        phrases.append(
            Phrase(
                id=phrase_id(rec["kind"], rec["text"]),
                kind=rec["kind"],
                text=rec["text"],
                items=rec["items"],
                frame=rec["frame"],
                slots=slots_in(rec["text"]),
                genre=next(iter(genres), "other"),
                genres=genres,
                level=next(iter(levels), "unknown"),
                levels=levels,
                year=rec.get("year"),
                context=rec.get("context", ""),
                facts=list(rec.get("facts", ())),
                terms=terms,
                keywords=keywords_by_tfidf(terms, df, len(records)),
                sources=rec["sources"],
                count=rec["count"],
            )
        )
    return phrases


@dataclass
class Bank:
    """A loaded phrase bank."""

    phrases: list[Phrase]
    path: Path | None = None
    manifest: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {p.id: p for p in self.phrases}

    def get(self, pid: str) -> Phrase:
        try:
            return self._by_id[pid]
        except KeyError:
            matches = [p for p in self.phrases if p.id.startswith(pid)] if len(pid) >= 4 else []
            if len(matches) == 1:
                return matches[0]
            if len(pid) < 4:
                raise BankError(f"编号 {pid} 太短；请至少写前 4 位，如 drafter phrases show {pid}xx") from None
            if len(matches) > 1:
                raise BankError(f"编号 {pid} 对应 {len(matches)} 个条目；请多写几位") from None
            raise BankError(
                f"表达库中没有编号为 {pid} 的条目；请用 drafter phrases list 或 search 查看可用编号"
            ) from None

    def select(self, kind: str | None = None, genre: str | None = None) -> list[Phrase]:
        return [
            p for p in self.phrases
            if (kind is None or p.kind == kind) and (genre is None or genre in p.genres)
        ]

    def search(self, query: str, kind: str | None = None) -> list[Phrase]:
        """Substring and keyword match, best first."""
        q = query.strip()
        if not q:
            return []
        grams = {q[i : i + 2] for i in range(len(q) - 1)} or {q}
        scored = []
        for p in self.select(kind):
            hay = p.text
            score = 0.0
            if q in hay:
                score += 10 + hay.count(q)
            for kw in p.keywords:
                if kw == q:
                    score += 6
                elif kw in q or q in kw:
                    score += 3
            if score == 0:
                hits = sum(1 for g in grams if g in hay)
                if len(grams) > 1 and hits / len(grams) >= 0.6:
                    score += 2 * hits / len(grams)
            if score:
                scored.append((-score, -p.count, p.id, p))
        scored.sort(key=lambda t: t[:3])
        return [t[3] for t in scored]

    def stats(self) -> dict:
        from collections import Counter
        by_kind = Counter(p.kind for p in self.phrases)
        by_genre = Counter(p.genre for p in self.phrases)
        docs: Counter[str] = Counter()
        for p in self.phrases:
            for d in {s["doc"] for s in p.sources}:
                docs[d] += 1
        return {
            "phrases": len(self.phrases),
            "by_kind": {k: by_kind.get(k, 0) for k in PHRASE_KINDS},
            "by_genre": dict(by_genre.most_common()),
            "top_sources": docs.most_common(10),
        }


# --- on disk ----------------------------------------------------------------


def dump_line(p: Phrase) -> str:
    """A phrase as one JSON Lines record."""
    return json.dumps(p.to_json(), ensure_ascii=False, separators=(",", ":"))


def _sort_key(p: Phrase) -> tuple:
    first = p.sources[0] if p.sources else {"doc": "", "line": 0}
    return (first["doc"], first["line"], p.text)


def write_files(phrases: Sequence[Phrase], folder: Path, manifest: dict) -> None:
    """Write a bank's files into an existing, empty folder."""
    by_kind: dict[str, list[Phrase]] = {k: [] for k in PHRASE_KINDS}
    for p in phrases:
        by_kind.setdefault(p.kind, []).append(p)
    for kind, items in by_kind.items():
        items.sort(key=_sort_key)
        text = "".join(dump_line(p) + "\n" for p in items)
        (folder / f"{kind}.jsonl").write_text(text, encoding="utf-8")
    (folder / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    from drafter.bank.index import build

    build(folder, [p for kind in by_kind for p in by_kind[kind]])


def make_manifest(phrases: Sequence[Phrase], stats: MineStats, roots: Sequence[Path | str] = ()) -> dict:
    """The bank's manifest: what was mined, from where (corpus roots, absolute; the
    bundled seeds/ and corpus/ are found without one, so the shipped manifest names
    no path of the machine it was mined on), what came out."""
    from collections import Counter

    counts = Counter(p.kind for p in phrases)
    bundled = {corpus_root(data_dir(name)) for name in ("seeds", "corpus")}
    return {
        "format": FORMAT,
        "roots": [r for r in map(corpus_root, roots) if r not in bundled],
        "files": stats.files,
        "speeches": stats.speeches,
        "skipped": [{"doc": d, "reason": r} for d, r in stats.skipped],
        "phrases": {k: counts.get(k, 0) for k in PHRASE_KINDS},
    }


def is_bank(folder: Path) -> bool:
    return (folder / MANIFEST).is_file()


def check_bank_target(out: Path, force: bool = False) -> None:
    """Fail before mining when the bank could not be written to ``out``."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} 是一个文件，不是表达库文件夹；请用 --out 指定一个文件夹")
    if out.is_dir() and any(out.iterdir()) and not is_bank(out) and not force:
        raise OutputError(
            f"{out} 已有其他文件，且不是 drafter 表达库，未作改动；请用 --out 指定新的文件夹，或加 --force 替换"
        )
    parent = out.resolve().parent
    if not parent.is_dir():
        raise OutputError(f"表达库的上级文件夹 {parent} 不存在；请先创建它，或用 --out 指定其他位置")
    if not os.access(parent, os.W_OK) or (out.is_dir() and not os.access(out, os.W_OK)):
        raise OutputError(f"无法在 {parent} 中写入表达库（没有写权限）；请用 --out 指定可写的位置")


def build_bank(
    paths: Sequence[Path | str],
    out: Path | str,
    jobs: int = 1,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Path, MineStats, list[Phrase]]:
    """Mine ``paths`` (default: the bundled seeds) and save the bank to ``out``.

    This is ``drafter mine`` from Python. The old bank at ``out`` is replaced
    only when mining succeeded.
    """
    out = Path(out)
    if jobs < 1:
        raise UsageError(f"--jobs 必须是正整数（收到 {jobs}）；省略它则按 CPU 核数并行")
    check_bank_target(out, force)
    from drafter.bank.mine import mine_paths

    paths = list(paths) or [data_dir("seeds")]
    records, stats = mine_paths(paths, jobs, progress)
    if stats.files == 0:
        names = "；".join(f"{d}（{r}）" for d, r in stats.skipped)
        raise CorpusError(f"没有一个文件能读取，表达库未改动：{names}")
    phrases = phrases_from_records(records, jobs)
    save_bank(phrases, out, make_manifest(phrases, stats, paths), force)
    return out, stats, phrases


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    import errno
    import sys

    if sys.platform != "linux":
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # a file system that cannot exchange: fall back to two renames
    raise OSError(err, os.strerror(err), str(b))


def _leftover_old(out: Path) -> Path | None:
    """The old bank a swap interrupted between its two renames left hidden beside ``out``."""
    parent = out.absolute().parent
    try:
        olds = sorted(parent.glob(f".{out.name}.old-*"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return None
    return next((p for p in reversed(olds) if is_bank(p)), None)


def half_state(out: Path) -> str | None:
    """Why ``out`` is not a usable bank after an interrupted write (None: nothing wrong)."""
    if out.is_dir() and not is_bank(out) and any(out.glob("*.jsonl")):
        return (
            f"{out} 是不完整的表达库（有条目文件但缺少 {MANIFEST}），可能是写入时被中断；"
            f"请重新运行 drafter mine --out {out}"
        )
    if not out.exists():
        old = _leftover_old(out)
        if old is not None:
            return (
                f"表达库 {out} 不在原处：上次写入时被中断，旧表达库留在 {old}；"
                f"请把它改名为 {out}（mv {old} {out}），或重新运行 drafter mine --out {out}"
            )
    return None


def save_bank(phrases: Sequence[Phrase], out: Path | str, manifest: dict, force: bool = False) -> Path:
    """Write a bank to ``out``, replacing an old bank there only once the new one is complete.

    The new bank is written into a hidden folder beside ``out`` and swapped in
    with one rename (an atomic exchange on Linux), so a kill at any moment
    leaves either the old bank or the new one at ``out``. A folder that exists
    and is not a phrase bank is never replaced unless ``force``; neither is a
    bank replaced by an empty one. Files and folders get the permissions the
    umask allows.
    """
    import shutil
    import tempfile

    from drafter.atomic import file_mode, folder_mode

    out = Path(out)
    if not out.exists() and not out.is_symlink():
        old = _leftover_old(out)
        if old is not None:  # an earlier swap was cut off: put the old bank back first
            with contextlib.suppress(OSError):
                os.rename(old, out)
    check_bank_target(out, force)
    if not phrases and is_bank(out) and not force:
        raise OutputError(
            f"没有提炼出任何表达，{out} 中原有的表达库未改动；请检查语料是否为讲话稿，"
            "或加 --force 用空表达库替换"
        )
    parent = out.absolute().parent
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=parent))
    except OSError as e:
        raise OutputError(f"无法在 {parent} 中创建临时文件夹：{_reason(e)}") from e
    old: Path | None = None
    try:
        write_files(phrases, tmp, manifest)
        fmode = file_mode()
        for f in tmp.iterdir():
            os.chmod(f, fmode)
        os.chmod(tmp, folder_mode())
        if out.is_dir() and not out.is_symlink() and _exchange(tmp, out):
            old = tmp  # after the exchange the hidden name holds the old bank
        elif out.exists() or out.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=parent))
            old.rmdir()
            os.replace(out, old)  # from here until the next line, half_state() explains
            os.replace(tmp, out)
        else:
            os.rename(tmp, out)
    except BaseException as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and old.exists() and not out.exists():
            os.replace(old, out)
        if isinstance(e, OSError):
            raise OutputError(f"写入表达库 {out} 失败：{_reason(e)}；原表达库未改动") from e
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return out


def _reason(e: OSError) -> str:

    return os_reason(e)


def resolve_bank_dir(bank: Path | str | None = None) -> Path:
    """``--bank``, else ``$DRAFTER_BANK``, else ``./phrasebank``, else the bundled bank."""
    if bank:
        return Path(bank)
    env = os.environ.get("DRAFTER_BANK")
    if env:
        return Path(env)
    local = Path("phrasebank")
    if is_bank(local):
        return local
    problem = half_state(local)  # never fall back to the bundled bank over a damaged ./phrasebank
    if problem:
        raise BankError(problem)
    return data_dir("phrasebank")


def read_manifest(folder: Path) -> dict:
    """The bank's manifest.json as a dict; BankError when it is unreadable or not an object."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise BankError(f"表达库清单 {path} 不是 UTF-8 编码；请重新运行 drafter mine") from None
    except (OSError, ValueError, RecursionError) as e:
        raise BankError(f"表达库清单 {path} 无法读取（{getattr(e, 'strerror', None) or e}）；请重新运行 drafter mine") from None
    if not isinstance(manifest, dict):
        raise BankError(f"表达库清单 {path} 应为 JSON 对象；请重新运行 drafter mine")
    roots = manifest.get("roots", [])
    if not (isinstance(roots, list) and all(isinstance(r, str) for r in roots)):
        raise BankError(f"表达库清单 {path} 的 roots 应为路径列表；请重新运行 drafter mine")
    return manifest


def load_bank(bank: Path | str | None = None) -> Bank:
    """Load every phrase of the bank chosen by ``resolve_bank_dir``, each record validated.

    Raises BankError naming the file, line and field of a bad record.
    """
    folder = resolve_bank_dir(bank)
    problem = half_state(folder)
    if problem:
        raise BankError(problem)
    if folder.exists() and not folder.is_dir():
        raise BankError(f"{folder} 是文件，不是文件夹；--bank（或 $DRAFTER_BANK）应指向 drafter mine 生成的表达库文件夹")
    if not folder.is_dir():
        if folder.exists():
            raise BankError(f"{folder} 是一个文件，不是表达库文件夹；请用 --bank 指定 drafter mine 生成的文件夹")
        raise BankError(f"表达库文件夹 {folder} 不存在；请先运行 drafter mine 生成，或用 --bank 指定")
    if not is_bank(folder):
        raise BankError(f"{folder} 不是 drafter 表达库（缺少 {MANIFEST}）；请先运行 drafter mine --out {folder}")
    manifest = read_manifest(folder)
    import gc

    phrases: list[Phrase] = []
    # The collector would rescan the millions of fresh dicts and lists json makes:
    # pausing it takes a 100,000-phrase load from 1.9 s to 0.6 s.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for kind in PHRASE_KINDS:
            path = folder / f"{kind}.jsonl"
            if not path.exists():
                continue
            for n, rec in _parse_jsonl(path):
                phrases.append(phrase_from_record(rec, path, n))
    finally:
        if was_enabled:
            gc.enable()
    return Bank(phrases, folder, manifest)

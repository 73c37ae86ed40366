"""The bank's index: one sqlite file beside the JSON Lines, written by ``drafter mine``.

The JSON Lines stay the readable, diffable source; the index answers
``phrases search|show|stats|list`` and the composer's retrieval without
loading them, so a command's cost does not grow with the bank:

* ``phrases``: one row per phrase (kind, genre, level, year, has_facts, count,
  text), and apart (so scans stay small) its JSON record in ``records``;
* ``text_fts``: FTS5 with the trigram tokenizer over the texts (substring
  search), when this sqlite has it; otherwise search scans ``text`` with LIKE;
* ``postings`` (term, kind → packed arrays of phrase rowids and BM25 impacts
  in rowid order, and the ``HEAD`` highest impacts apart) over each
  phrase's terms and, weighted lower, its context's terms;
  ``df`` (term, df) counted over phrases. A query reads one row per term and
  kind and sums idf × impact in memory: no per-posting SQL rows;
* ``meta``: the signature of the JSON Lines files it was built from (size and
  SHA-1 of each), the statistics ``phrases stats`` shows, avgdl. Their mtimes
  go into ``index.stamp`` beside it, so the index is the same file for the
  same bank.

``BankIndex.open`` refuses an index that is missing or older than the JSON
Lines (``BankError`` saying to run ``drafter mine``). Nothing here imports
jieba: ``tokens`` splits a query by longest match against the index's own
vocabulary.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import sqlite3
import sys
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import BankError, UsageError
from drafter.kinds import FACT_TYPES, PHRASE_KINDS
from drafter.text.lazyre import lazy

if TYPE_CHECKING:
    from drafter.bank.store import Phrase

INDEX = "index.sqlite"
SCHEMA = 8
K1 = 1.2
B = 0.75
CONTEXT_WEIGHT = 0.5  # a term of the heading a phrase stood under counts half a term of its own
MAX_TERM = 12  # longest vocabulary word tried by ``tokens``
COUNT_CAP = 1000  # ``search_page`` counts substring matches up to this many (and says "more")
CACHE_SIZE = 20_000  # decoded phrases kept by one BankIndex
LISTS_CACHE_SIZE = 5_000  # (word, kind) postings lists kept by one BankIndex
DF_CACHE_SIZE = 200_000  # strings whose document frequency (or absence) one BankIndex knows
HEAD = 128  # postings of a common word read when gathering candidates (see BankIndex._ranked)
_REBUILD = "请运行 drafter mine 重新生成"


def _signed_files(folder: Path) -> list[str]:
    from drafter.bank.store import MANIFEST

    return [*(f"{k}.jsonl" for k in PHRASE_KINDS), MANIFEST]


def _file_sig(path: Path) -> list | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return [st.st_size, _sha1(path)]


def _sha1(path: Path) -> str:
    h = hashlib.sha1()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def signature(folder: Path) -> dict[str, list | None]:
    """{file: [size, sha1] or None} for the bank's JSON Lines files and manifest: the same
    for the same files, so the index written for the same bank is the same file (no churn
    in a repository that keeps a bank)."""
    return {name: _file_sig(folder / name) for name in _signed_files(folder)}


# Next to the index, not in it: each file's size and mtime when the index was built, so an
# unchanged bank is known fresh without hashing it. A copy or a checkout (new mtimes, no
# stamp) falls back to the content hashes the index keeps.
STAMP = "index.stamp"


def _write_stamp(folder: Path) -> None:
    from drafter.atomic import write_text

    stamp = {}
    for name in _signed_files(folder):
        with contextlib.suppress(OSError):
            st = (folder / name).stat()
            stamp[name] = [st.st_size, st.st_mtime_ns]
    with contextlib.suppress(OSError):  # only a shortcut: a bank without it is still fresh
        write_text(folder / STAMP, json.dumps(stamp), force=True)


def _stamped(folder: Path) -> dict:
    try:
        data = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


# --- building ---------------------------------------------------------------------------


def longest_match(text: str, known: Collection[str], longest: int) -> list[str]:
    """Forward maximum matching of ``text`` against a vocabulary (words of 2+ characters)."""
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        for size in range(min(longest, n - i), 1, -1):
            w = text[i : i + size]
            if w in known:
                out.append(w)
                i += size
                break
        else:
            i += 1
    return out


def _fields() -> tuple[str, ...]:
    from dataclasses import fields

    from drafter.bank.store import Phrase

    return tuple(f.name for f in fields(Phrase))


def _record(p: Phrase) -> str:
    """A phrase as the index stores it: a JSON array of its fields in ``Phrase`` order
    (decoded in one pass per batch, faster than objects)."""
    rec = p.to_json()
    return json.dumps([rec[name] for name in _fields()], ensure_ascii=False, separators=(",", ":"))


def _tag(values: Iterable[str]) -> str:
    """Keys as a searchable column: ``,report,seminar,``."""
    return "," + ",".join(values) + ","


def build(folder: Path | str, phrases: Sequence[Phrase]) -> Path:
    """Write ``folder/index.sqlite`` for ``phrases`` (the bank's JSON Lines must already be there)."""
    from drafter.bank.terms import content_terms

    folder = Path(folder)
    path = folder / INDEX
    tmp = folder / (INDEX + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    vocab = {t for p in phrases for t in p.terms}
    longest = max((len(t) for t in vocab), default=2)
    context_terms: dict[str, list[str]] = {}
    df: Counter[str] = Counter()
    rows = []
    postings = []
    lengths = []
    docs: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    by_genre: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    by_year: Counter[str] = Counter()
    by_fact: Counter[str] = Counter()
    with_facts = 0
    for rowid, p in enumerate(phrases, 1):
        ctx = context_terms.get(p.context)
        if ctx is None:
            ctx = context_terms[p.context] = content_terms(longest_match(p.context, vocab, longest))
        tf: dict[str, float] = {}
        for t in p.terms:
            tf[t] = tf.get(t, 0.0) + 1.0
        for t in ctx:
            tf[t] = tf.get(t, 0.0) + CONTEXT_WEIGHT
        dl = len(p.terms) + CONTEXT_WEIGHT * len(ctx)
        lengths.append(dl)
        for t, v in tf.items():
            postings.append((t, p.kind, rowid, v, dl))
            df[t] += 1
        rows.append((
            rowid, p.id, p.kind, p.genre, _tag(p.genres), p.level, _tag(p.levels), p.year,
            1 if p.facts else 0, p.count, p.text, _record(p),
        ))
        by_kind[p.kind] += 1
        by_genre[p.genre] += 1
        by_level[p.level] += 1
        if p.year is not None:
            by_year[str(p.year)] += 1
        if p.facts:
            with_facts += 1
            for t in {f["type"] for f in p.facts}:
                by_fact[t] += 1
        for d in dict.fromkeys(s["doc"] for s in p.sources):  # in source order: ties rank the same every run
            docs[d] += 1
    stats = {
        "phrases": len(phrases),
        "by_kind": {k: by_kind.get(k, 0) for k in PHRASE_KINDS},
        "by_genre": dict(by_genre.most_common()),
        "by_level": dict(by_level.most_common()),
        "by_year": dict(sorted(by_year.items(), reverse=True)),
        "with_facts": with_facts,
        "by_fact": {t: by_fact[t] for t in FACT_TYPES if by_fact.get(t)},
        "top_sources": docs.most_common(10),
    }
    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            """
            PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE phrases (
                rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                genre TEXT NOT NULL, genres TEXT NOT NULL, level TEXT NOT NULL, levels TEXT NOT NULL,
                year INTEGER, has_facts INTEGER NOT NULL, count INTEGER NOT NULL,
                text TEXT NOT NULL);
            CREATE TABLE records (rowid INTEGER PRIMARY KEY, record TEXT NOT NULL);
            CREATE INDEX phrases_kind ON phrases (kind);
            CREATE INDEX phrases_count ON phrases (count DESC, rowid);
            CREATE TABLE postings (term TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL,
                head_pids BLOB NOT NULL, head_impacts BLOB NOT NULL, pids BLOB NOT NULL, impacts BLOB NOT NULL,
                PRIMARY KEY (term, kind)) WITHOUT ROWID;
            CREATE TABLE df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
            """
        )
        con.executemany("INSERT INTO phrases VALUES (?,?,?,?,?,?,?,?,?,?,?)", [r[:-1] for r in rows])
        con.executemany("INSERT INTO records VALUES (?,?)", [(r[0], r[-1]) for r in rows])
        # BM25's term-frequency part is fixed once the bank is: store it (``impact``), so a
        # query only sums idf × impact over the postings of its terms.
        avgdl = (sum(lengths) / len(lengths)) if lengths else 1.0
        postings.sort()
        packed = []
        for (t, kind), group in groupby(postings, key=lambda r: (r[0], r[1])):
            entries = [(pid, tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl)))
                       for _, _, pid, tf, dl in group]  # rowid order
            head = sorted(entries, key=lambda r: (-r[1], r[0]))[:HEAD] if len(entries) > HEAD else []
            # the head first: reading it never touches the pages of the whole list
            packed.append((
                t, kind, len(entries),
                *(_pack(c, [r[i] for r in head]) for i, c in enumerate("id")),
                *(_pack(c, [r[i] for r in entries]) for i, c in enumerate("id")),
            ))
        con.executemany("INSERT INTO postings VALUES (?,?,?,?,?,?,?)", packed)
        con.executemany("INSERT INTO df VALUES (?,?)", sorted(df.items()))
        fts = _has_trigram(con)
        if fts:
            con.execute("CREATE VIRTUAL TABLE text_fts USING fts5(text, content='phrases', content_rowid='rowid', tokenize='trigram')")
            con.execute("INSERT INTO text_fts (rowid, text) SELECT rowid, text FROM phrases")
        meta = {
            "schema": SCHEMA,
            "signature": signature(folder),
            "stats": stats,
            "avgdl": avgdl,
            "longest": longest,
            "fts": fts,
            "fields": list(_fields()),
        }
        con.executemany("INSERT INTO meta VALUES (?,?)", [(k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()])
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    _write_stamp(folder)
    return path


def _pack(code: str, values: Sequence) -> bytes:
    """Numbers as little-endian bytes (the index is the same file on every machine)."""
    arr = array(code, values)
    if sys.byteorder == "big":
        arr.byteswap()
    return arr.tobytes()


def _unpack(code: str, data: bytes) -> array:
    arr = array(code)
    arr.frombytes(data)
    if sys.byteorder == "big":
        arr.byteswap()
    return arr


def _has_trigram(con: sqlite3.Connection) -> bool:
    """FTS5 with the trigram tokenizer (sqlite ≥ 3.34, built with FTS5)."""
    try:
        con.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x, tokenize='trigram')")
        con.execute("DROP TABLE temp.probe")
        return True
    except sqlite3.OperationalError:
        return False


# --- reading ----------------------------------------------------------------------------

_YEAR_RANGE = lazy(r"^\s*(\d{4})?\s*(?:(-|－|—|~|～|至)\s*(\d{4})?)?\s*$")


def parse_years(year: int | str | tuple[int | None, int | None] | None) -> tuple[int | None, int | None] | None:
    """``2024`` → (2024, 2024); ``"2020-"`` → (2020, None); ``"-2019"``; ``"2020-2024"``.

    >>> parse_years("2020-"), parse_years(2024), parse_years(None)
    ((2020, None), (2024, 2024), None)
    """
    if year is None:
        return None
    if isinstance(year, tuple):
        return year
    if isinstance(year, int):
        return (year, year)
    m = _YEAR_RANGE.match(str(year))
    if not m or not (m.group(1) or m.group(3)):
        raise UsageError(f"年份“{year}”无法识别；请写成 2024、2020-（此后）、-2019（此前）或 2020-2024")
    lo = int(m.group(1)) if m.group(1) else None
    hi = int(m.group(3)) if m.group(3) else None
    if not m.group(2):
        hi = lo
    return lo, hi


class BankIndex:
    """Read access to a bank through its index. Open with ``BankIndex.open(bank_dir)``."""

    def __init__(self, folder: Path, con: sqlite3.Connection, meta: dict) -> None:
        self.path = folder
        self._con = con
        self._meta = meta
        self._avgdl = float(meta.get("avgdl") or 1.0) or 1.0
        self._n = int(meta["stats"]["phrases"])
        self._longest = int(meta.get("longest") or MAX_TERM)
        self._fts = bool(meta.get("fts"))
        self._manifest: dict | None = None
        self._cache: dict[int, Phrase] = {}
        self._lists_cache: dict[tuple[str, str | None], list[tuple]] = {}
        self._tokens_cache: dict[str, tuple[str, ...]] = {}
        self._dfs: dict[str, int | None] = {}  # string -> its document frequency, None: no term

    # -- opening

    @classmethod
    def open(cls, bank_dir: Path | str) -> BankIndex:
        """Open the index of a bank folder; BankError when it is missing, damaged or stale."""
        from drafter.bank.store import MANIFEST, is_bank

        folder = Path(bank_dir)
        if not folder.is_dir():
            if folder.exists():
                raise BankError(f"{folder} 是一个文件，不是表达库文件夹；请用 --bank 指定 drafter mine 生成的文件夹")
            raise BankError(f"表达库文件夹 {folder} 不存在；请先运行 drafter mine 生成，或用 --bank 指定")
        if not is_bank(folder):
            raise BankError(f"{folder} 不是 drafter 表达库（缺少 {MANIFEST}）；请先运行 drafter mine --out {folder}")
        path = folder / INDEX
        stale = f"表达库 {folder} 缺少索引（或索引已过期）；{_REBUILD}"
        if not path.is_file():
            raise BankError(stale)
        try:
            con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
            con.execute("PRAGMA mmap_size = 1073741824")  # pages read through the OS cache, no copy per read
            meta = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM meta")}
        except (sqlite3.Error, ValueError) as e:
            raise BankError(f"表达库 {folder} 的索引 {INDEX} 已损坏（{e}）；{_REBUILD}") from e
        if (meta.get("schema") != SCHEMA or not isinstance(meta.get("stats"), dict)
                or meta.get("fields") != list(_fields())):
            con.close()
            raise BankError(stale)
        if not _fresh(folder, meta.get("signature") or {}):
            con.close()
            raise BankError(stale)
        return cls(folder, con, meta)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> BankIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def manifest(self) -> dict:
        if self._manifest is None:
            from drafter.bank.store import read_manifest

            self._manifest = read_manifest(self.path)
        return self._manifest

    # -- records

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            return self._con.execute(sql, params).fetchall()
        except sqlite3.Error as e:
            raise BankError(f"表达库 {self.path} 的索引 {INDEX} 无法读取（{e}）；{_REBUILD}") from e

    def _phrases(self, rowids: Sequence[int]) -> list[Phrase]:
        """Phrases for rowids, in the order given.

        Records were validated when the index was built, and the index is used
        only while the JSON Lines are those it was built from, so decoding here
        checks only that a record fits ``Phrase``. Decoded phrases are kept for
        the life of this BankIndex and shared between calls (as ``Bank`` shares
        its phrases): treat them as read-only.
        """
        from drafter.bank.store import Phrase

        cache = self._cache
        if len(cache) > CACHE_SIZE:
            cache.clear()
        out: dict[int, Phrase] = {r: cache[r] for r in rowids if r in cache}
        ids = [r for r in rowids if r not in out]
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self._query(f"SELECT rowid, record FROM records WHERE rowid IN ({marks})", part)
            try:
                values = json.loads("[" + ",".join(r[1] for r in rows) + "]")
                for (rowid, _), v in zip(rows, values, strict=True):
                    out[rowid] = cache[rowid] = Phrase(*v)
            except (TypeError, ValueError, RecursionError) as e:
                raise BankError(f"表达库 {self.path} 的索引 {INDEX} 中有记录已损坏；{_REBUILD}") from e
        return [out[r] for r in rowids if r in out]

    def get(self, pid_prefix: str) -> Phrase:
        """The phrase whose id is (or starts with) ``pid_prefix``; BankError naming the fix otherwise."""
        pid = pid_prefix.strip()
        rows = self._query("SELECT rowid FROM phrases WHERE id = ?", (pid,))
        if not rows:
            if len(pid) < 4:
                raise BankError(f"编号 {pid} 太短；请至少写前 4 位，如 drafter phrases show {pid}xx")
            rows = self._query(
                "SELECT rowid FROM phrases WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", (pid, pid + "\uffff")
            )
            if len(rows) > 1:
                (n,) = self._query("SELECT COUNT(*) FROM phrases WHERE id >= ? AND id < ?", (pid, pid + "\uffff"))[0]
                raise BankError(f"编号 {pid} 对应 {n} 个条目；请多写几位")
            if not rows:
                raise BankError(f"表达库中没有编号为 {pid} 的条目；请用 drafter phrases list 或 search 查看可用编号")
        return self._phrases([rows[0][0]])[0]

    # -- filters

    def _where(self, kind: str | None, genre: str | None, level: str | None, year, no_facts: bool,
               alias: str = "") -> tuple[str, list]:
        a = alias + "." if alias else ""
        parts: list[str] = []
        params: list = []
        if kind is not None:
            parts.append(f"{a}kind = ?")
            params.append(kind)
        if genre is not None:
            parts.append(f"{a}genres LIKE ?")
            params.append(f"%,{genre},%")
        if level is not None:
            parts.append(f"{a}levels LIKE ?")
            params.append(f"%,{level},%")
        years = parse_years(year)
        if years is not None:
            lo, hi = years
            if lo is not None:
                parts.append(f"{a}year >= ?")
                params.append(lo)
            if hi is not None:
                parts.append(f"{a}year <= ?")
                params.append(hi)
        if no_facts:
            parts.append(f"{a}has_facts = 0")
        return (" AND ".join(parts) or "1"), params

    def count(self, *, kind: str | None = None, genre: str | None = None, level: str | None = None,
              year: int | str | None = None, no_facts: bool = False) -> int:
        where, params = self._where(kind, genre, level, year, no_facts)
        return int(self._query(f"SELECT COUNT(*) FROM phrases WHERE {where}", params)[0][0])

    def select(self, *, kind: str | None = None, genre: str | None = None, level: str | None = None,
               year: int | str | None = None, no_facts: bool = False, limit: int = 0) -> list[Phrase]:
        """Phrases matching the filters in bank order (kind, then source); ``limit`` 0: all."""
        where, params = self._where(kind, genre, level, year, no_facts)
        sql = f"SELECT rowid FROM phrases WHERE {where} ORDER BY rowid"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._phrases([r[0] for r in self._query(sql, params)])

    # -- search

    def _substring(self, q: str, where: str, params: list, limit: int) -> tuple[int, list[int]]:
        """(how many phrases contain ``q``, up to ``COUNT_CAP`` + 1; the best ``limit`` of
        them: most occurrences, then most frequent, then bank order). Three characters or more go through
        the trigram index; shorter ones scan the texts, stopping once the page is full."""
        if self._fts and len(q) >= 3:
            source = "text_fts JOIN phrases p ON p.rowid = text_fts.rowid"
            match, arg = "text_fts MATCH ?", '"' + q.replace('"', '""') + '"'
        else:
            source, match, arg = "phrases p", "instr(p.text, ?) > 0", q
        (total,) = self._query(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {source} WHERE {match} AND {where} LIMIT {COUNT_CAP + 1})",
            [arg, *params],
        )[0]
        # most occurrences of the query first; past COUNT_CAP matches, most frequent first
        # (walks the count index and stops at the page, so a common query stays cheap)
        order, extra = "p.count DESC, p.rowid", []
        if total <= COUNT_CAP:
            order = "(length(p.text) - length(replace(p.text, ?, ''))) DESC, " + order
            extra = [q]
        sql = f"SELECT p.rowid FROM {source} WHERE {match} AND {where} ORDER BY {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return int(total), [r[0] for r in self._query(sql, [arg, *params, *extra])]

    def search_page(self, query: str, *, kind: str | None = None, genre: str | None = None,
                    level: str | None = None, year: int | str | None = None, no_facts: bool = False,
                    limit: int = 50) -> tuple[int, list[Phrase]]:
        """(how many phrases contain the query, counted up to ``COUNT_CAP`` + 1; the page:
        those first, then phrases sharing its words by BM25, at most ``limit``; 0: all)."""
        q = query.strip()
        if not q:
            return 0, []
        where, params = self._where(kind, genre, level, year, no_facts, alias="p")
        total, order = self._substring(q, where, params, limit)
        room = (limit - len(order)) if limit else 0
        terms = self.tokens(q) if (room > 0 or not limit) else []
        if terms:
            seen = set(order)
            order += [pid for _, pid in self._bm25(terms, where, params, room, seen, kind)]
        return total, self._phrases(order)

    def search(self, query: str, *, kind: str | None = None, genre: str | None = None,
               level: str | None = None, year: int | str | None = None, no_facts: bool = False,
               limit: int = 50) -> list[Phrase]:
        """Phrases containing ``query`` (most occurrences, then most frequent, first), then
        phrases sharing its words (BM25), filtered; at most ``limit`` (0: all)."""
        return self.search_page(query, kind=kind, genre=genre, level=level, year=year,
                                no_facts=no_facts, limit=limit)[1]

    # -- retrieval

    def tokens(self, text: str) -> list[str]:
        """The index's vocabulary words in ``text``, by longest match (no jieba).

        One query for all substrings of 2 … ``longest`` characters, so the cost
        follows the text's length, not the bank's size.
        """
        from drafter.bank.terms import STOP_WORDS

        cached = self._tokens_cache.get(text)
        if cached is not None:
            return list(cached)
        if len(self._tokens_cache) > LISTS_CACHE_SIZE:
            self._tokens_cache.clear()
        n = len(text)
        longest = self._longest
        cands = {text[i : i + size] for i in range(n) for size in range(2, min(longest, n - i) + 1)}
        dfs = self._known_dfs(cands)
        known = {c for c in cands if dfs[c] is not None}
        words = [w for w in longest_match(text, known, longest) if w not in STOP_WORDS]
        self._tokens_cache[text] = tuple(words)
        return words

    def _known_dfs(self, strings: Collection[str]) -> dict[str, int | None]:
        """The document frequency of each string (None: no term of the bank), asking the index
        only about strings not asked about before (queries repeat a heading's words)."""
        cache = self._dfs
        if len(cache) > DF_CACHE_SIZE:
            cache.clear()
        ask = sorted(s for s in strings if s not in cache)
        for start in range(0, len(ask), 900):
            part = ask[start : start + 900]
            marks = ",".join("?" * len(part))
            for s in part:
                cache[s] = None
            cache.update(self._query(f"SELECT term, df FROM df WHERE term IN ({marks})", part))
        return {s: cache[s] for s in strings}

    def df(self, term: str) -> int:
        """How many of the bank's phrases use ``term`` (0 when none does)."""
        return self._known_dfs((term,))[term] or 0

    def _lists(self, terms: Sequence[str], kind: str | None, whole: bool) -> list[tuple]:
        """Per query term and kind, in one query: (weight, head, full). ``head`` is
        (pids, impacts) of the ``HEAD`` highest impacts of a longer list, else None;
        ``full`` the whole list in rowid order. The weight is idf × the term's
        frequency in the query. With ``whole``, every list is read whole. Lists
        read once are kept (a composer asks about the same topic words again)."""
        qtf = Counter(terms)
        cache = self._lists_cache
        if len(cache) > LISTS_CACHE_SIZE:
            cache.clear()
        missing = [t for t in qtf if (t, kind) not in cache]
        if missing:
            for t in missing:
                cache[(t, kind)] = []  # a word with no phrase of this kind
            marks = ",".join("?" * len(missing))
            cols = "po.head_pids, po.head_impacts, po.pids, po.impacts"
            sql = (f"SELECT d.term, d.df, po.n, {cols} FROM df d JOIN postings po ON po.term = d.term "
                   f"WHERE d.term IN ({marks})")
            params: list = list(missing)
            if kind is not None:
                sql += " AND po.kind = ?"
                params.append(kind)
            for t, df_t, n, head_pids, head_impacts, pids, impacts in self._query(sql, params):
                idf = math.log(1 + (self._n - df_t + 0.5) / (df_t + 0.5))
                head = (_unpack("i", head_pids), _unpack("d", head_impacts)) if n > HEAD else None
                cache[(t, kind)].append((idf, head, (_unpack("i", pids), _unpack("d", impacts))))
        return [(idf * qtf[t], None if whole else head, full)
                for t in qtf for idf, head, full in cache[(t, kind)]]

    def _ranked(self, terms: Sequence[str], kind: str | None, limit: int,
                skip: Collection[int] = ()) -> list[tuple[float, int]]:
        """(score, rowid) best first: BM25 score, then count, then bank order; ``limit`` 0: all.

        With ``limit``, the cost is bounded by the query, not the bank: a word
        found in more than ``HEAD`` phrases of a kind (发展, 推动 in a big bank)
        gives candidates only from its ``HEAD`` highest impacts; the best
        candidates are then rescored exactly against the whole lists (binary
        search in rowid order). A phrase sharing only such common words with
        the query may be missed; the scores returned are exact BM25.
        """
        import heapq
        from bisect import bisect_left

        lists = self._lists(terms, kind, whole=not limit)
        scores: dict[int, float] = {}
        get = scores.get
        partial = []
        for w, head, full in lists:
            pids, impacts = head or full
            for pid, impact in zip(pids, impacts, strict=True):
                scores[pid] = get(pid, 0.0) + w * impact
            if head is not None:
                partial.append((w, frozenset(head[0]), full))
        if limit:
            want = limit + len(skip)
            if partial:
                scores = {pid: scores[pid] for pid in heapq.nlargest(want * 3, scores, key=scores.__getitem__)}
                for w, read, (pids, impacts) in partial:
                    n = len(pids)
                    for pid in scores:
                        if pid not in read:
                            i = bisect_left(pids, pid)
                            if i < n and pids[i] == pid:
                                scores[pid] += w * impacts[i]
            # the best, with room for ties on the score (then the more frequent phrase first)
            scores = {pid: scores[pid] for pid in heapq.nlargest(want + 8, scores, key=scores.__getitem__)}
        counts = self._counts(list(scores))
        keyed = sorted((-s, -counts.get(pid, 0), pid) for pid, s in scores.items() if s > 0 and pid not in skip)
        return [(-s, pid) for s, _, pid in (keyed[:limit] if limit else keyed)]

    def _counts(self, pids: Sequence[int]) -> dict[int, int]:
        out: dict[int, int] = {}
        for start in range(0, len(pids), 900):
            part = pids[start : start + 900]
            out.update(self._query(f"SELECT rowid, count FROM phrases WHERE rowid IN ({','.join('?' * len(part))})", part))
        return out

    def _bm25(self, terms: Sequence[str], where: str, params: list, limit: int,
              skip: Collection[int] = (), kind: str | None = None) -> list[tuple[float, int]]:
        """BM25 ranking restricted to the phrases matching ``where`` (over ``phrases p``)."""
        if where == "1":
            return self._ranked(terms, kind, limit, skip)
        wanted = limit
        while True:
            ranked = self._ranked(terms, kind, wanted * 4 if wanted else 0, skip)
            keep: set[int] = set()
            pids = [pid for _, pid in ranked]
            for start in range(0, len(pids), 900):
                part = pids[start : start + 900]
                keep.update(r[0] for r in self._query(
                    f"SELECT p.rowid FROM phrases p WHERE p.rowid IN ({','.join('?' * len(part))}) AND {where}",
                    [*part, *params],
                ))
            kept = [r for r in ranked if r[1] in keep]
            if not limit or len(kept) >= limit or len(ranked) < wanted * 4:
                return kept[:limit] if limit else kept
            wanted *= 4  # the filters dropped too many: look further down

    def retrieve(self, kind: str | None, query: str, *, limit: int = 50,
                 exclude: Collection[str] = ()) -> list[tuple[float, Phrase]]:
        """Phrases of ``kind`` ranked by BM25 (k1 1.2, b 0.75) of the query's words against
        each phrase's terms and (at half weight) its context's terms, with the bank's own
        document frequencies; best first, only scores > 0; ``exclude``: phrase ids to skip."""
        terms = self.tokens(query)
        if not terms or limit <= 0:
            return []
        skip: set[int] = set()
        if exclude:
            ex = list(exclude)
            for start in range(0, len(ex), 900):
                part = ex[start : start + 900]
                marks = ",".join("?" * len(part))
                skip.update(r[0] for r in self._query(f"SELECT rowid FROM phrases WHERE id IN ({marks})", part))
        scored = self._ranked(terms, kind, limit, skip)
        phrases = self._phrases([pid for _, pid in scored])
        return [(s, p) for (s, _), p in zip(scored, phrases, strict=True)]

    # -- statistics

    def stats(self) -> dict:
        """Counts by kind, genre, level, year and fact type, phrases with facts, top sources."""
        st = dict(self._meta["stats"])
        st["top_sources"] = [list(x) for x in st.get("top_sources", [])]
        return st

    def __len__(self) -> int:
        return self._n


def _fresh(folder: Path, recorded: dict) -> bool:
    """Whether the bank's files are those the index was built from.

    Size and mtime, as stamped when the index was built, decide when they match;
    a file whose mtime changed (a copy, a git checkout) is compared by content
    hash. (``recorded``: {file: [size, sha1]}; indexes written before held
    [size, mtime, sha1].)
    """
    names = set(_signed_files(folder)) | set(recorded)
    stamp = _stamped(folder)
    for name in names:
        rec = recorded.get(name)
        try:
            st = (folder / name).stat()
        except FileNotFoundError:
            if rec is None:
                continue
            return False
        except OSError:
            return False
        if rec is None or st.st_size != rec[0]:
            return False
        if stamp.get(name) != [st.st_size, st.st_mtime_ns]:
            try:
                if _sha1(folder / name) != rec[-1]:
                    return False
            except OSError:
                return False
    return True

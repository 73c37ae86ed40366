"""Bank records: the ``Phrase`` dataclass and the checks a record read back from a
bank file must pass — each JSON Lines file parsed (``_parse_jsonl``), every record's
fields validated (``record_problem``, ``phrase_from_record``), a bad one named by
file, line and field in 中文."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from operator import itemgetter
from pathlib import Path

from drafter.atomic import os_reason
from drafter.errors import BankError
from drafter.kinds import FACT_TYPES, PHRASE_KINDS


@dataclass(slots=True)
class Phrase:
    """One mined phrase with what it knows and where it came from.

    ``facts``: specific facts it carries (``{"type": T, "text": ...}``, T a key of
    drafter.kinds.FACT_TYPES); ``level``/``levels``: administrative level of the
    speeches it came from (most common, and counts); ``year``: the most recent
    year of those speeches; ``context``: the heading it first stood under;
    ``terms``: its content words; ``keywords``: its top terms by TF-IDF;
    ``sources``: every occurrence (doc, line[, lines]).
    """

    id: str
    kind: str
    text: str
    items: list[str] = field(default_factory=list)
    frame: str | None = None
    slots: list[str] = field(default_factory=list)
    genre: str = "other"
    genres: dict[str, int] = field(default_factory=dict)
    level: str = "unknown"
    levels: dict[str, int] = field(default_factory=dict)
    year: int | None = None
    context: str = ""
    facts: list[dict] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    count: int = 1

    def to_json(self) -> dict:
        """The record as plain JSON data (a deep copy, as ``dataclasses.asdict`` gives,
        without its per-value ``deepcopy``: a bank's sources make that the cost of writing it)."""
        return {name: _plain(getattr(self, name)) for name in _FIELDS}


def _plain(v: object) -> object:
    """A copy of JSON-like data: dicts and lists copied, immutable values shared."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, tuple):
        return tuple(_plain(x) for x in v)
    return v


_FIELDS = tuple(f.name for f in fields(Phrase))


_FIX = "请修正该行，或重新运行 drafter mine 生成表达库"


def _parse_jsonl(path: Path) -> list[tuple[int, object]]:
    """(line number, parsed JSON) for each non-blank line; BankError naming the bad line."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BankError(f"无法读取表达库文件 {path}：{os_reason(e)}；请重新运行 drafter mine 生成表达库") from e
    numbered = [(n, ln) for n, ln in enumerate(data.split(b"\n"), 1) if ln.strip()]
    try:
        records = json.loads(b"[" + b",".join(ln for _, ln in numbered) + b"]")
        if len(records) == len(numbered):
            return [(n, rec) for (n, _), rec in zip(numbered, records, strict=True)]
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        pass
    out = []
    for n, ln in numbered:
        try:
            text = ln.decode("utf-8")
        except UnicodeDecodeError:
            raise BankError(
                f"表达库文件 {path} 第 {n} 行不是 UTF-8 编码（可能被另存为 GBK 等编码）；"
                "请用 UTF-8 重新保存该文件，或重新运行 drafter mine 生成表达库"
            ) from None
        try:
            out.append((n, json.loads(text)))
        except json.JSONDecodeError as e:
            raise BankError(f"表达库文件 {path} 第 {n} 行不是有效的 JSON（{e.msg}）；{_FIX}") from None
        except RecursionError:
            raise BankError(f"表达库文件 {path} 第 {n} 行嵌套过深，不是表达库记录；{_FIX}") from None
    return out


def _type_name(v: object) -> str:
    return {str: "文本", int: "整数", float: "小数", bool: "true/false", list: "列表", dict: "对象",
            type(None): "null"}.get(type(v), type(v).__name__)


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _str_list(v: object) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _count_dict(v: object) -> bool:
    return isinstance(v, dict) and all(isinstance(k, str) and _is_int(n) and n >= 0 for k, n in v.items())


def _source_ok(src: object) -> bool:
    return (
        isinstance(src, dict) and isinstance(src.get("doc"), str) and _is_int(src.get("line"))
        and ("lines" not in src or (isinstance(src["lines"], list) and all(_is_int(x) for x in src["lines"])))
    )


def _fact_ok(f: object) -> bool:
    return isinstance(f, dict) and f.get("type") in FACT_TYPES and isinstance(f.get("text"), str)


# field -> (check, what it should be)
_FIELD_RULES: dict[str, tuple[Callable[[object], bool], str]] = {
    "id": (lambda v: isinstance(v, str) and bool(v), "非空文本"),
    "kind": (lambda v: v in PHRASE_KINDS, "类别代号之一（" + "、".join(PHRASE_KINDS) + "）"),
    "text": (lambda v: isinstance(v, str), "文本"),
    "items": (_str_list, "文本列表"),
    "frame": (lambda v: v is None or isinstance(v, str), "文本或 null"),
    "slots": (_str_list, "文本列表"),
    "genre": (lambda v: isinstance(v, str), "文本"),
    "genres": (_count_dict, "{文种: 次数} 对象"),
    "level": (lambda v: isinstance(v, str), "文本"),
    "levels": (_count_dict, "{层级: 次数} 对象"),
    "year": (lambda v: v is None or _is_int(v), "整数或 null"),
    "context": (lambda v: isinstance(v, str), "文本"),
    "facts": (lambda v: isinstance(v, list) and all(_fact_ok(f) for f in v), "[{type, text}] 列表（type 为事实类型代号）"),
    "terms": (_str_list, "文本列表"),
    "keywords": (_str_list, "文本列表"),
    "sources": (lambda v: isinstance(v, list) and all(_source_ok(x) for x in v), "[{doc, line}] 列表"),
    "count": (lambda v: _is_int(v) and v >= 0, "非负整数"),
}


_STR = {str}
_INT = {int}
_STR_FIELDS = ("id", "text", "genre", "level", "context")
_STR_LISTS = ("items", "slots", "terms", "keywords")
_doc = itemgetter("doc")
_line = itemgetter("line")
_ftype = itemgetter("type")
_ftext = itemgetter("text")


def _valid_fast(rec: object) -> bool:
    """True for a record every field of which has the right type, checked mostly in C
    (``record_problem`` says what is wrong when this is False)."""
    if type(rec) is not dict or not rec.keys() <= _FIELD_RULES.keys() or not _REQUIRED <= rec.keys():
        return False
    get = rec.get
    try:
        if rec["kind"] not in PHRASE_KINDS:
            return False
        for name in _STR_FIELDS:
            if name in rec and type(rec[name]) is not str:
                return False
        for name in _STR_LISTS:
            v = get(name, [])
            if type(v) is not list or not set(map(type, v)) <= _STR:
                return False
        for name in ("genres", "levels"):
            v = get(name, {})
            if type(v) is not dict or not set(map(type, v)) <= _STR or not set(map(type, v.values())) <= _INT:
                return False
            if v and min(v.values()) < 0:
                return False
        frame, year, count = get("frame"), get("year"), get("count", 0)
        if (frame is not None and type(frame) is not str) or (year is not None and type(year) is not int):
            return False
        if type(count) is not int or count < 0:
            return False
        facts = get("facts", [])
        if type(facts) is not list or not set(map(type, facts)) <= {dict}:
            return False
        if not set(map(_ftype, facts)) <= FACT_TYPES.keys() or not set(map(type, map(_ftext, facts))) <= _STR:
            return False
        sources = get("sources", [])
        if type(sources) is not list or not set(map(type, sources)) <= {dict}:
            return False
        if not set(map(type, map(_doc, sources))) <= _STR or not set(map(type, map(_line, sources))) <= _INT:
            return False
        for src in sources:
            if "lines" in src:
                lines = src["lines"]
                if type(lines) is not list or not set(map(type, lines)) <= _INT:
                    return False
    except (KeyError, TypeError):  # a missing key or an unhashable value: let record_problem say
        return False
    return True


def record_problem(rec: object) -> str | None:
    """What is wrong with a bank record (in 中文), or None when it is a valid phrase."""
    from dataclasses import MISSING, fields

    if _valid_fast(rec):
        return None
    if not isinstance(rec, dict):
        return f"应为 JSON 对象（收到{_type_name(rec)}）"
    required = {f.name for f in fields(Phrase) if f.default is MISSING and f.default_factory is MISSING}
    missing = sorted(required - rec.keys())
    extra = sorted(k for k in rec if k not in _FIELD_RULES)
    if missing or extra:
        return "；".join(
            part for part in (f"缺少 {'、'.join(missing)}" if missing else "",
                              f"多出 {'、'.join(map(str, extra))}" if extra else "") if part
        )
    for name, value in rec.items():
        ok, want = _FIELD_RULES[name]
        if not ok(value):
            shown = json.dumps(value, ensure_ascii=False)
            shown = shown if len(shown) <= 40 else shown[:40] + "…"
            return f"字段 {name} 应为{want}，收到 {shown}"
    return None


def _required() -> frozenset[str]:
    from dataclasses import MISSING, fields

    return frozenset(f.name for f in fields(Phrase) if f.default is MISSING and f.default_factory is MISSING)


_REQUIRED = _required()


def phrase_from_record(rec: object, path: Path | str, line: int) -> Phrase:
    """A validated Phrase from a JSON record (or its text); BankError naming file and line."""
    if isinstance(rec, str):
        try:
            rec = json.loads(rec)
        except (json.JSONDecodeError, RecursionError):
            raise BankError(f"表达库文件 {path} 第 {line} 行不是有效的 JSON；{_FIX}") from None
    problem = record_problem(rec)
    if problem:
        raise BankError(f"表达库文件 {path} 第 {line} 行的记录字段不对（{problem}）；{_FIX}")
    return Phrase(**rec)  # type: ignore[arg-type]

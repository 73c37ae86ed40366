"""Property tests: bank records (odd values, wrong types, bad JSON, wrong encoding) load or say why."""

from __future__ import annotations

import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import Phase, event, given, settings
from hypothesis import strategies as st

from drafter.bank.store import Phrase, build_bank, load_bank
from drafter.errors import BankError
from drafter.kinds import PHRASE_KINDS
from tests.conftest import SEEDS
from tests.props import assert_clean_exit, noisy_text, run_cli

_tmp = tempfile.TemporaryDirectory(prefix="drafter-props-bank-")


@lru_cache(maxsize=1)
def _seed_bank() -> Path:
    out, _, _ = build_bank([SEEDS], Path(_tmp.name) / "bank")
    return out


text = noisy_text.filter(lambda s: bool(s.strip())) | st.sampled_from(["发言完毕。", "同志们：", "某某市"])
source = st.fixed_dictionaries({"doc": st.sampled_from(["c/a.txt", "x.docx", "../../etc/passwd", ""]),
                                "line": st.integers(0, 10**6)})


@st.composite
def good_record(draw: st.DrawFn) -> dict:
    kind = draw(st.sampled_from(PHRASE_KINDS))
    return Phrase(
        id=draw(st.text("abcdef0123456789", min_size=1, max_size=12)), kind=kind, text=draw(text),
        items=draw(st.lists(text, max_size=4)), frame=draw(st.none() | text), slots=draw(st.lists(text, max_size=3)),
        genre=draw(st.sampled_from(["report", "seminar", "other", "x"])),
        genres=draw(st.dictionaries(st.sampled_from(["report", "seminar", "other"]), st.integers(1, 9))),
        keywords=draw(st.lists(text, max_size=4)), sources=draw(st.lists(source, max_size=3)),
        count=draw(st.integers(1, 10**6)),
    ).to_json()


wrong_value = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5),
                        st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


def _write(bank: Path, kind: str, lines: list[bytes]) -> Path:
    f = bank / f"{kind}.jsonl"
    f.write_bytes(b"".join(line + b"\n" for line in lines))
    return f


def _copy(tmp: str) -> Path:
    bank = Path(tmp) / "bank"
    shutil.copytree(_seed_bank(), bank)
    return bank


def _use(bank: Path, folder: Path) -> None:
    for args in (("phrases", "list", "-n", "0"), ("phrases", "list", "--json"), ("phrases", "search", "发言"),
                 ("phrases", "stats", "--json")):
        assert_clean_exit(run_cli(*args, "--bank", bank, cwd=folder), (0, 1))


@given(st.lists(good_record(), min_size=1, max_size=20), st.sampled_from(PHRASE_KINDS))
def test_records_of_the_right_types_load_and_serve(records, kind):
    with tempfile.TemporaryDirectory() as tmp:
        bank = _copy(tmp)
        _write(bank, kind, [json.dumps(r, ensure_ascii=False).encode() for r in records])
        b = load_bank(bank)
        b.stats()
        b.search(records[0]["text"])
        _use(bank, Path(tmp))


@given(st.lists(good_record(), min_size=1, max_size=5), st.integers(0, 4), st.binary(min_size=1, max_size=20))
def test_bad_json_names_file_and_line(records, at, junk):
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in records]
    at = min(at, len(lines))
    lines.insert(at, b"{" + junk.replace(b"\n", b" "))
    with tempfile.TemporaryDirectory() as tmp:
        bank = _copy(tmp)
        f = _write(bank, "closing", lines)
        try:
            load_bank(bank)
        except BankError as e:
            event("refused")
            assert f.name in str(e)
        _use(bank, Path(tmp))


@settings(phases=[Phase.generate])  # a known fault: no time spent shrinking it
@given(good_record(), st.sampled_from(["text", "items", "slots", "genres", "keywords", "sources", "count", "kind", "id"]),
       wrong_value)
def test_wrong_field_types_are_named(record, field, value):
    valid = {"text": str, "items": list, "slots": list, "genres": dict, "keywords": list, "sources": list,
             "count": int, "kind": str, "id": str}[field]
    if isinstance(value, valid) and not isinstance(value, bool):
        value = None  # always wrong: None is no field's type
    record[field] = value
    with tempfile.TemporaryDirectory() as tmp:
        bank = _copy(tmp)
        _write(bank, "closing", [json.dumps(record, ensure_ascii=False).encode()])
        with pytest.raises(BankError, match=field):
            load_bank(bank)


@settings(phases=[Phase.generate])  # a known fault: no time spent shrinking it
@given(st.lists(good_record(), min_size=1, max_size=5), st.sampled_from(["gbk", "utf-16", "big5"]))
def test_wrong_encoding_is_named(records, codec):
    for r in records:
        r["text"] = "发言完毕。" + r["text"]
    lines = [json.dumps(r, ensure_ascii=False).encode(codec, errors="replace") for r in records]
    with tempfile.TemporaryDirectory() as tmp:
        bank = _copy(tmp)
        f = _write(bank, "closing", lines)
        with pytest.raises(BankError, match=f.name):
            load_bank(bank)

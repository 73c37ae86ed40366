from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from drafter.bank.index import INDEX, STAMP, BankIndex
from drafter.bank.store import (
    Bank,
    Phrase,
    build_bank,
    data_dir,
    load_bank,
    resolve_bank_dir,
    save_bank,
)
from drafter.errors import BankError, OutputError
from tests.conftest import CORPUS, ROOT, SEEDS


def index_content(folder):
    """What an index holds, without the file signature (mtimes differ between copies)."""
    con = sqlite3.connect(folder / INDEX)
    try:
        tables = {
            t: con.execute(f"SELECT * FROM {t} ORDER BY {order}").fetchall()
            for t, order in (("phrases", "1"), ("records", "1"), ("postings", "1, 2"), ("df", "1"))
        }
        meta = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM meta")}
    finally:
        con.close()
    return tables, meta  # the signature holds sizes and hashes only: equal for equal banks


def test_shipped_bank_is_a_fresh_mine_of_seeds_and_corpus(tmp_path):
    """phrasebank/ (and the bank bundled in the package) can never go stale: same
    JSON Lines and manifest, and an index with the same content that opens as fresh."""
    out, _, _ = build_bank([SEEDS, CORPUS], tmp_path / "phrasebank")
    own = (INDEX, STAMP)  # the index is compared by content; the stamp holds this machine's mtimes
    fresh = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir()) if p.name not in own}
    for shipped in (ROOT / "phrasebank", data_dir("phrasebank")):
        have = {p.name: p.read_text(encoding="utf-8") for p in sorted(shipped.iterdir()) if p.name not in own}
        assert have == fresh, f"{shipped} is stale: run `drafter mine seeds corpus -o phrasebank --force`"
        assert index_content(shipped) == index_content(out), f"{shipped}/{INDEX} is stale"
        BankIndex.open(shipped).close()


def test_round_trip(tmp_path):
    out, _, phrases = build_bank([SEEDS], tmp_path / "b")
    bank = load_bank(out)
    assert [p.to_json() for p in sorted(bank.phrases, key=lambda p: p.id)] == [
        p.to_json() for p in sorted(phrases, key=lambda p: p.id)
    ]
    assert bank.manifest["files"] == 5 and bank.manifest["speeches"] == 13
    for line in (out / "heading.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert {"id", "kind", "text", "items", "frame", "slots", "genre", "keywords", "sources", "count"} <= rec.keys()


def test_resolution_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRAFTER_BANK", raising=False)
    assert resolve_bank_dir() == data_dir("phrasebank")
    shutil.copytree(data_dir("phrasebank"), tmp_path / "phrasebank")
    assert resolve_bank_dir().resolve() == (tmp_path / "phrasebank").resolve()
    monkeypatch.setenv("DRAFTER_BANK", str(tmp_path / "env"))
    assert resolve_bank_dir() == tmp_path / "env"
    assert resolve_bank_dir(tmp_path / "opt") == tmp_path / "opt"


def test_malformed_bank_names_file_and_line(tmp_path):
    out, _, _ = build_bank([SEEDS], tmp_path / "b")
    path = out / "closing.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"closing\.jsonl 第 3 行"):
        load_bank(out)
    with pytest.raises(BankError, match="不是 drafter 表达库"):
        load_bank(tmp_path)
    with pytest.raises(BankError, match="不存在"):
        load_bank(tmp_path / "missing")


def test_failed_write_keeps_the_old_bank(tmp_path, monkeypatch):
    out, _, _ = build_bank([SEEDS], tmp_path / "b")
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr("drafter.bank.store.write_files", boom)
    with pytest.raises(KeyboardInterrupt):
        save_bank([], out, {}, force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["b"]  # no temp folders left


def test_refuses_to_replace_a_folder_that_is_not_a_bank(tmp_path):
    other = tmp_path / "docs"
    other.mkdir()
    (other / "keep.txt").write_text("重要", encoding="utf-8")
    with pytest.raises(OutputError, match="不是 drafter 表达库"):
        build_bank([SEEDS], other)
    assert (other / "keep.txt").read_text(encoding="utf-8") == "重要"


def test_search_ranks_substring_first():
    bank = Bank([
        Phrase("a", "closing", "发言完毕。", keywords=["发言"]),
        Phrase("b", "opening", "现就有关情况作如下发言。", keywords=["发言", "情况"]),
        Phrase("c", "closing", "谢谢大家！", keywords=["谢谢"]),
    ])
    assert bank.search("发言完毕")[0].id == "a"
    assert {p.id for p in bank.search("发言")} == {"a", "b"}
    assert bank.search("谢谢", kind="opening") == []
    assert bank.get("a").text == "发言完毕。"
    with pytest.raises(BankError, match="没有编号"):
        bank.get("zzzz")


def test_bank_record_with_wrong_fields(tmp_path):
    out, _, _ = build_bank([SEEDS], tmp_path / "b")
    (out / "closing.jsonl").write_text('{"id": "x", "colour": 1}\n', encoding="utf-8")
    with pytest.raises(BankError, match=r"closing\.jsonl 第 1 行的记录字段不对（缺少 kind、text；多出 colour）"):
        load_bank(out)
    bank = load_bank(ROOT / "phrasebank")
    with pytest.raises(BankError, match="至少写前 4 位"):
        bank.get("op")


# --- reading hostile bank files (property-based) ---------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EXAMPLES = int(__import__("os").environ.get("DRAFTER_HYPOTHESIS_EXAMPLES", "60"))
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
_VALID = Phrase("ti0123456789", "title", "关于某事的汇报", genres={"report": 1}, sources=[{"doc": "a.txt", "line": 1}]).to_json()


def _bank_with(tmp_path, line: bytes):
    out = tmp_path / "b"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    (out / "manifest.json").write_text('{"format": 2, "roots": []}', encoding="utf-8")
    (out / "title.jsonl").write_bytes(json.dumps(_VALID, ensure_ascii=False).encode() + b"\n" + line + b"\n")
    return out


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(sorted(_VALID)), value=_json)
def test_any_field_value_loads_or_names_file_and_line(tmp_path, field, value):
    out = _bank_with(tmp_path, json.dumps({**_VALID, field: value}, ensure_ascii=False).encode())
    try:
        bank = load_bank(out)
    except BankError as e:
        assert "title.jsonl 第 2 行" in str(e) and field in str(e)
    else:
        assert len(bank.phrases) == 2


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=st.binary(max_size=200) | _json.map(lambda v: json.dumps(v).encode()))
def test_any_line_loads_or_names_file_and_line(tmp_path, line):
    out = _bank_with(tmp_path, line.replace(b"\n", b" "))
    try:
        load_bank(out)
    except BankError as e:
        assert "title.jsonl 第 2 行" in str(e)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096))
def test_a_damaged_index_is_a_bank_error(tmp_path, data):
    out = _bank_with(tmp_path, b"")
    (out / INDEX).write_bytes(data)
    with pytest.raises(BankError, match="索引"):
        BankIndex.open(out)


def test_the_index_is_the_same_file_for_the_same_bank_and_knows_an_edit(tmp_path):
    """No churn: mining the same corpus twice writes the same index (mtimes live in the
    stamp beside it). A copy (new mtimes, no stamp) is checked by content and opens; an
    edit of a JSON Lines file of the same size is still caught."""
    a, _, _ = build_bank([SEEDS], tmp_path / "a")
    b, _, _ = build_bank([SEEDS], tmp_path / "b")
    assert (a / INDEX).read_bytes() == (b / INDEX).read_bytes()
    c = tmp_path / "c"
    shutil.copytree(a, c)
    (c / STAMP).unlink()
    BankIndex.open(c).close()
    text = (c / "closing.jsonl").read_text(encoding="utf-8")
    i = text.index("指正")
    (c / "closing.jsonl").write_text(text[:i] + "批评" + text[i + 2:], encoding="utf-8")  # same size
    with pytest.raises(BankError):
        BankIndex.open(c)

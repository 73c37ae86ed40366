"""The bank index: written by mine, read by search/show/stats/list and the composer's retrieval."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from drafter.bank.index import INDEX, BankIndex, parse_years
from drafter.bank.store import Phrase, build_bank, write_files
from drafter.errors import BankError, UsageError
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def seeds_bank(tmp_path_factory):
    out, _, phrases = build_bank([SEEDS], tmp_path_factory.mktemp("b") / "bank", jobs=1)
    return out, phrases


def P(pid, kind, text, terms, context="", **kw):
    return Phrase(pid, kind, text, terms=terms, context=context, sources=[{"doc": "a.txt", "line": 1}], **kw)


@pytest.fixture
def small(tmp_path):
    phrases = [
        P("ld0001aaaa", "lead", "安全生产责任重于泰山。", ["安全", "生产", "责任", "重于泰山"], "压实安全生产责任"),
        P("ld0002bbbb", "lead", "营商环境就是生产力。", ["营商", "环境", "生产力"], "优化营商环境"),
        P("ld0003cccc", "lead", "要把责任扛在肩上。", ["责任", "扛", "肩上"], "压实安全生产责任",
          facts=[{"type": "year", "text": "2024年"}], year=2024, level="county", levels={"county": 1}),
        P("pl0004dddd", "pledge", "为安全发展贡献力量。", ["安全", "发展", "贡献", "力量"]),
    ]
    write_files(phrases, tmp_path, {"format": 2, "roots": []})
    return tmp_path


def test_retrieve_ranks_by_bm25_with_context(small):
    with BankIndex.open(small) as idx:
        got = idx.retrieve("lead", "安全生产责任")
        ids = [p.id for _, p in got]
        assert ids[0] == "ld0001aaaa"  # its own terms and its context match
        assert "ld0003cccc" in ids  # shares 责任 and its context
        assert "ld0002bbbb" not in ids  # nothing in common: no score
        assert all(s > 0 for s, _ in got) and [s for s, _ in got] == sorted((s for s, _ in got), reverse=True)
        assert all(p.kind == "lead" for _, p in got)
        assert next(p.id for _, p in idx.retrieve("lead", "安全生产责任", exclude={"ld0001aaaa"})) == "ld0003cccc"
        assert [p.id for _, p in idx.retrieve("pledge", "安全")] == ["pl0004dddd"]
        assert idx.retrieve("lead", "毫不相干的话") == []
        assert len(idx.retrieve("lead", "安全生产责任", limit=1)) == 1


def test_tokens_are_the_vocabulary_by_longest_match(small):
    with BankIndex.open(small) as idx:
        assert idx.tokens("压实安全生产责任，优化营商环境") == ["安全", "生产", "责任", "营商", "环境"]
        assert idx.tokens("") == []


def test_search_and_filters(small):
    with BankIndex.open(small) as idx:
        assert [p.id for p in idx.search("生产")][:2] == ["ld0001aaaa", "ld0002bbbb"]  # substring (short query)
        assert [p.id for p in idx.search("重于泰山")] == ["ld0001aaaa"]  # FTS trigram
        assert idx.search("生产", kind="pledge") == []
        assert [p.id for p in idx.search("责任", no_facts=True)] == ["ld0001aaaa"]
        assert [p.id for p in idx.search("责任", year=2024)] == ["ld0003cccc"]
        assert [p.id for p in idx.search("责任", level="county")] == ["ld0003cccc"]
        assert idx.search_page("责任", limit=1)[0] == 2
        assert idx.count(kind="lead") == 3 and idx.count(no_facts=True) == 3
        assert [p.id for p in idx.select(year="2020-")] == ["ld0003cccc"]
        assert idx.select(year="-2019") == []
        assert idx.stats()["with_facts"] == 1 and idx.stats()["by_kind"]["lead"] == 3


def test_get(small):
    with BankIndex.open(small) as idx:
        assert idx.get("ld0002bbbb").text == "营商环境就是生产力。"
        assert idx.get("ld0002").id == "ld0002bbbb"
        with pytest.raises(BankError, match="对应 3 个条目"):
            idx.get("ld00")
        with pytest.raises(BankError, match="至少写前 4 位"):
            idx.get("ld")
        with pytest.raises(BankError, match="没有编号为 zz99"):
            idx.get("zz99")


def test_index_matches_the_jsonl(seeds_bank):
    out, phrases = seeds_bank
    with BankIndex.open(out) as idx:
        assert len(idx) == len(phrases)
        for p in phrases:
            assert idx.get(p.id).to_json() == p.to_json()
        assert sum(idx.stats()["by_kind"].values()) == len(phrases)
        lead = next(p for p in phrases if p.kind == "lead")
        best = idx.retrieve("lead", lead.context)[0][1]
        assert best.id == lead.id


def test_stale_missing_and_damaged_index(tmp_path, seeds_bank):
    out = tmp_path / "bank"
    shutil.copytree(seeds_bank[0], out)
    BankIndex.open(out).close()  # a copy (new mtimes, same content) is still fresh
    path = out / "closing.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace("发言完毕", "讲话完毕"), encoding="utf-8")
    with pytest.raises(BankError, match=r"缺少索引（或索引已过期）；请运行 drafter mine 重新生成"):
        BankIndex.open(out)
    (out / INDEX).unlink()
    with pytest.raises(BankError, match="缺少索引"):
        BankIndex.open(out)
    (out / INDEX).write_bytes(b"not a database" * 100)
    with pytest.raises(BankError, match=r"索引 index\.sqlite 已损坏"):
        BankIndex.open(out)
    with pytest.raises(BankError, match="不存在"):
        BankIndex.open(tmp_path / "none")
    with pytest.raises(BankError, match="是一个文件"):
        BankIndex.open(path)


def test_year_ranges():
    assert parse_years("2020-2024") == (2020, 2024)
    assert parse_years("-2019") == (None, 2019)
    with pytest.raises(UsageError, match="年份“去年”无法识别"):
        parse_years("去年")


def test_reading_the_index_never_imports_jieba(seeds_bank):
    code = (
        "import sys\n"
        "from drafter.bank.index import BankIndex\n"
        f"idx = BankIndex.open({str(seeds_bank[0])!r})\n"
        "assert idx.retrieve('lead', '建设现代化产业体系')\n"
        "assert idx.search('产业体系') and idx.stats()\n"
        "assert 'jieba' not in sys.modules, 'jieba imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --- through the command line -------------------------------------------------------


def test_cli_filters_and_new_fields(cli, tmp_path, seeds_bank):
    bank = seeds_bank[0]
    everything = json.loads(cli("phrases", "list", "-n", "0", "--json", "--bank", bank).out)
    assert {"facts", "level", "levels", "year", "context", "terms", "keywords"} <= everything[0].keys()
    clean = json.loads(cli("phrases", "list", "-n", "0", "--no-facts", "--json", "--bank", bank).out)
    assert clean and all(not d["facts"] for d in clean) and len(clean) < len(everything)
    municipal = json.loads(cli("phrases", "list", "-n", "0", "--level", "municipal", "--json", "--bank", bank).out)
    assert municipal and all("municipal" in d["levels"] for d in municipal)
    dated = json.loads(cli("phrases", "list", "-n", "0", "--year", "2023", "--json", "--bank", bank).out)
    assert dated and all(d["year"] == 2023 for d in dated)
    found = json.loads(cli("phrases", "search", "产业", "--no-facts", "--json", "--bank", bank).out)
    assert found and all("产业" in d["text"] or "产业" in d["context"] for d in found)
    for args, msg in (
        (("phrases", "list", "--level", "city"), "未知层级“city”"),
        (("phrases", "search", "x", "--year", "去年"), "年份“去年”无法识别"),
    ):
        r = cli(*args, "--bank", bank)
        assert r.code != 0 and msg in r.err and "Traceback" not in r.err


def test_cli_show_prints_facts_and_says_when_a_source_moved(cli, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "在全省工作会议上的讲话\n同志们：\n一、坚定信心\n2024年，全省生产总值增长7.9%。\n二、狠抓落实\n要狠抓落实。\n谢谢大家。\n",
        encoding="utf-8",
    )
    assert cli("mine", corpus, "-o", "bank", "-j", "1").code == 0
    manifest = json.loads((tmp_path / "bank" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["roots"] == [str(corpus.resolve())]
    lead = json.loads(cli("phrases", "search", "7.9%", "--json", "--bank", "bank").out)[0]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.chdir(elsewhere)  # context found from any folder, through the manifest's root
    r = cli("phrases", "show", lead["id"], "--bank", tmp_path / "bank")
    assert r.code == 0
    for text in ("年份：2024", "层级：省级×1", "所在小标题：坚定信心", "统计数字 7.9%", "年份 2024年", "▶    4 │ 2024年"):
        assert text in r.out, (text, r.out)
    shutil.move(corpus, tmp_path / "moved")
    r = cli("phrases", "show", lead["id"], "--bank", tmp_path / "bank")
    assert r.code == 0 and f"原文件 {corpus.resolve()}/a.txt 已不在原处" in r.out
    shown = json.loads(cli("phrases", "show", lead["id"], "--json", "--bank", tmp_path / "bank").out)
    assert "已不在原处" in shown["sources"][0]["missing"]


def test_cli_stale_index_and_bad_records(cli, tmp_path, seeds_bank):
    bank = tmp_path / "bank"
    shutil.copytree(seeds_bank[0], bank)
    path = bank / "pledge.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_bytes("\n".join(lines).encode("gbk") + b"\n")  # a bank file re-saved as GBK
    for args in (("phrases", "list"), ("phrases", "search", "产业"), ("phrases", "stats"), ("phrases", "show", "pl00")):
        r = cli(*args, "--bank", bank)
        assert r.code != 0 and "缺少索引（或索引已过期）；请运行 drafter mine 重新生成" in r.err, r.err
    (tmp_path / "o.yaml").write_text("genre: report\ntitle: 关于工作的汇报\nsections:\n  - heading: 一项\n", encoding="utf-8")
    r = cli("render", "o.yaml", "-o", "o.txt", "--bank", bank)
    # render reads the index too (compose branch): the same fix is named
    assert r.code != 0 and "缺少索引（或索引已过期）；请运行 drafter mine 重新生成" in r.err and "Traceback" not in r.err
    assert not (tmp_path / "o.txt").exists()
    rec = json.loads(lines[0])
    for field, value, msg in (
        ("count", "3", "字段 count 应为非负整数"),
        ("sources", [{"doc": 1, "line": 2}], "字段 sources 应为"),
        ("facts", [{"type": "colour", "text": "红"}], "字段 facts 应为"),
        ("year", "2024", "字段 year 应为整数或 null"),
        ("genres", ["report"], "字段 genres 应为"),
    ):
        bad = {**rec, field: value}
        path.write_text("\n".join([lines[0], json.dumps(bad, ensure_ascii=False)]) + "\n", encoding="utf-8")
        # render reads the index (stale now, see above); the records are checked where they are loaded
        from drafter.bank.store import load_bank
        from drafter.errors import BankError

        with pytest.raises(BankError) as e:
            load_bank(bank)
        assert f"pledge.jsonl 第 2 行的记录字段不对（{msg}" in str(e.value), str(e.value)

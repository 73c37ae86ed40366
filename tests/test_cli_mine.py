from __future__ import annotations

import json

from tests.conftest import ROOT, SEEDS, run_process


def test_mine_default_corpus_writes_phrasebank(cli, tmp_path):
    r = cli("mine")
    assert r.code == 0, r.err
    assert (tmp_path / "phrasebank" / "manifest.json").is_file()
    assert "读取文件" in r.out and "讲话篇数" in r.out and "并列标题（heading）" in r.out


def test_mine_reports_skipped_files(cli, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("某局汇报\n各位领导：\n正文。\n汇报完毕。\n", encoding="utf-8")
    (corpus / "bad.docx").write_bytes(b"garbage")
    r = cli("mine", corpus, "--out", tmp_path / "b", "--jobs", "1")
    assert r.code == 0
    assert "c/bad.docx" in r.err and "不是有效的 .docx" in r.err
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["skipped"][0]["doc"] == "c/bad.docx"


def test_mine_bad_input_leaves_bank_untouched(cli, tmp_path):
    assert cli("mine", SEEDS, "--out", "bank").code == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "bank").iterdir()}
    (tmp_path / "empty").mkdir()
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "only_bad").mkdir()
    (tmp_path / "only_bad" / "x.txt").write_bytes(b"\x00\x01")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    cases = [
        (("mine", "nope", "--out", "bank"), "路径不存在：nope"),
        (("mine", "empty", "--out", "bank"), "没有可读取的讲话稿"),
        (("mine", "pdfs", "--out", "bank"), "没有可读取的讲话稿"),
        (("mine", "only_bad", "--out", "bank"), "没有一个文件能读取"),
        (("mine", SEEDS, "--out", "bank", "--jobs", "0"), "--jobs 必须是正整数"),
        (("mine", SEEDS, "--out", "afile/bank"), "不存在"),
        (("mine", SEEDS, "--out", "afile"), "是一个文件"),
    ]
    for args, message in cases:
        r = cli(*args)
        assert r.code != 0, args
        assert message in r.err, (args, r.err)
        assert "Traceback" not in r.err
    assert {p.name: p.read_bytes() for p in (tmp_path / "bank").iterdir()} == before


def test_phrases_commands(cli):
    r = cli("phrases", "list", "--kind", "salutation", "--json")
    assert r.code == 0
    data = json.loads(r.out)
    assert {"id", "kind", "text", "items", "frame", "slots", "genre", "keywords", "sources", "count"} <= data[0].keys()
    assert {"尊敬的{{name}}市长，各位市领导，同志们：", "各位领导，同志们："} <= {d["text"] for d in data}
    assert all(d["kind"] == "salutation" for d in data)

    everything = json.loads(cli("phrases", "list", "--limit", "0", "--json").out)
    assert len(everything) > 30
    assert len(json.loads(cli("phrases", "list", "--limit", "3", "--json").out)) == 3
    assert all("seminar" in d["genres"] for d in json.loads(cli("phrases", "list", "-g", "seminar", "-n", "0", "--json").out))

    r = cli("phrases", "search", "下功夫", "--json")
    assert "在“{{1}}”上下功夫见成效" in [d["frame"] for d in json.loads(r.out)]

    pid = next(d["id"] for d in everything if d["text"] == "发言完毕。")
    r = cli("phrases", "show", pid)
    assert r.code == 0
    assert "seeds/004_e2cdf00a349d671c.txt 第 16 行" in r.out
    assert "▶   16 │ 发言完毕。" in r.out  # the cited line in context
    shown = json.loads(cli("phrases", "show", pid[:6], "--json").out)
    assert shown["sources"][0]["context"][-1] == {"line": 16, "text": "发言完毕。"}

    r = cli("phrases", "stats", "--json")
    st = json.loads(r.out)
    manifest = json.loads((ROOT / "phrasebank" / "manifest.json").read_text(encoding="utf-8"))
    assert st["by_kind"] == manifest["phrases"]  # the shipped bank: seeds/ and corpus/

    r = cli("phrases", "list")
    assert "编号" in r.out and "显示 50 条" in r.out


def test_phrases_errors(cli, tmp_path):
    for args, message in [
        (("phrases", "list", "--kind", "nope"), "未知类别“nope”"),
        (("phrases", "list", "--genre", "nope"), "未知文种“nope”"),
        (("phrases", "show", "zz99999"), "没有编号为 zz99999"),
        (("phrases", "list", "--bank", tmp_path / "none"), "不存在"),
        (("phrases", "list", "--limit", "-1"), "--limit 不能为负数"),
    ]:
        r = cli(*args)
        assert r.code == 1 and message in r.err, (args, r.err)


def test_bank_from_environment(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_BANK", str(tmp_path / "missing"))
    r = cli("phrases", "stats")
    assert r.code == 1 and "missing" in r.err


def test_every_command_has_help(cli):
    import typer.main

    from drafter.cli import app

    group = typer.main.get_command(app)
    names = []
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        names += [(name, s) for s in subs] if subs else [(name,)]
        assert cmd.help, name
    for path in names:
        r = cli(*path, "--help")
        assert r.code == 0 and "Usage" in r.out, path
        assert len(r.out.strip().splitlines()) > 3


def test_real_entry_point(tmp_path):
    p = run_process("phrases", "list", "--kind", "closing", "--limit", "0", "--json", cwd=tmp_path)
    assert p.returncode == 0 and "发言完毕。" in p.stdout
    p = run_process("mine", "nope", cwd=tmp_path)
    assert p.returncode == 1 and "路径不存在" in p.stderr and "Traceback" not in p.stderr
    p = run_process("mine", "--jobs", "abc", cwd=tmp_path)
    assert p.returncode == 2 and "用法错误" in p.stderr


def test_output_into_a_closed_pipe_is_quiet(tmp_path):
    import subprocess
    import sys

    for args in ("phrases stats", "phrases list -n 0", "phrases list -n 0 --json"):
        p = subprocess.run(
            f"{sys.executable} -m drafter {args} | head -n 1",
            shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=60,
        )
        assert "Traceback" not in p.stderr and "Error" not in p.stderr, (args, p.stderr)


def test_ctrl_c_during_mine_keeps_the_old_bank(tmp_path):
    """SIGINT in the middle of mining: a message, exit 130, the old bank as it was, no temp folders."""
    import signal
    import subprocess
    import sys
    import time

    from drafter.bank.store import build_bank

    build_bank([SEEDS], tmp_path / "bank")
    before = {p.name: p.read_bytes() for p in (tmp_path / "bank").iterdir()}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (SEEDS / "001_89acf522c07d8a93.txt").read_text(encoding="utf-8")
    for i in range(400):
        (corpus / f"{i:03}.txt").write_text(text * 20, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", "mine", "corpus", "--out", "bank", "--jobs", "2"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "已中断" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in (tmp_path / "bank").iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank", "corpus"]

"""Property tests: corpus texts (speech-like, masked, noisy, any encoding) never crash reading,
parsing, mining or checking; ``drafter mine`` leaves a complete bank or the old one."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from drafter.bank.mine import mine_speech
from drafter.bank.store import is_bank, load_bank
from drafter.check import check_file
from drafter.errors import DrafterError, ReadError
from drafter.text.reader import decode, read_lines
from drafter.text.speech import parse_lines
from tests.props import assert_clean_exit, encoded, no_temp_files, run_cli, speech_text


def _through_the_library(path: Path) -> None:
    try:
        lines = read_lines(path)
    except ReadError as e:
        event("unreadable")
        assert str(path) in str(e)
        return
    event("read")
    for speech in parse_lines(lines, path.name):
        mine_speech(speech)
    try:
        check_file(path)
    except ReadError:
        pass


@given(st.data(), st.sampled_from([".txt", ".md"]))
def test_any_text_reads_parses_mines_and_checks(data, suffix):
    text = data.draw(speech_text())
    raw = data.draw(encoded(text))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"讲话{suffix}"
        path.write_bytes(raw)
        _through_the_library(path)


@given(st.binary(max_size=2000))
def test_random_bytes(raw):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.txt"
        path.write_bytes(raw)
        _through_the_library(path)


@given(speech_text(), st.sampled_from(["utf-16-le", "utf-16-be", "utf-16", "utf-8", "utf-8-sig", "gb18030"]))
def test_common_encodings_decode_back(text, codec):
    text = text.replace("\r", "")
    no_ascii = codec.startswith("utf-16") and not any(c.isascii() for c in text)
    if no_ascii or any(not (c.isprintable() or c in "\n\t") for c in text):
        return  # no line break or digit to tell UTF-16 by, or control characters: not a text file
    try:
        assert decode(text.encode(codec), "a.txt").lstrip("\ufeff") == text.lstrip("\ufeff")
    except ReadError:
        pytest.fail(f"{codec} text not recognised")


@given(speech_text(valid_headings=False, max_lines=5))
def test_malformed_heading_numbers_never_crash(text):
    lines = [(i, t) for i, t in enumerate([*text.splitlines(), "十十一、抓好落实"], 1)]
    try:
        for speech in parse_lines(lines, "a.txt"):
            mine_speech(speech)
    except DrafterError:
        pass


@given(st.lists(st.tuples(speech_text(max_lines=25), st.sampled_from(["utf-8", "gbk", "utf-16", "utf-16-le"])), min_size=1, max_size=4),
       st.booleans())
def test_mine_through_the_cli(texts, with_old_bank):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "c"
        corpus.mkdir()
        for i, (text, codec) in enumerate(texts):
            (corpus / f"{i}.txt").write_bytes(text.encode(codec, errors="replace"))
        if with_old_bank:
            assert run_cli("mine", "-o", "bank", "-j", "1", cwd=folder).code == 0
            before = {p.name: p.read_bytes() for p in (folder / "bank").iterdir()}
        r = run_cli("mine", "c", "-o", "bank", "-j", "1", cwd=folder)
        event(f"exit {r.code}")
        assert_clean_exit(r, (0, 1))
        if r.code == 0:
            assert is_bank(folder / "bank")
            load_bank(folder / "bank")
        elif with_old_bank:
            assert {p.name: p.read_bytes() for p in (folder / "bank").iterdir()} == before
        else:
            assert not (folder / "bank").exists()
        assert no_temp_files(folder) == []
        check = run_cli("check", "c", cwd=folder)
        assert_clean_exit(check, (0, 1, 2), one_is_error=False)

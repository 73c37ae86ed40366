"""The holdout set (tests/holdout) is a measurement, not a target: these tests only check that
every holdout file reads, mines and checks without an exception, and that its annotations
name real files. Quality figures come from bench/eval_holdout.py; do not add thresholds here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.bank.mine import mine_speech
from drafter.check import Finding, check_file
from drafter.text.reader import read_lines
from drafter.text.speech import parse_lines

HOLDOUT = Path(__file__).parent / "holdout"
FILES = sorted(p for p in HOLDOUT.iterdir() if p.suffix in (".txt", ".md", ".docx"))
EXPECTED = json.loads((HOLDOUT / "expected.json").read_text(encoding="utf-8"))["files"]


def test_annotations_cover_every_file() -> None:
    assert sorted(EXPECTED) == [p.name for p in FILES]
    assert len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_reads_mines_and_checks(path: Path) -> None:
    lines = read_lines(path)
    assert lines, "a holdout file read as empty"
    speeches = parse_lines(lines, path.name)
    for sp in speeches:
        for raw in mine_speech(sp):
            assert raw[0] and isinstance(raw[1], str)
    findings = check_file(path)
    assert all(isinstance(f, Finding) for f in findings)

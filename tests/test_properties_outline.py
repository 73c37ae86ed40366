"""Property tests: outlines (valid, broken, odd scalars, deep and aliased) never crash drafter."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from drafter.draft.outline import Outline, parse_outline
from drafter.draft.yamlsafe import load_yaml, yaml_scalar_ok
from drafter.errors import OutlineError
from tests.props import (
    assert_clean_exit,
    nested_yaml,
    no_temp_files,
    outline_text,
    run_cli,
    yaml_scalar,
)


@given(outline_text())
def test_outline_parses_or_says_why(text):
    try:
        outline = parse_outline(text, "o.yaml")
    except OutlineError as e:
        event("refused")
        assert "o.yaml" in str(e)
    else:
        event("accepted")
        assert isinstance(outline, Outline) and outline.sections


@given(nested_yaml())
def test_deep_and_aliased_structures_are_bounded(text):
    try:
        load_yaml(text, "o.yaml")
    except OutlineError as e:
        assert "o.yaml" in str(e)


printable = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40)


@given(printable, st.sampled_from(["single", "double"]))
def test_quoted_text_comes_back_as_written(value, style):
    text = f"genre: report\ntitle: {yaml_scalar(value, style)}\nsections: [{{heading: 一}}]\n"
    try:
        outline = parse_outline(text)
    except OutlineError as e:
        assert not value.strip() or not yaml_scalar_ok(value), e  # only an empty title is refused
        return
    assert outline.title == value.strip()


@given(st.from_regex(r"[0-9]{1,4}([:.][0-9]{1,3}){0,3}", fullmatch=True) | st.sampled_from(["yes", "no", "on", "off", "y", "n", "0x1F", "1e3", ".inf", "1_000"]))
def test_plain_numbers_and_words_stay_as_written(value):
    outline = parse_outline(f"genre: report\ntitle: {value}\ndate: {value}\nsections: [{{heading: {value}}}]\n")
    assert outline.title == outline.date == outline.sections[0].heading == value


@given(outline_text(), st.sampled_from(["txt", "md", "docx"]))
def test_render_through_the_cli(text, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "o.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        r = run_cli("render", "o.yaml", "-o", f"d.{fmt}", cwd=folder)
        event(f"exit {r.code}")
        assert_clean_exit(r, (0, 1))
        target = folder / f"d.{fmt}"
        if r.code == 0:
            assert target.stat().st_size > 0
            if fmt == "docx":
                import docx

                assert docx.Document(str(target)).paragraphs
        else:
            assert not target.exists()
        assert no_temp_files(folder) == []

"""Property tests: .docx files (valid, truncated, damaged, small zip bombs) read or say why."""

from __future__ import annotations

import io
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from drafter.errors import ReadError
from drafter.text.reader import read_lines
from tests.props import assert_clean_exit, han_text, run_cli, speech_text

xml_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff"), max_size=40
).map(lambda s: "".join(c for c in s if c in "\t\n" or ord(c) >= 0x20))


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for t in paragraphs:
        d.add_paragraph(t)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@lru_cache(maxsize=1)
def _base() -> bytes:
    return _docx(["在全市工作会议上的讲话", "同志们：", "一、抓好落实", "谢谢大家！"])


def _rezip(data: bytes, body: bytes, deflate: bool = True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            raw = src.read(item)
            if item.filename == "word/document.xml":
                raw = raw.replace(b"<w:body>", b"<w:body>" + body, 1)
            dst.writestr(item.filename, raw, zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED)
    return out.getvalue()


def _read(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "讲话.docx"
        path.write_bytes(data)
        try:
            lines = read_lines(path)
        except ReadError as e:
            event("refused")
            assert str(path) in str(e)
        else:
            event("read")
            assert all(isinstance(n, int) and isinstance(t, str) for n, t in lines)


def _xml_ok(s: str) -> str:
    return "".join(c for c in s if c in "\t\n" or (ord(c) >= 0x20 and c not in "\ufffe\uffff" and not 0xD800 <= ord(c) <= 0xDFFF))


@given(st.lists(xml_text | speech_text(max_lines=3).map(_xml_ok), max_size=12))
def test_valid_docx_reads_every_paragraph(paragraphs):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.docx"
        path.write_bytes(_docx(paragraphs))
        lines = read_lines(path)
    assert len(lines) >= len(paragraphs)


@given(st.data())
def test_truncated_or_damaged_docx(data):
    raw = bytearray(_base())
    how = data.draw(st.sampled_from(["truncate", "flip", "splice"]))
    if how == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif how == "flip":
        for _ in range(data.draw(st.integers(1, 20))):
            i = data.draw(st.integers(0, len(raw) - 1))
            raw[i] = data.draw(st.integers(0, 255))
    else:
        i = data.draw(st.integers(0, len(raw)))
        raw[i:i] = data.draw(st.binary(min_size=1, max_size=64))
    _read(bytes(raw))


@given(st.sampled_from([b"<w:p/>", b"<w:p><w:r><w:t>x</w:t></w:r></w:p>", b" ", b"x"]),
       st.integers(1, 20_000), st.booleans(), han_text)
def test_small_zip_bombs_and_odd_bodies(filler, times, deflate, text):
    body = filler * times if filler != b"x" else b"<w:p><w:r><w:t>" + text.encode() * times + b"</w:t></w:r></w:p>"
    _read(_rezip(_base(), body, deflate))


@given(st.sampled_from(["<w:p><w:r><w:t>a&#x1;b</w:t></w:r></w:p>", "<w:p><w:t>unclosed", "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
                        "<w:p><w:r><w:t>&undefined;</w:t></w:r></w:p>", "\x00"]))
def test_malformed_document_xml(body):
    _read(_rezip(_base(), body.encode()))


@given(st.lists(st.sampled_from(["ok", "truncated", "bomb", "garbage"]), min_size=1, max_size=4))
def test_check_and_mine_docx_through_the_cli(kinds):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "c"
        corpus.mkdir()
        for i, kind in enumerate(kinds):
            data = {
                "ok": _base,
                "truncated": lambda: _base()[:500],
                "bomb": lambda: _rezip(_base(), b"<w:p/>" * 2_000),
                "garbage": lambda: b"PK\x03\x04" + b"\x00" * 100,
            }[kind]()
            (corpus / f"{i}.docx").write_bytes(data)
        assert_clean_exit(run_cli("check", "c", cwd=folder), (0, 1, 2), one_is_error=False)
        r = run_cli("mine", "c", "-o", "bank", "-j", "1", cwd=folder)
        assert_clean_exit(r, (0, 1))

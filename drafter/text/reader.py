"""Reading speech files: .txt in any common Chinese encoding, .docx and .md.

Every reader returns numbered lines: for text files the line number an editor
shows (1-based), for .docx the paragraph number (1-based, empty paragraphs
counted). Punctuation width is normalised on the way in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import CorpusError, ReadError

SUPPORTED_SUFFIXES = (".txt", ".docx", ".md")

Line = tuple[int, str]


@dataclass(frozen=True)
class SourceFile:
    """A corpus file: where it is on disk and the name provenance shows for it."""

    path: Path
    doc: str


# --- punctuation width ----------------------------------------------------

# Character classes with CJK ranges make slow regexes (about 1 ms each to
# compile at start-up), so the width rules are plain code-point checks.
_CTX_PUNCT = frozenset("“”‘’《》（）【】、。，；：！？…—")
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_BEFORE_ONLY = frozenset(":?!")  # these convert only after Chinese text
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_PARENS = re.compile(r"\(([^()]*)\)")


def is_han(ch: str) -> bool:
    """A CJK ideograph (basic, extension A, compatibility)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def _chinese_context(ch: str) -> bool:
    return is_han(ch) or ch in _CTX_PUNCT


def _widen_parens(m: re.Match[str]) -> str:
    inner = m.group(1)
    return f"（{inner}）" if any(is_han(c) for c in inner) else m.group(0)


def normalise(text: str) -> str:
    """Make punctuation inside Chinese text full-width; leave numbers alone.

    >>> normalise("党的二十大报告,充分体现了:13.5亿元(试行)")
    '党的二十大报告，充分体现了：13.5亿元（试行）'
    >>> normalise("时间 10:30, 共 1,000 人")
    '时间 10:30, 共 1,000 人'
    """
    if text.isascii():
        return text
    text = text.translate(_FULLWIDTH_DIGITS)
    if not any(p in text for p in ",;:?!("):
        return text
    chars = list(text)
    last = len(chars) - 1
    for i, ch in enumerate(chars):
        full = _HALF.get(ch)
        if full is None:
            continue
        before = i > 0 and _chinese_context(chars[i - 1])
        after = i < last and _chinese_context(chars[i + 1]) and ch not in _BEFORE_ONLY
        if before or after:
            chars[i] = full
    text = "".join(chars)
    return _PARENS.sub(_widen_parens, text) if "(" in text else text


# --- decoding -------------------------------------------------------------


def decode(data: bytes, path: object) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as e:
            raise ReadError(path, f"文件声明为 UTF-8 但第 {e.start} 字节无法解码；请用编辑器另存为 UTF-8") from e
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ReadError(path, "UTF-16 文本无法解码；请另存为 UTF-8") from e
    if b"\x00" in data:
        raise ReadError(path, "这是二进制文件，不是文本；请提供 .txt、.md 或 .docx")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise ReadError(
            path, "既不是 UTF-8 也不是 GBK/GB18030 编码；请用编辑器另存为 UTF-8 后重试"
        ) from e


def _text_lines(text: str) -> list[Line]:
    return [(i, normalise(s.strip())) for i, s in enumerate(text.splitlines(), 1)]


_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s?|[-+]\s+)")
_MD_EMPHASIS_LINE = re.compile(r"^(\*\*|\*|__|_)([^*_].*?)\1$")  # a whole line in bold or italics


def _md_lines(text: str) -> list[Line]:
    out = []
    for i, line in _text_lines(text):
        line = _MD_PREFIX.sub("", line)
        m = _MD_EMPHASIS_LINE.match(line)
        if m and "*" not in m.group(2):
            line = m.group(2)
        out.append((i, line.strip()))
    return out


def _docx_lines(path: Path) -> list[Line]:
    import zipfile

    try:
        import docx  # heavy: only when a .docx is read
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError(path, "不是有效的 .docx 文件（可能已损坏或只是改了扩展名）；请用 Word/WPS 打开后另存为 .docx") from e
    except Exception as e:  # lxml errors inside a damaged package
        raise ReadError(path, f".docx 内容损坏（{type(e).__name__}）；请用 Word/WPS 打开后另存为 .docx") from e
    # A manual line break inside a paragraph (a title broken over two lines) joins up again.
    return [(i, normalise(p.text.replace("\n", "").strip())) for i, p in enumerate(document.paragraphs, 1)]


def read_lines(path: Path | str) -> list[Line]:
    """Read one speech file into numbered, normalised lines.

    Raises ReadError naming the file when it cannot be read or decoded.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(path, f"不支持的文件类型“{suffix or '无扩展名'}”；支持 .txt、.md、.docx")
    if suffix == ".docx":
        if not path.is_file():
            raise ReadError(path, "文件不存在")
        return _docx_lines(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise ReadError(path, "文件不存在；请检查路径") from e
    except IsADirectoryError as e:
        raise ReadError(path, "这是文件夹，不是文件") from e
    except OSError as e:
        raise ReadError(path, f"无法打开（{e.strerror}）；请检查文件权限") from e
    text = decode(data, path)
    return _md_lines(text) if suffix == ".md" else _text_lines(text)


# --- corpus ---------------------------------------------------------------


def _wanted(p: Path) -> bool:
    return (
        p.suffix.lower() in SUPPORTED_SUFFIXES
        and not p.name.startswith(("~$", "."))
    )


def iter_corpus(paths: Iterable[Path | str]) -> Iterator[SourceFile]:
    """Expand files and folders (recursively) into the speech files to read.

    Raises CorpusError for a path that does not exist or a folder that holds
    no supported file. Files are yielded in a stable (sorted) order.
    """
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            raise CorpusError(f"路径不存在：{root}；请检查拼写，或先用 ls 确认文件位置")
        if root.is_file():
            if not _wanted(root):
                raise CorpusError(
                    f"不支持的文件类型：{root}；drafter 只读取 .txt、.md、.docx 文件"
                )
            yield SourceFile(root, root.name)
            continue
        found = False
        base = root.resolve().name or str(root)
        for p in sorted(root.rglob("*")):
            rel = p.relative_to(root)
            if any(part.startswith(".") for part in rel.parts) or not p.is_file():
                continue
            if _wanted(p):
                found = True
                yield SourceFile(p, f"{base}/{rel.as_posix()}")
        if not found:
            raise CorpusError(
                f"文件夹 {root} 中没有可读取的讲话稿（.txt、.md、.docx）；请确认路径，或把讲话稿放进该文件夹"
            )

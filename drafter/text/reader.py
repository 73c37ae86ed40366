"""Reading speech files: .txt in any common Chinese encoding, .docx and .md.

Every reader returns numbered lines: for text files the line number an editor
shows (1-based), for .docx the paragraph number (1-based, empty paragraphs
counted). Punctuation width is normalised on the way in.
"""

from __future__ import annotations

import os
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


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a byte-order mark (some Windows tools), or None.

    ASCII characters (line breaks, digits) put their zero byte on one side of
    each pair, so that side tells the byte order; the decoded text must then be
    printable (binary data decoded this way is full of controls and gaps).
    """
    zeros_even = data[0::2].count(0)
    zeros_odd = data[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if zeros_odd >= zeros_even else ("utf-16-be", "utf-16-le")
    for codec in order:
        try:
            text = data[: len(data) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        if any(ch.isascii() for ch in text) and all(map(_plausible_char, text)):
            return text.lstrip("\ufeff")
    return None


# Blocks Chinese text is written in: ASCII and Latin-1, general punctuation and
# symbols (①, №, →), CJK punctuation, kana, CJK ideographs, full-width forms.
_TEXT_BLOCKS = (
    (0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x2BFF), (0x2E80, 0x30FF), (0x3100, 0x9FFF),
    (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFEFF, 0xFEFF), (0xFF00, 0xFFEF),
)


def _plausible_char(ch: str) -> bool:
    o = ord(ch)
    return ch in "\t\r\n" or any(lo <= o <= hi for lo, hi in _TEXT_BLOCKS)


_CJK_UTF8_LEAD = re.compile(rb"[\xe3-\xe9]")  # UTF-8 lead bytes of U+3000..U+9FFF


def _gbk_in_disguise(data: bytes, text: str) -> str | None:
    """A short GBK text whose bytes happen to be valid UTF-8 (“一” is D2 BB, which is UTF-8 “һ”).

    Chosen only when the UTF-8 reading holds no Chinese at all but letters
    from U+0250..U+07FF (IPA, Greek, Cyrillic…, where GBK byte pairs land; accented
    Latin stays UTF-8), and the GB18030 reading holds Chinese.
    """
    if text.isascii() or _CJK_UTF8_LEAD.search(data) or not any(0x250 <= ord(c) < 0x800 for c in text):
        return None
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return gb if any(is_han(c) for c in gb) else None


def decode(data: bytes, path: object) -> str:
    r"""Decode a text file: UTF-8 (with or without BOM), UTF-16 (with or without BOM), GBK/GB18030.

    >>> decode("同志们：\n".encode("utf-16-le"), "a.txt")
    '同志们：\n'
    """
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
        text = _utf16_without_bom(data)
        if text is None:
            raise ReadError(path, "这是二进制文件，不是文本；请提供 .txt、.md 或 .docx")
        return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _gbk_in_disguise(data, text) or text
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


MAX_TEXT_BYTES = 512 * 1024 * 1024  # far beyond any speech file; refuses a runaway file


def _stat_problem(path: Path, e: OSError) -> str:
    import errno

    if e.errno == errno.ELOOP:
        return "是循环的符号链接（链接指向自己或互相指向）；请删除或改正该链接"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "没有读取权限；请用 chmod 或文件属性赋予读取权限"
    if e.errno == errno.ENOENT:
        if path.is_symlink():
            return "是指向不存在文件的符号链接；请改正或删除该链接"
        return "文件不存在；请检查路径"
    if e.errno == errno.ENAMETOOLONG:
        return "文件名或路径太长"
    return f"无法打开（{e.strerror or e}）；请检查文件权限"


def check_readable(path: Path) -> None:
    """Raise ReadError unless ``path`` is a regular file this process may read."""
    import stat

    try:
        st = path.stat()
    except OSError as e:
        raise ReadError(path, _stat_problem(path, e)) from e
    except ValueError as e:  # an embedded NUL in the name
        raise ReadError(path, "文件名含有无效字符") from e
    if stat.S_ISDIR(st.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise ReadError(path, "这是文件夹，且没有读取权限；请赋予读取权限")
        raise ReadError(path, "这是文件夹，不是文件")
    if not stat.S_ISREG(st.st_mode):
        kind = "命名管道（FIFO）" if stat.S_ISFIFO(st.st_mode) else "套接字" if stat.S_ISSOCK(st.st_mode) else "设备文件"
        raise ReadError(path, f"这是{kind}，不是普通文件，已跳过；drafter 只读取普通文件")
    if not os.access(path, os.R_OK):
        raise ReadError(path, "没有读取权限；请用 chmod 或文件属性赋予读取权限")


def read_regular(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of a regular file, never blocking on a FIFO swapped in after the check."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise ReadError(path, _stat_problem(path, e)) from e
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise ReadError(path, "不是普通文件，已跳过；drafter 只读取普通文件")
            if st.st_size > limit:
                raise ReadError(path, f"文件太大（{st.st_size // 2**20} MB，上限 {limit // 2**20} MB）；请拆分后再读取")
            return f.read(limit + 1)
        except OSError as e:
            if isinstance(e, ReadError):
                raise
            raise ReadError(path, f"读取失败（{e.strerror or e}）；请检查磁盘或文件权限") from e


def display_name(name: str) -> str:
    """A file name as text: names that are not UTF-8 (GBK names from a Windows zip) decoded.

    >>> display_name(os.fsdecode("讲话.txt".encode("gbk")))
    '讲话.txt'
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    for codec in ("gb18030", "big5"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def read_lines(path: Path | str) -> list[Line]:
    """Read one speech file into numbered, normalised lines.

    Raises ReadError naming the file when it cannot be read or decoded.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    check_readable(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(path, f"不支持的文件类型“{suffix or '无扩展名'}”；支持 .txt、.md、.docx")
    if suffix == ".docx":
        return _docx_lines(path)
    data = read_regular(path)
    text = decode(data, path)
    return _md_lines(text) if suffix == ".md" else _text_lines(text)


# --- corpus ---------------------------------------------------------------


def _wanted(p: Path) -> bool:
    return (
        p.suffix.lower() in SUPPORTED_SUFFIXES
        and not p.name.startswith(("~$", "."))
    )


def _corpus_root_problem(root: Path) -> str | None:
    """Why a path given on the command line cannot be used at all (None: it can)."""
    import errno

    try:
        root.stat()
    except OSError as e:
        if e.errno == errno.ELOOP:
            return f"{root} 是循环的符号链接（链接指向自己或互相指向）；请改正该链接，或直接给出讲话稿所在的文件夹"
        if e.errno in (errno.EACCES, errno.EPERM):
            return f"{root} 没有访问权限；请赋予读取权限，或换一个路径"
        if root.is_symlink():
            return f"{root} 是指向不存在位置的符号链接；请改正或删除该链接"
        return f"路径不存在：{root}；请检查拼写，或先用 ls 确认文件位置"
    except ValueError:
        return f"路径 {root!r} 含有无效字符"
    return None


def iter_corpus(paths: Iterable[Path | str]) -> Iterator[SourceFile]:
    """Expand files and folders (recursively) into the speech files to read.

    Raises CorpusError for a path that does not exist or a folder that holds
    no supported file. Files are yielded in a stable (sorted) order. Inside a
    folder every entry with a speech suffix is yielded, whatever it is (a FIFO,
    a broken or looping link, an unreadable file): ``read_lines`` then names
    the reason and the miner skips it, so one bad entry never stops the run.
    Hidden files and folders are left out; a linked folder is walked once.
    """
    for raw in paths:
        root = Path(raw)
        problem = _corpus_root_problem(root)
        if problem:
            raise CorpusError(problem)
        if not root.is_dir():
            if not _wanted(root):
                raise CorpusError(
                    f"不支持的文件类型：{display_name(str(root))}；drafter 只读取 .txt、.md、.docx 文件"
                )
            yield SourceFile(root, display_name(root.name))
            continue
        if not os.access(root, os.R_OK | os.X_OK):
            raise CorpusError(f"文件夹 {root} 没有读取权限；请赋予读取权限，或换一个文件夹")
        found = False
        base = display_name(root.resolve().name or str(root))
        for p in _walk(root):
            rel = p.relative_to(root)
            if _wanted(p) or p.is_dir():  # a folder here is one that could not be listed
                found = True
                yield SourceFile(p, f"{base}/{display_name(rel.as_posix())}")
        if not found:
            raise CorpusError(
                f"文件夹 {root} 中没有可读取的讲话稿（.txt、.md、.docx）；请确认路径，或把讲话稿放进该文件夹"
            )


def _walk(root: Path) -> Iterator[Path]:
    """Every non-hidden entry under ``root`` that is not a folder, sorted.

    Linked folders are followed once (a link loop is not walked round); a
    sub-folder that cannot be listed is yielded itself (``read_lines`` reports it).
    """
    entries: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                children = list(it)
        except OSError:
            if folder != root:
                entries.append(folder)
            continue
        for entry in children:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(path)
            else:
                entries.append(path)
    return iter(sorted(entries))

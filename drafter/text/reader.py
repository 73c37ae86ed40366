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

from drafter.atomic import os_reason
from drafter.errors import CorpusError, ReadError
from drafter.text.lazyre import lazy

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
_PARENS = lazy(r"\(([^()]*)\)")
_FW_DIGIT = lazy("[０-９]")
_HALF_PUNCT = lazy("[,;:?!]")


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
    if _FW_DIGIT.search(text):
        text = text.translate(_FULLWIDTH_DIGITS)
    if not _HALF_PUNCT.search(text):
        return _PARENS.sub(_widen_parens, text) if "(" in text else text
    out: list[str] = []
    pos = 0
    last = len(text) - 1
    converted = -2  # where the last mark was made full-width (full-width marks are Chinese context)
    for m in _HALF_PUNCT.finditer(text):  # visit only the half-width marks, not every character
        i, ch = m.start(), m.group()
        before = i > 0 and (converted == i - 1 or _chinese_context(text[i - 1]))
        after = i < last and _chinese_context(text[i + 1]) and ch not in _BEFORE_ONLY
        if before or after:
            out.append(text[pos:i])
            out.append(_HALF[ch])
            pos = i + 1
            converted = i
    out.append(text[pos:])
    text = "".join(out)
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


_CJK_UTF8_LEAD = lazy(rb"[\xe3-\xe9]")  # UTF-8 lead bytes of U+3000..U+9FFF


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


# --- cleanup --------------------------------------------------------------

# Zero-width and formatting characters scraped pages and Word leave behind, and
# control characters (C0 but tab, DEL, C1): removed from every line read.
_INVISIBLE = lazy("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A Markdown ATX heading mark (``# 标题``, ``## 一、…``), in any text file; a
# hashtag (``#两会#``) is not one.
_MD_ATX = lazy(r"^#{1,6}(?=[^#])\s*")
_HASHTAG = lazy(r"^#[^#\s]{1,30}#")


def clean_line(s: str) -> str:
    """A line without invisible or control characters and without a Markdown ``#`` mark.

    >>> clean_line("\\u200b# 关于某事的汇报\\x07")
    '关于某事的汇报'
    >>> clean_line("#两会#代表热议")
    '#两会#代表热议'
    """
    s = _INVISIBLE.sub("", s).strip()
    if s.startswith("#") and not _HASHTAG.match(s):
        s = _MD_ATX.sub("", s).rstrip("#").strip() if s.rstrip("#") else ""
    return s


_SHORT_NAME = r"[\u4e00-\u9fff·]{2,5}"
# A photo caption or credit: …（新华社记者 李森 摄）, 记者 李森 摄, 图为…, 图片来源：…
_PHOTO = lazy(
    rf"(?:记者|摄影|通讯员)?\s*{_SHORT_NAME}(?:\s+{_SHORT_NAME})*\s*摄[）)]?$|^图为|^[（(]?图片来源|^[（(]?图[：:]"
)
# Web page furniture, bylines and red-header lines: short lines that are not speech text.
_BOILERPLATE = lazy(
    r"^(?:首页|当前位置|您当前的?位置|您的位置|返回首页|返回顶部|网站地图|联系我们|版权所有|主办单位|承办单位|"
    r"发布时间|发布日期|发表时间|更新时间|时间[：:]\s*\d|来源[：:]|稿源[：:]|信息来源|文章来源|作者[：:]|"
    r"编辑[：:]|责任编辑|责编[：:]|审核[：:]|校对[：:]|监制[：:]|策划[：:]|浏览次数|阅读次数|阅读量|点击数|访问量|"
    r"【?字体[：:]|【?字号[：:]|【?打印|【?关闭|打印本页|关闭窗口|分享到|扫一扫|微信扫一扫|用手机扫|"
    r"上一篇|下一篇|相关链接|相关阅读|相关新闻|附件下载|Copyright|copyright|ICP|.*ICP备|签发人[：:]|"
    r"内部资料|注意保存|政务信息$|[（(]?完[）)]?$|\[?责任编辑)"
)
_RED_HEADER = lazy(
    r"^(?:.{2,30}(?:文件|简报|快报|专报|要报|通讯|动态)|.{2,30}(?:办公室|办公厅|研究室|信息科|信息处|秘书科)\s*编|编者按.*|第\s*\d+\s*期|[（(]\s*第\s*\d+\s*期\s*[）)]|\d{4}年第\s*\d+\s*期|"
    r".{0,20}〔\d{4}〕\s*\d+\s*号|[（(]?(?:秘密|机密|绝密|特急|加急)(?:★.*)?[）)]?|(?:秘密|机密)★.*)$"
)
# A news dateline opening a paragraph (新华社北京9月8日电 / 本报讯（记者 张三）) and
# a credit closing one (（新华社北京9月4日电） / （记者 吴丽琳 诸玲珍 徐恒） / （完））.
_NEWS_AGENCY = r"(?:新华社|中新社|中新网|人民网|新华网|央视网|央广网|本报|本台|本刊|光明网|澎湃新闻)"
_DATELINE_HEAD = lazy(
    rf"^(?:{_NEWS_AGENCY}[\u4e00-\u9fff]{{0,10}}(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月"
    rf"(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})日(?:电|讯)|本报讯|本台消息)"
    r"\s*(?:[（(](?:记者|通讯员)[^（）()]{0,40}[）)])?\s*"
)
_CREDIT_TAIL = lazy(
    rf"\s*[（(](?:{_NEWS_AGENCY}[^（）()]{{0,30}}电|完|记者[^（）()]{{0,40}}|通讯员[^（）()]{{0,40}}|"
    r"(?:责任)?编辑[：:][^（）()]{0,20}|来源[：:][^（）()]{0,30}|[^（）()]{0,20}摄|"
    r"本文(?:为|系|是|根据|摘自|原载|转载)[^（）()]{0,60}|(?:原载|转载自|摘自|选自)[^（）()]{0,40})[）)]\s*$"
)


# A byline on its own line: 本报记者 张三 李四 / 记者 王某 通讯员 李某 / 文/张三 / 撰稿：张三
_BYLINE = lazy(
    rf"^[（(]?(?:{_NEWS_AGENCY})?(?:(?:特约|见习)?记者|通讯员|特约撰稿人?|撰稿|整理|文|图|文字|摄影)(?:\s*[：:/／｜|]\s*|\s+)"
    rf"{_SHORT_NAME}(?:[\s、，,]+(?:(?:特约|见习)?记者|通讯员)?\s*{_SHORT_NAME})*[）)]?$"
)


def is_boilerplate(s: str) -> bool:
    """A line that is no part of a speech: web furniture, a byline, a photo caption or
    credit, a red-header line (政务信息, 〔2023〕12号, 第5期).

    >>> [is_boilerplate(s) for s in ("责任编辑：王五", "新华社记者 李森 摄", "政务信息", "同志们：")]
    [True, True, True, False]
    >>> [is_boilerplate(s) for s in ("本报记者 张三 李四", "记者 王某 通讯员 李某", "文/张三", "记者节快乐")]
    [True, True, True, False]
    """
    if not s or len(s) > 120:
        return False
    if _BOILERPLATE.match(s) or _RED_HEADER.match(s) or (len(s) <= 40 and _BYLINE.match(s)):
        return True
    if ("摄" in s or s.startswith(("图", "（图", "(图"))) and _PHOTO.search(s):
        return True
    return s.endswith(("）", ")")) and bool(_CREDIT_TAIL.fullmatch(s))


def strip_credits(s: str) -> str:
    """A paragraph without a leading news dateline or a trailing credit.

    >>> strip_credits("新华社北京9月8日电 大会今天召开。谢谢大家。（新华社北京9月4日电）")
    '大会今天召开。谢谢大家。'
    """
    if "电" in s[:30] or "讯" in s[:30] or "消息" in s[:30]:
        s = _DATELINE_HEAD.sub("", s, count=1)
    while s.endswith(("）", ")")):
        m = _CREDIT_TAIL.search(s)
        if not m:
            break
        s = s[: m.start()]
    return s.strip()


def text_lines(text: str) -> list[Line]:
    """A text's lines, numbered from 1, cleaned (``clean_line``) and normalised."""
    return [(i, normalise(clean_line(s))) for i, s in enumerate(text.splitlines(), 1)]



_MD_PREFIX = lazy(r"^(?:>\s?|[-+]\s+)")
_MD_EMPHASIS_LINE = lazy(r"^(\*\*|\*|__|_)([^*_].*?)\1$")  # a whole line in bold or italics


def md_lines(text: str) -> list[Line]:
    """Numbered lines of a Markdown text, unmarked (# headings, list bullets, emphasis)."""
    out = []
    for i, line in text_lines(text):
        line = clean_line(_MD_PREFIX.sub("", line))
        m = _MD_EMPHASIS_LINE.match(line)
        if m and "*" not in m.group(2):
            line = m.group(2)
        out.append((i, line.strip()))
    return out


# --- .docx ------------------------------------------------------------------

MAX_DOCX_XML = 64 * 1024 * 1024  # word/document.xml of a 2,000-page report is far smaller
# Word's XML deflates about 5-15 to 1; hundreds to 1 over megabytes is a zip bomb.
MAX_DOCX_RATIO = 100
_RATIO_FROM = 8 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BAD_DOCX = "不是有效的 .docx 文件（可能已损坏或只是改了扩展名）；请用 Word/WPS 打开后另存为 .docx"


def docx_xml(path: Path) -> bytes:
    """``word/document.xml`` of a .docx, decompressed within a size bound."""
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(path) as zf:
            try:
                info = zf.getinfo("word/document.xml")
            except KeyError as e:
                raise ReadError(path, _BAD_DOCX) from e
            if info.file_size > _RATIO_FROM and info.file_size > MAX_DOCX_RATIO * max(1, info.compress_size):
                raise ReadError(
                    path, f".docx 正文部分解压后 {info.file_size // 2**20} MB，是压缩后的 "
                    f"{info.file_size // max(1, info.compress_size)} 倍，可能是压缩炸弹；请确认文件来源",
                )
            if info.file_size > MAX_DOCX_XML:
                raise ReadError(
                    path, f".docx 正文部分过大（解压后 {info.file_size // 2**20} MB，上限 {MAX_DOCX_XML // 2**20} MB），"
                    "可能是压缩炸弹；请确认文件来源，或拆分后再读取",
                )
            with zf.open(info) as f:
                data = f.read(MAX_DOCX_XML + 1)  # the declared size may lie: never read past the bound
    except ReadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError) as e:
        raise ReadError(path, _BAD_DOCX) from e
    except zlib.error as e:  # a damaged deflate stream
        raise ReadError(path, f".docx 内容损坏（{e}）；请用 Word/WPS 打开后另存为 .docx") from e
    except RuntimeError as e:  # an encrypted member
        raise ReadError(path, ".docx 已加密或受密码保护；请在 Word/WPS 中取消密码后另存为 .docx") from e
    except OSError as e:
        if e.errno is None:  # zlib errors inside a damaged member
            raise ReadError(path, f".docx 内容损坏（{e}）；请用 Word/WPS 打开后另存为 .docx") from e
        raise ReadError(path, f"读取失败（{os_reason(e)}）；请检查磁盘或文件权限") from e
    if len(data) > MAX_DOCX_XML:
        raise ReadError(
            path, f".docx 正文部分过大（解压后超过 {MAX_DOCX_XML // 2**20} MB），可能是压缩炸弹；请确认文件来源，或拆分后再读取"
        )
    return data


def _run_text(r: object) -> str:
    # As python-docx's CT_R.text: w:t text, w:tab/w:ptab a tab, w:br (text wrapping)/w:cr a
    # line break, w:noBreakHyphen a hyphen; page and column breaks nothing.
    out = []
    for e in r:  # type: ignore[attr-defined]
        tag = e.tag
        if tag == _W + "t":
            out.append(e.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag == _W + "br":
            out.append("\n" if e.get(_W + "type", "textWrapping") == "textWrapping" else "")
        elif tag == _W + "cr":
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def paragraph_text(p: object) -> str:
    """The text of a ``w:p`` element, as python-docx's CT_P.text: runs and hyperlinks
    that are direct children."""
    out = []
    for e in p:  # type: ignore[attr-defined]
        if e.tag == _W + "r":
            out.append(_run_text(e))
        elif e.tag == _W + "hyperlink":
            out.extend(_run_text(r) for r in e if r.tag == _W + "r")
    return "".join(out)


def block_paragraphs(parent: object) -> Iterator[object]:
    """Body paragraphs in document order, the paragraphs of table cells in their place."""
    for e in parent:  # type: ignore[attr-defined]
        if e.tag == _W + "p":
            yield e
        elif e.tag == _W + "tbl":
            for tr in e.iterchildren(_W + "tr"):
                for tc in tr.iterchildren(_W + "tc"):
                    yield from block_paragraphs(tc)


def _docx_lines(path: Path) -> list[Line]:
    """Paragraphs of ``word/document.xml`` (body and table cells, in order), numbered from 1.

    The text of each is python-docx's ``Paragraph.text``; a manual line break
    inside a paragraph (a title broken over two lines) joins up again.
    """
    from lxml import etree

    data = docx_xml(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise ReadError(path, f".docx 内容损坏（正文 XML 无法解析：{e.msg}）；请用 Word/WPS 打开后另存为 .docx") from e
    body = root.find(_W + "body")
    if body is None:
        raise ReadError(path, _BAD_DOCX)
    return [
        (i, normalise(clean_line(paragraph_text(p).replace("\n", ""))))
        for i, p in enumerate(block_paragraphs(body), 1)
    ]


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
    return f"无法打开（{os_reason(e)}）；请检查文件权限"


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
            raise ReadError(path, f"读取失败（{os_reason(e)}）；请检查磁盘或文件权限") from e


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
    return md_lines(text) if suffix == ".md" else text_lines(text)


# --- corpus ---------------------------------------------------------------


def _wanted(p: Path) -> bool:
    return (
        p.suffix.lower() in SUPPORTED_SUFFIXES
        and not p.name.startswith(("~$", "."))
    )


_PROJECT_FILE = lazy(r"^(?:README|LICENSE|LICENCE|CHANGELOG)(?:[._-]|$)", re.IGNORECASE)


def is_project_file(p: Path) -> bool:
    """README*, LICENSE*, CHANGELOG*: a folder's notes about itself, not speeches.

    >>> is_project_file(Path("corpus/README.md")), is_project_file(Path("readme_2023讲话.txt"))
    (True, True)
    >>> is_project_file(Path("LICENSE")), is_project_file(Path("在全市会议上的讲话.txt"))
    (True, False)
    """
    return bool(_PROJECT_FILE.match(p.name))


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
            if is_project_file(p):
                continue  # a folder's README/LICENSE/CHANGELOG is no speech (named explicitly, it is read)
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

"""``drafter check --fix``: the mechanical fixes (D501 half-width marks, D503 doubled
marks, D502 a “ “ pair with no partner), written to a new file or in place,
atomically. A .txt/.md keeps its encoding and line endings; a .docx keeps its
formatting (only the text of runs changes; every other part is copied as is).
Lines a writer silenced, fenced Markdown code and ``--ignore``d codes are left alone."""

from __future__ import annotations

import shutil
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from drafter.atomic import atomic_path, os_reason
from drafter.check.docx_parts import W, _owner, _parse, read_docx, read_part
from drafter.check.punctuation import apply_ops, fix_ops
from drafter.check.suppress import Ignores, prepare_lines, silenced
from drafter.errors import OutputError, ReadError, UsageError

FIXABLE = ("D501", "D502", "D503")


@dataclass(frozen=True)
class Change:
    """One paragraph changed: where, and its text around the first change before and after."""

    where: str  # 第 3 行, 表格/页眉 …
    codes: tuple[str, ...]
    before: str
    after: str


def _code(old: str, new: str) -> str:
    if new == "":
        return "D503"
    if old in "“”" and new in "“”":
        return "D502"
    return "D501"


def _ops(text: str, ignore: set[str], line: int, ignores: Ignores) -> list[tuple[int, str, str]]:
    return [
        op for op in fix_ops(text)
        if _code(op[1], op[2]) not in ignore and not silenced(ignores, line, _code(op[1], op[2]))
    ]


def _change(where: str, text: str, ops: list[tuple[int, str, str]]) -> Change:
    first, last = ops[0][0], ops[-1][0]
    a, b = max(0, first - 6), min(len(text), last + 7)
    after = apply_ops(text[a:b], [(i - a, o, n) for i, o, n in ops if a <= i < b])
    codes = tuple(sorted({_code(o, n) for _, o, n in ops}))
    return Change(where, codes, text[a:b], after)


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """Text and the encoding to write it back in."""
    from drafter.text.reader import decode

    text = decode(data, path)  # raises ReadError
    if data.startswith(b"\xef\xbb\xbf"):
        return text, "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return text, "utf-16"
    try:
        data.decode("utf-8")
        return text, "utf-8"
    except UnicodeDecodeError:
        return text, "gb18030"


def fix_text_file(src: Path, dst: Path, force: bool, ignore: set[str]) -> list[Change]:
    try:
        data = src.read_bytes()
    except OSError as e:
        raise ReadError(src, f"无法打开（{os_reason(e)}）；请检查路径和权限") from e
    text, encoding = _decode(data, src)
    raw = text.splitlines(keepends=True)
    bare = [s.rstrip("\r\n") for s in raw]
    prepared, ignores = prepare_lines(bare)
    changes: list[Change] = []
    out: list[str] = []
    for n, (line, body, seen) in enumerate(zip(raw, bare, prepared, strict=True), 1):
        ops = _ops(body, ignore, n, ignores) if seen.strip() == body.strip() else []
        if ops:
            changes.append(_change(f"第 {n} 行", body, ops))
            line = apply_ops(body, ops) + line[len(body) :]
        out.append(line)
    if changes:
        _write(dst, force, lambda tmp: tmp.write_bytes("".join(out).encode(encoding)))
    return changes


def _fix_part(root, label: str, body_level: bool, ignore: set[str], ignores: Ignores) -> list[Change]:
    changes: list[Change] = []
    body = root.find(f"{W}body")
    from drafter.text.reader import block_paragraphs

    numbers = {p: i for i, p in enumerate(block_paragraphs(body), 1)} if body_level and body is not None else {}
    for p in root.iter(f"{W}p"):
        nodes = [t for t in p.iter(f"{W}t") if _owner(t) is p]
        text = "".join(t.text or "" for t in nodes)
        n = numbers.get(p, 0)
        ops = _ops(text, ignore, n, ignores if n else {})
        if not ops:
            continue
        by = {i: new for i, _, new in ops}
        pos = 0
        for t in nodes:
            old = t.text or ""
            new = "".join(by.get(pos + k, ch) for k, ch in enumerate(old))
            pos += len(old)
            if new != old:
                t.text = new
                if new != new.strip():
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        where = f"第 {n} 段" if n else label
        changes.append(_change(where, text, ops))
    return changes


def fix_docx(src: Path, dst: Path, force: bool, ignore: set[str]) -> list[Change]:
    import re

    from lxml import etree

    ignores = read_docx(src).ignores  # raises ReadError for a damaged file
    parts = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
    labels = {"header": "页眉", "footer": "页脚", "footnotes": "脚注", "endnotes": "尾注"}
    changes: list[Change] = []
    new_parts: dict[str, bytes] = {}
    with zipfile.ZipFile(src) as zf:
        for name in zf.namelist():
            m = parts.match(name)
            if not m:
                continue
            root = _parse(read_part(zf, name, src), name, src)
            kind = re.sub(r"\d+$", "", m.group(1))
            found = _fix_part(root, labels.get(kind, "正文"), kind == "document", ignore, ignores)
            if found:
                changes.extend(found)
                new_parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if changes:
            def write(tmp: Path) -> None:
                with zipfile.ZipFile(tmp, "w") as out:
                    for info in zf.infolist():
                        if info.filename in new_parts:
                            out.writestr(info, new_parts[info.filename], compress_type=zipfile.ZIP_DEFLATED)
                        else:
                            with zf.open(info) as fin, out.open(info, "w") as fout:
                                shutil.copyfileobj(fin, fout, 1 << 20)

            _write(dst, force, write)
    return changes


def _write(dst: Path, force: bool, write) -> None:
    try:
        with atomic_path(dst, force) as tmp:
            write(tmp)
    except OutputError:
        raise
    except OSError as e:
        raise OutputError(f"无法写入 {dst}：{e.strerror}；请检查磁盘空间和权限") from e


def fix_file(src: Path | str, out: Path | str | None, force: bool, ignore: Iterable[str] = ()) -> tuple[Path, list[Change]]:
    """Fix one file; returns where it was written and what changed. Without ``out`` the
    file is fixed in place, which needs ``force``. Nothing is written when nothing changes."""
    src = Path(src)
    if src.is_dir():
        raise UsageError(f"--fix 一次只能修改一个文件，{src} 是文件夹；请给出一个 .docx/.txt/.md 文件")
    if not src.is_file():
        raise ReadError(src, "文件不存在；请检查路径")
    dst = Path(out) if out is not None else src
    if out is None and not force:
        raise UsageError(f"--fix 需要用 -o 指定新文件，或加 --force 直接修改 {src}")
    if dst.resolve() == src.resolve():
        force = True
    suffix = src.suffix.lower()
    if suffix not in (".txt", ".md", ".docx"):
        raise ReadError(src, f"不支持的文件类型“{suffix or '无扩展名'}”；支持 .txt、.md、.docx")
    if dst.suffix.lower() != suffix:
        raise UsageError(f"-o {dst} 的扩展名应与原文件相同（{suffix}）")
    ignore = set(ignore)
    if suffix == ".docx":
        try:
            changes = fix_docx(src, dst, force, ignore)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, RuntimeError) as e:
            raise ReadError(src, f".docx 已损坏（{type(e).__name__}）；请用 Word/WPS 打开后另存为 .docx") from e
    else:
        changes = fix_text_file(src, dst, force, ignore)
    if not changes and dst != src:
        _write(dst, force, lambda tmp: shutil.copyfile(src, tmp))  # -o always gets a file
    return dst, changes

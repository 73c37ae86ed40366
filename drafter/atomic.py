"""Writing outputs safely: never over a user's file unless asked, never half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from drafter.errors import OutputError


def check_target(target: Path, force: bool) -> None:
    """Refuse to overwrite, or to write into a folder that is missing or read-only."""
    if target.is_dir():
        raise OutputError(f"输出路径 {target} 是一个文件夹；请在 -o 后给出文件名")
    if target.exists() and not force:
        raise OutputError(f"输出文件 {target} 已存在，未作改动；如需覆盖请加 --force，或用 -o 指定其他文件名")
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(f"输出文件夹 {parent} 不存在；请先创建它，或用 -o 指定其他位置")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"输出文件夹 {parent} 没有写权限；请换一个可写的位置（-o）")


@contextlib.contextmanager
def atomic_path(target: Path | str, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    On any exception the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    check_target(target, force)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_text(target: Path | str, text: str, force: bool = False) -> Path:
    """Write UTF-8 text atomically."""
    target = Path(target)
    try:
        with atomic_path(target, force) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OutputError:
        raise
    except OSError as e:
        raise OutputError(f"无法写入 {target}：{e.strerror}；请检查磁盘空间和权限") from e
    return target

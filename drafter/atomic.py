"""Writing outputs safely: never over a user's file unless asked, never half a file.

A file is written to a hidden temporary file beside the target, then put in
place in one step: without ``force`` by a hard link, which fails if the target
appeared meanwhile (two runs writing the same ``-o`` cannot both succeed), with
``force`` by a rename over it. The result has the permissions any new file gets
(0666 less the umask); an interrupted write leaves no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from drafter.errors import OutputError


def current_umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets: 0666 less the umask."""
    return 0o666 & ~current_umask()


def folder_mode() -> int:
    """The mode a new folder gets: 0777 less the umask."""
    return 0o777 & ~current_umask()


_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EACCES: "没有写权限",
    errno.EPERM: "操作不被允许",
    errno.EROFS: "所在磁盘是只读的",
    errno.EIO: "磁盘读写出错",
    errno.EFBIG: "文件太大",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ENOENT: "文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是文件夹",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EMFILE: "打开的文件太多",
    errno.ELOOP: "符号链接循环",
    errno.EXDEV: "不能跨磁盘移动",
    errno.ENOTEMPTY: "文件夹不为空",
}


def os_reason(e: OSError) -> str:
    """An operating-system error said in Chinese (the errno's own text when not known)."""
    return _REASONS.get(e.errno or 0) or e.strerror or type(e).__name__


def _exists_message(target: Path) -> str:
    return f"输出文件 {target} 已存在，未作改动；如需覆盖请加 --force，或用 -o 指定其他文件名"


def check_target(target: Path, force: bool) -> None:
    """Refuse to overwrite, or to write into a folder that is missing or read-only."""
    if target.is_dir():
        raise OutputError(f"输出路径 {target} 是一个文件夹；请在 -o 后给出文件名")
    if (target.exists() or target.is_symlink()) and not force:
        raise OutputError(_exists_message(target))
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(f"输出文件夹 {parent} 不存在；请先创建它，或用 -o 指定其他位置")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"输出文件夹 {parent} 没有写权限；请换一个可写的位置（-o）")


def publish(tmp: Path, target: Path, force: bool) -> None:
    """Put the finished ``tmp`` at ``target`` in one step; without ``force`` never over a file.

    Raises OutputError if ``target`` exists (it may have appeared since the check).
    ``tmp`` is gone afterwards, whatever happened.
    """
    try:
        if force:
            os.replace(tmp, target)
            return
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise OutputError(
                _exists_message(target) + "（可能是另一个同时运行的 drafter 刚写入了它）"
            ) from None
        except OSError as e:
            if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            # No hard links here (FAT, some network drives): claim the name, then rename over it.
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                raise OutputError(_exists_message(target)) from None
            os.close(fd)
            os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


@contextlib.contextmanager
def atomic_path(target: Path | str, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; put it at ``target`` on success.

    On any exception (or interruption) the temporary file is removed and
    ``target`` is untouched. Without ``force`` an existing ``target`` is never
    replaced, even one created while the caller was writing.
    """
    target = Path(target)
    check_target(target, force)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"无法在 {target.parent} 中创建临时文件：{os_reason(e)}；请检查磁盘空间和权限") from e
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, file_mode())
        publish(tmp, target, force)
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
        raise OutputError(f"无法写入 {target}：{os_reason(e)}；请检查磁盘空间和权限") from e
    return target

"""The exceptions drafter raises. Every message is user-facing 简体中文."""

from __future__ import annotations


class DrafterError(Exception):
    """Base of every error drafter reports to a user.

    ``str(err)`` is a complete 简体中文 message naming the file or field and
    what to do; the CLI prints it to stderr and exits with ``exit_code``.
    """

    exit_code = 1


class CorpusError(DrafterError):
    """Raised when a corpus path given to the miner cannot be used at all."""


class ReadError(DrafterError, OSError):
    """Raised when one file cannot be read or decoded (binary, corrupt .docx, bad encoding)."""

    exit_code = 2

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"无法读取 {self.path}：{reason}")


class BankError(DrafterError):
    """Raised when a phrase bank is missing, unreadable or malformed."""


class OutlineError(DrafterError, ValueError):
    """Raised when an outline file is missing, malformed or fails validation."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems or []
        if self.problems:
            message = message + "\n" + "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(message)


class GenreError(DrafterError, LookupError):
    """Raised when an outline or command names a genre no template provides."""


class TemplateError(DrafterError):
    """Raised when a template has a syntax error or uses an undefined name."""


class OutputError(DrafterError, OSError):
    """Raised when an output file or folder cannot be written, or would be overwritten."""


class UsageError(DrafterError):
    """Raised when options contradict each other or are out of range."""

"""``drafter check``: a linter for speech drafts (.docx, .txt, .md); the way to use it from Python.

``check_paths`` checks files and folders and returns ``(findings, unreadable)``;
``check_file`` checks one file; ``check_speech`` one parsed speech. Each
``Finding`` has a stable code, a severity, the file, the line (for .docx the
paragraph number), the offending excerpt and a 简体中文 message saying what to do.
The rules themselves live in ``drafter.check.rules``.

=====  ========  =============================================================
code   severity  finding
=====  ========  =============================================================
D101   error     a mask left in: ``*`` ``**`` ``X`` ``XX`` standing for a name,
                 place or number (not: 3*5, a footnote 5%*, X光, 5G, GMP, a
                 ``***`` separator line, Markdown ``**bold**`` in .md)
D102   error     an unfilled placeholder: ``【待补：…】`` (what ``drafter render``
                 leaves), ``{{…}}``, ``××``, ``某某``
D201   error     headings of one level out of sequence, skipping or repeating
                 (一、 二、 四、); a level-3/4 list may restart at 1.
D202   error     mixed numbering styles at one level (一、 and 第二，; 1. and 2、)
D203   error     一是/二是 (or 第一，/第二，) inside paragraphs that skip, repeat or
                 go back; each heading starts a new enumeration
D204   error     （一） before the first 一、 of a speech that has 一、 headings
D301   warning   sibling headings of very different length (one at least twice
                 or at most half the others' median, and 8+ characters apart)
D302   warning   all sibling headings but one share a frame (``frames.frame_of``,
                 as the bank mines it) and that one breaks it; a frame made only
                 of the speech's subject (key terms, formulations, title words)
                 does not count
D401   warning   the same phrase of 6+ Chinese characters used twice in the body
                 (paragraphs, headings, closing) as a whole clause (between
                 punctuation marks, 、 included) at least once; text inside “”
                 and 《》 is left out, and the clause must hold 5+ characters
                 besides the speech's key terms (4-character words used 4+
                 times), title words and set formulations (党的二十大精神…);
                 the frame of one parallel structure (sibling headings, one
                 paragraph of 一是…二是…) and a heading restated in the body
                 are fine; each phrase is reported once, at its second use
D501   warning   half-width , ; : ? ! ( ) " in Chinese text (one finding a line)
D502   error     unmatched “ ” 《 》 （ ） in a paragraph (a quotation running on
                 over paragraphs, and 1） list numbers, are fine)
D503   warning   doubled punctuation: ，， 。。 ，。 、、 ！！ …
D601   warning   a sentence over 120 characters without 。！？；(or ……); 《titles》
                 and quotations holding sentences of their own do not count
D701   warning   a report (汇报发言) without a salutation
D702   warning   a report or seminar speech (研讨发言) without a closing line
=====  ========  =============================================================

Punctuation rules (D501-D503) read the text as written; the others read the
speech model (``drafter.text.speech``), where punctuation width is normalised.

>>> [(f.code, f.line) for f in check_text("各位领导：\\n一、抓项目\\n三、抓招商\\n")]
[('D201', 3)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from drafter.check.rules import RULES, Context, gram_counts
from drafter.errors import CorpusError, DrafterError, ReadError, UsageError
from drafter.text.reader import SUPPORTED_SUFFIXES, decode, iter_corpus, read_lines
from drafter.text.speech import GENRES, Speech, parse_lines, parse_text

SEVERITY = {
    "D101": "error", "D102": "error",
    "D201": "error", "D202": "error", "D203": "error", "D204": "error",
    "D301": "warning", "D302": "warning",
    "D401": "warning",
    "D501": "warning", "D502": "error", "D503": "warning",
    "D601": "warning",
    "D701": "warning", "D702": "warning",
}
CODES = tuple(SEVERITY)


@dataclass(frozen=True)
class Finding:
    """One problem found: where, what, and what to do about it."""

    code: str
    severity: str  # "error" or "warning"
    path: str
    line: int
    excerpt: str
    message: str

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d["file"] = d.pop("path")
        return {k: d[k] for k in ("code", "severity", "file", "line", "excerpt", "message")}


def parse_codes(text: str | Iterable[str] | None) -> set[str]:
    """Codes from "D101,D401" (or a list of such strings). Raises UsageError for an unknown code."""
    if text is None:
        return set()
    parts = [text] if isinstance(text, str) else list(text)
    codes = {c.strip().upper() for p in parts for c in p.replace("，", ",").split(",") if c.strip()}
    unknown = sorted(codes - set(CODES))
    if unknown:
        raise UsageError(f"未知的规则代码：{'、'.join(unknown)}；可用代码：{'、'.join(CODES)}")
    return codes


def check_speech(
    speech: Speech,
    path: str = "",
    genre: str | None = None,
    raw: dict[int, str] | None = None,
    ignore: Iterable[str] = (),
    markdown: bool = False,
) -> list[Finding]:
    """Check one parsed speech. ``raw`` maps line numbers to the text as written
    (for the punctuation rules); without it the blocks' text is used.
    ``genre`` overrides the genre detected from the title and closing.
    """
    if raw is None:
        raw = {}
        for b in speech.blocks:
            raw[b.line] = raw.get(b.line, "") + b.text if b.runin else b.text
    title = " ".join(b.text for b in speech.blocks if b.kind in ("title", "subtitle"))
    ctx = Context(speech, genre or speech.genre, raw, markdown, gram_counts(speech), title)
    skip = set(ignore)
    out = [
        Finding(h.code, SEVERITY[h.code], path, h.line, h.excerpt, h.message)
        for rule in RULES
        for h in rule(ctx)
        if h.code not in skip
    ]
    return sorted(out, key=lambda f: (f.line, f.code))


def _raw_lines(path: Path) -> list[str]:
    if path.suffix.lower() == ".docx":
        import docx

        return [p.text.replace("\n", "") for p in docx.Document(str(path)).paragraphs]  # as reader.read_lines
    return decode(path.read_bytes(), path).splitlines()


def _check_lines(lines: list[tuple[int, str]], raw: list[str], path: str, genre: str | None,
                 ignore: Iterable[str], markdown: bool) -> list[Finding]:
    out: list[Finding] = []
    for sp in parse_lines(lines, path):
        mine = {b.line for b in sp.blocks}
        sp_raw = {n: raw[n - 1].strip() for n in sorted(mine) if 0 < n <= len(raw)}
        out.extend(check_speech(sp, path, genre, sp_raw, ignore, markdown))
    return out


def check_file(path: Path | str, genre: str | None = None, ignore: Iterable[str] = ()) -> list[Finding]:
    """Check every speech in one file. Raises ReadError naming the file when it cannot be read."""
    if genre is not None and genre not in GENRES:
        raise UsageError(f"未知文种“{genre}”；可用文种：{'、'.join(GENRES)}")
    p = Path(path)
    lines = read_lines(p)  # raises ReadError for a missing, corrupt or undecodable file
    try:
        raw = _raw_lines(p)
    except DrafterError:
        raise
    except Exception as e:  # read a moment ago: the file changed in between
        raise ReadError(p, f"读取原文失败（{type(e).__name__}）；请关闭正在编辑它的程序后重试") from e
    return _check_lines(lines, raw, str(path), genre, ignore, p.suffix.lower() == ".md")


def check_text(
    text: str, genre: str | None = None, path: str = "<文本>", ignore: Iterable[str] = ()
) -> list[Finding]:
    """Check speeches given as a string (lines numbered from 1)."""
    raw = text.splitlines()
    findings: list[Finding] = []
    for sp in parse_text(text, path):
        sp_raw = {b.line: raw[b.line - 1].strip() for b in sp.blocks}
        findings.extend(check_speech(sp, path, genre, sp_raw, ignore))
    return findings


def expand_paths(paths: Iterable[Path | str]) -> tuple[list[Path], list[ReadError]]:
    """Files to check (folders searched recursively for .txt/.md/.docx) and the paths
    that cannot be used at all (missing, or a folder without a speech)."""
    files: list[Path] = []
    bad: list[ReadError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            try:
                files.extend(s.path for s in iter_corpus([p]))
            except CorpusError:
                bad.append(ReadError(p, f"文件夹中没有可检查的讲话稿（{'、'.join(SUPPORTED_SUFFIXES)}）"))
        elif not p.exists() and p.suffix.lower() in SUPPORTED_SUFFIXES:
            bad.append(ReadError(p, "文件不存在；请检查路径"))
        else:
            files.append(p)  # read_lines names an unsupported suffix or an unreadable file
    return files, bad


def check_paths(
    paths: Sequence[Path | str], genre: str | None = None, ignore: Iterable[str] = ()
) -> tuple[list[Finding], list[ReadError]]:
    """Check files and folders: (findings of every readable file, errors of the unreadable ones)."""
    if genre is not None and genre not in GENRES:
        raise UsageError(f"未知文种“{genre}”；可用文种：{'、'.join(GENRES)}")
    ignore = set(ignore)
    files, unreadable = expand_paths(paths)
    findings: list[Finding] = []
    for f in files:
        try:
            findings.extend(check_file(f, genre, ignore))
        except ReadError as e:
            unreadable.append(e)
    return findings, unreadable


def format_human(findings: Sequence[Finding], unreadable: int = 0) -> str:
    """Compiler-style text: findings grouped by file, a summary line at the end."""
    lines: list[str] = []
    current = None
    for f in findings:
        if f.path != current:
            if current is not None:
                lines.append("")
            current = f.path
        lines.append(f"{f.path}:{f.line}: {f.code} {f.severity} {f.message}：{f.excerpt}")
    errors = sum(f.severity == "error" for f in findings)
    if lines:
        lines.append("")
    summary = f"共 {errors} 个错误、{len(findings) - errors} 个警告"
    if unreadable:
        summary += f"，{unreadable} 个文件无法读取"
    lines.append(summary)
    return "\n".join(lines)

"""``drafter check``: a linter for speech drafts (.docx, .txt, .md); the way to use it from Python.

``check_paths`` checks files and folders and returns ``(findings, unreadable)``;
``check_file`` checks one file; ``check_speech`` one parsed speech. Each
``Finding`` has a stable code, a severity, the file, the line (for .docx the
paragraph number), the offending excerpt and a 简体中文 message saying what to do.
The rules live in one module per family (masks, numbering, parallel,
repetition, punctuation, length, fragments, genre, dated, archive), listed in
``drafter.check.rules``; ``docx_parts`` reads a .docx's XML (headers,
footers, footnotes, endnotes, comments; table cells are paragraphs of the body), ``suppress`` the writer's ignore comments,
``fix`` the mechanical fixes and ``sarif`` the SARIF output.

A writer silences a line with ``<!-- drafter: ignore D401 -->`` (.md/.txt; on
its own line it silences the next line; without codes, every rule) or a Word
comment starting ``drafter: ignore D401`` (.docx). Markdown code fences are
not checked. Dated wording (D80x) needs the draft's date: its date line or
``date=``.

=====  ========  =============================================================
code   severity  finding
=====  ========  =============================================================
D101   error     a mask left in: ``*`` ``**`` ``X`` ``XX`` standing for a name,
                 place or number (not: 3*5, a footnote 5%*, X光, 5G, GMP, a
                 ``***`` separator line, Markdown ``**bold**`` in .md, X next to
                 + or × as in 1+N+X)
D102   error     an unfilled placeholder: ``【待补：…】`` (what ``drafter render``
                 leaves), ``{{…}}``, ``××``, ``某某`` (one × is a multiplication
                 or a policy name: “数据要素×”行动, 7×24小时)
D201   error     headings of one set out of sequence, skipping or repeating
                 (一、 二、 四、); a restart at 1 begins a new set; 第一， under
                 一、 is the level below it; 首先/其次 stand for items 1 and 2
                 of a 第N， run; ``20.2026年…`` is item 20; an arabic list may
                 go on from the last chapter's number (18. 19. 20.)
D202   error     mixed numbering styles in one set (一、 二、 第三，; 1. and 2、)
D203   error     一是/二是 (or 第一，/第二，, 首先/其次) inside paragraphs that skip,
                 repeat or go back; each heading starts a new enumeration; a
                 byline or dateline glued before 第一， does not hide it
D204   error     （一） before the first 一、 of a speech with a 一、 set (2+);
                 （一） as the top level of a speech without 一、 is fine
D301   warning   sibling headings of very different length (one at least twice
                 or at most half the others' median, and 8+ characters apart)
D302   warning   all sibling headings but one share a frame (``frames.frame_of``,
                 as the bank mines it) and that one breaks it; a frame made only
                 of the speech's subject (key terms, formulations, title words),
                 or without a content word (在…中…的), does not count; long
                 chapter titles (16+ characters) of a 报告 are not held to one
                 (D301, D302: the customary last chapter — 党的建设, 自身建设,
                 下一步努力方向, 竞聘优势 — stands outside the set; a notice's
                 chapters 时间/地点/参会人员 are fields, not checked)
D401   warning   a whole clause (between ，。；：！？, not 、) of 6+ Chinese
                 characters used again within 12 paragraphs, whole or as the
                 start or end of another clause; text in “” and 《》 is left
                 out, and it must hold 5+ characters besides the speech's key
                 terms (4-character words used 4+ times), title words and set
                 formulations (党的二十大精神, 坚持以…为指导, 以…为首要任务,
                 团结带领…人民, 赓续红色血脉…); the frame of one parallel
                 structure, a heading (or an 一是 item's lead) announced in its
                 section or restated in its own elaboration, the opening echoed
                 by the closing (first and last fifth of the body), names of
                 organisations and a notice's contact lines are fine; a
                 duplicated paragraph is D402's; reported once per phrase
D402   warning   the same paragraph (30+ characters) written twice: one finding
D501   warning   half-width , ; : ? ! ( ) " in Chinese text (one finding a line)
D502   error     unmatched “ ” 《 》 （ ） in a paragraph (a quotation running on
                 over paragraphs, and 1） list numbers, are fine)
D503   warning   doubled punctuation: ，， 。。 ，。 、、 ！！ …
D601   warning   a sentence over 120 characters without 。！？；(or ……) whose
                 clauses are long (a chain of short clauses counts past 240)
D602   warning   a line over 1,000 characters as written (no paragraph breaks;
                 judged before the speech model splits a one-line text)
D603   warning   a sentence glued from a fragment: 我们将/要 + no verb, or + 的…
D701   warning   a salutation missing (report 汇报发言, speech 讲话, address 致辞)
D702   warning   a closing missing (report, seminar; speech: an exhortation
                 or 就讲这些;
                 address: 预祝…圆满成功/谢谢; host: 散会)
D703   warning   a host script (主持词) that never says 现在开会
D801   warning   an ended plan period (“十四五” in a 2026 speech), not in retrospect
D802   warning   今年 that is another year (今年是“十四五”收官之年 in 2026)
D803   warning   a past event as a current task (疫情防控 after 2022)
D804   warning   a meeting superseded by a later one (十九届六中全会精神 in 2026)
D901   warning   copied verbatim from a past speech (``--against``)
=====  ========  =============================================================

Punctuation rules (D501-D503) read the text as written; the others read the
speech model (``drafter.text.speech``), where punctuation width is normalised.
In a .docx, headers, footers and notes are checked for D101, D102 and
D501-D503 (the message names the part). ``--fix`` (``drafter.check.fix``)
corrects D501, D503 and a D502 “ “ pair whose fix is certain.

>>> [(f.code, f.line) for f in check_text("各位领导：\\n一、抓项目\\n三、抓招商\\n")]
[('D201', 3)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from drafter.atomic import os_reason
from drafter.check.archive import Archive, load_archive
from drafter.check.dated import speech_date
from drafter.check.docx_parts import Piece, read_docx
from drafter.check.genre import genre_of
from drafter.check.masks import mask_hits, placeholder_hits
from drafter.check.punctuation import half_width_hits, pair_hits
from drafter.check.rules import RULES, Context, gram_counts
from drafter.check.suppress import Ignores, prepare_lines, silenced
from drafter.errors import CorpusError, ReadError, UsageError
from drafter.text.reader import (
    SUPPORTED_SUFFIXES,
    check_readable,
    decode,
    iter_corpus,
    normalise,
    read_lines,
)
from drafter.text.speech import GENRES, Speech, parse_lines

SEVERITY = {
    "D101": "error", "D102": "error",
    "D201": "error", "D202": "error", "D203": "error", "D204": "error",
    "D301": "warning", "D302": "warning",
    "D401": "warning", "D402": "warning",
    "D501": "warning", "D502": "error", "D503": "warning",
    "D601": "warning", "D602": "warning", "D603": "warning",
    "D701": "warning", "D702": "warning", "D703": "warning",
    "D801": "warning", "D802": "warning", "D803": "warning", "D804": "warning",
    "D901": "warning",
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
    when: date | None = None,
    archive: Archive | None = None,
    ignores: Ignores | None = None,
) -> list[Finding]:
    """Check one parsed speech. ``raw`` maps line numbers to the text as written
    (for the punctuation rules); without it the blocks' text is used.
    ``genre`` overrides the genre detected from the title and closing; ``when``
    the date found in the speech; ``archive`` enables D901; ``ignores`` are the
    lines the writer silenced.
    """
    if raw is None:
        raw = {}
        for b in speech.blocks:
            raw[b.line] = raw.get(b.line, "") + b.text if b.runin else b.text
    title = " ".join(b.text for b in speech.blocks if b.kind in ("title", "subtitle"))
    ctx = Context(
        speech, genre or genre_of(speech), raw, markdown, gram_counts(speech), title,
        when or speech_date(speech), archive,
    )
    skip = set(ignore)
    ignores = ignores or {}
    out = [
        Finding(h.code, SEVERITY[h.code], path, h.line, h.excerpt, h.message)
        for rule in RULES
        for h in rule(ctx)
        if h.code not in skip and not silenced(ignores, h.line, h.code)
    ]
    return sorted(out, key=lambda f: (f.line, f.code))


def _piece_findings(pieces: list[Piece], path: str, ignore: set[str], ignores: Ignores) -> list[Finding]:
    """Masks, placeholders and punctuation in a .docx's headers, footers and notes."""
    out: list[Finding] = []
    for pc in pieces:
        text = normalise(pc.text)
        hits = [
            *mask_hits(text, pc.line), *placeholder_hits(text, pc.line),
            *half_width_hits(pc.text, pc.line), *pair_hits(pc.text, pc.line),
        ]
        for h in hits:
            if h.code in ignore or silenced(ignores, h.line, h.code):
                continue
            out.append(Finding(h.code, SEVERITY[h.code], path, h.line, h.excerpt, f"{pc.where}：{h.message}"))
    return out


def _check_lines(lines: list[tuple[int, str]], raw: list[str], path: str, genre: str | None,
                 ignore: Iterable[str], markdown: bool, when: date | None = None,
                 archive: Archive | None = None, ignores: Ignores | None = None) -> list[Finding]:
    out: list[Finding] = []
    for sp in parse_lines(lines, path):
        mine = {b.line for b in sp.blocks}
        sp_raw = {n: raw[n - 1].strip() for n in sorted(mine) if 0 < n <= len(raw)}
        out.extend(check_speech(sp, path, genre, sp_raw, ignore, markdown, when, archive, ignores))
    return out


def _docx_lines(body: list[str]) -> list[tuple[int, str]]:
    """Numbered lines of a .docx's paragraphs, as ``drafter.text.reader`` makes them."""
    from drafter.text.reader import clean_line

    return [(i, normalise(clean_line(t.replace("\n", "")))) for i, t in enumerate(body, 1)]


def _lines_of(raw: list[str], markdown: bool) -> list[tuple[int, str]]:
    """Numbered, normalised lines as the reader makes them from text (ignore comments
    and code fences already blanked)."""
    from drafter.text import reader

    lines = (reader.md_lines if markdown else reader.text_lines)("\n".join(raw))
    return lines + [(n, "") for n in range(len(lines) + 1, len(raw) + 1)]


def check_file(
    path: Path | str, genre: str | None = None, ignore: Iterable[str] = (),
    when: date | None = None, archive: Archive | None = None,
) -> list[Finding]:
    """Check every speech in one file. Raises ReadError naming the file when it cannot be read."""
    if genre is not None and genre not in GENRES:
        raise UsageError(f"未知文种“{genre}”；可用文种：{'、'.join(GENRES)}")
    p = Path(path)
    suffix = p.suffix.lower()
    ignore = set(ignore)
    if suffix == ".docx":
        doc = read_docx(p)  # raises ReadError for a missing, corrupt or oversized file
        lines = _docx_lines(doc.body)
        raw = [t.replace("\n", "") for t in doc.body]
        out = _check_lines(lines, raw, str(path), genre, ignore, False, when, archive, doc.ignores)
        out.extend(_piece_findings(doc.pieces, str(path), ignore, doc.ignores))
        return sorted(out, key=lambda f: (f.line, f.code))
    if suffix not in SUPPORTED_SUFFIXES:
        read_lines(p)  # names the unsupported suffix
    check_readable(p)  # a regular file we may read: missing, a folder, a FIFO, a link loop each named
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(p, f"读取失败（{os_reason(e)}）；请检查磁盘或文件权限") from e
    raw, ignores = prepare_lines(decode(data, p).splitlines())
    md = suffix == ".md"
    lines = _lines_of(raw, md)
    return _check_lines(lines, raw, str(path), genre, ignore, md, when, archive, ignores)


def check_text(
    text: str, genre: str | None = None, path: str = "<文本>", ignore: Iterable[str] = (),
    when: date | None = None, archive: Archive | None = None,
) -> list[Finding]:
    """Check speeches given as a string (lines numbered from 1)."""
    raw, ignores = prepare_lines(text.splitlines())
    lines = _lines_of(raw, False)
    return _check_lines(lines, raw, path, genre, ignore, False, when, archive, ignores)


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
        elif not p.exists() and not p.is_symlink() and p.suffix.lower() in SUPPORTED_SUFFIXES:
            bad.append(ReadError(p, "文件不存在；请检查路径"))
        else:
            files.append(p)  # read_lines names an unsupported suffix or an unreadable file
    return files, bad


def check_paths(
    paths: Sequence[Path | str], genre: str | None = None, ignore: Iterable[str] = (),
    when: date | None = None, against: Path | str | None = None,
) -> tuple[list[Finding], list[ReadError]]:
    """Check files and folders: (findings of every readable file, errors of the unreadable ones)."""
    if genre is not None and genre not in GENRES:
        raise UsageError(f"未知文种“{genre}”；可用文种：{'、'.join(GENRES)}")
    ignore = set(ignore)
    files, unreadable = expand_paths(paths)
    archive = None
    if against is not None:
        archive = load_archive(against, {f.resolve() for f in files if f.exists()})
    findings: list[Finding] = []
    for f in files:
        try:
            findings.extend(check_file(f, genre, ignore, when, archive))
        except ReadError as e:
            unreadable.append(e)
    return sorted(findings, key=lambda f: (f.path, f.line, f.code)), unreadable


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

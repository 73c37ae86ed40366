"""Rendering an outline to a file: .docx (GB/T 9704), .txt or .md.

``render_outline`` is ``drafter render`` from Python; ``new_outline`` is
``drafter new``; ``template_keys`` backs ``drafter templates show``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from drafter.atomic import check_target, write_text
from drafter.draft.compose import Draft, compose, markdown
from drafter.draft.outline import load_outline
from drafter.draft.templates import environment, find_template
from drafter.errors import OutlineError, UsageError

FORMATS = ("docx", "txt", "md", "json")


@dataclass
class RenderResult:
    draft: Draft
    target: Path | None  # None when written to standard output
    format: str

    @property
    def missing(self) -> list[str]:
        """Every placeholder left in the draft, in order, once each."""
        return self.draft.missing


def resolve_output(outline_path: Path, out: str | Path | None, fmt: str | None) -> tuple[Path | None, str]:
    """Decide the target file and format from ``-o`` and ``--format``."""
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"不支持的格式“{fmt}”；可选：{'、'.join(FORMATS)}")
    if out is None:
        fmt = fmt or "docx"
        return outline_path.with_suffix(f".{fmt}"), fmt
    if str(out) == "-":
        fmt = fmt or "txt"  # -o - : standard output
        if fmt == "docx":
            raise UsageError("Word 文件不能输出到标准输出；请用 -o 指定 .docx 文件名，或加 --format txt/md")
        return None, fmt
    target = Path(out)
    suffix = target.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        if fmt is not None and fmt != suffix:
            raise UsageError(f"--format {fmt} 与输出文件 {target} 的扩展名 .{suffix} 不一致；请改用 .{fmt} 或去掉 --format")
        return target, suffix
    if fmt is None:
        raise UsageError(f"无法从 {target} 的扩展名判断格式；请用 .docx、.txt、.md、.json 结尾，或加 --format")
    return target, fmt


def check_options(length: int | None, alternatives: int) -> None:
    """Refuse a non-positive --length or a negative --alternatives before anything is read or written."""
    if length is not None and length <= 0:
        raise UsageError(f"--length 必须是正整数（收到 {length}），表示草稿的目标字数；省略则按文种常见篇幅")
    if alternatives < 0:
        raise UsageError(f"--alternatives 不能为负数（收到 {alternatives}）；0 表示不列备选")


def render_outline(
    outline_path: Path | str,
    out: str | Path | None = None,
    fmt: str | None = None,
    seed: int = 0,
    bank_dir: Path | str | None = None,
    templates: Path | str | None = None,
    force: bool = False,
    strict: bool = False,
    length: int | None = None,
    alternatives: int = 3,
    comments: bool = True,
    list_alternatives: bool = False,
    *,
    page_numbers: str = "center",
    reference: Path | str | None = None,
) -> RenderResult:
    """Compose the outline and write the draft. Nothing is written when anything fails.

    ``comments``: bank sentences carry Word comments (source, alternatives) in
    a .docx; ``list_alternatives``: .txt and .md list them after the draft.
    """
    from drafter.draft.retrieve import open_bank

    check_options(length, alternatives)
    outline_path = Path(outline_path)
    outline = load_outline(outline_path)
    target, fmt = resolve_output(outline_path, out, fmt)
    if target is not None:
        check_target(target, force)
    draft = compose(outline, open_bank(bank_dir), seed, templates, length, alternatives)
    result = RenderResult(draft, target, fmt)
    if strict and result.missing:
        raise OutlineError(
            f"草稿中仍有 {len(result.missing)} 项待补内容（--strict）：{'、'.join(result.missing)}；"
            f"请在提纲 {outline_path} 的 vars 中填写，或在提纲正文中补齐；未写入任何文件"
        )
    if fmt == "docx":
        from drafter.word.docx_writer import write_docx

        notes = word_notes(draft, alternatives) if comments else ()
        write_docx(draft.speech, target, force=force, notes=notes,  # type: ignore[arg-type]
                   page_numbers=page_numbers, reference=reference)
        return result
    if fmt == "json":
        import json

        text = json.dumps(draft.to_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = draft.text if fmt == "txt" else markdown(draft.speech)
        if list_alternatives:
            text += alternatives_text(draft, alternatives, fmt)
    if target is None:
        sys.stdout.write(text)
    else:
        write_text(target, text, force)
    return result


def _source_line(p: object) -> str:
    """“seeds/001.txt 第 4 行（2023 年）”, and how many more speeches use it."""
    sources = getattr(p, "sources", None) or []
    if not sources:
        return "来源不详"
    s = sources[0]
    year = s.get("year") or getattr(p, "year", None)
    more = f"，另见 {len(sources) - 1} 处" if len(sources) > 1 else ""
    return f"{s.get('doc', '')} 第 {s.get('line', 0)} 行" + (f"（{year} 年）" if year else "") + more


def _original(use: object) -> str:
    """The phrase as the bank holds it, when the draft placed it changed (slots filled, 全市 made
    全县, 要 dropped from a requirement made a measure); "" when placed as it is."""
    p = use.phrase
    placed = "".join(use.items) if use.items else use.text
    held = "".join(p.items) if getattr(p, "items", None) else p.text
    bare = "".join(ch for ch in placed if ch not in "。！？；，、 ")
    return "" if bare == "".join(ch for ch in held if ch not in "。！？；，、 ") else p.text


def word_notes(draft: Draft, alternatives: int = 3) -> list:
    """A Word comment on every bank sentence: its source and the alternatives for its place."""
    from drafter.word.notes import Note

    notes = []
    for i, sents in enumerate(draft.traced.blocks):
        done: set[int] = set()
        for s in sents:
            if s.origin != "bank" or s.use is None or id(s.use) in done:
                continue
            done.add(id(s.use))
            # one comment for a phrase's run of sentences in this block
            run = [t for t in sents if t.use is s.use]
            lines = [f"表达库：{s.use.phrase.id}，出自 {_source_line(s.use.phrase)}"]
            original = _original(s.use)
            if original:
                lines.append(f"原文：{original}")
            alts = s.use.alternatives[:alternatives]
            for n, (p, text) in enumerate(alts, 1):
                lines.append(f"备选{n}：{text}（{_source_line(p)}）")
            notes.append(Note(i, run[0].start, run[-1].end, "\n".join(lines)))
    return notes


def alternatives_text(draft: Draft, alternatives: int, fmt: str) -> str:
    """The sources and alternatives of every bank sentence, listed after the draft."""
    rule = "\n---\n\n" if fmt == "md" else "\n————————\n"
    out = [rule + "表达库来源与备选（供选择替换）：\n"]
    n = 0
    for u in draft.uses:
        n += 1
        out.append(f"\n{n}. {u.text}\n   出自 {_source_line(u.phrase)}\n")
        original = _original(u)
        if original:
            out.append(f"   原文：{original}\n")
        for k, (p, text) in enumerate(u.alternatives[:alternatives], 1):
            out.append(f"   备选{k}：{text}（{_source_line(p)}）\n")
    return "".join(out) if n else ""


def summary(draft: Draft) -> str:
    """The render summary: length against the target, where the characters came from, what remains."""
    by = draft.by_origin()
    real = draft.real_chars
    share = f"，达到目标 {draft.target} 字的 {real * 100 // max(1, draft.target)}%" if draft.target else ""
    return (
        f"{draft.chars} 字（实际内容 {real} 字{share}），按每分钟约 220 字计，讲话约 {draft.minutes:.1f} 分钟；"
        f"来自提纲 {by['outline']} 字、表达库 {by['bank']} 字（{len(draft.uses)} 处）、模板 {by['template']} 字；"
        f"待补 {draft.scaffolds} 处。"
    )


def example_text(genre: str, templates: Path | str | None = None) -> str:
    """The commented example outline of a genre."""
    from drafter.bank.store import data_dir

    info = find_template(genre, templates)
    example = data_dir("examples") / f"{genre}.yaml"
    if example.is_file():
        return example.read_text(encoding="utf-8")
    # A user's genre without its own example: the report example, retargeted.
    base = (data_dir("examples") / "report.yaml").read_text(encoding="utf-8")
    return re.sub(r"(?m)^genre: .*$", f"genre: {genre}", base).replace(
        "# 汇报发言提纲示例（drafter new report 生成）", f"# {info.name}提纲示例（drafter new {genre} 生成）"
    )


def new_outline(genre: str, out: str | Path | None = None, templates: Path | str | None = None,
                force: bool = False) -> Path | None:
    """Write the example outline for ``genre`` (to standard output when ``out`` is '-')."""
    text = example_text(genre, templates)
    if out is not None and str(out) == "-":
        sys.stdout.write(text)
        return None
    target = Path(out) if out is not None else Path(f"{genre}.yaml")
    return write_text(target, text, force)


# Template functions taking a section, and the section fields they read.
_SECTION_FUNCTIONS = {
    "heading": ("heading", "keywords"),
    "lead": ("heading", "lead", "points[].text"),
    "body": ("heading", "lead", "points[].text", "points[].detail", "subsections"),
}


def template_keys(genre: str, templates: Path | str | None = None) -> list[str]:
    """The outline keys a genre's template reads (following its imports)."""
    import jinja2
    from jinja2 import nodes

    env = environment(templates)
    info = find_template(genre, templates)
    seen_files: set[str] = set()
    keys: dict[str, None] = {}
    prefixes = {
        "o": "", "outline": "",
        "s": "sections[].", "section": "sections[].",
        "sub": "sections[].subsections[].",
        "p": "sections[].points[].", "point": "sections[].points[].",
    }

    def walk(name: str) -> None:
        if name in seen_files:
            return
        seen_files.add(name)
        try:
            source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
            tree = env.parse(source)
        except jinja2.TemplateError:
            return
        for node in tree.find_all(nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name in prefixes:
                keys.setdefault(prefixes[node.node.name] + node.attr, None)
        for node in tree.find_all(nodes.Call):
            # heading(s), mv.body(s, …), mv.lead(s): the section fields those functions read
            fn = node.node
            name = fn.name if isinstance(fn, nodes.Name) else fn.attr if isinstance(fn, nodes.Getattr) else ""
            arg = node.args[0] if node.args else None
            if name in _SECTION_FUNCTIONS and isinstance(arg, nodes.Name) and arg.name in prefixes:
                for field in _SECTION_FUNCTIONS[name]:
                    keys.setdefault(prefixes[arg.name] + field, None)
        for node in tree.find_all((nodes.Import, nodes.FromImport, nodes.Include, nodes.Extends)):
            if isinstance(node.template, nodes.Const):
                walk(node.template.value)

    walk(info.path.name)
    return list(keys)


__all__ = [
    "FORMATS",
    "RenderResult",
    "alternatives_text",
    "check_options",
    "example_text",
    "new_outline",
    "render_outline",
    "resolve_output",
    "summary",
    "template_keys",
    "word_notes",
]

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
from drafter.draft.compose import Draft, compose, environment, find_template, markdown
from drafter.draft.outline import load_outline
from drafter.errors import OutlineError, UsageError

FORMATS = ("docx", "txt", "md")


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
        fmt = fmt or "txt"
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
        raise UsageError(f"无法从 {target} 的扩展名判断格式；请用 .docx、.txt、.md 结尾，或加 --format")
    return target, fmt


def render_outline(
    outline_path: Path | str,
    out: str | Path | None = None,
    fmt: str | None = None,
    seed: int = 0,
    bank_dir: Path | str | None = None,
    templates: Path | str | None = None,
    force: bool = False,
    strict: bool = False,
    *,
    page_numbers: str = "center",
    reference: Path | str | None = None,
) -> RenderResult:
    """Compose the outline and write the draft. Nothing is written when anything fails."""
    from drafter.bank.store import load_bank

    outline_path = Path(outline_path)
    outline = load_outline(outline_path)
    target, fmt = resolve_output(outline_path, out, fmt)
    if target is not None:
        check_target(target, force)
    draft = compose(outline, load_bank(bank_dir), seed, templates)
    result = RenderResult(draft, target, fmt)
    if strict and result.missing:
        raise OutlineError(
            f"草稿中仍有 {len(result.missing)} 项待补内容（--strict）：{'、'.join(result.missing)}；"
            f"请在提纲 {outline_path} 的 vars 中填写，或在提纲正文中补齐；未写入任何文件"
        )
    if fmt == "docx":
        from drafter.word.docx_writer import write_docx

        write_docx(draft.speech, target, force=force,  # type: ignore[arg-type]
                   page_numbers=page_numbers, reference=reference)
    else:
        text = draft.text if fmt == "txt" else markdown(draft.speech)
        if target is None:
            sys.stdout.write(text)
        else:
            write_text(target, text, force)
    return result


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
        for node in tree.find_all((nodes.Import, nodes.FromImport, nodes.Include, nodes.Extends)):
            if isinstance(node.template, nodes.Const):
                walk(node.template.value)

    walk(info.path.name)
    return list(keys)


__all__ = [
    "FORMATS",
    "RenderResult",
    "example_text",
    "new_outline",
    "render_outline",
    "resolve_output",
    "template_keys",
]

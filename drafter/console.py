"""Human-readable terminal output: tables that fit the terminal, progress bars.

Only the CLI uses this module; the library returns data.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.kinds import FACT_TYPES, GENRE_NAMES, KIND_NAMES, LEVEL_NAMES, PHRASE_KINDS

if TYPE_CHECKING:
    from drafter.bank.mine import MineStats
    from drafter.bank.store import Phrase

def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def progress_bar(label: str) -> Iterator:
    """Yield a ``progress(done, total)`` callback; a bar only on a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=_console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def mine_summary(out: Path, stats: MineStats, phrases: Sequence[Phrase], seconds: float) -> None:
    from collections import Counter

    from rich.table import Table

    con = _console()
    table = Table(title=f"表达库已写入 {out}", show_header=True, header_style="bold")
    table.add_column("项目")
    table.add_column("数量", justify="right")
    table.add_row("读取文件", str(stats.files))
    table.add_row("讲话篇数", str(stats.speeches))
    table.add_row("跳过文件", str(len(stats.skipped)))
    counts = Counter(p.kind for p in phrases)
    for kind in PHRASE_KINDS:
        table.add_row(f"  {KIND_NAMES[kind]}（{kind}）", str(counts.get(kind, 0)))
    table.add_row("表达合计", str(len(phrases)))
    table.add_row("  其中带具体事实", str(sum(1 for p in phrases if p.facts)))
    table.add_row("用时", f"{seconds:.1f} 秒")
    con.print(table)
    if stats.skipped:
        err = _console(stderr=True)
        err.print("以下文件已跳过：")
        for doc, reason in stats.skipped:
            err.print(f"  {doc}：{reason}", markup=False)


def _source_str(src: dict) -> str:
    lines = src.get("lines")
    where = f"第 {'、'.join(map(str, lines))} 行" if lines else f"第 {src['line']} 行"
    return f"{src['doc']} {where}"


def phrase_table(phrases: Sequence[Phrase], title: str = "") -> None:
    from rich.table import Table

    con = _console()
    table = Table(title=title or None, show_header=True, header_style="bold", expand=False)
    # Fixed columns, then the text gets what is left of the terminal (CJK is two cells wide).
    widths = {"编号": 12, "类别": 8, "文种": 12, "层级": 4, "年份": 4, "次数": 4, "事实": 4}
    for name, w in widths.items():
        table.add_column(name, no_wrap=True, min_width=w, justify="right" if name in ("次数", "年份") else "left")
    rest = max(16, con.width - sum(widths.values()) - 3 * (len(widths) + 1) - 2)
    table.add_column("内容", overflow="ellipsis", no_wrap=True, max_width=rest)
    for p in phrases:
        table.add_row(
            p.id, KIND_NAMES.get(p.kind, p.kind), GENRE_NAMES.get(p.genre, p.genre),
            LEVEL_NAMES.get(p.level, p.level), str(p.year or ""), str(p.count),
            str(len(p.facts)) if p.facts else "", p.text,
        )
    con.print(table)
    if not phrases:
        con.print("没有符合条件的条目。")


def _counts(names: dict[str, str], counts: dict[str, int]) -> str:
    return "、".join(f"{names.get(k, k)}×{n}" for k, n in counts.items())


def phrase_detail(p: Phrase, contexts: dict[int, list[tuple[int, str]]], roots: Sequence[str] = ()) -> None:
    from drafter.bank.store import missing_source_note

    con = _console()
    out = [
        f"编号：{p.id}",
        f"类别：{KIND_NAMES.get(p.kind, p.kind)}（{p.kind}）",
        f"文种：{_counts(GENRE_NAMES, p.genres) or GENRE_NAMES.get(p.genre, p.genre)}",
        f"层级：{_counts(LEVEL_NAMES, p.levels) or LEVEL_NAMES.get(p.level, p.level)}",
        f"年份：{p.year if p.year is not None else '不详'}",
        f"出现次数：{p.count}",
        f"内容：{p.text}",
    ]
    if p.items:
        out.append("各项：")
        out.extend(f"  {i}. {item}" for i, item in enumerate(p.items, 1))
    if p.context:
        out.append(f"所在小标题：{p.context}")
    if p.facts:
        out.append("具体事实（套用前须核改）：" + "；".join(
            f"{FACT_TYPES.get(f['type'], f['type'])} {f['text']}" for f in p.facts))
    else:
        out.append("具体事实：无")
    if p.frame:
        out.append(f"句式：{p.frame}")
    if p.slots:
        out.append(f"待填项：{'、'.join(p.slots)}")
    if p.keywords:
        out.append(f"关键词：{'、'.join(p.keywords)}")
    out.append(f"出处（{len(p.sources)} 处）：")
    for i, src in enumerate(p.sources):
        out.append(f"  [{i + 1}] {_source_str(src)}")
        ctx = contexts.get(i)
        if ctx is None:
            out.append(f"      （{missing_source_note(src['doc'], roots)}）")
            continue
        for n, line in ctx:
            mark = "▶" if n == src["line"] or n in src.get("lines", ()) else " "
            out.append(f"    {mark}{n:>5} │ {line}")
    if p.count > len(p.sources):
        out.append(f"  ……另有 {p.count - len(p.sources)} 处出处未列出")
    for line in out:
        con.print(line, markup=False)


def bank_stats(path: Path, st: dict) -> None:
    from rich.table import Table

    con = _console()
    con.print(f"表达库：{path}（共 {st['phrases']} 条，其中带具体事实的 {st.get('with_facts', 0)} 条）", markup=False)
    for title, column, rows in (
        ("按类别", "类别", [(f"{KIND_NAMES[k]}（{k}）", n) for k, n in st["by_kind"].items()]),
        ("按文种", "文种", [(f"{GENRE_NAMES.get(g, g)}（{g}）", n) for g, n in st["by_genre"].items()]),
        ("按层级", "层级", [(f"{LEVEL_NAMES.get(g, g)}（{g}）", n) for g, n in st.get("by_level", {}).items()]),
        ("按年份", "年份", list(st.get("by_year", {}).items())),
        ("带事实的条数（按事实类型）", "事实类型", [(f"{FACT_TYPES.get(t, t)}（{t}）", n) for t, n in st.get("by_fact", {}).items()]),
        ("主要来源", "文件", st["top_sources"]),
    ):
        if not rows:
            continue
        t = Table(title=title, header_style="bold")
        t.add_column(column, overflow="fold")
        t.add_column("条数", justify="right")
        for name, n in rows:
            t.add_row(str(name), str(n))
        con.print(t)


def templates_table(infos: Sequence) -> None:
    from rich.table import Table

    con = _console()
    table = Table(header_style="bold")
    table.add_column("文种", no_wrap=True)
    table.add_column("名称", no_wrap=True)
    table.add_column("来源", no_wrap=True)
    table.add_column("模板", overflow="fold")
    for t in infos:
        table.add_row(t.genre, t.name, "用户" if t.user else "内置", str(t.path))
    con.print(table)

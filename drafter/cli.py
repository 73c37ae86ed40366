"""The ``drafter`` command line: parses options and calls the library.

Every DrafterError is caught once in ``main``: its 简体中文 message goes to
stderr and the process exits non-zero, without a traceback.
"""

# No ``from __future__ import annotations`` here: Typer reads every command's
# annotations when it builds the app, and string annotations would be eval'd
# (parsed and compiled) on each run, about 10 ms of every command's start-up.
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from drafter import __version__
from drafter.errors import DrafterError, UsageError

app = typer.Typer(
    name="drafter",
    help="drafter：离线起草讲话稿。从您自己的讲话稿语料中提炼表达库，按提纲生成 Word 草稿，并检查草稿中的常见错误。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
phrases_app = typer.Typer(
    help="浏览、搜索表达库（称谓、开头、并列标题、一是二是、表态、结尾等）。",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(phrases_app, name="phrases")

# --- shared options ---------------------------------------------------------

BankOpt = Annotated[
    Path | None,
    typer.Option("--bank", help="表达库文件夹；默认依次为 $DRAFTER_BANK、./phrasebank、内置表达库。", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="以 JSON 数组输出，便于其他程序读取。")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", help="最多列出几条；0 表示全部。")]
KindOpt = Annotated[
    str | None,
    typer.Option("--kind", "-k", help="只看某类：title salutation opening transition heading lead parallel pledge closing。", show_default=False),
]


def _check_kind(kind: str | None) -> None:
    from drafter.kinds import PHRASE_KINDS

    if kind is not None and kind not in PHRASE_KINDS:
        raise UsageError(f"未知类别“{kind}”；可用类别：{'、'.join(PHRASE_KINDS)}")


def _check_genre(genre: str | None) -> None:
    from drafter.text.speech import GENRES

    if genre is not None and genre not in GENRES:
        raise UsageError(f"未知文种“{genre}”；可用文种：{'、'.join(GENRES)}")


def _print_phrases(found: list, limit: int, as_json: bool, title: str) -> None:
    """The first ``limit`` phrases (0: all) as a JSON array or a table."""
    from drafter import console

    if limit < 0:
        raise UsageError(f"--limit 不能为负数（收到 {limit}）；0 表示全部")
    shown = found if limit == 0 else found[:limit]
    if as_json:
        console.print_json([p.to_json() for p in shown])
    else:
        console.phrase_table(shown, f"{title}，显示 {len(shown)} 条")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"drafter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出。")
    ] = False,
) -> None:
    """drafter：离线起草讲话稿。"""


# --- mine -------------------------------------------------------------------


@app.command("mine")
def mine_cmd(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="语料文件或文件夹（递归读取 .txt/.md/.docx）；省略则使用内置语料 seeds/。", show_default=False),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="表达库输出文件夹。")] = Path("phrasebank"),
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="并行进程数；默认等于 CPU 核数。", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="输出文件夹已有非表达库文件时仍然替换。")] = False,
) -> None:
    """从讲话稿语料中提炼表达库（每条表达都注明出处）。"""
    from drafter import console
    from drafter.bank import store as bank

    started = time.perf_counter()
    with console.progress_bar("提炼中") as progress:
        out_dir, stats, phrases = bank.build_bank(
            paths or [], out, jobs if jobs is not None else (os.cpu_count() or 1), force, progress
        )
    console.mine_summary(out_dir, stats, phrases, time.perf_counter() - started)


# --- phrases ----------------------------------------------------------------


LevelOpt = Annotated[
    str | None,
    typer.Option("--level", help="只看某层级讲话中的表达：national provincial municipal county township enterprise unknown。", show_default=False),
]
YearOpt = Annotated[
    str | None,
    typer.Option("--year", help="只看某年讲话中的表达：2024、2020-（此后）、-2019（此前）或 2020-2024。", show_default=False),
]
NoFactsOpt = Annotated[
    bool, typer.Option("--no-facts", help="只看不带具体事实（年份、数字、届次、地名、人名等）的表达，可直接套用。")
]
GenreOpt = Annotated[
    str | None,
    typer.Option("--genre", "-g", help="只看某文种：report seminar discussion pledge sharing speech address host work_report other。", show_default=False),
]


def _check_level(level: str | None) -> None:
    from drafter.kinds import LEVEL_NAMES

    if level is not None and level not in LEVEL_NAMES:
        raise UsageError(f"未知层级“{level}”；可用层级：{'、'.join(LEVEL_NAMES)}")


def _check_filters(kind: str | None, genre: str | None, level: str | None, year: str | None, limit: int) -> None:
    from drafter.bank.index import parse_years

    _check_kind(kind)
    _check_genre(genre)
    _check_level(level)
    parse_years(year)
    if limit < 0:
        raise UsageError(f"--limit 不能为负数（收到 {limit}）；0 表示全部")


def _open_index(bank_dir: Path | None):
    from drafter.bank.index import BankIndex
    from drafter.bank.store import resolve_bank_dir

    return BankIndex.open(resolve_bank_dir(bank_dir))


@phrases_app.command("list")
def phrases_list(
    kind: KindOpt = None,
    genre: GenreOpt = None,
    level: LevelOpt = None,
    year: YearOpt = None,
    no_facts: NoFactsOpt = False,
    limit: LimitOpt = 50,
    as_json: JsonOpt = False,
    bank_dir: BankOpt = None,
) -> None:
    """列出表达库中的条目（可按类别、文种、层级、年份筛选，或只看不带具体事实的）。"""
    _check_filters(kind, genre, level, year, limit)
    with _open_index(bank_dir) as idx:
        filters = {"kind": kind, "genre": genre, "level": level, "year": year, "no_facts": no_facts}
        total = idx.count(**filters)
        found = idx.select(**filters, limit=limit)
        _print_phrases(found, 0, as_json, f"{idx.path}：共 {total} 条")


@phrases_app.command("search")
def phrases_search(
    query: Annotated[str, typer.Argument(help="要查找的词或句子片段。")],
    kind: KindOpt = None,
    genre: GenreOpt = None,
    level: LevelOpt = None,
    year: YearOpt = None,
    no_facts: NoFactsOpt = False,
    limit: LimitOpt = 20,
    as_json: JsonOpt = False,
    bank_dir: BankOpt = None,
) -> None:
    """按字面和词语搜索表达库：含有该片段的在前，其次是用词相近的。"""
    _check_filters(kind, genre, level, year, limit)
    with _open_index(bank_dir) as idx:
        total, found = idx.search_page(
            query, kind=kind, genre=genre, level=level, year=year, no_facts=no_facts, limit=limit
        )
        from drafter.bank.index import COUNT_CAP

        many = f"超过 {COUNT_CAP}" if total > COUNT_CAP else str(total)
        _print_phrases(found, 0, as_json, f"“{query}”：{many} 条含有此片段（在前），其后为用词相近的")


@phrases_app.command("show")
def phrases_show(
    phrase_id: Annotated[str, typer.Argument(metavar="ID", help="条目编号（可只写开头几位）。")],
    as_json: JsonOpt = False,
    bank_dir: BankOpt = None,
) -> None:
    """显示一条表达的全部内容：事实、层级、年份、所在小标题和每处出处的上下文。"""
    from drafter import console
    from drafter.bank import store as bank

    with _open_index(bank_dir) as idx:
        p = idx.get(phrase_id)
        contexts = bank.source_context(idx, p)
        roots = idx.manifest.get("roots", [])
    if as_json:
        rec = p.to_json()
        for i, src in enumerate(rec["sources"]):
            if i in contexts:
                src["context"] = [{"line": n, "text": t} for n, t in contexts[i]]
            else:
                src["context"] = []
                src["missing"] = bank.missing_source_note(src["doc"], roots)
        console.print_json(rec)
        return
    console.phrase_detail(p, contexts, roots)


@phrases_app.command("stats")
def phrases_stats(as_json: JsonOpt = False, bank_dir: BankOpt = None) -> None:
    """统计表达库：各类别、文种、层级、年份条数，带事实的条数和主要来源。"""
    from drafter import console

    with _open_index(bank_dir) as idx:
        st = idx.stats()
        if as_json:
            console.print_json({"bank": str(idx.path), **st})
            return
        console.bank_stats(idx.path, st)


# --- templates, new, render -------------------------------------------------

templates_app = typer.Typer(help="查看各文种的模板（内置的和 --templates 提供的）。", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(templates_app, name="templates")

TemplatesOpt = Annotated[
    Path | None,
    typer.Option("--templates", help="自己的模板文件夹（GENRE.j2），可新增或覆盖文种。", show_default=False),
]


@templates_app.command("list")
def templates_list(templates: TemplatesOpt = None, as_json: JsonOpt = False) -> None:
    """列出可用文种：代号、中文名、模板路径、是否为用户模板。"""
    from drafter import console
    from drafter.draft.compose import list_templates

    infos = list_templates(templates)
    if as_json:
        console.print_json([{"genre": t.genre, "name": t.name, "path": str(t.path), "user": t.user} for t in infos])
        return
    console.templates_table(infos)


@templates_app.command("show")
def templates_show(
    genre: Annotated[str, typer.Argument(help="文种代号，如 report、seminar。")],
    templates: TemplatesOpt = None,
) -> None:
    """显示一个文种的模板源码和它读取的提纲字段。"""
    from drafter.draft.compose import find_template
    from drafter.draft.render import template_keys

    info = find_template(genre, templates)
    typer.echo(f"# {info.genre}（{info.name}）：{info.path}")
    typer.echo(f"# 读取的提纲字段：{'、'.join(template_keys(genre, templates))}")
    typer.echo(info.path.read_text(encoding="utf-8"))


@app.command("new")
def new_cmd(
    genre: Annotated[str, typer.Argument(help="文种代号：report seminar discussion pledge sharing。")],
    out: Annotated[
        str | None, typer.Option("--out", "-o", help="提纲文件名；默认为 GENRE.yaml；- 表示输出到屏幕。", show_default=False)
    ] = None,
    templates: TemplatesOpt = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有文件。")] = False,
) -> None:
    """生成一份带中文注释的示例提纲，改好后即可 render。"""
    from drafter.draft.render import new_outline

    target = new_outline(genre, out, templates, force)
    if target is not None:
        typer.echo(f"已生成提纲 {target}；修改后运行：drafter render {target}")


PageNumbersOpt = Annotated[
    str,
    typer.Option("--page-numbers", help="页码位置：center 居中；outside 单页居右、双页居左（双面印刷装订用）。"),
]
ReferenceOpt = Annotated[
    Path | None,
    typer.Option(
        "--reference-docx",
        help="本单位的 Word 模板（.docx/.dotx）：使用其中的样式（按样式名，如“讲话稿正文”“一级标题（一、）”）、页面设置和页眉页脚。",
        show_default=False,
    ),
]


def _check_page_numbers(where: str) -> None:
    if where not in ("center", "outside"):
        raise UsageError(f"--page-numbers 只能是 center（居中）或 outside（单页居右、双页居左），收到“{where}”")


@app.command("render")
def render_cmd(
    outline: Annotated[Path, typer.Argument(help="YAML 提纲文件。")],
    out: Annotated[
        str | None,
        typer.Option("--out", "-o", help="输出文件；默认与提纲同名同目录；- 表示把 txt/md 输出到屏幕。", show_default=False),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="docx、txt、md 或 json（每句注明来自提纲、模板或表达库）；默认按输出文件扩展名，都没有则为 docx。", show_default=False),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="挑选表达的随机种子；同一提纲、表达库和种子得到同一草稿。")] = 0,
    bank_dir: BankOpt = None,
    templates: TemplatesOpt = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有的输出文件。")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="草稿中仍有待补内容时报错，不写文件。")] = False,
    length: Annotated[
        int | None,
        typer.Option("--length", "-l", help="目标字数；默认按文种常见篇幅。只补充相关的表达，补不到的以【待补】标出。", show_default=False),
    ] = None,
    alternatives: Annotated[
        int, typer.Option("--alternatives", help="每句表达库内容附几条备选（Word 批注中；txt/md 需加 --list-alternatives）。")
    ] = 3,
    no_comments: Annotated[bool, typer.Option("--no-comments", help="Word 草稿不加批注（来源和备选）。")] = False,
    list_alternatives: Annotated[
        bool, typer.Option("--list-alternatives", help="txt/md 草稿末尾列出表达库来源和备选。")
    ] = False,
    page_numbers: PageNumbersOpt = "center",
    reference_docx: ReferenceOpt = None,
) -> None:
    """按提纲生成讲话稿草稿（Word 按 GB/T 9704 排版，表达库内容带批注注明来源和备选）。"""
    from drafter.draft.render import render_outline, summary

    _check_page_numbers(page_numbers)
    result = render_outline(
        outline, out, fmt, seed, bank_dir, templates, force, strict,
        length=length, alternatives=alternatives, comments=not no_comments, list_alternatives=list_alternatives,
        page_numbers=page_numbers, reference=reference_docx,
    )
    where = str(result.target) if result.target else "标准输出"
    draft = result.draft
    typer.echo(f"已生成 {where}：{summary(draft)}", err=result.target is None)
    if result.missing:
        slots = [m for m in result.missing if m.isascii()]
        parts = [m for m in result.missing if not m.isascii()]
        if slots:
            typer.echo(
                f"待填项 {'、'.join(slots)}：请在提纲 vars 中填写后重新生成，或在 Word 中直接补齐。", err=True
            )
        if parts:
            typer.echo(
                f"表达库中没有合适内容、需要您补写的 {len(parts)} 处（以【待补：…】标出）：{'；'.join(parts)}。",
                err=True,
            )


@app.command("headings")
def headings_cmd(
    words: Annotated[
        list[str] | None, typer.Argument(metavar="词…", help="每个小标题的关键词，如：责任 隐患 基础。", show_default=False)
    ] = None,
    genre: Annotated[
        str | None, typer.Option("--genre", "-g", help="优先用这一文种讲话中的句式。", show_default=False)
    ] = None,
    limit: LimitOpt = 10,
    as_json: JsonOpt = False,
    bank_dir: BankOpt = None,
) -> None:
    """用关键词生成几组并列小标题（套用表达库中真实讲话的并列句式），并注明句式出处。"""
    from drafter import console
    from drafter.draft.headings import heading_sets
    from drafter.draft.retrieve import open_bank

    words = [w.strip() for w in words or [] if w.strip()]
    if not words:
        raise UsageError("请给出至少一个关键词，例如：drafter headings 责任 隐患 基础")
    _check_genre(genre)
    if limit < 0:
        raise UsageError(f"--limit 不能为负数（收到 {limit}）；0 表示全部")
    sets = heading_sets(open_bank(bank_dir), words, genre, limit)
    if as_json:
        console.print_json([h.to_json() for h in sets])
        return
    if not sets:
        typer.echo("表达库中没有适合这些关键词的并列句式；可用自己的讲话稿运行 drafter mine 扩充表达库。")
        return
    for n, h in enumerate(sets, 1):
        src = h.sources[0] if h.sources else {}
        typer.echo(f"{n}. 句式 {h.frame}（{src.get('doc', '')} 第 {src.get('line', 0)} 行，{h.phrase}）")
        for k, text in enumerate(h.headings, 1):
            typer.echo(f"   {k}. {text}")


# --- format -----------------------------------------------------------------


@app.command("format")
def format_cmd(
    source: Annotated[Path, typer.Argument(metavar="FILE", help="已有的讲话稿：.txt（UTF-8、GBK 等）、.md 或 .docx。")],
    out: Annotated[Path, typer.Option("--out", "-o", help="输出的 Word 文件（.docx）。", show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="覆盖已有的输出文件。")] = False,
    page_numbers: PageNumbersOpt = "center",
    reference_docx: ReferenceOpt = None,
) -> None:
    """把已有的讲话稿按 GB/T 9704 排成 Word：识别标题、讲话人、称谓、各级标题和结束语。"""
    from drafter.word.format import format_file

    _check_page_numbers(page_numbers)
    result = format_file(source, out, force=force, page_numbers=page_numbers, reference=reference_docx)
    n = len(result.speeches)
    several = f"，共 {n} 篇（每篇另起一页）" if n > 1 else ""
    typer.echo(f"已排版 {result.target}：{result.chars} 字{several}。")


# --- check ------------------------------------------------------------------


@app.command("check")
def check_cmd(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="FILE", help="要检查的讲话稿（.docx/.txt/.md）或文件夹（递归检查其中全部讲话稿）。", show_default=False),
    ],
    as_json: JsonOpt = False,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="输出格式：text（默认）、json、sarif（供编辑器和持续集成使用）。")
    ] = "text",
    genre: Annotated[
        str | None,
        typer.Option("--genre", "-g", help="按此文种检查：report seminar discussion pledge sharing speech address host other；默认从标题和结束语判断。", show_default=False),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="不检查的规则代码，逗号分隔，如 D401,D601；可重复给出。", show_default=False),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option("--date", help="讲话日期 YYYY-MM-DD，用于检查过时提法；默认取稿中的日期行。", show_default=False),
    ] = None,
    against: Annotated[
        Path | None,
        typer.Option("--against", help="表达库文件夹或往年讲话稿文件夹：找出照搬的句子和段落。", show_default=False),
    ] = None,
    fix: Annotated[bool, typer.Option("--fix", help="自动改正半角标点、重复标点和可确定的引号，写入 -o 指定的新文件（或加 --force 直接修改原文件）。")] = False,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="--fix 的输出文件。", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="--fix 时允许覆盖原文件或已存在的输出文件。")] = False,
) -> None:
    """检查讲话稿：遮盖符和占位符、编号、并列标题、重复、标点、长句和分段、称谓和结束语、过时提法、照搬旧稿。

    在某行加 <!-- drafter: ignore D401 --> （Word 中加批注“drafter: ignore D401”）可不检查该行。
    退出状态：0 没有错误（可有警告），1 有错误，2 有文件无法读取。
    """
    from drafter import check, console

    _check_genre(genre)
    if as_json:
        fmt = "json"
    if fmt not in ("text", "json", "sarif"):
        raise UsageError(f"--format 只能是 text、json 或 sarif（收到“{fmt}”）")
    codes = check.parse_codes(ignore)
    date = None
    if when is not None:
        from drafter.check.dated import parse_date

        date = parse_date(when)
    if out is not None and not fix:
        raise UsageError("-o 只用于 --fix；检查结果输出到屏幕，可用 > 文件名 保存")
    if fix:
        from drafter.check.fix import fix_file

        if len(paths) != 1:
            raise UsageError("--fix 一次只能修改一个文件；请只给出一个文件")
        written, changes = fix_file(paths[0], out, force, codes)
        for c in changes:
            typer.echo(f"已改正 {written}（{c.where}）[{','.join(c.codes)}]：{c.before} → {c.after}", err=True)
        typer.echo(f"共改正 {len(changes)} 处，已写入 {written}" if changes else f"没有可自动改正的内容；{written} 未改动", err=True)
        paths = [written]
    findings, unreadable = check.check_paths(paths, genre, codes, date, against)
    if fmt == "json":
        console.print_json([f.to_json() for f in findings])
    elif fmt == "sarif":
        from drafter.check.sarif import to_sarif

        console.print_json(to_sarif(findings, check.CODES, check.SEVERITY, __version__))
    else:
        typer.echo(check.format_human(findings, len(unreadable)))
    for e in unreadable:
        typer.echo(f"错误：{e}", err=True)
    raise typer.Exit(2 if unreadable else 1 if any(f.severity == "error" for f in findings) else 0)


# --- entry point ------------------------------------------------------------


INTERRUPTED = 130  # exit status after Ctrl-C, as shells report it


def _click_exceptions():
    """The click exceptions typer raises (recent typer vendors click as ``typer._click``)."""
    try:
        from typer._click import exceptions
    except ImportError:  # typer releases that depend on click itself
        from click import exceptions
    return exceptions


_TYPE_NAMES = {"int": "整数", "integer": "整数", "float": "数字", "boolean": "真假值（true/false）", "path": "路径"}


def _usage_chinese(message: str) -> str:
    """click's English usage messages, said in 简体中文 (anything unknown passes through)."""
    import re

    rules: list[tuple[str, Any]] = [
        (r"Missing argument '([^']+)'\.?", lambda m: f"缺少参数 {m[1]}"),
        (r"Missing option '([^']+)'.*", lambda m: f"缺少选项 {m[1]}"),
        (r"Missing parameter:? ?'?([^'.]*)'?\.?", lambda m: f"缺少参数 {m[1]}"),
        (r"No such option: (\S+)(?:\s*\(Possible options: (.*)\)|\s*Did you mean (\S+)\?)?",
         lambda m: f"没有选项 {m[1]}" + (f"；是否想用 {m[2] or m[3]}？" if m[2] or m[3] else "")),
        (r"No such command '([^']+)'\.(?: Did you mean '([^']+)'\?)?",
         lambda m: f"没有命令 {m[1]}" + (f"；是否想用 {m[2]}？" if m[2] else "")),
        (r"Invalid value for (.+?): '(.*)' is not a valid (\w+)\.?.*",
         lambda m: f"{m[1]} 的值“{m[2]}”不是有效的{_TYPE_NAMES.get(m[3], m[3])}"),
        (r"Invalid value for (.+?): (.*)", lambda m: f"{m[1]} 的值无效（{m[2]}）"),
        (r"Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)", lambda m: f"多余的参数：{m[1]}"),
        (r"Option '([^']+)' requires an argument\.", lambda m: f"选项 {m[1]} 后面需要给出一个值"),
        (r"Option '([^']+)' requires (\d+) arguments\.", lambda m: f"选项 {m[1]} 后面需要给出 {m[2]} 个值"),
        (r"Option '([^']+)' does not take a value\.", lambda m: f"选项 {m[1]} 不接受值"),
    ]
    for pattern, say in rules:
        m = re.fullmatch(pattern, message.strip(), re.DOTALL)
        if m:
            return say(m)
    return message


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    import contextlib

    with contextlib.suppress(OSError, ValueError):
        fd = sys.stdout.fileno()  # before opening anything: stdout may be no file at all
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)


def _say(message: str) -> None:
    """Write to stderr, even when stderr itself is gone or full."""
    import contextlib

    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr, flush=True)


def _unraisable(hook_args: Any) -> None:
    """OS errors from files closed during clean-up (a .docx on a full disk) were already reported."""
    if isinstance(hook_args.exc_value, OSError):
        return
    sys.__unraisablehook__(hook_args)


_MAIN_PID = 0


def _on_sigterm(signum: int, frame: Any) -> None:
    if os.getpid() != _MAIN_PID:  # a worker process: die as the signal says, quietly
        import signal

        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    raise SystemExit(128 + signum)  # unwinds: temporary files removed, workers stopped


def _in_child() -> None:
    """After fork in a worker: default SIGTERM, and die with the parent (no orphan, no BrokenPipe traceback)."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        import contextlib

        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _install_handlers() -> Any:
    """SIGTERM unwinds like Ctrl-C; returns the previous SIGTERM handler (None: unchanged)."""
    import contextlib
    import signal

    global _MAIN_PID
    _MAIN_PID = os.getpid()
    sys.unraisablehook = _unraisable
    if hasattr(os, "register_at_fork") and not getattr(_install_handlers, "done", False):
        os.register_at_fork(after_in_child=_in_child)
        _install_handlers.done = True  # type: ignore[attr-defined]
    with contextlib.suppress(ValueError):  # not the main thread
        return signal.signal(signal.SIGTERM, _on_sigterm)
    return None


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the app, turn errors into messages and exit codes."""
    import signal

    previous = _install_handlers()
    try:
        _main(argv)
    finally:
        if previous is not None:  # called from Python (tests, scripts): leave SIGTERM as it was
            signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str] | None) -> None:
    import errno

    from drafter.atomic import os_reason

    click = _click_exceptions()
    try:
        rv = app(args=argv, prog_name="drafter", standalone_mode=False)
        sys.stdout.flush()
    except DrafterError as e:
        _say(f"错误：{e}")
        _quiet_stdout()
        sys.exit(e.exit_code)
    except click.NoArgsIsHelpError as e:
        _say(e.ctx.get_help() if e.ctx else "")
        sys.exit(2)
    except click.UsageError as e:
        cmd = e.ctx.command_path if e.ctx else "drafter"
        _say(f"用法错误：{_usage_chinese(e.format_message())}\n请运行 {cmd} --help 查看用法。")
        sys.exit(2)
    except click.ClickException as e:
        _say(f"错误：{_usage_chinese(e.format_message())}")
        sys.exit(e.exit_code)
    except (KeyboardInterrupt, getattr(click, "Abort", KeyboardInterrupt)):
        _say("\n已中断；没有写入任何不完整的文件，原有文件未改动。")
        _quiet_stdout()
        sys.exit(INTERRUPTED)
    except BrokenPipeError:  # the reader went away (… | head): stop quietly
        _quiet_stdout()
        sys.exit(0)
    except OSError as e:  # writing the results to stdout failed (a full disk, > /dev/full)
        _quiet_stdout()
        if e.errno == errno.EPIPE:
            sys.exit(0)
        where = f"（{e.filename}）" if e.filename else "（标准输出）"
        _say(f"错误：无法写出结果{where}：{os_reason(e)}；请检查磁盘空间，或把输出重定向到别处")
        sys.exit(1)
    if rv == INTERRUPTED:  # typer turns Ctrl-C into this exit code itself
        _say("\n已中断；没有写入任何不完整的文件，原有文件未改动。")
    sys.exit(rv if isinstance(rv, int) else 0)

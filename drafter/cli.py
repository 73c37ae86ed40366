"""The ``drafter`` command line: parses options and calls the library.

Every DrafterError is caught once in ``main``: its 简体中文 message goes to
stderr and the process exits non-zero, without a traceback.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated

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


@app.command("render")
def render_cmd(
    outline: Annotated[Path, typer.Argument(help="YAML 提纲文件。")],
    out: Annotated[
        str | None,
        typer.Option("--out", "-o", help="输出文件；默认与提纲同名同目录；- 表示把 txt/md 输出到屏幕。", show_default=False),
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="docx、txt 或 md；默认按输出文件扩展名，都没有则为 docx。", show_default=False)
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="挑选表达的随机种子；同一提纲、表达库和种子得到同一草稿。")] = 0,
    bank_dir: BankOpt = None,
    templates: TemplatesOpt = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有的输出文件。")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="草稿中仍有待补内容时报错，不写文件。")] = False,
) -> None:
    """按提纲生成讲话稿草稿（Word 按 GB/T 9704 排版）。"""
    from drafter.draft.render import render_outline

    result = render_outline(outline, out, fmt, seed, bank_dir, templates, force, strict)
    where = str(result.target) if result.target else "标准输出"
    draft = result.draft
    typer.echo(f"已生成 {where}：{draft.chars} 字，按每分钟约 220 字计，讲话约 {draft.minutes:.1f} 分钟。", err=result.target is None)
    if result.missing:
        typer.echo(
            f"草稿中有 {len(result.missing)} 项待补内容（以【待补：…】标出）：{'、'.join(result.missing)}。"
            "请在提纲 vars 中填写后重新生成，或在 Word 中直接补齐。",
            err=True,
        )


# --- check ------------------------------------------------------------------


@app.command("check")
def check_cmd(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="FILE", help="要检查的讲话稿（.docx/.txt/.md）或文件夹（递归检查其中全部讲话稿）。", show_default=False),
    ],
    as_json: JsonOpt = False,
    genre: Annotated[
        str | None,
        typer.Option("--genre", "-g", help="按此文种检查：report seminar discussion pledge sharing other；默认从标题和结束语判断。", show_default=False),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="不检查的规则代码，逗号分隔，如 D401,D601；可重复给出。", show_default=False),
    ] = None,
) -> None:
    """检查讲话稿：遗留遮盖符和占位符、编号、并列标题、重复用语、标点、长句、称谓和结束语。

    退出状态：0 没有错误（可有警告），1 有错误，2 有文件无法读取。
    """
    from drafter import check, console

    _check_genre(genre)
    findings, unreadable = check.check_paths(paths, genre, check.parse_codes(ignore))
    if as_json:
        console.print_json([f.to_json() for f in findings])
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


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the app, turn errors into messages and exit codes."""
    click = _click_exceptions()
    try:
        rv = app(args=argv, prog_name="drafter", standalone_mode=False)
    except DrafterError as e:
        print(f"错误：{e}", file=sys.stderr)
        sys.exit(e.exit_code)
    except click.NoArgsIsHelpError as e:
        print(e.ctx.get_help() if e.ctx else "", file=sys.stderr)
        sys.exit(2)
    except click.UsageError as e:
        cmd = e.ctx.command_path if e.ctx else "drafter"
        print(f"用法错误：{e.format_message()}\n请运行 {cmd} --help 查看用法。", file=sys.stderr)
        sys.exit(2)
    except click.ClickException as e:
        print(f"错误：{e.format_message()}", file=sys.stderr)
        sys.exit(e.exit_code)
    except (KeyboardInterrupt, getattr(click, "Abort", KeyboardInterrupt)):
        print("\n已中断；没有写入任何不完整的文件，原有文件未改动。", file=sys.stderr)
        sys.exit(INTERRUPTED)
    except BrokenPipeError:  # the reader went away (… | head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    if rv == INTERRUPTED:  # typer turns Ctrl-C into this exit code itself
        print("\n已中断；没有写入任何不完整的文件，原有文件未改动。", file=sys.stderr)
    sys.exit(rv if isinstance(rv, int) else 0)

"""The outline: a short YAML file saying what a speech must say.

``load_outline`` reads and validates it, reporting every problem at once,
each with its field path and YAML line::

    sections[2].points[0]: 应为字符串或包含 text 的映射（outline.yaml 第 14 行）

Whatever the writer wrote is kept verbatim; ``auto`` (or leaving a key out)
asks for a phrase from the bank, ``none`` leaves the part out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.atomic import os_reason
from drafter.errors import OutlineError

AUTO, NONE = "auto", "none"

TOP_KEYS = {
    "genre": "文种（如 report、seminar）",
    "title": "标题",
    "meeting": "会议名称",
    "speaker": "发言人（单位职务和姓名）",
    "date": "日期",
    "topic": "主题词（用于挑选相关表达）",
    "level": "层级：省/市/县/乡镇/企业/部门（用于挑选合适的称谓和表达；不写则按发言人和标题判断）",
    "attendance": "出席人员（主持词用，如“出席今天会议的有…”）",
    "vars": "待填项的值（place、name、number 等）",
    "salutation": "称谓：auto / none / 原文",
    "opening": "开头：auto / none / 原文",
    "pledge": "表态句：auto / none / 原文",
    "closing": "结尾：auto / none / 原文",
    "sections": "各部分（heading、lead、points）",
}
SECTION_KEYS = ("heading", "keywords", "lead", "points", "subsections")
POINT_KEYS = ("text", "detail")
CHOICE_KEYS = ("salutation", "opening", "pledge", "closing")


@dataclass
class Point:
    text: str
    detail: str = ""


@dataclass
class Section:
    heading: str
    points: list[Point] = field(default_factory=list)
    lead: str = AUTO
    subsections: list[Section] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)  # asks for a parallel heading made of these words


@dataclass
class Outline:
    """A validated outline. Choice fields hold ``auto``, ``none`` or the writer's text."""

    genre: str
    title: str
    sections: list[Section]
    meeting: str = ""
    speaker: str = ""
    date: str = ""
    topic: str = ""
    level: str = ""
    attendance: str = ""
    vars: dict[str, Any] = field(default_factory=dict)
    salutation: str = AUTO
    opening: str = AUTO
    pledge: str = AUTO
    closing: str = AUTO
    path: Path | None = None


class _Lines:
    """Line numbers of YAML nodes, looked up by field path (composed only when asked)."""

    def __init__(self, compose: Any) -> None:
        self.compose = compose
        self.root: Any = None

    def line(self, path: tuple[Any, ...]) -> int | None:
        if self.root is None:
            self.root = self.compose()
        node = self.root
        best = node.start_mark.line + 1 if node is not None else None
        for key in path:
            nxt = None
            if getattr(node, "id", "") == "mapping":
                for k, v in node.value:
                    if k.value == key:
                        nxt = v
                        break
            elif getattr(node, "id", "") == "sequence" and isinstance(key, int) and key < len(node.value):
                nxt = node.value[key]
            if nxt is None:
                break
            node = nxt
            best = node.start_mark.line + 1
        return best


def _path_str(path: tuple[Any, ...]) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


class _Validator:
    def __init__(self, source: str, lines: _Lines) -> None:
        self.source = source
        self.lines = lines
        self.problems: list[str] = []

    def problem(self, path: tuple[Any, ...], message: str) -> None:
        line = self.lines.line(path)
        where = f"（{self.source} 第 {line} 行）" if line else f"（{self.source}）"
        self.problems.append(f"{_path_str(path) or '顶层'}: {message}{where}")

    def text(self, data: dict, key: str, path: tuple[Any, ...], required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(path, "缺少此项，请填写" + (f"{TOP_KEYS[key]}" if key in TOP_KEYS else ""))
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(path, f"应为文字，实际是{_type_name(value)}")
            return ""
        text = str(value).strip()
        if required and not text:
            self.problem(path, "不能为空")
        return text

    def choice(self, data: dict, key: str, path: tuple[Any, ...], default: str = AUTO) -> str:
        value = data.get(key, default)
        if value is None:
            return default
        if value is False:
            return NONE
        if isinstance(value, str):
            v = value.strip()
            return v.lower() if v.lower() in (AUTO, NONE) else v
        self.problem(path, f"应为 auto、none 或一段文字，实际是{_type_name(value)}")
        return default

    def unknown(self, data: dict, allowed: Any, path: tuple[Any, ...]) -> None:
        for key in data:
            if key not in allowed:
                import difflib  # only for the suggestion, which few runs need

                close = difflib.get_close_matches(str(key), list(allowed), n=1)
                hint = f"，是否想写 {close[0]}？" if close else f"；可用的键：{'、'.join(allowed)}"
                self.problem((*path, key), f"未知的键“{key}”{hint}")


def _type_name(value: Any) -> str:
    return {dict: "映射", list: "列表", bool: "真假值", int: "数字", float: "数字"}.get(type(value), "空值" if value is None else type(value).__name__)


def _points(v: _Validator, raw: Any, path: tuple[Any, ...]) -> list[Point]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        v.problem(path, "应为列表（每行以“- ”开头）")
        return []
    out = []
    for i, item in enumerate(raw):
        p = (*path, i)
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            if str(item).strip():
                out.append(Point(str(item).strip()))
            else:
                v.problem(p, "要点不能为空")
        elif isinstance(item, dict):
            v.unknown(item, POINT_KEYS, p)
            text = v.text(item, "text", (*p, "text"), required=True)
            detail = v.text(item, "detail", (*p, "detail"))
            if text:
                out.append(Point(text, detail))
        else:
            v.problem(p, "应为字符串或包含 text 的映射")
    return out


def _sections(v: _Validator, raw: Any, path: tuple[Any, ...], depth: int = 1) -> list[Section]:
    if not isinstance(raw, list):
        v.problem(path, "应为列表，每一项是一个部分（含 heading 和 points）")
        return []
    if not raw and depth == 1:
        v.problem(path, "至少需要一个部分")
    out = []
    for i, item in enumerate(raw):
        p = (*path, i)
        if not isinstance(item, dict):
            v.problem(p, "应为包含 heading 和 points 的映射")
            continue
        v.unknown(item, SECTION_KEYS if depth < 2 else ("heading", "keywords", "lead", "points"), p)
        keywords = _keywords(v, item.get("keywords"), (*p, "keywords"))
        heading = v.text(item, "heading", (*p, "heading"), required=not keywords)
        lead = v.choice(item, "lead", (*p, "lead"), default=AUTO)
        points = _points(v, item.get("points"), (*p, "points"))
        subs = _sections(v, item["subsections"], (*p, "subsections"), depth + 1) if item.get("subsections") else []
        out.append(Section(heading, points, lead, subs, keywords))
    return out


def _keywords(v: _Validator, raw: Any, path: tuple[Any, ...]) -> list[str]:
    """A section's key words: a list, or one string split at spaces and 、，."""
    if raw is None:
        return []
    if isinstance(raw, str):
        words = [w for w in re.split(r"[\s、，,；;]+", raw) if w]
    elif isinstance(raw, list) and all(isinstance(w, (str, int)) and not isinstance(w, bool) for w in raw):
        words = [str(w).strip() for w in raw if str(w).strip()]
    else:
        v.problem(path, "应为关键词列表，例如 [责任, 隐患]，或用空格分隔的一行字")
        return []
    if not words:
        v.problem(path, "至少需要一个关键词")
    return words


def _level(v: _Validator, data: dict) -> str:
    from drafter.draft.fit import LEVEL_ALIASES

    value = v.text(data, "level", ("level",))
    if value and value not in LEVEL_ALIASES:
        names = "、".join(k for k in LEVEL_ALIASES if not k.isascii())
        v.problem(("level",), f"未知层级“{value}”；可写：{names}")
        return ""
    return value


def _vars(v: _Validator, raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        v.problem(("vars",), "应为映射，例如 place: 某某市")
        return {}
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, list) and all(isinstance(x, (str, int, float)) for x in value):
            out[str(key)] = [str(x) for x in value]
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            out[str(key)] = str(value)
        elif value is not None:
            v.problem(("vars", key), "应为文字、数字或它们的列表")
    return out


def parse_outline(text: str, source: str = "outline.yaml") -> Outline:
    """Validate outline YAML text. Raises OutlineError listing every problem."""
    import yaml

    from drafter.draft.yamlsafe import load_yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # line numbers of fields, on demand
    data = load_yaml(text, source)  # scalars as written, bounded, duplicate keys refused
    if not isinstance(data, dict):
        raise OutlineError(
            f"{source} 的顶层应为映射（genre: …、title: …、sections: …），实际是{_type_name(data)}；"
            "可用 drafter new GENRE 生成一份示例提纲"
        )
    v = _Validator(source, _Lines(lambda: yaml.compose(text, Loader=loader)))
    v.unknown(data, TOP_KEYS, ())
    genre = v.text(data, "genre", ("genre",), required=True)
    title = v.text(data, "title", ("title",), required=True)
    topic_raw = data.get("topic")
    if isinstance(topic_raw, list):
        topic = " ".join(str(t) for t in topic_raw)
    else:
        topic = v.text(data, "topic", ("topic",))
    if "sections" not in data:
        v.problem(("sections",), "缺少此项：请列出讲话的各部分（每部分含 heading 和 points）")
        sections: list[Section] = []
    else:
        sections = _sections(v, data["sections"], ("sections",))
    outline = Outline(
        genre=genre,
        title=title,
        sections=sections,
        meeting=v.text(data, "meeting", ("meeting",)),
        speaker=v.text(data, "speaker", ("speaker",)),
        date=v.text(data, "date", ("date",)),
        topic=topic,
        level=_level(v, data),
        attendance=v.text(data, "attendance", ("attendance",)),
        vars=_vars(v, data.get("vars")),
        **{k: v.choice(data, k, (k,)) for k in CHOICE_KEYS},
    )
    if v.problems:
        raise OutlineError(f"提纲 {source} 有 {len(v.problems)} 处问题：", v.problems)
    return outline


def load_outline(path: Path | str) -> Outline:
    """Read and validate an outline file."""
    path = Path(path)
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None  # reported by the read below, with its own reason
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        kind = "命名管道（FIFO）" if stat.S_ISFIFO(mode) else "设备或套接字等特殊文件"
        raise OutlineError(f"提纲 {path} 是{kind}，不是普通文件；请指定一个 YAML 提纲文件")
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise OutlineError(f"提纲文件 {path} 不存在；可用 drafter new GENRE -o {path} 生成一份") from e
    except IsADirectoryError as e:
        raise OutlineError(f"{path} 是文件夹，不是提纲文件") from e
    except OSError as e:
        raise OutlineError(f"无法读取提纲 {path}：{os_reason(e)}") from e
    from drafter.text.reader import decode

    try:
        text = decode(data, path)
    except Exception as e:
        raise OutlineError(f"提纲 {path} 编码无法识别；请另存为 UTF-8") from e
    outline = parse_outline(text, str(path))
    outline.path = path
    return outline

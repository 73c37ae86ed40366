"""Reading an outline's YAML safely: what the writer typed is what drafter gets.

``load_yaml`` builds plain Python data (dict, list, str, bool, None) straight
from the parser's events, without PyYAML's resolver or composer:

- every scalar stays the text as written (``12:30``, ``3.50``, ``010``,
  ``2024.10``, ``yes``, ``on``); only ``true``/``false`` (YAML 1.2) become
  booleans and an empty value, ``~`` or ``null`` becomes None. A schema that
  wants a number converts the text itself (``number``);
- a key given twice in one mapping is an error naming both lines;
- aliases are expanded within a budget of ``MAX_NODES`` nodes (a "billion
  laughs" file fails at once, it does not eat the machine);
- nesting deeper than ``MAX_DEPTH`` and input longer than ``MAX_CHARS`` are
  refused before they can exhaust the stack or the memory;
- control characters in a value are refused, naming the field and line.

Every failure is an OutlineError in 简体中文 naming the file, line and column.

>>> load_yaml("time: 12:30\\nprice: 3.50\\nno: 010\\nok: yes\\nx:\\n", "o.yaml")
{'time': '12:30', 'price': '3.50', 'no': '010', 'ok': 'yes', 'x': None}
"""

from __future__ import annotations

import re
from typing import Any

from drafter.errors import OutlineError

MAX_CHARS = 1_000_000  # an outline is a few KB; a megabyte is not an outline
MAX_DEPTH = 40  # an outline nests about 8 levels deep
MAX_NODES = 200_000  # values after alias expansion

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAGS = frozenset({"tag:yaml.org,2002:str", "!"})
_MERGE = "<<"
# C0 controls except tab, line feed and carriage return; DEL; C1 controls except NEL.
# Lone surrogates (from a broken decode) are refused the same way.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff]")
# Raw control characters are swapped for this private-use character before parsing
# (libyaml refuses them outright, without saying in which field they are).
_SENTINEL = "\ue0ff"

# PyYAML's usual complaints, said in Chinese (anything else is shown as it comes).
_PROBLEMS = {
    "mapping values are not allowed here": "此处不能出现“键: 值”（值中含冒号时请给整个值加引号）",
    "mapping values are not allowed in this context": "此处不能出现“键: 值”（值中含冒号时请给整个值加引号）",
    "could not find expected ':'": "缺少冒号“:”",
    "did not find expected key": "缺少键，或缩进不一致",
    "did not find expected node content": "缺少内容，或括号未闭合",
    "did not find expected ',' or ']'": "列表缺少逗号或右方括号“]”",
    "did not find expected ',' or '}'": "映射缺少逗号或右花括号“}”",
    "did not find expected '-' indicator": "列表项缩进不一致",
    "found unexpected end of stream": "文件在引号或括号闭合之前结束",
    "found character that cannot start any token": "有无法识别的字符（如行首的制表符、@ 或 `）；请改用空格缩进，或给该值加引号",
    "found a tab character that violates indentation": "用了制表符缩进；请改用空格",
    "found undefined tag handle": "有无法识别的标签（以 ! 开头）；值以 ! 开头时请加引号",
    "found unknown escape character": "双引号内有无法识别的转义（\\ 后的字符）；请改用单引号",
    "expected <document start>, but found '<block mapping start>'": "多出内容，或缩进不一致",
    "found unexpected ':'": "冒号位置不对",
    "expected alphabetic or numeric character, but found": "别名或锚点（& 或 * 之后）的名字不完整；值以 & 或 * 开头时请加引号",
}


_CONTEXTS = {
    "while parsing a flow sequence": "方括号列表 [ ]",
    "while parsing a flow mapping": "花括号映射 { }",
    "while parsing a block mapping": "“键: 值”映射",
    "while parsing a block collection": "“- ”列表",
    "while scanning a quoted scalar": "引号内的文字",
    "while scanning a simple key": "键",
    "while scanning a block scalar": "“|”或“>”多行文字",
    "while parsing a flow node": "括号内的内容",
    "while parsing a block node": "内容",
    "while scanning an alias": "别名",
    "while scanning an anchor": "锚点",
}


def _chinese(problem: str) -> str:
    for english, chinese in _PROBLEMS.items():
        if problem.startswith(english):
            return chinese
    return problem


def _where(mark: Any) -> str:
    return f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark is not None else ""


class _Too(Exception):
    """Internal: a bound was exceeded (turned into an OutlineError with the mark)."""


def number(value: str) -> int | float | None:
    """The number a schema field wants, from the text as written (None if it is not one).

    >>> number("010"), number("3.50"), number("12:30"), number("1,000")
    (10, 3.5, None, 1000)
    """
    s = value.strip().replace(",", "").replace("_", "")
    if re.fullmatch(r"[+-]?\d+", s):
        return int(s)
    if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+)(e[+-]?\d+)?", s, re.IGNORECASE):
        return float(s)
    return None


def yaml_scalar_ok(value: str) -> bool:
    """True when ``value`` holds no character an outline refuses (control characters)."""
    return _CONTROL.search(value) is None


def _parser_events(text: str):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
    return yaml.parse(text, Loader=loader)


def _path_str(path: list[Any]) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "顶层"


def load_yaml(text: str, source: str = "outline.yaml") -> Any:
    """Parse one YAML document into plain data. Raises OutlineError naming line and column."""
    import yaml

    if len(text) > MAX_CHARS:
        raise OutlineError(
            f"{source} 太大（{len(text):,} 个字符，上限 {MAX_CHARS:,}）；提纲只需列出标题、各部分和要点"
        )
    raw_controls = _CONTROL.search(text) is not None
    if raw_controls:
        text = _CONTROL.sub(_SENTINEL, text)
    try:
        return _Builder(source).build(_parser_events(text))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        context = e.context_mark
        detail = _chinese(e.problem or str(e))
        start = (
            f"，问题始于第 {context.line + 1} 行（{_CONTEXTS.get(e.context or '', e.context)}）"
            if context is not None and mark is not None and context.line != mark.line
            else ""
        )
        raise OutlineError(
            f"{source} {_where(mark)}不是有效的 YAML（{detail}）{start}；请检查该处的缩进、冒号、括号和引号"
        ) from e
    except UnicodeError as e:  # lone surrogates handed in by a caller
        raise OutlineError(f"{source} 含有无法编码的字符；请另存为 UTF-8 纯文本") from e
    except yaml.YAMLError as e:  # reader errors: characters YAML does not allow
        raise OutlineError(f"{source} 不是有效的 YAML（{_chinese(str(e))}）；请另存为 UTF-8 纯文本") from e


class _Builder:
    """Plain data from parser events, iteratively (no recursion, so no stack to exhaust)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.anchors: dict[str, tuple[Any, int]] = {}  # name → (value, node count)
        self.open_anchors: set[str] = set()
        self.nodes = 0

    def fail(self, mark: Any, message: str) -> OutlineError:
        return OutlineError(f"{self.source} {_where(mark)}：{message}")

    def count(self, n: int, mark: Any) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise self.fail(
                mark,
                f"展开别名（*名字）后内容超过 {MAX_NODES:,} 项，可能是层层引用的“别名炸弹”；请直接写出内容，少用 & 和 *",
            )

    def scalar(self, ev: Any, path: list[Any]) -> Any:
        value = ev.value
        if ev.tag not in (None, *_STR_TAGS):
            raise self.fail(ev.start_mark, f"{_path_str(path)} 用了 YAML 标签“{ev.tag}”，提纲不支持；请去掉标签，或给值加引号")
        if _SENTINEL in value or _CONTROL.search(value):
            ch = next((c for c in ev.value if _CONTROL.match(c)), None)
            code = f"（U+{ord(ch):04X}）" if ch else ""
            raise self.fail(
                ev.start_mark,
                f"{_path_str(path)} 含有不可见的控制字符{code}，常见于从网页或 Word 粘贴；请删去该字符后重试",
            )
        if ev.tag is None and ev.implicit[0]:  # plain (unquoted, untagged)
            if value in _NULL:
                return None
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
        return value

    def build(self, events: Any) -> Any:
        # Each open container: [kind, value, path, anchor, start_mark, node_count, pending_key,
        #                       key_lines, merged]
        stack: list[list[Any]] = []
        result: Any = None
        documents = 0

        def path_of() -> list[Any]:
            out: list[Any] = []
            for frame in stack:
                if frame[0] == "seq":
                    out.append(len(frame[1]))
                elif frame[6] is not None:
                    out.append(frame[6][0])
            return out

        def attach(value: Any, n: int, mark: Any) -> None:
            nonlocal result
            if not stack:
                result = value
                return
            top = stack[-1]
            top[5] += n
            if top[0] == "seq":
                top[1].append(value)
                return
            if top[6] is None:  # this value is a key
                if isinstance(value, (dict, list)):
                    raise self.fail(mark, f"{_path_str(path_of())}中的键不能是列表或映射；请写成“键: 值”")
                key = "null" if value is None else ("true" if value is True else "false" if value is False else value)
                top[6] = (key, mark)
                return
            key, key_mark = top[6]
            top[6] = None
            mapping: dict = top[1]
            if key == _MERGE and key not in top[7]:
                sources = value if isinstance(value, list) else [value]
                if not all(isinstance(s, dict) for s in sources):
                    raise self.fail(key_mark, "合并键 << 后应为映射或映射的别名")
                for src in sources:
                    for k, v in src.items():
                        if k not in top[7]:
                            mapping.setdefault(k, v)
                            top[8].add(k)
                return
            if key in top[7]:
                first = top[7][key]
                lines = (
                    f"第 {first + 1} 行写了两次" if first == key_mark.line
                    else f"第 {first + 1} 行和第 {key_mark.line + 1} 行都写了它"
                )
                raise self.fail(
                    key_mark,
                    f"{_path_str(path_of())}中的键“{key}”重复：{lines}；请删去或合并其中一个（YAML 不会提示，只会保留后一个）",
                )
            top[7][key] = key_mark.line
            if key in top[8]:  # an explicit key wins over a merged one
                top[8].discard(key)
            mapping[key] = value

        import yaml.events as ev_types

        for ev in events:
            if isinstance(ev, ev_types.ScalarEvent):
                if stack and stack[-1][0] == "map" and stack[-1][6] is None:
                    value = self.scalar(ev, [*path_of(), "（键）"])
                else:
                    value = self.scalar(ev, path_of())
                self.count(1, ev.start_mark)
                if ev.anchor:
                    self.anchors[ev.anchor] = (value, 1)
                attach(value, 1, ev.start_mark)
            elif isinstance(ev, (ev_types.SequenceStartEvent, ev_types.MappingStartEvent)):
                if ev.tag not in (None, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "!"):
                    raise self.fail(ev.start_mark, f"{_path_str(path_of())} 用了 YAML 标签“{ev.tag}”，提纲不支持；请去掉标签")
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(ev.start_mark, f"嵌套超过 {MAX_DEPTH} 层（可能是多余的括号或缩进）；提纲只需几层")
                self.count(1, ev.start_mark)
                is_seq = isinstance(ev, ev_types.SequenceStartEvent)
                if ev.anchor:
                    self.open_anchors.add(ev.anchor)
                stack.append(["seq" if is_seq else "map", [] if is_seq else {}, None, ev.anchor,
                              ev.start_mark, 1, None, {}, set()])
            elif isinstance(ev, (ev_types.SequenceEndEvent, ev_types.MappingEndEvent)):
                frame = stack.pop()
                if frame[3]:
                    self.open_anchors.discard(frame[3])
                    self.anchors[frame[3]] = (frame[1], frame[5])
                attach(frame[1], frame[5], frame[4])
            elif isinstance(ev, ev_types.AliasEvent):
                name = ev.anchor
                if name in self.open_anchors:
                    raise self.fail(ev.start_mark, f"别名 *{name} 引用了包含它自己的内容；请直接写出内容")
                if name not in self.anchors:
                    raise self.fail(ev.start_mark, f"别名 *{name} 没有对应的锚点 &{name}；请检查拼写，或给以 * 开头的值加引号")
                value, n = self.anchors[name]
                self.count(n, ev.start_mark)
                attach(value, n, ev.start_mark)
            elif isinstance(ev, ev_types.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fail(ev.start_mark, "一个提纲文件只能有一份提纲（发现了第二个 --- 分隔的文档）；请分成两个文件")
        return result

"""Shared pieces of the property tests: strategies for hostile input, an in-process CLI runner."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from drafter.text.speech import cn_numeral

# --- the CLI, in process ---------------------------------------------------------


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: object, cwd: Path) -> Run:
    """``drafter ARGS`` through the real entry point (``drafter.cli.main``), in ``cwd``."""
    from drafter.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main([str(a) for a in args])
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        os.chdir(old)
    return Run(code, out.getvalue(), err.getvalue())


def assert_clean_exit(r: Run, allowed: tuple[int, ...] = (0, 1, 2), one_is_error: bool = True) -> None:
    """An exit drafter meant: a known code, no traceback, any error said in Chinese."""
    assert r.code in allowed, (r.code, r.err[-2000:])
    assert "Traceback" not in r.err and "Exception ignored" not in r.err, r.err[-2000:]
    if r.code == 1 and one_is_error:
        assert r.err.startswith("错误："), r.err[-2000:]
    if r.code == 2 and r.err.startswith("用法错误"):
        assert "Missing" not in r.err and "Invalid value" not in r.err and "No such" not in r.err, r.err


def no_temp_files(folder: Path) -> list[str]:
    """Hidden files drafter left behind (temporary files of an unfinished write)."""
    return sorted(p.name for p in folder.rglob(".*") if p.name not in (".", ".."))


# --- text pieces --------------------------------------------------------------------

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
PUNCT = "，。、；：？！“”‘’（）《》【】…—·,.;:?!()[]\"' \t　"
MASKS = ["某某", "××", "XX", "xx", "＊＊", "***", "〇〇", "【待补：地名】", "{{ place }}", "[某地]", "ＸＸ"]
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\u200b\ud800"[:-1]  # no lone surrogate in text

# Numerals anywhere (a line of noise may start 十十、), and on purpose in ``heading_number``
# and ``numeral_noise``.
NUMERALS = "〇零一二两三四五六七八九十百千万"
han_text = st.text(alphabet=HAN, min_size=1, max_size=20)
noisy_text = st.text(alphabet=st.sampled_from(HAN + NUMERALS + PUNCT + CONTROL + "0123456789abcXY#*-_>、"), max_size=60)
numeral_noise = st.text(alphabet=st.sampled_from(NUMERALS + "、，。（）第是 "), min_size=1, max_size=12)


@st.composite
def heading_number(draw: st.DrawFn, valid: bool = True) -> str:
    n = draw(st.integers(1, 300))  # 101+ sections: 一百零一、
    cn = cn_numeral(n)
    if valid:
        return draw(st.sampled_from([f"{cn}、", f"（{cn}）", f"{n}．", f"{n}. ", f"({n})", f"第{cn}，", f"{cn}是"]))
    # malformed numerals as scraped texts have them
    bad = draw(st.sampled_from(["十十一", "二二十", "十百", "百十", "零零", "十十", "一十十", "九十十九"]))
    return draw(st.sampled_from([f"{bad}、", f"（{bad}）", f"第{bad}，"]))


@st.composite
def speech_line(draw: st.DrawFn, valid_headings: bool = True) -> str:
    kind = draw(st.integers(0, 11))
    body = draw(han_text)
    if kind == 0:
        return draw(heading_number(valid_headings)) + body
    if kind == 1:
        return draw(st.sampled_from(["同志们：", "各位领导：", "尊敬的各位来宾：", "谢谢大家！", "发言完毕。", "汇报完毕，请批评指正。"]))
    if kind == 2:
        return f"在{draw(han_text)}{draw(st.sampled_from(MASKS))}会议上的讲话"
    if kind == 3:
        items = draw(st.lists(han_text, min_size=1, max_size=5))
        return "".join(f"{cn_numeral(i)}是{t}。" for i, t in enumerate(items, 1))
    if kind == 4:
        return draw(st.sampled_from(["# ", "## ", "> ", "- ", "**", ""])) + body
    if kind == 5:
        return body + draw(st.sampled_from(MASKS)) + draw(han_text) + "。"
    if kind == 6:
        return draw(noisy_text) if valid_headings else draw(numeral_noise) + draw(noisy_text)
    if kind == 7:
        return "（" + draw(st.sampled_from(["2024年10月1日", "根据录音整理", "有删节"])) + "）"
    if kind == 8:
        return "为" + body + "贡献力量！"
    if kind == 9:
        return body * draw(st.integers(1, 40))  # a long line
    if kind == 10:
        return ""
    return body + "。" + draw(han_text) + "，" + draw(han_text) + "。"


@st.composite
def speech_text(draw: st.DrawFn, valid_headings: bool = True, max_lines: int = 40) -> str:
    lines = draw(st.lists(speech_line(valid_headings), max_size=max_lines))
    sep = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    return sep.join(lines) + draw(st.sampled_from(["", "\n"]))


ENCODINGS = ["utf-8", "utf-8-sig", "gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be", "latin-1"]


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    """``text`` in some encoding a real archive has (characters it cannot hold replaced)."""
    codec = draw(st.sampled_from(ENCODINGS))
    data = text.encode(codec, errors="replace" if codec != "utf-8" else "surrogatepass")
    if draw(st.integers(0, 9)) == 0:  # scrape damage: some bytes cut or flipped
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    return data


# --- outlines ---------------------------------------------------------------------

ODD_SCALARS = [
    "12:30", "3.50", "010", "2024.10", "12:30:00", "yes", "no", "on", "off", "y", "n", "~", "null",
    "true", "false", "0x1F", "0o17", "1e3", ".inf", "-.nan", "1_000", "2024-10-01", "+1", "-0",
    "<<", "=", "auto", "none", "AUTO", "某某", "0001", "1,000", "一、", "#", "- x", "'", '"', "&a", "*a",
    "!tag", "%x", "@x", "`x`", "[x", "{x", "| x", "> x", "? x", ": x", "x: y", "x #y",
]

scalar_text = st.one_of(
    han_text, st.sampled_from(ODD_SCALARS), han_text, noisy_text,
    st.text(max_size=30), st.integers().map(str), st.floats(allow_nan=True).map(str),
)


def yaml_scalar(value: str, style: str) -> str:
    """``value`` written as a YAML scalar in a given style (as a writer might, right or wrong)."""
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\U{ord(c):08x}" for c in escaped) + '"'


@st.composite
def outline_text(draw: st.DrawFn) -> str:
    """A block-style outline: mostly well formed, with odd scalars in odd styles."""
    style = st.sampled_from(["plain", "single", "double"])

    def value() -> str:
        return yaml_scalar(draw(scalar_text), draw(style))

    genre = draw(st.sampled_from(["report", "seminar", "discussion", "pledge", "sharing"]) | st.sampled_from(["x", "other", "speech"]))
    lines = [f"genre: {genre}", f"title: {yaml_scalar(draw(han_text), draw(style))}"]
    for key in draw(st.lists(st.sampled_from(["meeting", "speaker", "date", "topic", "opening", "closing", "salutation", "pledge", "ttile"]), max_size=6, unique=True)):
        lines.append(f"{key}: {value()}")
    if draw(st.booleans()):
        lines.append("vars:")
        for k in draw(st.lists(st.sampled_from(["place", "name", "number", "date", "x"]), max_size=4, unique=True)):
            lines.append(f"  {k}: {value()}")
    n = draw(st.integers(1, draw(st.sampled_from([3, 3, 3, 99]))))
    if n or draw(st.booleans()):
        lines.append("sections:")
    for _ in range(n):
        lines.append(f"  - heading: {value()}")
        if draw(st.booleans()):
            lines.append(f"    lead: {value()}")
        points = draw(st.integers(0, 4))
        if points:
            lines.append("    points:")
            for _ in range(points):
                if draw(st.booleans()):
                    lines.append(f"      - {value()}")
                else:
                    lines.append(f"      - text: {value()}")
                    lines.append(f"        detail: {value()}")
    text = "\n".join(lines) + "\n"
    damage = draw(st.integers(0, 7))
    if damage == 0:  # a random edit anywhere
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(alphabet=":-[]{}&*!|>'\"#\t \n\x01", max_size=4)) + text[at:]
    elif damage == 1:  # truncated
        text = text[: draw(st.integers(0, len(text)))]
    elif damage == 2:  # a key written twice
        text += f"title: {draw(han_text)}\n"
    return text


@st.composite
def nested_yaml(draw: st.DrawFn) -> str:
    """Deep or wide structures, and anchors with aliases (bombs included)."""
    kind = draw(st.integers(0, 3))
    depth = draw(st.integers(1, 3000))
    if kind == 0:
        return "[" * depth + "]" * draw(st.integers(0, depth))
    if kind == 1:
        return "".join("  " * i + f"k{i}:\n" for i in range(min(depth, 400)))
    if kind == 2:
        return "a: " + "{b: " * depth + "x" + "}" * depth + "\n"
    fan = draw(st.integers(1, 12))
    levels = draw(st.integers(1, 12))
    out = ["l0: &l0 [x]"]
    for i in range(1, levels):
        out.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * fan) + "]")
    return "\n".join(out) + "\n"


__all__ = [
    "Run", "assert_clean_exit", "encoded", "nested_yaml", "no_temp_files", "outline_text", "run_cli",
    "speech_text", "sys",
]

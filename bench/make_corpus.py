"""Build a synthetic speech archive of about N MB from ``seeds/*.txt``.

Each seed is split into its speeches with drafter's own parser; every output
file then pastes one to four varied speeches together, as real archives do:

* header (title, subtitle, speaker, salutation) stays at the top and the
  closing lines at the end; paragraphs are shuffled inside each section, and
  top-level sections are reordered (their numbers rewritten: 一、二、… stay in
  order) half of the time;
* masks (``*``, ``**``, ``***``, ``X``, ``XX``) are replaced by fake names,
  places, organisations or numbers chosen from the text around them (one city
  per speech, like a real document), or left masked with a varied mask;
* about 20% of the files are GBK, 5% use CRLF line ends, 2% carry a UTF-8 BOM;
  files sit in one folder per "year".

The output is deterministic for a given ``--seed`` and ``--mb``. A hidden
``.corpus.json`` (skipped by ``drafter mine``) records the parameters so that
``bench_mine.py`` can reuse a corpus that is already there.

    python bench/make_corpus.py                    # bench/corpus/, 20 MB
    python bench/make_corpus.py --mb 5 --out /tmp/c5 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from drafter.text.reader import read_lines
from drafter.text.slots import MASK, slot_for
from drafter.text.speech import format_number, match_heading, parse_lines

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_OUT = ROOT / "bench" / "corpus"
MARKER = ".corpus.json"
VERSION = 2  # bump when the generator changes, so old corpora are rebuilt

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国华明军平伟强磊洋勇艳杰娟涛超秀英敏静丽霞峰波辉刚健新宇海鹏飞春林红志文玉兰云东凯晓亮斌锋浩宁颖琳梅芳婷雪晨欣怡瑞博俊"
PLACES = (
    "临江 青州 云溪 安平 东阳 西川 南岭 北原 清河 金沙 玉泉 松山 柳城 桂阳 长丰 永宁 瑞安 兴平 "
    "海门 江源 白石 红河 凤台 龙溪 鹤山 梅岭 泰和 宜川 丰城 新安 宝鸡 华亭 汉阴 石城 乐平 广元"
).split()
ORGS = "华信 恒通 中联 远大 金桥 新锐 宏图 国投 城建 交投 天元 众诚 博远 汇智 瑞丰 鼎盛".split()
PROJECTS = "智慧园 临港物流 数字小镇 绿色能源 城市更新 高速互通 综合管廊 产业大道 滨江新城 智能制造".split()
PARKS = "高新 经开 临空 滨海 江北 科技 循环经济 现代农业 电子信息 新材料".split()
INDUSTRIES = "新能源汽车 电子信息 装备制造 生物医药 新材料 绿色化工 食品饮料 数字经济 光伏 锂电".split()
MASKS = ("*", "**", "***", "X", "XX")
PERSON_AFTER = ("市长", "县长", "区长", "省长", "书记", "局长", "厅长", "主任", "部长", "主席",
                "董事长", "总经理", "同志", "先生", "女士", "委员")
NUMBER_UNITS_CN = "届次"  # 十二届三次 reads better in Chinese numerals
CN = "一二三四五六七八九十"


@dataclass
class Speech:
    """One seed speech as raw lines: header, body sections, closing."""

    header: list[str]
    intro: list[str]  # body lines before the first heading
    sections: list[list[str]]  # heading line first, then its paragraphs
    closing: list[str]


# --- splitting seeds into speeches ---------------------------------------


def _split_seed(path: Path) -> list[Speech]:
    raw = path.read_text(encoding="utf-8").splitlines()
    speeches = []
    for sp in parse_lines(read_lines(path), path.name):
        kinds_by_line: dict[int, set[str]] = {}
        for b in sp.blocks:
            kinds_by_line.setdefault(b.line, set()).add(b.kind)
        header, intro, sections, closing = [], [], [], []
        in_body = False
        for n in sorted(kinds_by_line):
            kinds = kinds_by_line[n]
            text = raw[n - 1].rstrip()
            if not in_body and kinds <= {"title", "subtitle", "speaker", "salutation"}:
                header.append(text)
                continue
            in_body = True
            if kinds == {"closing"}:
                closing.append(text)
            elif "heading" in kinds:
                sections.append([text])
            elif sections:
                sections[-1].append(text)
            else:
                intro.append(text)
        speeches.append(Speech(header, intro, sections, closing))
    return speeches


def load_seeds(folder: Path = SEEDS) -> list[Speech]:
    out = []
    for p in sorted(folder.glob("*.txt")):
        out.extend(_split_seed(p))
    if not out:
        raise SystemExit(f"no seed speeches in {folder}")
    return out


# --- varying a speech --------------------------------------------------------


def _cn_small(n: int) -> str:
    return CN[n - 1] if n <= 10 else ("" if n < 20 else CN[n // 10 - 1]) + "十" + (CN[n % 10 - 1] if n % 10 else "")


class Masker:
    """Replaces masks for one speech: one city, one leader, varied numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.keep_masked = rng.random() < 0.35
        self.mask = rng.choice(MASKS)
        self.values = {
            "place": rng.choice(PLACES),
            "name": rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2)))),
            "org": rng.choice(ORGS),
            "project": rng.choice(PROJECTS),
            "park": rng.choice(PARKS),
            "industry": rng.choice(INDUSTRIES),
        }

    def _value(self, slot: str, after: str) -> str:
        rng = self.rng
        if slot == "number":
            if after[:1] and after[0] in NUMBER_UNITS_CN:
                return _cn_small(rng.randint(1, 19))
            return str(rng.choice((rng.randint(2, 99), rng.randint(100, 9999), rng.randint(1, 30))))
        if slot == "name" and not after.startswith(PERSON_AFTER):
            slot = "place"  # ``*发展特色``: the masked city
        if rng.random() < 0.15:  # a second place / company now and then
            return {"place": rng.choice(PLACES), "org": rng.choice(ORGS)}.get(slot, self.values[slot])
        return self.values[slot]

    def line(self, text: str) -> str:
        if "*" not in text and "X" not in text:
            return text
        out, pos = [], 0
        for m in MASK.finditer(text):
            out.append(text[pos : m.start()])
            if self.keep_masked or self.rng.random() < 0.1:
                out.append(self.mask if self.rng.random() < 0.8 else self.rng.choice(MASKS))
            else:
                after = MASK.sub("", text[m.end() : m.end() + 8])
                out.append(self._value(slot_for(text[max(0, m.start() - 4) : m.start()], after), after))
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)


def _renumber(sections: list[list[str]]) -> list[list[str]] | None:
    """The sections with their heading numbers rewritten 1…n, or None when mixed styles."""
    found = [match_heading(s[0].strip()) for s in sections]
    if not all(found) or len({(f[0], f[1]) for f in found}) != 1:  # type: ignore[index]
        return None
    out = []
    for k, (sec, f) in enumerate(zip(sections, found, strict=True), 1):
        style, _, _, rest = f  # type: ignore[misc]
        out.append([format_number(style, k) + rest, *sec[1:]])
    return out


def vary(speech: Speech, rng: random.Random) -> list[str]:
    """One varied copy of a speech, as lines."""
    masker = Masker(rng)
    intro = speech.intro[:]
    rng.shuffle(intro)
    sections = []
    for sec in speech.sections:
        body = sec[1:]
        rng.shuffle(body)
        sections.append([sec[0], *body])
    if len(sections) > 1 and rng.random() < 0.5:
        shuffled = sections[:]
        rng.shuffle(shuffled)
        sections = _renumber(shuffled) or sections
    lines = list(speech.header)
    if speech.header and rng.random() < 0.5:
        lines.append("")  # a blank line after the title, as many files have
    lines += intro
    for sec in sections:
        lines += sec
    lines += speech.closing
    return [masker.line(s) for s in lines]


# --- writing the corpus ----------------------------------------------------


def _encode(text: str, rng: random.Random) -> tuple[bytes, str, int]:
    """(file bytes, encoding, chars once decoded)."""
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    r = rng.random()
    if r < 0.20:
        try:
            return text.encode("gbk"), "gbk", len(text)
        except UnicodeEncodeError:
            return text.encode("gb18030"), "gb18030", len(text)
    if r < 0.22:
        return b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8-sig", len(text)
    return text.encode("utf-8"), "utf-8", len(text)


def _clear(out: Path, force: bool) -> None:
    if not out.exists():
        return
    if not (out / MARKER).exists() and any(out.iterdir()) and not force:
        raise SystemExit(f"{out} exists and is not a bench corpus; pass --force to replace it")
    shutil.rmtree(out)


def build_corpus(out: Path = DEFAULT_OUT, mb: float = 20.0, seed: int = 1, force: bool = False,
                 quiet: bool = False) -> dict:
    """Write the corpus into ``out`` (replacing a previous bench corpus); return its summary."""
    started = time.perf_counter()
    rng = random.Random(seed)
    speeches = load_seeds()
    _clear(out, force)
    out.mkdir(parents=True)
    target = int(mb * 1_000_000)
    total_bytes = total_chars = files = n_speeches = 0
    encodings: dict[str, int] = {}
    crlf = 0
    while total_bytes < target:
        k = rng.choices((1, 2, 3, 4), weights=(50, 25, 15, 10))[0]
        parts = []
        for _ in range(k):
            parts.append("\n".join(vary(rng.choice(speeches), rng)))
        text = ("\n\n" if rng.random() < 0.7 else "\n").join(parts) + "\n"
        data, enc, chars = _encode(text, rng)
        crlf += b"\r\n" in data
        year = 2015 + files % 9
        folder = out / str(year)
        folder.mkdir(exist_ok=True)
        (folder / f"{files:05d}_{rng.getrandbits(32):08x}.txt").write_bytes(data)
        files += 1
        n_speeches += k
        total_bytes += len(data)
        total_chars += chars
        encodings[enc] = encodings.get(enc, 0) + 1
    info = {
        "version": VERSION, "mb": mb, "seed": seed, "files": files, "speeches": n_speeches,
        "bytes": total_bytes, "chars": total_chars, "encodings": encodings, "crlf_files": crlf,
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / MARKER).write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not quiet:
        print(f"corpus {out}: {files} files, {n_speeches} speeches, {total_bytes / 1e6:.1f} MB, "
              f"{total_chars:,} chars, encodings {encodings}, CRLF {crlf} ({info['seconds']} s)")
    return info


def ensure_corpus(out: Path, mb: float, seed: int = 1, quiet: bool = False) -> dict:
    """Reuse ``out`` when it was built with the same parameters, else (re)build it."""
    marker = out / MARKER
    if marker.exists():
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except ValueError:
            info = {}
        if info.get("version") == VERSION and info.get("mb") == mb and info.get("seed") == seed:
            if not quiet:
                print(f"corpus {out}: reused ({info['files']} files, {info['bytes'] / 1e6:.1f} MB)")
            return info
    return build_corpus(out, mb, seed, quiet=quiet)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="corpus folder (default bench/corpus/)")
    ap.add_argument("--mb", type=float, default=20.0, help="approximate size on disk in MB (default 20)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--force", action="store_true", help="replace a folder that is not a bench corpus")
    args = ap.parse_args(argv)
    build_corpus(args.out, args.mb, args.seed, args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())

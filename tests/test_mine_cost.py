"""The fast paths of mining give exactly what the plain paths give.

``drafter mine`` was made cheaper (issue 12, item 4) without changing the bank:
jieba is cut per run of Chinese text and memoised (``bank.words.cut``), the
enumeration regexes test the character before a marker after its first
character, local names are scanned only in texts holding a role or an
institution word, ``Phrase.to_json`` copies without ``asdict``. Each is checked
here against the plain form it replaces, on generated text.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.bank import facts, mine, words
from drafter.bank.places import CITIES, PROVINCES
from drafter.bank.store import Phrase
from drafter.text.speech import CN_DIGITS
from tests.conftest import ROOT

# Pieces of speech text: words jieba knows, names it does not, punctuation, digits,
# latin, slots and the set separator facts and terms see.
_PIECES = [
    "推动", "高质量发展", "坚持", "以人民为中心", "县委", "书记", "同志", "滨城", "市委", "李红", "王小明",
    "一是", "二是", "第一，", "要", "抓好", "项目", "建设", "工业园区", "东岭", "，", "。", "、", "：", "！",
    " ", "2025年", "7.9%", "AI", "5G", "C++", "{{name}}", "｜", "“十四五”", "百分之七点九", "驻陕", "来川",
    *PROVINCES, *list(PROVINCES.values())[:8], *CITIES[:40],
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@given(_TEXT)
@settings(max_examples=300)
def test_memoised_cut_is_jiebas_cut(text):
    jieba = words.load()
    assert words.cut(text) == jieba.lcut(text)
    assert words.cut_no_hmm(text) == jieba.lcut(text, HMM=False)


def test_runs_are_split_as_jieba_splits_them():
    jieba = words.load()
    assert words._RE_HAN.pattern == jieba.re_han_default.pattern


def test_tag_table_is_jiebas_dictionary():
    jieba = words.load()
    table = words.tags()
    assert table["北京"] == "ns" and table["今年"] == "t" and "同志" not in table  # n: not kept
    assert set(table.values()) <= words.KEPT_TAGS
    assert facts._NOT_NAME_TAGS <= words.KEPT_TAGS
    with jieba.get_dict_file() as f:
        kept = [w for w, _, tag in (raw.decode("utf-8").split() for raw in f) if tag in words.KEPT_TAGS]
    assert set(kept) == set(table)


def test_jieba_loads_without_pkg_resources_and_leaves_it_importable():
    code = (
        "import sys\n"
        "from drafter.bank import words\n"
        "j = words.load()\n"
        "assert 'pkg_resources' not in sys.modules, 'pkg_resources imported'\n"
        "assert j.lcut('推动高质量发展') == ['推动', '高质量', '发展']\n"
        "assert j.get_dict_file().read(10)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


# --- enumeration regexes -----------------------------------------------------------------
# The readable forms the fast ones replace: the character before a marker is none or one of
# the listed ones.
_PLAIN = {
    "cn": re.compile(rf"(?:^|(?<=[。；：，！？\s]))([{CN_DIGITS}]{{1,2}})是"),
    "ord": re.compile(rf"(?:^|(?<=[。；：！？\s]))第([{CN_DIGITS}]{{1,2}})[，、]"),
    "yao": re.compile(
        rf"(?<![统唯步同第单划专逐万\d{CN_DIGITS}])([{CN_DIGITS}]{{1,2}})要(?![素点求件害务领闻塞义旨职员略案])"
    ),
    "ge": re.compile(
        rf"(?:^|(?<=[。；：，！？\s]))第([{CN_DIGITS}]{{1,2}})个(?:方面|问题|层面|关键词|重点)?(?:是|要|[，、：])?"
    ),
}
_FAST = {"cn": mine._ENUM_CN, "ord": mine._ENUM_ORD, "yao": mine._ENUM_YAO, "ge": mine._ENUM_GE}
_ENUM_TEXT = st.lists(
    st.sampled_from([*CN_DIGITS, "是", "要", "第", "个", "方面", "，", "、", "。", "；", "：", "！", "？", " ",
                     "统", "步", "1", "素", "求", "抓", "项目", "三是", "第二，"]),
    max_size=16,
).map("".join)


@given(_ENUM_TEXT)
@settings(max_examples=500)
def test_enumeration_regexes_match_their_plain_forms(text):
    for name, plain in _PLAIN.items():
        fast = _FAST[name]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ], name
        a, b = fast.match(text), plain.match(text)
        assert (a and a.span()) == (b and b.span()), name


def test_enumerations_found_in_real_shapes():
    assert mine.enumerations("一是抓项目。二是抓园区；三是抓人才。") == [["抓项目。", "抓园区；", "抓人才。"]]
    assert mine.enumerations("统一是前提，唯一是关键。") == []
    assert mine.enumerations("各级各部门一要提高站位，二要压实责任。") == [["提高站位，", "压实责任。"]]
    assert mine.enumerations("全国第一个，第二，") == []


# --- local names: the prefilters never lose a name ----------------------------------------
_ROLES = ["书记", "县长", "市长", "副区长", "主任", "董事长", "局长", "镇长"]
_PEOPLE = ["李红", "孙立平", "王小明", "张", "赵大", "各位", "全体"]
_PLACES = [*list(PROVINCES)[:10], *CITIES[:20], "滨城", "清河", "安平", "红星", "桥头", "锦城", "我", "设区"]
_INSTITUTIONS = ["委", "人民政府", "政府", "人大", "政协", "第八届", "2025年", "二〇二五年", "“两委”", "常委会", "长", "发展"]
_NAME_PIECE = st.one_of(
    st.sampled_from(["讲话", "，", "。", "、", "请", "美丽", "建设", "贡献", "力量", "高度重视", "发展", "同志", "中共"]),
    st.builds("{}{}同志".format, st.sampled_from(_ROLES), st.sampled_from(_PEOPLE)),
    st.builds("{}{}{}".format, st.sampled_from(_PEOPLE), st.sampled_from(_ROLES), st.sampled_from(["，", "讲话", "作", "。", ""])),
    st.builds("{}{}{}".format, st.sampled_from(["", "中共", "政协", "中国共产党"]), st.sampled_from(_PLACES),
              st.sampled_from(["市委", "县委", "区委", "镇", "村", "市"])),
    st.builds("{}{}{}".format, st.sampled_from(_PLACES), st.sampled_from(list("省市县区州镇乡村")), st.sampled_from(_INSTITUTIONS)),
)
_NAME_TEXTS = st.lists(st.lists(_NAME_PIECE, max_size=8).map("".join), max_size=5)


@given(_NAME_TEXTS)
@settings(max_examples=300)
def test_local_names_prefilters_miss_nothing(texts):
    fast = facts.local_names(texts)
    everything = re.compile("")
    saved = facts._LOCAL_PLACE_HINT, facts._LOCAL_PERSON_HINT
    facts._LOCAL_PLACE_HINT = facts._LOCAL_PERSON_HINT = everything
    try:
        full = facts.local_names(texts)
    finally:
        facts._LOCAL_PLACE_HINT, facts._LOCAL_PERSON_HINT = saved
    assert fast == full


def test_a_speech_still_gets_its_own_places_and_people():
    names = facts.local_names(["中共滨城市委书记孙立平同志", "清河区委、区政府高度重视清河发展", "请县长李红同志讲话"])
    assert names == {"滨城": "place", "孙立平": "person", "清河": "place", "李红": "person"}
    terms, found = facts.annotate("推动杭州、滨城高质量发展")
    assert ("place", "杭州") in found and "高质量" in terms
    assert ("place", "滨城") in facts.local_facts("推动杭州、滨城高质量发展", names)


# --- records and index --------------------------------------------------------------------


def test_to_json_is_a_deep_copy_like_asdict():
    p = Phrase(id="x", kind="lead", text="推动发展", facts=[{"type": "place", "text": "杭州"}],
               genres={"speech": 2}, sources=[{"doc": "a.txt", "line": 3, "lines": [3, 4]}], terms=["推动"])
    rec = p.to_json()
    assert rec == dataclasses.asdict(p)
    rec["sources"][0]["lines"].append(9)
    rec["sources"][0]["context"] = []
    rec["facts"].clear()
    rec["genres"]["other"] = 1
    assert p.sources == [{"doc": "a.txt", "line": 3, "lines": [3, 4]}]
    assert p.facts == [{"type": "place", "text": "杭州"}] and p.genres == {"speech": 2}


def test_top_sources_ties_rank_in_source_order(tmp_path):
    from drafter.bank.index import BankIndex, build

    docs = [f"d{k:02d}.txt" for k in range(14)]
    phrases = [
        Phrase(id=f"p{i}", kind="lead", text=f"推动第{i}项工作", terms=["推动"],
               sources=[{"doc": d, "line": i} for d in docs])
        for i in range(2)
    ]
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")
    build(tmp_path, phrases)
    with BankIndex.open(tmp_path) as idx:
        top = idx.stats()["top_sources"]
    assert [d for d, _ in top] == docs[:10]


_PLAIN_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*年|([〇零○一二三四五六七八九]{4})年")


@given(st.lists(st.sampled_from(["1", "2", "9", "0", "5", ".", "年", " ", "二〇", "二五", "今", "，", "19", "20"]),
                max_size=14).map("".join))
@settings(max_examples=500)
def test_year_regex_matches_its_plain_form(text):
    from drafter.bank.meta import _YEAR

    assert [(m.span(), m.groups()) for m in _YEAR.finditer(text)] == [
        (m.span(), m.groups()) for m in _PLAIN_YEAR.finditer(text)
    ]

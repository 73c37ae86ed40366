from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.bank.store import load_bank
from drafter.draft.compose import compose, find_template, list_templates
from drafter.draft.outline import load_outline, parse_outline
from drafter.errors import GenreError, TemplateError
from drafter.text.speech import parse_text
from tests.conftest import ROOT

GENRES = ["report", "seminar", "discussion", "pledge", "sharing"]  # drafted as 一、 sections


@pytest.fixture(scope="module")
def bank():
    return load_bank(ROOT / "phrasebank")


def outline(text: str, path: str = "o.yaml"):
    return parse_outline(text, path)


@pytest.mark.parametrize("genre", GENRES)
def test_examples_render_with_their_genre_structure(bank, genre):
    d = compose(load_outline(ROOT / "examples" / f"{genre}.yaml"), bank)
    kinds = [b.kind for b in d.speech.blocks]
    assert kinds[0] == "title"
    heads = [b for b in d.speech.blocks if b.kind == "heading" and b.level == 1]
    # the outline's three sections, plus the genre's own parts when the outline lacks them
    assert [h.number for h in heads] == list(range(1, len(heads) + 1)) and len(heads) >= 3
    expected_style = "第一，" if genre == "discussion" else "一、"
    assert {h.style for h in heads} == {expected_style}
    assert kinds[-1] == "closing"
    if genre != "discussion":
        assert "salutation" in kinds
    # the same text parses back into the same blocks
    again = [b for sp in parse_text(d.text) for b in sp.blocks]
    assert [(b.kind, b.text) for b in again] == [(b.kind, b.text) for b in d.speech.blocks]


def test_written_text_is_kept_verbatim_and_auto_comes_from_the_bank(bank):
    o = outline("""\
genre: report
title: 某局工作汇报
vars: {name: 张}
opening: 按照会议安排，我汇报三点。
closing: auto
sections:
  - heading: 抓项目{{ place }}
    points: ["推进{% raw %}项目", {text: 建机制, detail: 定制度}]
""")
    d = compose(o, bank)
    lines = d.text.splitlines()
    assert "按照会议安排，我汇报三点。" in lines
    assert "一、抓项目{{ place }}" in lines  # never evaluated as a template
    assert "推进{% raw %}项目。" in lines and "建机制。定制度。" in lines
    # a bank salutation, its slot filled with the name, whole
    assert lines[2].startswith("尊敬的张") and lines[2].endswith("：")
    assert any(lines[2] == p.text.replace("{{name}}", "张") for p in bank.select("salutation"))
    assert "{{" not in lines[2]
    assert lines[-1] in {p.text for p in bank.select("closing")}  # a closing from the bank, whole


def test_writer_text_that_looks_like_web_furniture_is_kept(bank):
    # The archive reader drops 时间：3… lines (web page furniture) and news credits; the
    # composer's own text is parsed without those filters, so the writer's points stay.
    o = outline("""\
genre: report
title: 某局安全生产工作汇报
sections:
  - heading: 隐患排查
    points: ["时间：3月底前完成全面排查整治", "整改情况每周通报（完）"]
""")
    d = compose(o, bank)
    lines = d.text.splitlines()
    # each point opens its paragraph (a bank elaboration may follow it there)
    assert any(line.startswith("时间：3月底前完成全面排查整治。") for line in lines), lines
    assert any(line.startswith("整改情况每周通报（完）。") for line in lines), lines


def test_none_leaves_parts_out(bank):
    o = outline("genre: report\ntitle: 标题\nsalutation: none\nopening: none\npledge: none\nclosing: none\n"
                "sections:\n  - heading: 一项\n    lead: none\n    points: [要点]\n"
                "  - heading: 存在问题\n    lead: none\n    points: [问题]\n"
                "  - heading: 下步打算\n    lead: none\n    points: [打算]\n")
    assert compose(o, bank, length=10).text == "标题\n\n一、一项\n要点。\n二、存在问题\n问题。\n三、下步打算\n打算。\n"


def test_missing_slot_becomes_a_visible_placeholder():
    from drafter.bank.store import Phrase
    from drafter.draft.retrieve import MemorySource

    source = MemorySource([Phrase("sa1", "salutation", "尊敬的{{name}}市长，各位市领导，同志们：", genres={"report": 1})])
    o = outline("genre: report\ntitle: 标题\nsections:\n  - heading: 一项\n")
    d = compose(o, source)
    assert "尊敬的【待补：name】市长" in d.text and d.missing[0] == "name"
    o = outline("genre: report\ntitle: 标题\nvars: {name: 某}\nsections:\n  - heading: 一项\n")
    assert "尊敬的【待补：name】市长" in compose(o, source).text  # a mask is no value
    o = outline("genre: report\ntitle: 标题\nvars: {name: 王}\nsections:\n  - heading: 一项\n")
    assert "尊敬的王市长，" in compose(o, source).text


def test_seed_is_deterministic_and_varies_choices():
    from drafter.bank.store import Phrase
    from drafter.draft.retrieve import MemorySource

    source = MemorySource([
        Phrase(f"sa{i}", "salutation", text, genre="report", genres={"report": 1})
        for i, text in enumerate(["各位领导，同志们：", "尊敬的各位领导，同志们：", "各位领导、同志们："])
    ])
    o = outline("genre: report\ntitle: 某局工作汇报\nsections:\n  - heading: 一项\n    points: [要点]\n")
    texts = {compose(o, source, seed=s).text for s in range(8)}
    assert compose(o, source, seed=3).text == compose(o, source, seed=3).text
    assert len(texts) > 1


def test_no_phrase_used_twice(bank):
    o = load_outline(ROOT / "examples" / "seminar.yaml")
    d = compose(o, bank)
    assert len(d.used) == len(set(d.used))
    sentences = [s for s in re.split(r"(?<=[。！？：])", d.text) if len(s) > 8]
    assert len(sentences) == len(set(sentences))


def test_phrases_naming_another_genre_are_not_used(bank):
    o = outline("genre: seminar\ntitle: 研讨发言\nsections:\n  - heading: 一项\n")
    assert "汇报完毕" not in compose(o, bank).text


def test_unknown_genre_lists_known(bank):
    with pytest.raises(GenreError) as e:
        compose(outline("genre: poem\ntitle: t\nsections:\n  - heading: a\n"), bank)
    assert "未知文种“poem”" in str(e.value) and "report（汇报发言）" in str(e.value) and "host（主持词）" in str(e.value)


def test_user_templates_add_and_override(tmp_path, bank):
    (tmp_path / "memo.j2").write_text("{# name: 情况说明 #}\n{{ o.title }}\n{{ o.sections[0].heading }}。\n", encoding="utf-8")
    (tmp_path / "report.j2").write_text("{# name: 我的汇报 #}\n{{ o.title }}\n", encoding="utf-8")
    infos = {t.genre: t for t in list_templates(tmp_path)}
    assert infos["memo"].user and infos["memo"].name == "情况说明"
    assert infos["report"].user and infos["report"].name == "我的汇报"
    assert not infos["seminar"].user
    d = compose(outline("genre: memo\ntitle: 说明\nsections:\n  - heading: 情况\n"), bank, user_dir=tmp_path)
    assert d.text == "说明\n\n情况。\n"
    assert find_template("report", tmp_path).path == tmp_path / "report.j2"


def test_template_errors_name_file_and_line(tmp_path, bank):
    o = outline("genre: bad\ntitle: t\nsections:\n  - heading: a\n")
    (tmp_path / "bad.j2").write_text("{{ o.title }}\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"bad\.j2 第 2 行语法错误"):
        compose(o, bank, user_dir=tmp_path)
    (tmp_path / "bad.j2").write_text("{{ o.title }}\n\n{{ undefined_name }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"bad\.j2 第 3 行.*未定义.*undefined_name"):
        compose(o, bank, user_dir=tmp_path)
    (tmp_path / "bad.j2").write_text("{{ o.titel }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="titel"):
        compose(o, bank, user_dir=tmp_path)


def test_template_functions(tmp_path, bank):
    (tmp_path / "f.j2").write_text(
        "{{ cn(12) }} {{ marker('（一）', 3) }} {{ enum(2) }} "
        "{{ fill_frame(frame('parallel', 3), ['甲', '乙', '丙']) }} {{ placeholder('单位') }}\n",
        encoding="utf-8",
    )
    d = compose(outline("genre: f\ntitle: t\nsections:\n  - heading: a\n"), bank, user_dir=tmp_path)
    first = d.text.splitlines()[0]
    assert first.startswith("十二 （三） 二是 ")
    assert re.search(r"甲.*乙.*丙", first) and d.missing == ["单位"]
    assert Path(tmp_path / "f.j2").exists()


def test_template_cache_is_used_and_optional(tmp_path, monkeypatch, bank):
    o = load_outline(ROOT / "examples" / "report.yaml")
    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path / "cache"))
    first = compose(o, bank).text
    assert list((tmp_path / "cache").iterdir())  # compiled templates stored
    assert compose(o, bank).text == first  # and read back
    monkeypatch.setenv("DRAFTER_CACHE", "off")
    assert compose(o, bank).text == first
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE", str(blocker / "sub"))  # cannot be created: no cache, no error
    assert compose(o, bank).text == first


def test_template_not_utf8(tmp_path, bank):
    (tmp_path / "report.j2").write_bytes("{{ o.title }}\n标题\n".encode("gbk"))
    o = load_outline(ROOT / "examples" / "report.yaml")
    with pytest.raises(TemplateError, match="不是 UTF-8 编码"):
        compose(o, bank, user_dir=tmp_path)


def test_template_runtime_error_is_a_template_error(tmp_path, bank):
    (tmp_path / "report.j2").write_text("{{ o.title }}\n{{ cn('x') }}\n", encoding="utf-8")
    o = load_outline(ROOT / "examples" / "report.yaml")
    with pytest.raises(TemplateError, match=r"report\.j2 第 2 行 运行出错（TypeError"):
        compose(o, bank, user_dir=tmp_path)


_TEXT = st.text(
    alphabet=st.sampled_from(list("安全生产责任隐患排查乡村振兴营商环境党建某市县镇一二三是，。、“”：；【】{}%*X0123456789 ")),
    min_size=1, max_size=30,
).map(str.strip).filter(lambda t: t and not t.startswith(("-", "*", "{", "%", "[")) and ":" not in t)


@settings(max_examples=40, deadline=None)
@given(
    genre=st.sampled_from(
        ["report", "seminar", "discussion", "pledge", "sharing", "speech", "address", "host"]),
    headings=st.lists(_TEXT, min_size=1, max_size=4),
    point=_TEXT,
)
def test_any_outline_text_composes_and_is_kept_verbatim(bank, genre, headings, point):
    import json as _json

    sections = [{"heading": h, "points": [point]} for h in headings]
    o = parse_outline(_json.dumps({"genre": genre, "title": "标题", "sections": sections}, ensure_ascii=False))
    d = compose(o, bank)
    assert point.strip().rstrip("，、；") in d.text
    assert d.text == d.speech.text()
    assert sum(d.by_origin().values()) == d.real_chars

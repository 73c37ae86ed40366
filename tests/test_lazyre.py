"""drafter.text.lazyre: patterns compiled on first use, their code kept between runs."""

from __future__ import annotations

import re
import subprocess
import sys

from drafter.text import lazyre

SCRIPT = """
import sys
from drafter.text import reader, speech
from drafter.text.lazyre import lazy
rx = lazy(r"(?P<n>[一二三四五六七八九十]+)、(.+)")
m = rx.match("三、压实责任")
print(m.group("n"), m.group(2), rx.groups, dict(rx.groupindex))
print(reader.is_boilerplate("责任编辑：王五"), reader.is_boilerplate("同志们："))
print([b.kind for b in speech.parse_text("关于某事的汇报\\n同志们：\\n一、总体情况\\n今年以来，工作稳步推进。\\n谢谢大家！")[0].blocks])
"""


def _run(env_cache: str) -> str:
    import os

    env = {**os.environ, "DRAFTER_CACHE": env_cache}
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_lazy_pattern_behaves_as_the_compiled_one():
    rx = lazyre.lazy(r"(?P<head>[（(][一二三四五六七八九十]+[）)])\s*(.+)")
    ref = re.compile(rx.pattern)
    assert "lazy(" in repr(rx)
    for s in ("（一）压实责任", "(二) 强化监管", "一、总体情况", ""):
        m, n = rx.match(s), ref.match(s)
        assert (m and m.groups()) == (n and n.groups())
    assert rx.sub("X", "（三）问题") == ref.sub("X", "（三）问题")
    assert rx.compiled() == ref  # same flags and code
    assert rx.groups == 2 and rx.groupindex == {"head": 1}


def test_unknown_attribute_is_an_attribute_error():
    rx = lazyre.lazy("a")
    assert not hasattr(rx, "no_such_thing")
    assert not hasattr(rx, "__deepcopy__")

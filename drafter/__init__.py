"""drafter: offline drafting of Chinese official speeches.

The library is the way to use drafter from Python; ``drafter.cli`` only parses
options and calls it::

    import drafter
    drafter.build_bank(["讲话稿/"], "phrasebank")          # drafter mine
    bank = drafter.load_bank("phrasebank")                  # drafter phrases
    result = drafter.render_outline("提纲.yaml", "草稿.docx")  # drafter render
    drafter.format_file("旧稿.txt", "排版.docx")              # drafter format
    findings, unreadable = drafter.check_paths(["草稿.docx"])  # drafter check

Names are imported on first use, so ``import drafter`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "DrafterError": "drafter.errors",
    "parse_file": "drafter.text.speech",
    "parse_text": "drafter.text.speech",
    "Speech": "drafter.text.speech",
    "Block": "drafter.text.speech",
    "mine_paths": "drafter.bank.mine",
    "build_bank": "drafter.bank.store",
    "load_bank": "drafter.bank.store",
    "Bank": "drafter.bank.store",
    "Phrase": "drafter.bank.store",
    "load_outline": "drafter.draft.outline",
    "parse_outline": "drafter.draft.outline",
    "compose": "drafter.draft.compose",
    "render_outline": "drafter.draft.render",
    "new_outline": "drafter.draft.render",
    "write_docx": "drafter.word.docx_writer",
    "format_file": "drafter.word.format",
    "check_paths": "drafter.check",
    "check_file": "drafter.check",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'drafter' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

"""How much of a speech the composer writes, per outline, with a given bank.

    python bench/bench_drafts.py [--bank DIR] [OUTLINE…]

Renders the test outlines (tests/data/outlines: eight genres, sparse and rich)
and the bundled examples, and prints for each: the characters of real material
(【待补】 not counted) against the genre's usual length, the characters from the
outline, the bank and the template, the bank sentences used and the 【待补】
left. Targets (issue 11, with the seeds + corpus bank): sparse outlines ≥ 40 %,
rich ones ≥ 70 % of the usual length with real material.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    from drafter.draft.compose import compose
    from drafter.draft.moves import USUAL_LENGTH
    from drafter.draft.outline import load_outline
    from drafter.draft.retrieve import open_source

    ap = argparse.ArgumentParser()
    ap.add_argument("--bank", default=None)
    ap.add_argument("outlines", nargs="*", type=Path)
    args = ap.parse_args()
    paths = args.outlines or sorted((ROOT / "tests" / "data" / "outlines").glob("*.yaml")) + sorted(
        (ROOT / "examples").glob("*.yaml"))
    source = open_source(args.bank)
    print(f"{'outline':28s} {'real':>5s} {'usual':>5s} {'%':>4s} {'target':>6s} {'outline':>7s} "
          f"{'bank':>5s} {'tmpl':>5s} {'uses':>4s} {'待补':>4s}")
    for path in paths:
        o = load_outline(path)
        d = compose(o, source)
        usual = USUAL_LENGTH.get(o.genre, 2000)
        by = d.by_origin()
        target = "70%" if "_rich_" in path.name else "40%" if "_sparse_" in path.name else ""
        print(f"{path.stem:28s} {d.real_chars:5d} {usual:5d} {100 * d.real_chars // usual:3d}% {target:>6s} "
              f"{by['outline']:7d} {by['bank']:5d} {by['template']:5d} {len(d.uses):4d} {d.scaffolds:4d}")


if __name__ == "__main__":
    main()

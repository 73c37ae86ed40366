"""Breaking a long title into lines shaped as GB/T 9704 asks (a trapezoid or diamond)."""

from __future__ import annotations

from drafter.text.lazyre import lazy

TITLE_WIDTH = 20  # 2号 characters on a 156 mm line
_BREAK_BEFORE = lazy(
    r"(?=关于|在(?=全|市委|省委|县委|.{2,12}会上)|推进|加快|做好|进一步|全面|深入|工作|情况|会议|暨|"
    r"党组|理论学习|中心组|专题|座谈会|研讨会|推进会|高质量|重点|的(?:汇报|发言|讲话|报告|实施|通知|意见))"
)
_BREAK_AFTER = "、，；： "


def break_title(title: str, width: int = TITLE_WIDTH) -> str:
    r"""Break a long title into balanced lines at phrase boundaries (no word segmenter).

    GB/T 9704 asks for a long title in a trapezoid or diamond shape, broken where
    the meaning allows.

    >>> break_title("市工业和信息化局关于推进新型工业化工作情况的汇报")
    '市工业和信息化局关于\n推进新型工业化工作情况的汇报'
    >>> break_title("在全会上的发言")
    '在全会上的发言'
    """
    if len(title) <= width or "\n" in title:
        return title
    good = {m.start() for m in _BREAK_BEFORE.finditer(title)}
    good |= {i + 1 for i, ch in enumerate(title) if ch in _BREAK_AFTER}
    best, best_score = None, float("-inf")
    for k in range(max(1, len(title) - width), min(width, len(title) - 1) + 1):
        top, bottom = title[:k].rstrip(), title[k:].lstrip()
        score = -0.3 * abs(len(top) - len(bottom)) + (5 if k in good else 0)
        if score > best_score:
            best, best_score = k, score
    if best is None:  # longer than two lines: break off a first line, then the rest
        cut = max((k for k in good if k <= width), default=width)
        return title[:cut].rstrip() + "\n" + break_title(title[cut:].lstrip(), width)
    return title[:best].rstrip() + "\n" + title[best:].lstrip()

"""A phrase's terms: its content words, as retrieval counts them (no jieba here)."""

from __future__ import annotations

from collections.abc import Sequence

# Function words and fillers of two or more characters: never terms.
STOP_WORDS = frozenset(
    "我们 你们 他们 她们 它们 大家 自己 咱们 这个 那个 这些 那些 这样 那样 这种 那种 这里 那里 "
    "一个 一些 一种 一批 一次 一定 一直 一起 一方面 另一方面 以及 并且 而且 但是 可是 因为 所以 "
    "因此 如果 虽然 即使 还是 或者 就是 也是 都是 不是 只是 只有 只要 不仅 而是 同时 然后 此外 "
    "通过 按照 根据 对于 关于 作为 为了 由于 以来 之间 之中 之后 之前 以上 以下 其中 其他 "
    "有关 相关 进行 开展 加以 予以 给予 存在 已经 正在 将要 没有 不断 更加 进一步 切实 "
    "认真 积极 努力 全面 深入 持续 坚决 始终 充分 主要 重要 重大 有效 有力 扎实 各项 各类 "
    "方面 问题 情况 工作 什么 怎么 如何 哪些 还有 可以 能够 应该 必须 需要 要求 一是 二是 三是 "
    "四是 五是 第一 第二 第三 第四 第五".split()
)


def content_terms(words: Sequence[str]) -> list[str]:
    """The content words among ``words``: two or more characters, some Chinese, no stop words."""
    return [
        w for w in words
        if len(w) >= 2 and w not in STOP_WORDS and any("\u4e00" <= c <= "\u9fff" for c in w)
    ]

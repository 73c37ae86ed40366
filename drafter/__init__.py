"""drafter: offline drafting of Chinese official speeches.

The library is the way to use drafter from Python; ``drafter.cli`` only parses
options and calls it.
"""

__version__ = "0.1.0"

from drafter.errors import DrafterError

__all__ = ["DrafterError", "__version__"]

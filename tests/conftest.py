from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_home(tmp_path_factory):
    """Compiled-template cache in a temporary folder, never the home folder."""
    import os

    old = os.environ.get("DRAFTER_CACHE")
    os.environ["DRAFTER_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("DRAFTER_CACHE", None)
    else:
        os.environ["DRAFTER_CACHE"] = old
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "corpus"


def _hypothesis_profiles() -> None:
    """Property tests: few examples by default (CI), thousands with DRAFTER_HYPOTHESIS=long.

    No example database in the repository: the long profile keeps one in the
    system temporary folder (or $DRAFTER_HYPOTHESIS_DB).
    """
    try:
        from hypothesis import HealthCheck, settings
        from hypothesis.database import DirectoryBasedExampleDatabase
    except ImportError:  # hypothesis is in the test extra
        return
    import os
    import tempfile
    from datetime import timedelta

    slow = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
    settings.register_profile(
        "ci", max_examples=20, deadline=timedelta(seconds=5), database=None,
        suppress_health_check=slow, derandomize=False, print_blob=True,
    )
    db = os.environ.get("DRAFTER_HYPOTHESIS_DB") or os.path.join(tempfile.gettempdir(), "drafter-hypothesis")
    settings.register_profile(
        "long", max_examples=int(os.environ.get("DRAFTER_HYPOTHESIS_EXAMPLES", "10000")),
        deadline=timedelta(seconds=10), database=DirectoryBasedExampleDatabase(db),
        suppress_health_check=slow, print_blob=True,
    )
    settings.load_profile(os.environ.get("DRAFTER_HYPOTHESIS", "ci"))


_hypothesis_profiles()


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """Run ``drafter.cli.main`` in-process from ``tmp_path``: exit code, stdout, stderr."""
    from drafter.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRAFTER_BANK", raising=False)
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> Result:
        capsys.readouterr()
        with pytest.raises(SystemExit) as exc:
            main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(exc.value.code or 0, captured.out, captured.err)

    return run


def run_process(*args: str, cwd: Path, **kw) -> subprocess.CompletedProcess:
    """Run the real console entry point (``python -m drafter``) in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "drafter", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, timeout=120, **kw,
    )

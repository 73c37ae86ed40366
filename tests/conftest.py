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

"""Shared fixtures: small real texts and a runner for the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import config

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def default_article() -> Path:
    return config.DEFAULT_ARTICLE


@pytest.fixture
def cli():
    """Run ``python -m helpers ...``; returns the CompletedProcess."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "helpers", *map(str, args)],
            capture_output=True,
            text=True,
            cwd=cwd or config.ROOT,
            timeout=300,
        )

    return run

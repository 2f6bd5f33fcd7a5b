"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright,
with every request that is not a local file or localhost blocked and recorded."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The browser's path; in CI (NEWS_ACTORS_REQUIRE_BROWSER=1) a missing browser fails the test."""
    path = chromium_path()
    if path:
        return path
    message = (
        "NO CHROMIUM FOUND: the browser tests did not run. Install Debian's chromium "
        "(apt-get install chromium) to run them; .ci/run installs it."
    )
    if os.environ.get("NEWS_ACTORS_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


class Blocker:
    """Route handler: allow file:// and localhost, abort and remember everything else."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route) -> None:
        url = route.request.url
        if url.startswith(
            ("file://", "data:", "blob:", "http://127.0.0.1", "http://localhost", "ws://127.0.0.1")
        ):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

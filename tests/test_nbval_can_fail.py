"""The notebook suite can fail: a notebook whose stored outputs no longer match a fresh run fails nbval."""

from __future__ import annotations

import subprocess
import sys

import nbformat

from helpers import config


def test_nbval_fails_when_the_article_text_changes(tmp_path):
    article = tmp_path / "changed.txt"
    text = config.DEFAULT_ARTICLE.read_text(encoding="utf-8")
    article.write_text(
        text.replace(
            "Iran and Belarus are drawing closer together", "Iran and Belarus are drifting apart"
        ),
        encoding="utf-8",
    )
    nb = nbformat.read(config.NOTEBOOKS / "01_ingest.ipynb", as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source = (
        f"article = {str(article)!r}\ndata_dir = {str(tmp_path / 'out')!r}\n"
        "published = ''\ntitle = ''\nsource = ''\nurl = ''"
    )
    copy = tmp_path / "01_ingest.ipynb"
    nbformat.write(nb, copy)
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval",
            str(copy),
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval-kernel-name",
            "news-actors",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert res.returncode == 1, res.stdout[-2000:]
    assert "failed" in res.stdout.splitlines()[-1]

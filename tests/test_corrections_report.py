"""Issue 15's end-to-end target: a correction made on the default article survives the report
(``python -m helpers report ARTICLE --corrections FILE``, what ``make report`` runs) and a rerun
unchanged, and shows in the maps and charts.

The default article is copied under another name (its slug, so its tables and report, are its own:
``data/processed/<slug>/`` and ``reports/<slug>/``, removed afterwards); the corrections file moves
Ali Khamenei to Iraq and drops the vague bloc "the West". Two reports are built (about a minute).
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import config, export, pipeline

SLUG = "corrections-end-to-end"
FIX = """\
- action: set_country
  actor: person:ali-khamenei
  country: IRQ
  by: test
  why: a visible change for the maps and charts
- action: drop_actor
  actor: bloc:west
  by: test
  why: too vague to code
"""
FIGURE = re.compile(r'<script[^>]*class="plotly-data"[^>]*>(.*?)</script>', re.S)
PLOTLY = "application/vnd.plotly.v1+json"


def figures(page: Path) -> list[str]:
    """Each plotly figure of a report page as JSON text (escapes undone), in page order."""
    found = FIGURE.findall(page.read_text(encoding="utf-8"))
    return [json.dumps(json.loads(spec), ensure_ascii=False) for spec in found]


def committed_figures(stem: str) -> list[str]:
    """The same for a committed notebook: the figures of the default article, uncorrected."""
    nb = nbformat.read(config.NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    return [
        json.dumps(out["data"][PLOTLY], ensure_ascii=False)
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if PLOTLY in out.get("data", {})
    ]


def annotation_files(folder: Path) -> dict[str, bytes]:
    """The tables, the PLOVER file, meta.json and auto/ (not the binary parse, doc.spacy)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "doc.spacy"
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Two reports of the corrected article: [(annotation files, report folder copy)] per run."""
    src = tmp_path_factory.mktemp("article")
    raw = config.DEFAULT_ARTICLE
    article = src / f"{SLUG}.txt"
    shutil.copyfile(raw, article)
    shutil.copyfile(raw.with_name(f"{raw.stem}.meta.json"), src / f"{SLUG}.meta.json")
    fix = tmp_path_factory.mktemp("fixes") / "fix.yaml"  # not beside the article
    fix.write_text(FIX, encoding="utf-8")
    data, report = config.processed_dir(SLUG), config.REPORTS / SLUG
    kept = tmp_path_factory.mktemp("reports")
    out = []
    try:
        for run in range(2):
            res = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "helpers",
                    "report",
                    str(article),
                    "--corrections",
                    str(fix),
                ],
                capture_output=True,
                text=True,
                cwd=config.ROOT,
                timeout=600,
            )
            assert res.returncode == 0, res.stderr
            out.append((annotation_files(data), Path(shutil.copytree(report, kept / str(run)))))
    finally:
        for folder in (data, report):
            shutil.rmtree(folder, ignore_errors=True)
    return out


def test_the_corrected_rows_carry_manual_provenance_and_the_automatic_tables_are_kept(runs):
    files, _ = runs[0]
    read = {
        name: pd.read_csv(io.BytesIO(files[f"{name}.csv"]), dtype=str, keep_default_na=False)
        for name in ("actors", "events", "mentions")
    }
    actors = read["actors"].set_index("actor_id")
    assert actors.loc["person:ali-khamenei", "country"] == "IRQ"
    assert actors.loc["person:ali-khamenei", "provenance"] == "manual"
    assert set(actors.drop(index="person:ali-khamenei")["provenance"]) == {"auto"}
    assert "bloc:west" not in actors.index
    assert "bloc:west" not in set(read["events"]["source"]) | set(read["events"]["target"])
    assert "bloc:west" not in set(read["mentions"]["actor_id"])
    assert b"bloc:west" in files["auto/actors.csv"] and b"IRQ" not in files["auto/actors.csv"]
    record = json.loads(files["auto/corrections.json"])
    assert len(record["applied"]) == 2 and record["stale"] == []


def test_a_rerun_gives_byte_identical_tables(runs):
    (first, _), (second, _) = runs
    assert sorted(first) == sorted(second)
    for name in first:
        assert first[name] == second[name], f"{name} differs between two runs"


def test_the_correction_shows_in_the_maps_and_charts(runs):
    _, report = runs[-1]
    roles, events = figures(report / "04_maps.html")
    auto_roles, _ = committed_figures("04_maps")
    assert "<b>Iraq</b>" not in auto_roles and "the West" in auto_roles
    assert "<b>Iraq</b> — " in roles and re.search(r"<b>Iraq</b>[^\"]*Ali Khamenei", roles)
    timeline, network, heatmap, *_ = figures(report / "05_charts.html")
    _, auto_network, auto_heatmap, *_ = committed_figures("05_charts")
    assert "Iraq" not in auto_heatmap and "Iraq" in heatmap  # people roll up to their state
    assert "the West" in auto_network and "the West" in auto_heatmap
    for fig in (roles, events, timeline, network, heatmap):
        assert "the West" not in fig


def finding(page: Path, start: str) -> str:
    """The finding of a report page that begins with ``start`` (entities undone)."""
    text = html.unescape(page.read_text(encoding="utf-8"))
    found = [f for f in re.findall(r'<p class="finding">(.*?)</p>', text) if f.startswith(start)]
    assert len(found) == 1, f"{page.name}: no single finding starts with {start!r}"
    return found[0]


def test_the_pages_say_which_corrections_were_applied(runs, tmp_path_factory):
    _, report = runs[-1]
    machine = str(tmp_path_factory.getbasetemp().resolve())  # where fix.yaml and the article are
    for page in report.glob("*.html"):
        assert machine not in page.read_text(encoding="utf-8"), f"{page.name} shows a local path"
    assert finding(report / "02_actors.html", "The corrections in") == (
        "The corrections in fix.yaml change 3 rows of actors.csv and mentions.csv "
        "(entries about these tables: 2, stale: 0)."
    )
    assert finding(report / "03_events.html", "The corrections in") == (
        "The corrections in fix.yaml change 2 rows of events.csv, quotes.csv and dates.csv "
        "(entries about these tables: 0, stale: 0)."
    )  # the West's two events, gone with it
    assert finding(report / "06_evaluation.html", "fix.yaml") == (
        "fix.yaml corrects this article; without a gold standard it is not scored."
    )


def test_the_evaluation_page_scores_the_default_article_with_and_without_its_corrections(
    tmp_path, monkeypatch
):
    fixes = tmp_path / "fixes"
    fixes.mkdir()
    (fixes / f"{config.DEFAULT_SLUG}.yaml").write_text(
        "- action: drop_actor\n  actor: person:vladimir-putin\n  by: test\n  why: a visible change\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWS_ACTORS_CORRECTIONS", str(fixes))  # the kernel inherits it
    data = pipeline.annotate(config.DEFAULT_ARTICLE, tmp_path / "default")
    src = config.NOTEBOOKS / "06_evaluation.ipynb"
    nb = export.execute(src, tmp_path / src.name, {"data_dir": str(data)}, config.NOTEBOOKS)
    shown = html.unescape(
        "".join(
            "".join(out.get("data", {}).get("text/html", ""))
            for cell in nb.cells
            for out in cell.get("outputs", [])
        )
    )
    said = re.search(r"The corrections in (\S+) change (\d+) of 22 scores, 0 up and \2 down", shown)
    assert said and said[1].endswith(f"{config.DEFAULT_SLUG}.yaml"), shown[-600:]
    assert "<td>actors_f1</td>" in shown

"""What a person sees: report pages opened from disk with the network off draw every figure,
log no console errors and show article markup as text; JupyterLab runs the maps notebook."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from helpers import config, export

from .browser import ARGS, ARTIFACTS, Blocker, require_chromium

pytestmark = pytest.mark.browser

HOSTILE = (
    "Officials in Kyiv said the talks failed. <script>window.__pwned = 1</script> "
    '<img src=x onerror="window.__pwned = 2"> Russian President Vladimir Putin warned Ukraine.'
)


@pytest.fixture(scope="module")
def playwright():
    exe = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        p.exe = exe
        yield p


@pytest.fixture(scope="module")
def browser(playwright):
    b = playwright.chromium.launch(executable_path=playwright.exe, args=ARGS, headless=True)
    yield b
    b.close()


@pytest.fixture(scope="module")
def default_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return export.build_report(
        None, reports_dir=out, data_dir=tmp_path_factory.mktemp("data") / "default"
    )


@pytest.fixture(scope="module")
def unseen_report(tmp_path_factory):
    src = tmp_path_factory.mktemp("article") / "hostile-markup.txt"
    text = (Path(__file__).parent / "fixtures" / "eu-turkey-migration.txt").read_text(
        encoding="utf-8"
    )
    src.write_text(text + "\n\n" + HOSTILE + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("reports")
    return export.build_report(
        src,
        published="2024-03-07",
        reports_dir=out,
        data_dir=tmp_path_factory.mktemp("data") / "hostile",
    )


def open_page(browser, path: Path, shot: str):
    """Open a report page from disk, network blocked; return (page, console errors, blocked URLs, seconds)."""
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    page = ctx.new_page()
    blocker = Blocker()
    errors: list[str] = []
    page.route("**/*", blocker)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    t0 = time.perf_counter()
    page.goto(path.as_uri())
    n = page.locator(".plotly-figure").count()
    if n:
        page.wait_for_function(
            f"document.querySelectorAll('.plotly-figure[data-drawn]').length == {n}", timeout=20_000
        )
    seconds = time.perf_counter() - t0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
    return page, errors, blocker.blocked, seconds


PAGES = [
    "index",
    "01_ingest",
    "02_actors",
    "03_events",
    "04_maps",
    "05_charts",
    "06_evaluation",
    "07_corpus",
]


def test_report_has_one_page_per_notebook_and_plotly_once(default_report):
    names = sorted(p.name for p in default_report.iterdir())
    for stem in PAGES:
        assert f"{stem}.html" in names
    assert names.count("plotly.min.js") == 1
    size = export.folder_size(default_report)
    assert size < 15e6, f"report folder is {size / 1e6:.1f} MB"
    for page in default_report.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"https?://", text), f"{page.name} references the network"


@pytest.mark.parametrize("stem", PAGES)
def test_every_report_page_draws_offline_without_errors(browser, default_report, stem):
    page, errors, blocked, _ = open_page(browser, default_report / f"{stem}.html", f"report-{stem}")
    assert not errors, errors
    assert not blocked, f"tried to fetch {blocked}"
    drawn = page.locator(".plotly-figure[data-drawn]").count()
    # as many figures as the notebook stores (03 and 06 show tables and findings only; the index none)
    expected = {
        "01_ingest": 1,
        "02_actors": 1,
        "03_events": 0,
        "04_maps": 2,
        "05_charts": 5,
        "06_evaluation": 0,
        "07_corpus": 5,
        "index": 0,
    }[stem]
    assert drawn == expected, f"{stem}: {drawn} figures drawn, {expected} expected"
    # findings first: every figure is on screen without unfolding anything, every code input folded
    for i in range(drawn):
        box = page.locator(".plotly-figure").nth(i).bounding_box()
        assert box and box["height"] > 100, f"{stem}: figure {i + 1} is not visible"
    if stem != "index":
        cells = [
            c
            for c in nbformat.read(default_report / f"{stem}.ipynb", as_version=4).cells
            if c.cell_type == "code"
        ]
        assert page.locator("details.code").count() == len(cells), stem
        assert page.locator("details.code[open]").count() == 0, f"{stem}: code shown unfolded"
        assert page.locator("details.code pre").count() == len(cells), stem
        assert not any(p.is_visible() for p in page.locator("details.code pre").all()), stem
    page.context.close()


def test_code_is_folded_one_click_away_and_one_button_unfolds_it_all(browser, default_report):
    page, errors, _, _ = open_page(browser, default_report / "04_maps.html", "maps-code-folded")
    pre = page.locator("pre", has_text="maps.actor_map(cast, coded)")
    cell = page.locator("details.code", has=pre)
    code = cell.locator("pre")
    assert code.count() == 1  # in the page ...
    assert not code.is_visible()  # ... but folded
    assert page.locator(".finding").first.is_visible()
    # one click on a cell's summary shows that cell's code, and only it
    cell.locator("summary").click()
    assert code.is_visible()
    assert page.locator("details.code[open]").count() == 1
    # the page's button unfolds every cell, and folds them again
    total = page.locator("details.code").count()
    button = page.locator("button.code-toggle")
    assert button.inner_text() == "show all code"
    button.click()
    assert page.locator("details.code[open]").count() == total
    assert all(p.is_visible() for p in page.locator("details.code pre").all())
    assert button.inner_text() == "hide all code"
    button.click()
    assert page.locator("details.code[open]").count() == 0 and not code.is_visible()
    # the parameters of the run name the article from the repository root, not from this machine
    summary = page.locator("summary", has_text="parameters of this run")
    params = page.locator("details.code", has=summary)
    params.locator("summary").click()
    text = params.inner_text()
    assert 'article = "data/raw/iran-belarus-2023/iran-belarus-2023.txt"' in text, text
    assert not re.search(r'= "/', text), text
    assert not errors, errors
    page.context.close()


def test_the_index_links_straight_to_each_pages_first_figure(browser, default_report):
    index = (default_report / "index.html").read_text(encoding="utf-8")
    for stem in PAGES[1:]:
        text = (default_report / f"{stem}.html").read_text(encoding="utf-8")
        target = f"{stem}.html#figure-1" if 'id="figure-1"' in text else f"{stem}.html"
        assert f'href="{target}"' in index, stem
    page, *_ = open_page(browser, default_report / "index.html", "index-links")
    with page.expect_navigation(wait_until="load"):  # the browser scrolls to the fragment on load
        page.click("ol a >> text=4 · Maps")
    page.wait_for_function(
        "document.querySelectorAll('.plotly-figure[data-drawn]').length == 2", timeout=20_000
    )
    assert page.url.endswith("04_maps.html#figure-1")
    top = page.evaluate("() => document.getElementById('figure-1').getBoundingClientRect().top")
    assert -5 <= top < 100, f"the map is {top}px from the top of the window"
    page.context.close()


def test_maps_draw_country_shapes_and_event_markers(browser, default_report):
    page, _, _, seconds = open_page(browser, default_report / "04_maps.html", "maps-page")
    counts = page.evaluate("""() => Array.from(document.querySelectorAll('.plotly-figure')).map(f => ({
        shapes: Array.from(f.querySelectorAll('.geo path')).reduce(
            (n, p) => n + ((p.getAttribute('d') || '').match(/M/g) || []).length, 0),
        points: f.querySelectorAll('.geo .point').length}))""")
    page.context.close()
    # one sub-path per country outline drawn; a blank map has none
    assert counts[0]["shapes"] >= 50 and counts[1]["shapes"] >= 50, counts
    assert counts[0]["points"] >= 5 and counts[1]["points"] >= 5, counts
    print(f"maps page drawn in {seconds:.2f} s")


def test_unseen_article_reports_without_gold_and_shows_markup_as_text(browser, unseen_report):
    evaluation = (unseen_report / "06_evaluation.html").read_text(encoding="utf-8")
    assert "no gold standard" in evaluation
    for stem in PAGES:
        page, errors, blocked, _ = open_page(
            browser, unseen_report / f"{stem}.html", f"unseen-{stem}"
        )
        assert page.evaluate("() => window.__pwned") is None, f"article markup ran on {stem}"
        assert not errors and not blocked, (errors, blocked)
        page.context.close()
    page, *_ = open_page(browser, unseen_report / "01_ingest.html", "unseen-ingest-text")
    assert "<script>window.__pwned = 1</script>" in page.inner_text("body")
    page.context.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_jupyterlab_runs_the_maps_notebook_and_draws_the_map(playwright, tmp_path):
    """JupyterLab on localhost with a token; the browser can resolve no other host."""
    jupyter = Path(sys.executable).with_name("jupyter")
    work = tmp_path / "notebooks"
    shutil.copytree(config.NOTEBOOKS, work)
    nb = nbformat.read(work / "04_maps.ipynb", as_version=4)
    for cell in (
        nb.cells
    ):  # start from a notebook without stored outputs: the map must be drawn by this run
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, work / "04_maps.ipynb")
    port, token = _free_port(), "news-actors-test"
    proc = subprocess.Popen(
        [
            str(jupyter),
            "lab",
            "--allow-root",
            "--no-browser",
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--notebook-dir={work}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=work,
    )
    outside: list[str] = []
    try:
        b = playwright.chromium.launch(
            executable_path=playwright.exe,
            headless=True,
            args=ARGS + ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        )
        page = b.new_page(viewport={"width": 1400, "height": 1000})
        page.on(
            "request",
            lambda r: (
                outside.append(r.url)
                if not r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
                else None
            ),
        )
        url = f"http://127.0.0.1:{port}/lab/tree/04_maps.ipynb?token={token}"
        deadline = time.time() + 60
        while True:
            try:
                page.goto(url, timeout=15_000)
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(1)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        page.wait_for_function("document.body.innerText.includes('| Idle')", timeout=90_000)
        page.click("li.lm-MenuBar-item >> text=Run", timeout=15_000)
        page.click("text=Run All Cells", timeout=15_000)
        page.wait_for_function(
            """() => Array.from(document.querySelectorAll('.jp-OutputArea .js-plotly-plot .geo path'))
            .reduce((n, p) => n + ((p.getAttribute('d') || '').match(/M/g) || []).length, 0) > 100""",
            timeout=180_000,
        )
        page.wait_for_timeout(1000)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "jupyterlab-04_maps.png"))
        plots = page.locator(".jp-OutputArea .js-plotly-plot").count()
        errors = page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        ).count()
        b.close()
        assert plots >= 2
        assert errors == 0
        assert not [u for u in outside if "plot.ly" in u or "topojson" in u], outside
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_shared_pages_and_notebooks_carry_no_local_path(unseen_report):
    """The article lived in a temporary folder: no page or executed notebook of the report names it,
    nor the repository's or the home folder's location; and the article file is as it was written."""
    src = next(unseen_report.parent.parent.glob("article*/hostile-markup.txt"))
    text = (Path(__file__).parent / "fixtures" / "eu-turkey-migration.txt").read_text(
        encoding="utf-8"
    )
    assert (
        src.read_text(encoding="utf-8") == text + "\n\n" + HOSTILE + "\n"
    )  # the raw input is never modified
    article_dir = str(
        unseen_report.parent.parent
    )  # the pytest temporary root holds the article's folder
    leaks = [str(Path.home()), str(Path(__file__).resolve().parents[1])]
    for f in unseen_report.iterdir():
        if f.suffix in (".html", ".ipynb"):
            text = f.read_text(encoding="utf-8")
            for path in leaks + [article_dir]:
                assert path not in text, f"{f.name} shows the local path {path}"


def test_a_rebuilt_report_is_byte_identical(default_report, tmp_path):
    again = export.build_report(
        None, reports_dir=tmp_path / "reports", data_dir=tmp_path / "data" / "default"
    )
    for f in sorted(p.name for p in default_report.iterdir()):
        assert (default_report / f).read_bytes() == (again / f).read_bytes(), (
            f"{f} differs between two builds"
        )

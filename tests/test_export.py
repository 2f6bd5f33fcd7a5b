"""Report pages read findings first: code inputs folded, outputs and text in the open."""

from __future__ import annotations

import re

import nbformat

from helpers import config, export


def small_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('article = "x.txt"')
    params.metadata["tags"] = ["parameters"]
    injected = nbformat.v4.new_code_cell('article = "y.txt"')
    injected.metadata["tags"] = ["injected-parameters"]
    work = nbformat.v4.new_code_cell("answer = 6 * 7\nanswer")
    result = {"text/html": "<p class=finding>42</p>"}
    work.outputs = [nbformat.v4.new_output("execute_result", result, execution_count=1)]
    nb.cells = [nbformat.v4.new_markdown_cell("# A title\n\nSome text."), params, injected, work]
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i}"
    return nb


def test_every_code_input_is_folded_and_nothing_else():
    text, count = export.notebook_html(small_notebook(), "t", "<nav></nav>")
    assert count == 0
    folded = re.findall(r'<details class="code">(.*?)</details>', text, flags=re.S)
    assert len(folded) == 3
    assert "answer" in folded[2] and "42" not in folded[2]  # the input is folded, not its output
    assert "42" in text and "A title" not in "".join(folded)
    assert [re.search(r"<summary>(.*?)</summary>", f).group(1) for f in folded] == [
        "parameters (defaults)",
        "parameters of this run",
        "code",
    ]
    assert not re.search(r"<details[^>]*\bopen\b", text)  # closed by default
    assert 'class="code-toggle"' in text  # one button unfolds them all
    assert "https://" not in text.replace("https://www.w3.org", "")  # nothing fetched


def test_a_page_without_code_has_no_button():
    nb = small_notebook()
    nb.cells = nb.cells[:1]
    text, _ = export.notebook_html(nb, "t", "<nav></nav>")
    assert "<details" not in text and "<button" not in text


def test_a_page_is_the_same_bytes_every_time():
    first = export.notebook_html(small_notebook(), "t", "<nav></nav>")
    assert export.notebook_html(small_notebook(), "t", "<nav></nav>") == first


def test_parameters_are_shown_from_the_repository_root(tmp_path):
    slug = config.DEFAULT_SLUG
    assert export.shown_path(config.DEFAULT_ARTICLE) == f"data/raw/{slug}/{slug}.txt"
    assert export.shown_path(config.ROOT / "data/processed/x") == "data/processed/x"
    outside = tmp_path / "a.txt"
    assert export.shown_path(outside) == str(outside.resolve())  # and redacted in the pages

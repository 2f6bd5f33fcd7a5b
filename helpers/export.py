"""Run the notebook sequence on an article and export a self-contained, offline HTML report.

``jupyter nbconvert --to html`` drops plotly's JSON outputs and links require.js and MathJax
on public CDNs. Here each page is built from nbconvert's bare ``basic`` template inside a
page shell of our own: figures are re-drawn from their JSON by one local copy of plotly.js
per report folder, and nothing is fetched from the network.
"""

from __future__ import annotations

import copy
import html
import json
import shutil
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import nbformat

from . import config

PLOTLY_MIME = "application/vnd.plotly.v1+json"
KERNEL = "news-actors"

CSS = """
body{font-family:-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;max-width:72em;margin:0 auto;
padding:1em 2em;color:#222;line-height:1.5}
nav{border-bottom:1px solid #ddd;padding:.5em 0;margin-bottom:1em;font-size:.9em}
nav a{margin-right:1em}
.jp-InputArea,.input_area,div.highlight{background:#f6f8fa;border-radius:4px;font-size:.85em;overflow-x:auto}
pre{margin:0;padding:.4em .6em;white-space:pre-wrap}
table.dataframe{border-collapse:collapse;font-size:.85em;margin:.5em 0}
table.dataframe th,table.dataframe td{border-bottom:1px solid #e5e5e5;padding:.2em .6em;text-align:left;
vertical-align:top}
.finding{background:#fffbe6;border-left:4px solid #f0c000;padding:.4em .8em}
.plotly-figure{width:100%;min-height:420px}
.jp-Cell,.cell{margin:.6em 0}
details.code>summary{cursor:pointer;color:#777;font-size:.8em;user-select:none;width:max-content}
details.code[open]>summary{margin-bottom:.2em}
button.code-toggle{float:right;font-size:.85em;cursor:pointer;background:#f6f8fa;border:1px solid #ccc;
border-radius:4px;padding:.1em .6em}
@media print{details.code,button.code-toggle{display:none}}
"""

#: nbconvert's bare ``basic`` template with every code cell's input folded into a ``<details>``
#: element (closed): a page reads title, text, outputs and figures first, its code one click away.
FOLDED_TEMPLATE = """{%- extends 'basic/index.html.j2' -%}
{% block input_group -%}
{%- set tags = cell.metadata.get('tags', []) -%}
{%- if 'injected-parameters' in tags -%}{%- set label = 'parameters of this run' -%}
{%- elif 'parameters' in tags -%}{%- set label = 'parameters (defaults)' -%}
{%- else -%}{%- set label = 'code' -%}{%- endif -%}
<details class="code"><summary>{{ label }}</summary>
{{ super() }}
</details>
{%- endblock input_group %}
"""

#: One button for the page: opens or closes every folded code cell (plain script, nothing fetched).
CODE_TOGGLE = (
    """<button type="button" class="code-toggle" aria-pressed="false">show all code</button>"""
)
CODE_SCRIPT = """<script>
(function () {
  var button = document.querySelector("button.code-toggle");
  if (!button) { return; }
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-pressed") !== "true";
    document.querySelectorAll("details.code").forEach(function (d) { d.open = open; });
    button.setAttribute("aria-pressed", open ? "true" : "false");
    button.textContent = open ? "hide all code" : "show all code";
  });
})();
</script>"""

PLOT_SCRIPT = """<script>
document.querySelectorAll("script.plotly-data").forEach(function (s) {
  var spec = JSON.parse(s.textContent);
  var div = document.getElementById(s.getAttribute("data-target"));
  var cfg = Object.assign({responsive: true, displaylogo: false}, spec.config || {});
  Plotly.newPlot(div, spec.data, spec.layout, cfg).then(function () { div.setAttribute("data-drawn", "1"); });
});
</script>"""


class ReportError(RuntimeError):
    """A notebook failed while building the report."""


def notebooks(directory: Path | None = None) -> list[Path]:
    """The numbered notebooks, in order."""
    return sorted((directory or config.NOTEBOOKS).glob("[0-9][0-9]_*.ipynb"))


def script_json(obj: Any) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` are escaped."""
    return (
        json.dumps(obj, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def figures_to_html(nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, int]:
    """A copy of ``nb`` whose plotly outputs are HTML placeholders drawn by local plotly.js."""
    nb = copy.deepcopy(nb)
    count = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if PLOTLY_MIME in data:
                count += 1
                fid = f"figure-{count}"
                markup = (
                    f'<div class="plotly-figure" id="{fid}"></div>'
                    f'<script type="application/json" class="plotly-data" data-target="{fid}">'
                    f"{script_json(data[PLOTLY_MIME])}</script>"
                )
                out["data"] = {"text/html": markup}
    return nb, count


def page(title: str, body: str, nav: str, scripts: bool, code: bool = False) -> str:
    """A page shell: local CSS, navigation, plotly.js from the report folder if needed, and the
    button that unfolds every code cell if the page has ``code``."""
    head_js = '<script src="plotly.min.js"></script>' if scripts else ""
    tail_js = PLOT_SCRIPT if scripts else ""
    if code:
        nav = nav.replace("<nav>", "<nav>" + CODE_TOGGLE, 1)
        tail_js += CODE_SCRIPT
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{CSS}</style>{head_js}</head>"
        f"<body>{nav}{body}{tail_js}</body></html>\n"
    )


def nav_bar(pages: Iterable[tuple[str, str]]) -> str:
    """Links to the index and every page."""
    links = ['<a href="index.html">Report</a>'] + [
        f'<a href="{html.escape(href)}">{html.escape(label)}</a>' for href, label in pages
    ]
    return f"<nav>{''.join(links)}</nav>"


def notebook_html(nb: nbformat.NotebookNode, title: str, nav: str) -> tuple[str, int]:
    """One executed notebook as an offline HTML page; returns the page and its figure count."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb, count = figures_to_html(nb)
    exporter = HTMLExporter(
        template_name="basic",
        template_file="folded.html.j2",
        extra_loaders=[DictLoader({"folded.html.j2": FOLDED_TEMPLATE})],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    has_code = any(c.cell_type == "code" for c in nb.cells)
    return page(title, body, nav, scripts=count > 0, code=has_code), count


def strip_volatile_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop run timestamps that papermill and nbclient add, so re-runs leave no diff."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
    return nb


WARM_UP = (
    "import helpers.pipeline, helpers.maps, helpers.charts, helpers.evaluate, helpers.show, "
    "plotly.express"
)


_SOCKETS: list[tempfile.TemporaryDirectory] = []  # removed when the process ends


def start_kernel(cwd: Path) -> tuple[Any, Any]:
    """A started project kernel on IPC sockets (no TCP ports to race for) and its client."""
    from jupyter_client.manager import KernelManager

    if not _SOCKETS:
        _SOCKETS.append(tempfile.TemporaryDirectory(prefix="news-actors-kernels-"))
    sockets = Path(_SOCKETS[0].name) / f"k{len(list(Path(_SOCKETS[0].name).iterdir()))}"
    sockets.mkdir()
    km = KernelManager(kernel_name=KERNEL, transport="ipc", ip=str(sockets / "kernel"))
    km.start_kernel(cwd=str(cwd))
    kc = km.client()
    kc.start_channels()
    return km, kc


def warm(kernel: tuple[Any, Any]) -> None:
    """Wait until a kernel answers, then import the project's modules in it."""
    _, kc = kernel
    kc.wait_for_ready(timeout=120)
    kc.execute(WARM_UP, silent=True)


def execute(
    src: Path,
    dst: Path,
    parameters: dict[str, Any] | None,
    cwd: Path,
    kernel: tuple[Any, Any] | None = None,
) -> nbformat.NotebookNode:
    """Execute ``src`` into ``dst`` (papermill's parameter injection, nbclient's execution), on ``kernel``
    (a (manager, client) pair from ``start_kernel``) or a new one; a failure names the notebook and cell."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(
        str(src)
    )  # papermill's reader adds the metadata its parameterizer expects
    if parameters:
        nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL, language="python")
        for cell in (
            nb.cells
        ):  # papermill gives its cell a random id: a fixed one keeps rebuilt pages identical
            if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
                cell["id"] = "injected-parameters"
    km, kc = kernel if kernel else start_kernel(cwd)
    kc.wait_for_ready(timeout=120)
    client = NotebookClient(
        nb,
        km=km,
        kernel_name=KERNEL,
        timeout=600,
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.kc = kc
    try:
        client.execute(reset_kc=False, cleanup_kc=False)
    except CellExecutionError as exc:
        first = str(exc).strip().splitlines()[-1] if str(exc).strip() else "error"
        raise ReportError(f"{src.name} failed: {first}") from None
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    nb = strip_volatile_metadata(nb)
    nbformat.write(nb, dst)
    return nb


def refresh_committed(directory: Path | None = None) -> list[Path]:
    """Re-execute the committed notebooks in place, top to bottom, on their default parameters."""
    done = []
    for src in notebooks(directory):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / src.name
            execute(src, out, None, src.parent)
            nb = nbformat.read(out, as_version=4)
            nb.metadata.kernelspec = {
                "name": KERNEL,
                "display_name": "Python 3.11 (news-actors)",
                "language": "python",
            }
            nbformat.write(nb, src)
        done.append(src)
    return done


def folder_size(path: Path) -> int:
    """Bytes in every file below ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _start_kernels(nbs: list[Path]) -> dict[Path, tuple[Any, Any]]:
    """A warmed kernel for each notebook, all booting and importing at once."""
    kernels = {nb: start_kernel(config.NOTEBOOKS) for nb in nbs}
    with ThreadPoolExecutor(max_workers=len(nbs)) as pool:
        list(pool.map(warm, kernels.values()))
    return kernels


def _execute_all(
    nbs: list[Path], tmp: Path, params: dict[str, Any], parallel: bool
) -> list[tuple[Path, nbformat.NotebookNode]]:
    """Execute the notebooks into ``tmp``: 01 to 03 in order, the rest at once if ``parallel``."""
    kernels = _start_kernels(nbs) if parallel else {}

    def run(src: Path) -> tuple[Path, nbformat.NotebookNode]:
        return src, execute(src, tmp / src.name, params, config.NOTEBOOKS, kernels.get(src))

    first = [n for n in nbs if n.name[:2] <= "03"]  # 01 -> 02 -> 03 hand tables on in order
    rest = [n for n in nbs if n.name[:2] > "03"]  # maps, charts, evaluation only read them
    try:
        executed = [run(n) for n in first]
        if parallel and len(rest) > 1:
            with ThreadPoolExecutor(max_workers=len(rest)) as pool:
                executed += list(pool.map(run, rest))
        else:
            executed += [run(n) for n in rest]
    finally:
        for km, kc in kernels.values():  # those a failure left unused
            if km.has_kernel:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
    return executed


def _write_pages(
    tmp: Path,
    executed: list[tuple[Path, nbformat.NotebookNode]],
    nav: str,
    local: list[Path],
) -> tuple[list[tuple[str, str]], int]:
    """Redact the executed notebooks in ``tmp`` and write their HTML pages beside them; returns
    each page's link (to its first figure, if any) with its label, and the figure count."""
    from . import summary

    for src, _nb in executed:  # the executed notebooks are shared too
        ipynb = tmp / src.name
        if ipynb.exists():
            ipynb.write_text(
                redact_paths(ipynb.read_text(encoding="utf-8"), local), encoding="utf-8"
            )
    figures = 0
    first_figures = []  # the index links straight to each page's first figure
    for src, nb in executed:
        text, count = notebook_html(nb, f"{summary.page_label(src.stem)}", nav)
        figures += count
        href = src.with_suffix(".html").name
        if count:
            href += "#figure-1"
        first_figures.append((href, summary.page_label(src.stem)))
        (tmp / src.with_suffix(".html").name).write_text(
            redact_paths(text, local), encoding="utf-8"
        )
    return first_figures, figures


def build_report(
    article: str | Path | None = None,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    parallel: bool = True,
    reports_dir: Path | None = None,
    data_dir: Path | None = None,
    language: str | None = None,
    allow_future: bool = False,
) -> Path:
    """Run every notebook on ``article`` and write ``reports/<slug>/`` (pages, notebooks, plotly.js).

    The committed notebooks and the default article's tables are never modified: notebooks are
    executed into the report folder, and another article's tables go to ``data/processed/<slug>/``."""
    from . import corrections, ingest, summary

    article_path = config.resolve(article) if article else config.DEFAULT_ARTICLE
    overrides = {"published": published, "title": title, "source": source, "url": url}
    ingest.read_article(article_path, language, allow_future, **overrides)  # fail fast
    slug = ingest.slug_for(article_path)
    data_dir = Path(data_dir) if data_dir else config.processed_dir(slug)
    params = {
        "article": shown_path(article_path),
        "data_dir": shown_path(data_dir),
        **{key: value or "" for key, value in overrides.items()},
        "language": language or "",
        "allow_future": allow_future,
    }
    reports = Path(reports_dir) if reports_dir else config.REPORTS
    out = reports / slug
    reports.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{slug}.", dir=reports))
    try:
        nbs = notebooks()
        executed = _execute_all(nbs, tmp, params, parallel)
        nav = nav_bar([(n.with_suffix(".html").name, summary.page_label(n.stem)) for n in nbs])
        fixes = corrections.default_path(slug).parent  # the pages name the corrections file
        local = [article_path.parent, data_dir, fixes, config.ROOT, Path.home()]
        first_figures, figures = _write_pages(tmp, executed, nav, local)
        index = page(f"Report: {slug}", summary.index_body(data_dir, first_figures), nav, False)
        (tmp / "index.html").write_text(redact_paths(index, local), encoding="utf-8")
        if figures:
            shutil.copyfile(plotly_js(), tmp / "plotly.min.js")
        if out.exists():
            shutil.rmtree(out)
        tmp.chmod(0o755)
        tmp.replace(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def shown_path(path: str | Path) -> str:
    """A notebook parameter as a reader should see it: relative to the repository root when the
    path lies inside it (the notebooks resolve it from there), else as given (and redacted)."""
    path = Path(path).resolve()
    try:
        return path.relative_to(config.ROOT.resolve()).as_posix()
    except ValueError:
        return str(path)


def redact_paths(text: str, folders: list[Path]) -> str:
    """A shared page without this machine's folders: a path under one of ``folders`` (the article's
    folder, the tables' folder, the repository, the home folder; longest first) is shown relative to
    it, in plain or JSON-escaped form, so no user name or local layout leaks into a report."""
    for folder in sorted(
        {Path(f).resolve() for f in folders if str(f) not in ("", "/")}, key=lambda f: -len(str(f))
    ):
        for form in (str(folder), json.dumps(str(folder))[1:-1], html.escape(str(folder))):
            text = text.replace(form + "/", "").replace(form, folder.name)
    return text


def plotly_js() -> Path:
    """plotly.min.js as shipped inside the plotly Python package (no CDN)."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

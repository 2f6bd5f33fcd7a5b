"""Small display helpers for the notebooks: sentences, highlighted text, compact tables.

Article text is data, never markup: everything taken from an article is HTML-escaped here.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from IPython.display import HTML

PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
]


def say(*sentences: str) -> HTML:
    """A finding, stated in sentences, as an escaped HTML paragraph."""
    text = " ".join(s.strip() for s in sentences if s and s.strip())
    return HTML(f'<p class="finding">{html.escape(text)}</p>')


def bullet(items: Iterable[str], empty: str = "Nothing to list.") -> HTML:
    """An escaped bullet list (or a sentence saying there is nothing)."""
    items = list(items)
    if not items:
        return say(empty)
    return HTML("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")


def colours(keys: Iterable[str]) -> dict[str, str]:
    """A stable colour per key, in order of first appearance."""
    out: dict[str, str] = {}
    for k in keys:
        if k not in out:
            out[k] = PALETTE[len(out) % len(PALETTE)]
    return out


def highlight(
    body: str,
    spans: pd.DataFrame,
    key: str = "label",
    tip: str | None = None,
    palette: Mapping[str, str] | None = None,
    paragraphs: bool = True,
) -> HTML:
    """The body with ``spans`` (columns start, end, ``key``) marked in one colour per key value.

    Overlapping spans keep the first (longest first at equal start). A legend follows.
    """
    spans = spans.sort_values(["start", "end"], ascending=[True, False]) if len(spans) else spans
    pal = dict(palette) if palette else colours(spans[key].astype(str)) if len(spans) else {}
    out: list[str] = []
    pos = 0
    row: Any  # a table row; the schema types its fields
    for row in spans.itertuples(index=False):
        start, end = int(row.start), int(row.end)
        if start < pos:
            continue
        value = str(getattr(row, key))
        title = html.escape(str(getattr(row, tip)) if tip else value, quote=True)
        colour = pal.get(value, "#999999")
        out.append(html.escape(body[pos:start]))
        out.append(
            f'<mark title="{title}" style="background:{colour}22;border-bottom:2px solid {colour};'
            f'padding:0 1px">{html.escape(body[start:end])}'
            f'<sub style="color:{colour};font-size:0.7em"> {html.escape(value)}</sub></mark>'
        )
        pos = end
    out.append(html.escape(body[pos:]))
    text = "".join(out)
    if paragraphs:
        text = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    legend = " ".join(
        f'<span style="border-bottom:2px solid {c};margin-right:1em">{html.escape(k)}</span>'
        for k, c in pal.items()
    )
    return HTML(
        f'<div class="article" style="line-height:1.7;max-width:60em">{text}'
        f'<p style="font-size:0.85em">{legend}</p></div>'
    )


def figure(fig: Any, empty: str) -> Any:
    """``fig`` to draw as the cell's output, or the sentence ``empty`` when there is no figure."""
    if fig is None:
        return say(empty)
    return fig


def tables(labelled: Iterable[tuple[str, pd.DataFrame]], max_rows: int = 60) -> HTML:
    """Labelled tables, one after another; an empty one is the sentence "<label>: none."."""
    parts = []
    for label, df in labelled:
        if df.empty:
            parts.append(say(f"{label}: none.").data)
        else:
            parts.append(f"<p><strong>{html.escape(label)}</strong></p>" + table(df, max_rows).data)
    return HTML("".join(parts))


def table(df: pd.DataFrame, max_rows: int = 60) -> HTML:
    """A compact, escaped HTML table (pandas escapes cell text)."""
    shown = df.head(max_rows)
    note = (
        f"<p><em>{len(df) - max_rows} more rows not shown.</em></p>" if len(df) > max_rows else ""
    )
    return HTML(shown.to_html(index=False, escape=True, border=0, classes="dataframe") + note)

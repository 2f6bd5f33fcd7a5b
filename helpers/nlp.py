"""The spaCy pipeline, loaded once per process, with paragraph-aware sentence boundaries."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import config


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence spans two paragraphs."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


class ModelMissing(RuntimeError):
    """The configured spaCy pipeline is not installed."""


def load(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default: ``config.SPACY_MODEL``), loaded once per process."""
    return _load(name or config.SPACY_MODEL)


@lru_cache(maxsize=2)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed: run `make env` or set NEWS_ACTORS_MODEL "
            "to an installed pipeline") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


def model_name(nlp: Language) -> str:
    """``"<lang>_<name> <version>"`` of a pipeline, as meta.json records it."""
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"


def parse(text: str, name: str | None = None) -> Doc:
    """Parse ``text`` with the configured pipeline."""
    return load(name)(text)

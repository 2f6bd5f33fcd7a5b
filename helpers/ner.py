"""Raw spaCy named entities, as a table, and the inconsistencies a reader can see in them."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import nlp

NER_COLUMNS = ["sentence_id", "start", "end", "text", "label"]


def raw_entities(
    body: str, sentences: pd.DataFrame, directory: str | Path | None = None
) -> pd.DataFrame:
    """Every entity spaCy's NER finds in ``body``, with the sentence it falls in (from the parse
    saved in ``directory`` when it is that body's)."""
    doc = nlp.doc_for(directory, body)[0] if directory is not None else nlp.parse(body)
    starts = sentences["start"].astype(int).tolist()
    rows = []
    for ent in doc.ents:
        sid = max(i for i, s in enumerate(starts) if s <= ent.start_char) if starts else 0
        rows.append(
            {
                "sentence_id": int(sentences["sentence_id"].iloc[sid]) if starts else 0,
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "label": ent.label_,
            }
        )
    return pd.DataFrame(rows, columns=NER_COLUMNS)


def by_label(ents: pd.DataFrame) -> pd.DataFrame:
    """Entities grouped by label: how many, how many distinct strings, examples."""
    if ents.empty:
        return pd.DataFrame(columns=["label", "entities", "distinct", "examples"])
    g = ents.groupby("label", sort=True)
    out = pd.DataFrame(
        {
            "entities": g.size(),
            "distinct": g["text"].nunique(),
            "examples": g["text"].agg(lambda s: ", ".join(s.value_counts().sort_index().index[:6])),
        }
    ).reset_index()
    return out.sort_values(["entities", "label"], ascending=[False, True], ignore_index=True)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Z][\w’'-]+", text))


def conflicts(ents: pd.DataFrame) -> pd.DataFrame:
    """Entities a reader can see are inconsistent.

    * ``label clash``: the same string carries different labels in the text;
    * ``name as place``: a GPE/LOC string that is also a word of a PERSON entity;
    * ``split person``: several PERSON strings that share a surname (one person, many strings).
    """
    rows: list[dict[str, str]] = []
    if ents.empty:
        return pd.DataFrame(columns=["problem", "text", "labels", "detail"])
    for key, g in ents.groupby("text", sort=True):
        text = str(key)
        labels = sorted(set(g["label"]))
        if len(labels) > 1:
            rows.append(
                {
                    "problem": "label clash",
                    "text": text,
                    "labels": "/".join(labels),
                    "detail": f"{len(g)} mentions",
                }
            )
    person_words: dict[str, set[str]] = {}
    for text in sorted(set(ents.loc[ents["label"] == "PERSON", "text"])):
        for w in _words(text):
            person_words.setdefault(w, set()).add(text)
    for key, g in ents[ents["label"].isin(["GPE", "LOC"])].groupby("text", sort=True):
        text = str(key)
        if text in person_words:
            rows.append(
                {
                    "problem": "name as place",
                    "text": text,
                    "labels": "/".join(sorted(set(g["label"]))),
                    "detail": f"{len(g)}× tagged as a place; also in the person name "
                    f"{', '.join(sorted(person_words[text]))}",
                }
            )
    persons = sorted(set(ents.loc[ents["label"] == "PERSON", "text"]))
    seen: set[str] = set()
    for text in persons:
        last = text.split()[-1]
        family = sorted(p for p in persons if p.split()[-1] == last)
        if len(family) > 1 and last not in seen:
            seen.add(last)
            rows.append(
                {
                    "problem": "split person",
                    "text": last,
                    "labels": "PERSON",
                    "detail": " / ".join(family),
                }
            )
    return pd.DataFrame(rows, columns=["problem", "text", "labels", "detail"])

"""The naive baseline the event coder is measured against: raw spaCy NER plus 14 verbs.

Each sentence's verbs are looked up in a 14-verb list; the source is the nearest named entity
before the verb and the target the nearest after it, each turned into a country code by name or
demonym (pycountry, the project's country terms) or ``IGO`` for organisations. It knows nothing of
the dependency parse, patterns, titles or coreference: it shows what the coder adds.
"""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from helpers import reference

VERBS = {"meet": "CONSULT", "visit": "CONSULT", "agree": "AGREE", "sign": "SUPPORT", "support": "SUPPORT",
         "praise": "SUPPORT", "aid": "AID", "accuse": "ACCUSE", "condemn": "ACCUSE", "reject": "REJECT",
         "threaten": "THREATEN", "attack": "ASSAULT", "sanction": "COERCE", "protest": "PROTEST"}


def _country(text: str) -> str:
    key = text.lower().removeprefix("the ").strip()
    for c in reference.countries().values():
        if key in {c.name.lower(), *(a.lower() for a in c.aliases), *(d.lower() for d in c.demonyms)}:
            return c.iso3
    return ""


def code(doc: Doc) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, actors) tables in the contract's columns that matter for scoring."""
    ents = [e for e in doc.ents if e.label_ in ("GPE", "NORP", "ORG", "PERSON")]
    actors = {}
    for e in ents:
        iso = _country(e.text) if e.label_ in ("GPE", "NORP") else ""
        actors[e.text] = {"actor_id": f"x:{e.text}", "name": e.text, "country": iso,
                          "type": "organization" if e.label_ == "ORG" else ("state" if iso else "person")}
    rows = []
    for tok in doc:
        cat = VERBS.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if not cat:
            continue
        before = [e for e in ents if e.end <= tok.i and e.sent == tok.sent]
        after = [e for e in ents if e.start > tok.i and e.sent == tok.sent]
        if before:
            rows.append({"type": cat, "source": f"x:{before[-1].text}",
                         "target": f"x:{after[0].text}" if after else ""})
    return (pd.DataFrame(rows, columns=["type", "source", "target"]),
            pd.DataFrame(list(actors.values()), columns=["actor_id", "name", "type", "country"]))

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

VERBS = {
    "meet": "CONSULT",
    "visit": "CONSULT",
    "agree": "AGREE",
    "sign": "SUPPORT",
    "support": "SUPPORT",
    "praise": "SUPPORT",
    "aid": "AID",
    "accuse": "ACCUSE",
    "condemn": "ACCUSE",
    "reject": "REJECT",
    "threaten": "THREATEN",
    "attack": "ASSAULT",
    "sanction": "COERCE",
    "protest": "PROTEST",
}


def _country(text: str) -> str:
    key = text.lower().removeprefix("the ").strip()
    for c in reference.countries().values():
        if key in {
            c.name.lower(),
            *(a.lower() for a in c.aliases),
            *(d.lower() for d in c.demonyms),
        }:
            return c.iso3
    return ""


def code(doc: Doc) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, actors) tables in the contract's columns that matter for scoring."""
    ents = [e for e in doc.ents if e.label_ in ("GPE", "NORP", "ORG", "PERSON")]
    actors = {}
    for e in ents:
        iso = _country(e.text) if e.label_ in ("GPE", "NORP") else ""
        actors[e.text] = {
            "actor_id": f"x:{e.text}",
            "name": e.text,
            "country": iso,
            "type": "organization" if e.label_ == "ORG" else ("state" if iso else "person"),
        }
    rows = []
    for tok in doc:
        cat = VERBS.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if not cat:
            continue
        before = [e for e in ents if e.end <= tok.i and e.sent == tok.sent]
        after = [e for e in ents if e.start > tok.i and e.sent == tok.sent]
        if before:
            rows.append(
                {
                    "type": cat,
                    "source": f"x:{before[-1].text}",
                    "target": f"x:{after[0].text}" if after else "",
                }
            )
    return (
        pd.DataFrame(rows, columns=["type", "source", "target"]),
        pd.DataFrame(list(actors.values()), columns=["actor_id", "name", "type", "country"]),
    )


def tables(doc: Doc) -> dict[str, pd.DataFrame]:
    """The baseline's actors, mentions and events in the contract's columns that scoring reads:
    one actor per distinct NER string, every entity a mention, events from the 14 verbs."""
    events, actors = code(doc)
    starts = [s.start_char for s in doc.sents]
    ents = [e for e in doc.ents if e.label_ in ("GPE", "NORP", "ORG", "PERSON")]
    mentions = pd.DataFrame(
        [
            {"start": e.start_char, "end": e.end_char, "text": e.text, "actor_id": f"x:{e.text}"}
            for e in ents
        ],
        columns=["start", "end", "text", "actor_id"],
    )
    rows = []
    for tok in doc:
        cat = VERBS.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        before = [e for e in ents if e.end <= tok.i and e.sent == tok.sent] if cat else []
        if before:
            after = [e for e in ents if e.start > tok.i and e.sent == tok.sent]
            sid = max(i for i, st in enumerate(starts) if st <= tok.idx)
            rows.append(
                {
                    "event_id": f"b{len(rows)}",
                    "sentence_id": sid,
                    "type": cat,
                    "source": f"x:{before[-1].text}",
                    "date": "",
                    "negated": False,
                    "target": f"x:{after[0].text}" if after else "",
                    "trigger": tok.text,
                }
            )
    actors = actors.assign(role="")
    return {
        "actors": actors,
        "mentions": mentions,
        "events": pd.DataFrame(
            rows,
            columns=[
                "event_id",
                "sentence_id",
                "type",
                "source",
                "target",
                "trigger",
                "date",
                "negated",
            ],
        ),
    }

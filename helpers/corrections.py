"""Analyst corrections kept as data: fix an actor or an event once, keep the fix on every rerun.

A corrections file, ``data/corrections/<slug>.yaml`` by default, is a YAML list of entries. Each
names a record by a key that survives reruns (an actor's id; an event's sentence, source, target and
trigger; a mention's, quote's or time expression's offsets), says what to change, who did it and why:

    - action: set_country
      actor: person:viktor-orban
      country: HUN
      by: ana
      why: the text calls him Hungary's prime minister
      date: 2024-05-02

After annotation, :func:`apply` (run by ``python -m helpers annotate``, ``report``, ``annotate-corpus``
and each pipeline stage) keeps the automatic tables in ``<annotation dir>/auto/`` and writes the
corrected ones in their place, each row with ``provenance`` ``manual`` (changed or added by a
correction) or ``auto``. Entries are applied in a fixed order (:data:`ORDER`), always from the
automatic tables, so applying twice is applying once. An entry whose record no longer exists is
*stale*: reported, never dropped silently or applied elsewhere. A file that is malformed, names an
unknown field or actor, has two entries on the same record and field, or would break the contract
(an added event whose source is no actor) stops everything with one line naming the entry.

The file is validated against a JSON Schema per action (:data:`SCHEMA`): the entries are nested
documents (an event key inside an entry), which JSON Schema describes declaratively, field by field,
with errors that carry the path to the field at fault; pandera is for tables, not documents. Each
entry is checked by the schema compiled with fastjsonschema (1,000 entries in milliseconds); an entry
that fails is checked again by jsonschema, whose errors name the field and the rule for the message.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import fastjsonschema
import pandas as pd
import yaml
from fastjsonschema import JsonSchemaException

from . import config, schemas
from .schemas import ContractError

#: Tables a correction can change; their automatic versions are kept in ``auto/``.
TABLES = schemas.PROVENANCE_TABLES
AUTO = "auto"
RECORD = (
    "corrections.json"  # in auto/: the file applied, what was applied and stale, hashes written
)
PLOVER_FILE = "events.plover.jsonl"
KEY_COLUMNS = {
    "actors": "actor_id",
    "mentions": "mention_id",
    "events": "event_id",
    "quotes": "quote_id",
    "dates": "date_id",
}

#: The order entries are applied in, whatever their order in the file.
ORDER = (
    "merge_actors",
    "drop_actor",
    "drop_event",
    "set_country",
    "set_role",
    "set_code",
    "set_type",
    "relink_mention",
    "set_speaker",
    "recode_event",
    "set_date",
    "set_date_value",
    "add_event",
)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 1,000 entries in ms


class CorrectionError(ContractError):
    """A corrections file that cannot be applied: one line naming the entry and the problem."""


# --- the file's schema --------------------------------------------------------------------------

_ACTOR_ID = {"type": "string", "pattern": r"^(person|state|org|bloc|group):\S+$"}
_ACTOR_OR_EMPTY = {"type": "string", "pattern": r"^((person|state|org|bloc|group):\S+)?$"}
_SPAN = {
    "type": "object",
    "required": ["start", "end"],
    "additionalProperties": False,
    "properties": {
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "text": {"type": "string"},
    },
}
_EVENT_KEY = {
    "type": "object",
    "required": ["sentence", "source", "trigger"],
    "additionalProperties": False,
    "properties": {
        "sentence": {"type": "integer", "minimum": 0},
        "source": _ACTOR_ID,
        "target": _ACTOR_OR_EMPTY,
        "trigger": {"type": "string", "minLength": 1},
    },
}
_CAMEO = {"type": "string", "pattern": r"^\d{2,4}$"}
_PLOVER = {"enum": list(schemas.PLOVER)}
_ISO_DATE = {"type": "string", "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"}
_TEXT = {"type": "string"}
_COMMON = {
    "action": {"enum": list(ORDER)},
    "by": {"type": "string", "minLength": 1},
    "why": {"type": "string", "minLength": 1},
    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
}
_CODE_EDIT = {
    "cameo": _CAMEO,
    "type": _PLOVER,
    "mode": _TEXT,
    "goldstein": {"type": "number", "minimum": -10, "maximum": 10},
}

#: action -> (its own fields, which of them are required)
ACTIONS: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {
    "merge_actors": ({"into": _ACTOR_ID, "from": _ACTOR_ID}, ("into", "from")),
    "drop_actor": ({"actor": _ACTOR_ID}, ("actor",)),
    "set_country": (
        {"actor": _ACTOR_ID, "country": {"type": "string", "pattern": r"^([A-Z]{3})?$"}},
        ("actor", "country"),
    ),
    "set_role": ({"actor": _ACTOR_ID, "role": _TEXT}, ("actor", "role")),
    "set_code": (
        {"actor": _ACTOR_ID, "code": {"type": "string", "pattern": r"^([A-Z]{3}([A-Z]{3})*)?$"}},
        ("actor", "code"),
    ),
    "set_type": (
        {"actor": _ACTOR_ID, "type": {"enum": list(schemas.ACTOR_TYPES)}},
        ("actor", "type"),
    ),
    "relink_mention": ({"mention": _SPAN, "to": _ACTOR_OR_EMPTY}, ("mention", "to")),
    "set_speaker": ({"quote": _SPAN, "speaker": _ACTOR_OR_EMPTY}, ("quote", "speaker")),
    "drop_event": ({"event": _EVENT_KEY}, ("event",)),
    "recode_event": ({"event": _EVENT_KEY, **_CODE_EDIT}, ("event", "cameo")),
    "set_date": ({"event": _EVENT_KEY, "value": _ISO_DATE, "date_text": _TEXT}, ("event", "value")),
    "set_date_value": (
        {"span": _SPAN, "value": {"type": "string"}, "kind": {"enum": list(schemas.DATE_KINDS)}},
        ("span", "value"),
    ),
    "add_event": (
        {
            "sentence": {"type": "integer", "minimum": 0},
            "source": _ACTOR_ID,
            "target": _ACTOR_OR_EMPTY,
            "trigger": {"type": "string", "minLength": 1},
            **_CODE_EDIT,
            "event_date": _ISO_DATE,
            "date_text": _TEXT,
            "place": {"type": "string"},
            "negated": {"type": "boolean"},
        },
        ("sentence", "source", "trigger", "cameo"),
    ),
}

#: JSON Schema of one entry of each action (``date`` is the correction's own date, optional).
SCHEMA: dict[str, dict[str, Any]] = {}
for _action, (_fields, _required) in ACTIONS.items():
    _props = {**_COMMON, **_fields}
    SCHEMA[_action] = {
        "type": "object",
        "additionalProperties": False,
        "properties": _props,
        "required": ["action", "by", "why", *_required],
    }


# --- entries ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One correction: its number in the file (from 1), its action and its fields as written."""

    number: int
    action: str
    fields: dict[str, Any]

    @property
    def label(self) -> str:
        return f"entry {self.number} ({self.action})"

    def key(self) -> str:
        """The record it names, in a readable form."""
        return _key_text(self.action, self.fields)


def _key_text(action: str, f: dict[str, Any]) -> str:
    if action == "merge_actors":
        return f"{f['from']} -> {f['into']}"
    if "actor" in f:
        return f["actor"]
    for name in ("mention", "quote", "span"):
        if name in f:
            return f"{name} {f[name]['start']}-{f[name]['end']}"
    ev = f.get("event", f)
    return (
        f"event s{ev['sentence']} {ev['source']} -> {ev.get('target', '') or '-'} '{ev['trigger']}'"
    )


def _plain(value: Any) -> Any:
    """YAML's dates as ISO strings (``date: 2024-05-02`` unquoted is read as a date)."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def parse(text: str, where: str = "corrections") -> list[Entry]:
    """The entries of a corrections document, validated (schema and conflicts), in file order."""
    try:
        raw = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CorrectionError(f"{where}: not valid YAML{at} ({problem}); fix the file") from None
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise CorrectionError(
            f"{where}: must be a YAML list of entries ('- action: ...'), not a {type(raw).__name__}"
        )
    entries = [_entry(i, item, where) for i, item in enumerate(raw, start=1)]
    check_conflicts(entries, where)
    return entries


def _entry(number: int, item: Any, where: str) -> Entry:
    if not isinstance(item, dict):
        raise CorrectionError(
            f"{where}: entry {number} is not a mapping of fields ('action: ...', 'by: ...')"
        )
    item = _plain(item)
    action = item.get("action")
    if action not in SCHEMA:
        raise CorrectionError(
            f"{where}: entry {number} has action {action!r}; use one of {', '.join(ORDER)}"
        )
    try:
        _compiled(action)(
            item
        )  # fast path: the schema compiled to Python; jsonschema explains a failure
        return Entry(number, action, item)
    except JsonSchemaException:
        pass
    errors = sorted(
        _validator(action).iter_errors(item),
        key=lambda e: (e.validator != "additionalProperties", [str(p) for p in e.path], e.message),
    )
    if errors:
        err = errors[0]
        at = ".".join(str(p) for p in err.path)
        if err.validator == "additionalProperties":
            unknown = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            allowed = ", ".join(err.schema.get("properties", {}))
            raise CorrectionError(
                f"{where}: entry {number} ({action}): unknown field {unknown[0]!r}"
                f"{' in ' + at if at else ''}; the fields are {allowed}"
            )
        hint = ""
        if (
            err.validator == "type"
            and err.instance.__class__ is int
            and err.validator_value == "string"
        ):
            hint = " (quote it, e.g. '057': YAML reads 057 as a number)"
        raise CorrectionError(
            f"{where}: entry {number} ({action}): {at + ': ' if at else ''}{err.message}{hint}"
        )
    return Entry(number, action, item)


@cache
def _compiled(action: str) -> Callable[[Any], Any]:
    """The action's schema compiled by fastjsonschema (about 30 times faster than interpreting it)."""
    return fastjsonschema.compile(SCHEMA[action])


@cache
def _validator(action: str) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(SCHEMA[action])


def _claims(e: Entry) -> list[tuple[str, str]]:
    """(record, field) pairs an entry changes; ``*`` is the whole record."""
    f = e.fields
    if e.action == "merge_actors":
        return [(f"actor {f['from']}", "*")]
    if e.action == "drop_actor":
        return [(f"actor {f['actor']}", "*")]
    if e.action.startswith("set_") and "actor" in f:
        return [(f"actor {f['actor']}", e.action[4:])]
    if e.action == "relink_mention":
        return [(_span_record("mention", f["mention"]), "actor")]
    if e.action == "set_speaker":
        return [(_span_record("quote", f["quote"]), "speaker")]
    if e.action == "set_date_value":
        return [(_span_record("time expression", f["span"]), "value")]
    record = "event " + json.dumps(_event_key(f.get("event", f)))
    return [
        (
            record,
            {"drop_event": "*", "add_event": "*", "recode_event": "code", "set_date": "date"}[
                e.action
            ],
        )
    ]


def _span_record(kind: str, span: dict) -> str:
    return f"{kind} {span['start']}-{span['end']}"


def check_conflicts(entries: Iterable[Entry], where: str = "corrections") -> None:
    """Refuse two entries on the same record and field (or one dropping a record another changes)."""
    seen: dict[str, dict[str, Entry]] = defaultdict(dict)
    for e in entries:
        for record, field in _claims(e):
            fields = seen[record]
            clash = (
                next(iter(fields.values()), None)
                if field == "*"
                else fields.get(field) or fields.get("*")
            )
            if clash is None:
                fields[field] = e
                continue
            if field == "*" or "*" in fields:
                raise CorrectionError(
                    f"{where}: {clash.label} and {e.label} both concern {record} and one of them "
                    "merges, drops or adds it; keep one of them"
                )
            raise CorrectionError(
                f"{where}: {clash.label} and {e.label} both set the {field} of {record}; "
                "keep one of them"
            )


def load(path: str | Path) -> list[Entry]:
    """The validated entries of a corrections file (none when it does not exist)."""
    path = Path(path)
    if not path.exists():
        return []
    if path.is_dir():
        raise CorrectionError(f"{_show(path)} is a folder; give a corrections file (<slug>.yaml)")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CorrectionError(f"{_show(path)}: not UTF-8 text; re-save it as UTF-8") from None
    return parse(text, _show(path))


def _show(path: Path) -> str:
    """A path relative to the repository when it is inside it (no machine paths in messages)."""
    try:
        return str(Path(path).resolve().relative_to(config.ROOT))
    except ValueError:
        return str(path)


# --- applying entries to tables (pure) ----------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What became of one entry: ``applied`` or ``stale`` (its record no longer exists), and why."""

    entry: int
    action: str
    key: str
    status: str
    note: str = ""
    by: str = ""
    why: str = ""


class Result(NamedTuple):
    """What :func:`apply` did: the entries applied and those whose record no longer exists."""

    applied: list[Outcome]
    stale: list[Outcome]
    path: str = ""

    def lines(self) -> list[str]:
        """A short account for the command line: a count, then one line per stale entry."""
        if not self.applied and not self.stale:
            return []
        out = [f"corrections: {self.path}: {len(self.applied)} applied, {len(self.stale)} stale"]
        out += [f"  stale: entry {o.entry} ({o.action}) {o.key}: {o.note}" for o in self.stale]
        return out


def _key_tuple(row: dict) -> tuple:
    return (int(row["sentence_id"]), row["source"], row["target"] or "", row["trigger"])


def _event_key(f: dict) -> tuple:
    return (int(f["sentence"]), f["source"], f.get("target", "") or "", f["trigger"])


class _Tables:
    """The tables as lists of row dicts, indexed by the keys entries use."""

    def __init__(
        self, tables: dict[str, pd.DataFrame], sentences: pd.DataFrame, places: pd.DataFrame
    ) -> None:
        self.rows = {n: tables[n].to_dict("records") for n in TABLES}
        self.sentences = dict(zip(sentences["sentence_id"].astype(int), sentences["text"]))
        self.places = set(places["place_id"])
        self.actors = {r["actor_id"]: r for r in self.rows["actors"]}
        self.merged: dict[str, str] = {}  # merged-away id -> the id it is now
        self.gone_events: set[tuple] = set()  # event keys dropped with their source actor
        self.auto_keys = {
            _key_tuple(r): r for r in self.rows["events"]
        }  # keys as the annotator wrote them
        self._index: dict[str, dict] = {}  # table -> its rows by key, until the table changes

    def final(self, actor_id: str) -> str:
        seen = set()
        while actor_id in self.merged and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.merged[actor_id]
        return actor_id

    def keep(self, name: str, rows: list[dict]) -> None:
        """Replace the rows of table ``name`` (dropping some), and forget its index."""
        self.rows[name] = rows
        self._index.pop(name, None)

    def changed(self, name: str) -> None:
        """Rows of ``name`` changed their keyed values (a merge): forget its index."""
        self._index.pop(name, None)

    def spans(self, name: str) -> dict[tuple[int, int], dict]:
        """Rows of a table with offsets, by (start, end); built once until the table changes."""
        if name not in self._index:
            index: dict[tuple[int, int], dict] = {}
            for r in self.rows[name]:
                index.setdefault(
                    (int(r["start"]), int(r["end"])), r
                )  # the first row at those offsets
            self._index[name] = index
        return self._index[name]

    def events_by_key(self) -> dict[tuple, list[dict]]:
        """Events by (sentence, source, target, trigger); built once until the events change."""
        if "events" not in self._index:
            out: dict[tuple, list[dict]] = defaultdict(list)
            for r in self.rows["events"]:
                out[_key_tuple(r)].append(r)
            self._index["events"] = out
        return self._index["events"]

    def add_event(self, row: dict) -> None:
        self.rows["events"].append(row)
        if "events" in self._index:
            self._index["events"][_key_tuple(row)].append(row)


def correct(
    tables: dict[str, pd.DataFrame],
    entries: list[Entry],
    sentences: pd.DataFrame,
    places: pd.DataFrame,
    where: str = "corrections",
) -> tuple[dict[str, pd.DataFrame], Result]:
    """The corrected tables (with ``provenance``) and what became of each entry.

    ``tables`` are the automatic ones (actors, mentions, events, quotes, dates); they are not changed.
    Raises :class:`CorrectionError` for an entry that names an unknown actor, sentence, place or CAMEO
    code, or would break the contract."""
    check_conflicts(entries, where)
    t = _Tables(tables, sentences, places)
    outcomes: list[Outcome] = []
    ordered = sorted(entries, key=lambda e: (ORDER.index(e.action), e.number))
    by_action: dict[str, list[Entry]] = defaultdict(list)
    for e in ordered:
        by_action[e.action].append(e)
    _check_merges(t, by_action["merge_actors"], where)
    adds = 0
    for e in ordered:
        handler = _HANDLERS[e.action]
        if e.action == "add_event":
            adds += 1
            status, note = handler(t, e, where, adds)
        else:
            status, note = handler(t, e, where)
        outcomes.append(
            Outcome(
                e.number, e.action, e.key(), status, note, str(e.fields["by"]), str(e.fields["why"])
            )
        )
    corrected = {n: _frame(t.rows[n], tables[n], n) for n in TABLES}
    corrected["events"] = (
        corrected["events"].sort_values("sentence_id", kind="stable").reset_index(drop=True)
    )
    for n in TABLES:
        corrected[n] = _provenance(corrected[n], tables[n], KEY_COLUMNS[n])
    outcomes.sort(key=lambda o: o.entry)
    return corrected, Result(
        [o for o in outcomes if o.status == "applied"],
        [o for o in outcomes if o.status == "stale"],
        where,
    )


def _frame(rows: list[dict], like: pd.DataFrame, name: str) -> pd.DataFrame:
    cols = [c for c in like.columns if c != "provenance"]
    df = pd.DataFrame(rows, columns=cols) if rows else like.iloc[0:0][cols].copy()
    for c in cols:  # keep the automatic table's types (an added row must not turn ints into floats)
        if like[c].dtype != object and len(df):
            df[c] = df[c].astype(like[c].dtype)
    return df


def _provenance(df: pd.DataFrame, auto: pd.DataFrame, key: str) -> pd.DataFrame:
    """``manual`` for a row that differs from its automatic row or has none; ``auto`` otherwise."""
    cols = [c for c in df.columns if c != "provenance"]
    before = {r[key]: r for r in auto[cols].to_dict("records")}
    marks = ["auto" if before.get(r[key]) == r else "manual" for r in df[cols].to_dict("records")]
    return df.assign(provenance=marks)


def _unknown_actor(t: _Tables, e: Entry, actor_id: str, field: str, where: str) -> CorrectionError:
    return CorrectionError(
        f"{where}: {e.label}: {field} {actor_id} is not an actor of this article "
        "(see actors.csv); fix the id or remove the entry"
    )


def _check_merges(t: _Tables, merges: list[Entry], where: str) -> None:
    for e in merges:
        into, frm = e.fields["into"], e.fields["from"]
        if into == frm:
            raise CorrectionError(f"{where}: {e.label}: merges {into} into itself; name two actors")
        if into not in t.actors:
            raise _unknown_actor(t, e, into, "into", where)
    graph = {e.fields["from"]: e.fields["into"] for e in merges}
    for e in merges:
        seen, node = {e.fields["from"]}, e.fields["into"]
        while node in graph:
            if node in seen:
                raise CorrectionError(
                    f"{where}: {e.label}: the merges form a cycle through {node}; "
                    "merge each actor into one that stays"
                )
            seen.add(node)
            node = graph[node]


def _merge(t: _Tables, e: Entry, where: str) -> tuple[str, str]:
    frm = e.fields["from"]
    if frm not in t.actors:
        return "stale", f"no actor {frm} in actors.csv"
    t.merged[frm] = e.fields["into"]
    into = t.final(frm)
    if (
        into not in t.actors
    ):  # merged into an actor a later-in-file merge took away: follow the chain
        raise _unknown_actor(t, e, e.fields["into"], "into", where)
    gone = t.actors.pop(frm)
    t.keep("actors", [r for r in t.rows["actors"] if r["actor_id"] != frm])
    target = t.actors[into]
    target["mentions"] = int(target["mentions"]) + int(gone["mentions"])
    _reassign(t, {frm: into})
    loops = sum(r["source"] == r["target"] == into for r in t.rows["events"])
    return (
        "applied",
        f"{loops} events now from {into} to itself (kept; drop them if wrong)" if loops else "",
    )


def _reassign(t: _Tables, mapping: dict[str, str]) -> None:
    """Point every mention, event and quote of an old actor id at its new one."""
    for r in t.rows["mentions"]:
        r["actor_id"] = mapping.get(r["actor_id"], r["actor_id"])
    for r in t.rows["events"]:
        r["source"] = mapping.get(r["source"], r["source"])
        r["target"] = mapping.get(r["target"], r["target"])
    for r in t.rows["quotes"]:
        r["speaker"] = mapping.get(r["speaker"], r["speaker"])
    t.changed("events")


def _drop_actor(t: _Tables, e: Entry, where: str) -> tuple[str, str]:
    actor = t.final(e.fields["actor"])
    if actor not in t.actors:
        return "stale", f"no actor {e.fields['actor']} in actors.csv"
    del t.actors[actor]
    t.keep("actors", [r for r in t.rows["actors"] if r["actor_id"] != actor])
    mentions = [r for r in t.rows["mentions"] if r["actor_id"] == actor]
    for r in mentions:
        r["actor_id"] = ""
    t.keep("mentions", [r for r in t.rows["mentions"] if r["actor_id"] or r["place_id"]])
    dropped = [r for r in t.rows["events"] if r["source"] == actor]
    t.gone_events |= {_key_tuple(r) for r in dropped}
    t.keep("events", [r for r in t.rows["events"] if r["source"] != actor])
    cleared = 0
    for r in t.rows["events"]:
        if r["target"] == actor:
            r["target"], cleared = "", cleared + 1
    t.changed("events")
    quotes = 0
    for r in t.rows["quotes"]:
        if r["speaker"] == actor:
            r["speaker"], quotes = "", quotes + 1
    parts = [
        f"{len(mentions)} mentions unlinked",
        f"{len(dropped)} events it was the source of dropped",
    ]
    parts += [f"target of {cleared} events cleared"] if cleared else []
    parts += [f"speaker of {quotes} quotes cleared"] if quotes else []
    return "applied", "; ".join(parts)


def _set_actor(t: _Tables, e: Entry, where: str) -> tuple[str, str]:
    field = e.action[4:]
    actor = t.final(e.fields["actor"])
    if actor not in t.actors:
        return "stale", f"no actor {e.fields['actor']} in actors.csv"
    value = e.fields[field]
    if field == "country" and value and value not in _countries():
        raise CorrectionError(
            f"{where}: {e.label}: {value} is no ISO 3166-1 alpha-3 country code; "
            "give one such as RUS, or '' for none"
        )
    row = t.actors[actor]
    if str(row[field]) == value:
        return "applied", f"the annotator already gives {value!r}"
    row[field] = value
    if field == "country" and "country_basis" in row:
        row["country_basis"] = "manual"
    return "applied", ""


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from . import reference

    return frozenset(reference.countries())


def _span_row(t: _Tables, name: str, span: dict) -> tuple[dict | None, str]:
    key = (int(span["start"]), int(span["end"]))
    row = t.spans(name).get(key)
    if row is None:
        return None, f"no row of {name}.csv at {key[0]}-{key[1]}"
    if "text" in span and span["text"] != row["text"]:
        return None, f"{name}.csv has {row['text']!r} at {key[0]}-{key[1]}, not {span['text']!r}"
    return row, ""


def _actor_value(t: _Tables, e: Entry, field: str, where: str) -> str:
    value = e.fields[field]
    if not value:
        return ""
    final = t.final(value)
    if final not in t.actors:
        raise _unknown_actor(t, e, value, field, where)
    return final


def _relink(t: _Tables, e: Entry, where: str) -> tuple[str, str]:
    to = _actor_value(t, e, "to", where)
    row, why = _span_row(t, "mentions", e.fields["mention"])
    if row is None:
        return "stale", why
    old = row["actor_id"]
    if old == to:
        return "applied", f"the annotator already links it to {to or 'no actor'}"
    row["actor_id"] = to
    row["how"] = "manual"
    for actor, delta in ((old, -1), (to, 1)):
        if actor in t.actors:
            t.actors[actor]["mentions"] = max(0, int(t.actors[actor]["mentions"]) + delta)
    return "applied", ""


def _set_speaker(t: _Tables, e: Entry, where: str) -> tuple[str, str]:
    speaker = _actor_value(t, e, "speaker", where)
    row, why = _span_row(t, "quotes", e.fields["quote"])
    if row is None:
        return "stale", why
    if row["speaker"] == speaker:
        return "applied", f"the annotator already gives {speaker or 'no speaker'}"
    row["speaker"] = speaker
    return "applied", ""


def _set_date_value(t: _Tables, e: Entry, where: str) -> tuple[str, str]:
    row, why = _span_row(t, "dates", e.fields["span"])
    if row is None:
        return "stale", why
    row["value"] = e.fields["value"]
    if "kind" in e.fields:
        row["kind"] = e.fields["kind"]
    if "basis" in row:
        row["basis"] = "manual"
    return "applied", ""


def _find_events(t: _Tables, e: Entry) -> tuple[list[dict], str]:
    """The events an entry's key names: by the key as written, or with merged actors' new ids."""
    f = e.fields["event"]
    key = _event_key(f)
    index = t.events_by_key()
    resolved = (key[0], t.final(key[1]), t.final(key[2]) if key[2] else "", key[3])
    rows = index.get(resolved) or index.get(key) or []
    if not rows and key in t.auto_keys:  # the annotator wrote it with an actor since merged
        auto = t.auto_keys[key]
        rows = [r for r in t.rows["events"] if r is auto]
    if rows:
        return rows, ""
    if key in t.gone_events or resolved in t.gone_events:
        return [], "the event went with its dropped source actor"
    return [], f"no event in sentence {key[0]} from {key[1]} to {key[2] or 'no one'} on {key[3]!r}"


def _drop_event(t: _Tables, e: Entry, where: str) -> tuple[str, str]:
    rows, why = _find_events(t, e)
    if not rows:
        return ("applied", why) if why.startswith("the event went") else ("stale", why)
    ids = {id(r) for r in rows}
    t.keep("events", [r for r in t.rows["events"] if id(r) not in ids])
    return "applied", f"{len(rows)} events" if len(rows) > 1 else ""


def _code(t: _Tables, e: Entry, where: str) -> dict[str, Any]:
    """type, mode, cameo, goldstein and context for a CAMEO code, the entry's own values first."""
    from . import cameo

    f = e.fields
    info = cameo.load().codes.get(f["cameo"])
    if info is None:
        raise CorrectionError(
            f"{where}: {e.label}: CAMEO code {f['cameo']} is not in the CAMEO table "
            "(data/reference/cameo_plover.csv); give a listed code"
        )
    kind = f.get("type") or info.plover
    if not kind:
        raise CorrectionError(
            f"{where}: {e.label}: CAMEO code {f['cameo']} has no PLOVER category; "
            "give its type (e.g. type: CONSULT)"
        )
    return {
        "type": kind,
        "mode": f.get("mode", info.mode),
        "cameo": f["cameo"],
        "goldstein": float(f.get("goldstein", info.goldstein)),
        "context": info.context,
    }


def _recode(t: _Tables, e: Entry, where: str) -> tuple[str, str]:
    values = _code(t, e, where)
    rows, why = _find_events(t, e)
    if not rows:
        return "stale", why
    for r in rows:
        for k, v in values.items():
            if k in r:
                r[k] = v
    return "applied", f"{len(rows)} events" if len(rows) > 1 else ""


def _set_date(t: _Tables, e: Entry, where: str) -> tuple[str, str]:
    rows, why = _find_events(t, e)
    if not rows:
        return "stale", why
    for r in rows:
        r["date"] = e.fields["value"]
        if "date_text" in e.fields:
            r["date_text"] = e.fields["date_text"]
        if "date_basis" in r:
            r["date_basis"] = "manual"
    return "applied", ""


def _add_event(t: _Tables, e: Entry, where: str, n: int) -> tuple[str, str]:
    f = e.fields
    sentence = int(f["sentence"])
    if sentence not in t.sentences:
        raise CorrectionError(
            f"{where}: {e.label}: sentence {sentence} is not in sentences.csv "
            f"(0 to {max(t.sentences, default=-1)}); give the sentence_id of the event"
        )
    source = _actor_value(t, e, "source", where)
    target = _actor_value(t, e, "target", where) if f.get("target") else ""
    if f.get("place") and f["place"] not in t.places:
        raise CorrectionError(
            f"{where}: {e.label}: place {f['place']} is not in places.csv; "
            "give a place_id of places.csv or leave it out"
        )
    values = _code(t, e, where)
    key = (sentence, source, target, f["trigger"])
    if t.events_by_key().get(key):
        return "stale", "the annotator now finds this event; recode it instead if it is coded wrong"
    row = {
        "event_id": f"m{n:03d}",
        "sentence_id": sentence,
        **values,
        "source": source,
        "target": target,
        "date": f.get("event_date", ""),
        "date_text": f.get("date_text", ""),
        "place_id": f.get("place", ""),
        "trigger": f["trigger"],
        "negated": bool(f.get("negated", False)),
        "confidence": 1.0,
        "date_basis": "manual" if f.get("event_date") else "",
        "sentence": t.sentences[sentence],
    }
    t.add_event(row)
    return "applied", ""


_HANDLERS: dict[str, Callable[..., tuple[str, str]]] = {
    "merge_actors": _merge,
    "drop_actor": _drop_actor,
    "set_country": _set_actor,
    "set_role": _set_actor,
    "set_code": _set_actor,
    "set_type": _set_actor,
    "relink_mention": _relink,
    "set_speaker": _set_speaker,
    "drop_event": _drop_event,
    "recode_event": _recode,
    "set_date": _set_date,
    "set_date_value": _set_date_value,
    "add_event": _add_event,
}


# --- applying a file to an annotation folder ------------------------------------------------------


def default_path(slug: str) -> Path:
    """Where the corrections of article ``slug`` are looked for: ``data/corrections/<slug>.yaml``, or,
    when the environment variable ``NEWS_ACTORS_CORRECTIONS`` is set, ``<it>/<slug>.yaml`` (a folder)
    or the file it names."""
    override = os.environ.get("NEWS_ACTORS_CORRECTIONS")
    if override:
        p = config.resolve(override)
        return p if p.suffix.lower() in (".yaml", ".yml") else p / f"{slug}.yaml"
    return config.CORRECTIONS / f"{slug}.yaml"


def corpus_path(slug: str) -> Path:
    """The corrections file of article ``slug`` of a corpus: :func:`default_path`, except that
    ``NEWS_ACTORS_CORRECTIONS`` naming one file (one article's, as ``report --corrections FILE`` sets
    it for the notebooks, 07_corpus included) is not applied to every article: a corpus reads
    ``data/corrections/`` then."""
    override = os.environ.get("NEWS_ACTORS_CORRECTIONS")
    if override and config.resolve(override).suffix.lower() in (".yaml", ".yml"):
        return config.CORRECTIONS / f"{slug}.yaml"
    return default_path(slug)


def path_for(directory: str | Path) -> Path:
    """The corrections file of an annotation folder (from the slug in its meta.json)."""
    meta = schemas.read_meta(directory)
    return default_path(meta.get("slug") or Path(directory).name)


def shown_file(directory: str | Path) -> str:
    """The corrections file of an annotation folder as a reader should see it: relative to the
    repository when it lies inside it (``data/corrections/<slug>.yaml``), else as configured."""
    return _show(path_for(directory))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record(directory: Path) -> dict[str, Any]:
    path = Path(directory) / AUTO / RECORD
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        return {}


def automatic_file(directory: str | Path, name: str) -> Path:
    """The file holding the automatic version of ``name`` (a table name or ``events.plover.jsonl``):
    ``auto/<file>`` when the main one is the corrected table written by :func:`apply`, else the main one
    (written by the annotator after the last correction, or never corrected)."""
    directory = Path(directory)
    file = name if "." in name else f"{name}.csv"
    main = directory / file
    written = _record(directory).get("written", {})
    if (
        file in written
        and main.exists()
        and (directory / AUTO / file).exists()
        and _sha(main) == written[file]
    ):
        return directory / AUTO / file
    return main


def read_automatic(directory: str | Path, name: str) -> pd.DataFrame:
    """Table ``name`` as the annotators wrote it, before any correction."""
    path = automatic_file(directory, name)
    return schemas.read_table(path.parent, name)


def apply(directory: str | Path, path: str | Path | None = None) -> Result:
    """Apply the corrections file ``path`` (default :func:`path_for`) to the annotation folder, from its
    automatic tables: the corrected tables replace the main ones, the automatic ones go to ``auto/``.
    All or nothing; applying again changes nothing. Without a file, a folder corrected before gets its
    automatic tables back."""
    directory = Path(directory)
    from .pipeline import staged

    with staged(directory) as tmp:
        result = apply_into(directory, tmp, path)
    return result


def apply_into(directory: Path, tmp: Path, path: str | Path | None = None) -> Result:
    """:func:`apply` writing into ``tmp``, the scratch folder of a stage that replaces ``directory``'s
    files when it succeeds; tables already in ``tmp`` are fresh automatic ones."""
    directory, tmp = Path(directory), Path(tmp)
    if path is None:
        path = path_for(_newest(directory, tmp, "meta.json"))
    path = Path(path)
    entries = load(path)
    corrected_before = (directory / AUTO).is_dir()
    if not entries and not corrected_before:
        return Result([], [], _show(path))
    sources = {
        f: _fresh_or_automatic(directory, tmp, f)
        for f in [*(f"{n}.csv" for n in TABLES), PLOVER_FILE]
    }
    if not entries:  # the file is gone or empty: the automatic tables are the tables again
        _restore_automatic(sources, tmp)
        return Result([], [], _show(path))
    if sources["actors.csv"] is None or sources["mentions.csv"] is None:
        raise CorrectionError(
            f"{_show(directory)}: actors.csv is missing; annotate the article before "
            "applying corrections"
        )
    present = [n for n in TABLES if sources[f"{n}.csv"] is not None]
    entries = [
        e for e in entries if NEEDS.get(e.action, "actors") in present
    ]  # the others wait for their stage
    tables = _automatic_tables(sources)
    ref_dir = _newest(directory, tmp, "sentences.csv")
    sentences = schemas.read_table(ref_dir, "sentences")
    places = schemas.read_table(_newest(directory, tmp, "places.csv"), "places")
    body = schemas.read_body(ref_dir)
    corrected, result = correct(tables, entries, sentences, places, _show(path))
    written = _write_corrected(directory, tmp, sources, corrected, present, body)
    _write_record(tmp, path, written, result)
    return result


def _newest(directory: Path, tmp: Path, file: str) -> Path:
    """``tmp`` if the stage has written ``file`` there already, else ``directory``."""
    return tmp if (tmp / file).exists() else directory


def _restore_automatic(sources: dict[str, Path | None], tmp: Path) -> None:
    """Make the automatic files (``sources``) the files of ``tmp`` again, with no corrections."""
    for file, src in sources.items():
        if src is not None and src.parent != tmp:
            shutil.copyfile(src, tmp / file)
    (tmp / AUTO).mkdir(exist_ok=True)  # an empty auto/ removes the old one (pipeline.staged)


def _automatic_tables(sources: dict[str, Path | None]) -> dict[str, pd.DataFrame]:
    """Each correctable table as annotated, or empty when its stage has not run yet."""
    found = {n: p for n in TABLES if (p := sources[f"{n}.csv"]) is not None}
    return {
        n: schemas.read_table(found[n].parent, n) if n in found else schemas.empty(n)
        for n in TABLES
    }


def _write_corrected(
    directory: Path,
    tmp: Path,
    sources: dict[str, Path | None],
    corrected: dict[str, pd.DataFrame],
    present: list[str],
    body: str,
) -> dict[str, str]:
    """Keep the automatic files in ``tmp/auto/`` and write the corrected tables (and PLOVER
    records) in ``tmp``; returns the SHA-256 of each file written."""
    (tmp / AUTO).mkdir(exist_ok=True)
    for file, src in sources.items():
        if src is not None:
            shutil.copyfile(src, tmp / AUTO / file)
    written = {}
    for n in present:
        schemas.write_table(
            corrected[n], n, tmp, body if n in ("mentions", "quotes", "dates") else None
        )
        written[f"{n}.csv"] = _sha(tmp / f"{n}.csv")
    if sources[PLOVER_FILE] is not None:
        from . import plover

        meta = schemas.read_meta(_newest(directory, tmp, "meta.json"))
        plover.write(corrected["events"], corrected["actors"], tmp, meta.get("slug", ""))
        written[PLOVER_FILE] = _sha(tmp / PLOVER_FILE)
    return written


def _write_record(tmp: Path, path: Path, written: dict[str, str], result: Result) -> None:
    """Record in ``tmp/auto/`` the corrections file applied, what it did and the hashes written."""
    record = {
        "file": _show(path),
        "sha256": _sha(path),
        "written": written,
        "applied": [_as_dict(o) for o in result.applied],
        "stale": [_as_dict(o) for o in result.stale],
    }
    (tmp / AUTO / RECORD).write_text(_record_text(record), encoding="utf-8")


def _as_dict(o: Outcome) -> dict[str, Any]:
    return {f: getattr(o, f) for f in _OUTCOME_COLUMNS}


def _record_text(record: dict[str, Any]) -> str:
    """The record as JSON with one outcome a line: readable, diffable, and fast (json's C encoder)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    parts = []
    for key in sorted(record):
        value = record[key]
        if isinstance(value, list):
            inner = ",\n".join(f"  {dump(v)}" for v in value)
            parts.append(f" {dump(key)}: [\n{inner}\n ]" if value else f" {dump(key)}: []")
        else:
            parts.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


#: The table an action needs (the others need only actors and mentions).
NEEDS = {
    "drop_event": "events",
    "recode_event": "events",
    "set_date": "events",
    "add_event": "events",
    "set_speaker": "quotes",
    "set_date_value": "dates",
}


def recorded(directory: str | Path) -> Result:
    """What the last :func:`apply` did to ``directory``, from its record (empty when not corrected)."""
    rec = _record(Path(directory))
    return Result(
        [Outcome(**o) for o in rec.get("applied", [])],
        [Outcome(**o) for o in rec.get("stale", [])],
        rec.get("file", ""),
    )


def _fresh_or_automatic(directory: Path, tmp: Path, file: str) -> Path | None:
    if (tmp / file).exists():
        return tmp / file
    src = automatic_file(directory, file)
    return src if src.exists() else None


# --- for notebooks: what was corrected -----------------------------------------------------------


class Summary(NamedTuple):
    """The corrections of an annotation folder as tables: applied and stale entries, changed rows."""

    file: str
    applied: pd.DataFrame
    stale: pd.DataFrame
    changes: pd.DataFrame


_OUTCOME_COLUMNS = ["entry", "action", "key", "status", "note", "by", "why"]


#: The table each action is about (02_actors shows the first group, 03_events the others).
TABLE_OF = {
    "merge_actors": "actors",
    "drop_actor": "actors",
    "set_country": "actors",
    "set_role": "actors",
    "set_code": "actors",
    "set_type": "actors",
    "relink_mention": "mentions",
    "set_speaker": "quotes",
    "drop_event": "events",
    "recode_event": "events",
    "set_date": "events",
    "add_event": "events",
    "set_date_value": "dates",
}


def summary(directory: str | Path, tables: Iterable[str] | None = None) -> Summary:
    """What the last :func:`apply` did to ``directory``: entries applied, entries stale, and every row
    added, changed or dropped (table, id, change, columns changed); empty tables when none. With
    ``tables`` (e.g. ``("actors", "mentions")``), only entries about and rows of those tables."""
    directory = Path(directory)
    rec = _record(directory)
    applied = pd.DataFrame(rec.get("applied", []), columns=_OUTCOME_COLUMNS)
    stale = pd.DataFrame(rec.get("stale", []), columns=_OUTCOME_COLUMNS)
    changed = changes(directory, tables) if rec else _empty_changes()
    if tables is not None:
        keep = set(tables)
        about = lambda df: df[df["action"].map(TABLE_OF).isin(keep)].reset_index(drop=True)  # noqa: E731
        applied, stale = about(applied), about(stale)
        changed = changed[changed["table"].isin(keep)].reset_index(drop=True)
    return Summary(rec.get("file", ""), applied, stale, changed)


def _empty_changes() -> pd.DataFrame:
    return pd.DataFrame(columns=["table", "id", "change", "columns"])


def changes(directory: str | Path, tables: Iterable[str] | None = None) -> pd.DataFrame:
    """Rows of the corrected tables that differ from the automatic ones: ``added``, ``changed`` (with the
    columns changed) or ``dropped``; only of ``tables`` when given, and only of tables already written
    (02_actors asks before 03_events has written events.csv)."""
    directory = Path(directory)
    rows = []
    wanted = TABLES if tables is None else [n for n in TABLES if n in set(tables)]
    for n in wanted:
        if not (directory / f"{n}.csv").exists():
            continue
        key = KEY_COLUMNS[n]
        auto = read_automatic(directory, n)
        main = schemas.read_table(directory, n)
        cols = [c for c in main.columns if c != "provenance" and c in auto.columns]
        before = {r[key]: r for r in auto[cols].to_dict("records")}
        after = {r[key]: r for r in main[cols].to_dict("records")}
        for rid, r in after.items():
            if rid not in before:
                rows.append({"table": n, "id": rid, "change": "added", "columns": ""})
            elif r != before[rid]:
                diff = [c for c in cols if r[c] != before[rid][c]]
                rows.append(
                    {"table": n, "id": rid, "change": "changed", "columns": ", ".join(diff)}
                )
        rows += [
            {"table": n, "id": rid, "change": "dropped", "columns": ""}
            for rid in before
            if rid not in after
        ]
    return (
        pd.DataFrame(rows, columns=["table", "id", "change", "columns"])
        if rows
        else _empty_changes()
    )


# --- for notebooks: adding an entry --------------------------------------------------------------

HEADER = (
    "# Analyst corrections of the article's annotation tables, applied after every annotation.\n"
    "# One entry per fix; see the README section 'Corrections' for the actions and their fields.\n"
)


def _target(slug_or_dir: str | Path) -> tuple[Path, Path | None]:
    """(corrections file, annotation folder or None) of a slug or an annotation folder."""
    p = Path(slug_or_dir)
    if (p / "meta.json").exists():
        return path_for(p), p
    folder = config.processed_dir(str(slug_or_dir))
    return default_path(str(slug_or_dir)), folder if (folder / "meta.json").exists() else None


def add(
    slug_or_dir: str | Path, entry: dict[str, Any], path: str | Path | None = None
) -> dict[str, Any]:
    """Append ``entry`` to the corrections file of an article (a slug or its annotation folder), after
    checking it against the file (schema, conflicts) and, when the article is annotated, its tables
    (its record exists, the actors it names are actors). Existing entries and comments are kept."""
    file, folder = _target(slug_or_dir)
    file = Path(path) if path else file
    entry = {k: v for k, v in entry.items() if v is not None}
    old = file.read_text(encoding="utf-8") if file.exists() else HEADER
    load(file)  # the file as it is must be valid before anything is added
    new_text = (
        old
        + ("" if old.endswith("\n") or not old else "\n")
        + yaml.safe_dump(
            [entry], sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
        )
    )
    entries = parse(new_text, _show(file))
    if len(entries) != len(parse(old, _show(file))) + 1:
        raise CorrectionError(
            f"{_show(file)}: cannot append to it; write its entries as a YAML block list "
            "('- action: ...')"
        )
    if folder is not None:
        _dry_run(folder, entries, _show(file))
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", dir=file.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(new_text)
    os.replace(tmp, file)
    return entries[-1].fields


def _dry_run(folder: Path, entries: list[Entry], where: str) -> None:
    """Apply ``entries`` in memory; refuse when the last one would be stale on the current tables."""
    tables = {n: read_automatic(folder, n) for n in TABLES}
    _, result = correct(
        tables,
        entries,
        schemas.read_table(folder, "sentences"),
        schemas.read_table(folder, "places"),
        where,
    )
    last = entries[-1].number
    for o in result.stale:
        if o.entry == last:
            raise CorrectionError(
                f"{where}: entry {o.entry} ({o.action}) {o.key}: {o.note}; nothing was added"
            )


def _meta(by: str | None, why: str, date: str | None) -> dict[str, Any]:
    if not why or not str(why).strip():
        raise CorrectionError("say why: every correction needs a reason (why='...')")
    return {
        "by": by or os.environ.get("NEWS_ACTORS_ANALYST") or _user(),
        "why": why,
        "date": date or _dt.date.today().isoformat(),
    }


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no user name on this system
        return "analyst"


def _event(sentence: int, source: str, target: str, trigger: str) -> dict[str, Any]:
    return {"sentence": int(sentence), "source": source, "target": target or "", "trigger": trigger}


def merge_actors(
    slug_or_dir: str | Path,
    into: str,
    from_: str,
    *,
    why: str,
    by: str | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    """Merge actor ``from_`` into ``into``: its mentions, events and quotes become ``into``'s."""
    return add(
        slug_or_dir, {"action": "merge_actors", "into": into, "from": from_, **_meta(by, why, date)}
    )


def drop_actor(
    slug_or_dir: str | Path, actor: str, *, why: str, by: str | None = None, date: str | None = None
) -> dict[str, Any]:
    """Drop a junk actor: its mentions are unlinked, the events it is the source of are dropped."""
    return add(slug_or_dir, {"action": "drop_actor", "actor": actor, **_meta(by, why, date)})


def _setter(field: str) -> Callable[..., dict[str, Any]]:
    def set_field(
        slug_or_dir: str | Path,
        actor: str,
        value: str,
        *,
        why: str,
        by: str | None = None,
        date: str | None = None,
    ) -> dict[str, Any]:
        return add(
            slug_or_dir,
            {"action": f"set_{field}", "actor": actor, field: value, **_meta(by, why, date)},
        )

    set_field.__name__ = f"set_{field}"
    set_field.__doc__ = f"Set an actor's {field} (``{field}`` column of actors.csv)."
    return set_field


set_country = _setter("country")
set_role = _setter("role")
set_code = _setter("code")
set_type = _setter("type")


def relink_mention(
    slug_or_dir: str | Path,
    start: int,
    end: int,
    to: str,
    *,
    why: str,
    by: str | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    """Link the mention at ``start``-``end`` to actor ``to`` ("" for none)."""
    return add(
        slug_or_dir,
        {
            "action": "relink_mention",
            "mention": {"start": int(start), "end": int(end)},
            "to": to,
            **_meta(by, why, date),
        },
    )


def set_speaker(
    slug_or_dir: str | Path,
    start: int,
    end: int,
    speaker: str,
    *,
    why: str,
    by: str | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    """Set the speaker of the quote at ``start``-``end`` ("" for none)."""
    return add(
        slug_or_dir,
        {
            "action": "set_speaker",
            "quote": {"start": int(start), "end": int(end)},
            "speaker": speaker,
            **_meta(by, why, date),
        },
    )


def drop_event(
    slug_or_dir: str | Path,
    sentence: int,
    source: str,
    target: str,
    trigger: str,
    *,
    why: str,
    by: str | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    """Drop the event of ``sentence`` from ``source`` to ``target`` ("" for none) on ``trigger``."""
    return add(
        slug_or_dir,
        {
            "action": "drop_event",
            "event": _event(sentence, source, target, trigger),
            **_meta(by, why, date),
        },
    )


def recode_event(
    slug_or_dir: str | Path,
    sentence: int,
    source: str,
    target: str,
    trigger: str,
    cameo: str,
    *,
    type: str | None = None,
    mode: str | None = None,
    why: str,
    by: str | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    """Give an event another CAMEO code (its PLOVER type, mode and Goldstein score follow the code
    unless ``type``/``mode`` are given)."""
    return add(
        slug_or_dir,
        {
            "action": "recode_event",
            "event": _event(sentence, source, target, trigger),
            "cameo": str(cameo),
            "type": type,
            "mode": mode,
            **_meta(by, why, date),
        },
    )


def set_date(
    slug_or_dir: str | Path,
    sentence: int,
    source: str,
    target: str,
    trigger: str,
    value: str,
    *,
    date_text: str | None = None,
    why: str,
    by: str | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    """Set an event's date (ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; "" for none)."""
    return add(
        slug_or_dir,
        {
            "action": "set_date",
            "event": _event(sentence, source, target, trigger),
            "value": value,
            "date_text": date_text,
            **_meta(by, why, date),
        },
    )


def set_date_value(
    slug_or_dir: str | Path,
    start: int,
    end: int,
    value: str,
    *,
    kind: str | None = None,
    why: str,
    by: str | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    """Set the normalised value of the time expression at ``start``-``end`` (dates.csv)."""
    return add(
        slug_or_dir,
        {
            "action": "set_date_value",
            "span": {"start": int(start), "end": int(end)},
            "value": value,
            "kind": kind,
            **_meta(by, why, date),
        },
    )


def add_event(
    slug_or_dir: str | Path,
    sentence: int,
    source: str,
    target: str,
    trigger: str,
    cameo: str,
    *,
    type: str | None = None,
    mode: str | None = None,
    event_date: str | None = None,
    date_text: str | None = None,
    place: str | None = None,
    why: str,
    by: str | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    """Add an event the annotator missed (``event_date`` is the event's date; ``date`` the correction's)."""
    return add(
        slug_or_dir,
        {
            "action": "add_event",
            "sentence": int(sentence),
            "source": source,
            "target": target or "",
            "trigger": trigger,
            "cameo": str(cameo),
            "type": type,
            "mode": mode,
            "event_date": event_date,
            "date_text": date_text,
            "place": place,
            **_meta(by, why, date),
        },
    )


def entries_frame(entries: Iterable[Entry]) -> pd.DataFrame:
    """Entries as a table (entry, action, key, by, why) for display."""
    rows = [
        {
            "entry": e.number,
            "action": e.action,
            "key": e.key(),
            "by": e.fields["by"],
            "why": e.fields["why"],
        }
        for e in entries
    ]
    return pd.DataFrame(rows, columns=["entry", "action", "key", "by", "why"])


def iter_files(folder: str | Path) -> Iterator[Path]:
    """The corrections files of a folder (``<slug>.yaml``), sorted."""
    yield from sorted(p for p in Path(folder).glob("*.y*ml") if p.suffix in (".yaml", ".yml"))

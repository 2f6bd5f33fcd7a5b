"""Word lists that encode linguistic knowledge for the rules (reporting verbs, intent verbs,
modal auxiliaries), kept as data in ``data/reference/rule_words.csv`` with the reason for each
entry, loaded once and validated.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from . import config

GROUPS = (
    "reporting",
    "intent",
    "future",
    "hypothetical",
    "aspectual",
    "concessive",
    "nominalization",
    "not_nominal",
    "participant",
    "state_anaphor",
    "org_anaphor",
    "generic_org_anaphor",
    "group_anaphor",
    "amount_nouns",
    "member_nouns",
    "partner_nouns",
    "protest_strike",
    "demand_modal",
    "title_modifier",
    "not_actor_head",
    "aim_verbs",
    "speech",
    "allegation",
    "denial",
    "target_governor",
    "response_noun",
    "light_verb",
    "light_verb_own_sense",
    "pair_noun",
    "pair_noun_person",
    "generic_head",
    "name_particle",
    "not_group_head",
    "name_premodifier",
    "leader_government",
    "body_head",
    "appointment_sense",
    "stative_passive",
    "too_general_group",
    "leader_head",
    "government_noun",
    "legislature_noun",
    "envoy_title",
    "buildup_verb",
    "polysemous_verb",
    "anticipation",
    "unrealised",
    "request_noun",
    "accompaniment_prep",
    "doer_participle",
    "need_verb",
    "praise_noun",
    "time_prep",
    "counted_person",
    "joint_meeting",
    "opportunity_noun",
    "commitment_verb",
    "accord_noun",
    "replacement_adverb",
    "cognition_clause",
    "reduction_verb",
    "easing_verb",
    "landmark_prep",
    "institution_noun",
    "plain_reporting",
    "office_noun",
    "hedge_denial",
    "earlier_time",
    "target_prep",
    "place_prep",
    "party_mark",
    "stance_noun",
    "grievance_prep",
    "place_head_noun",
    "recipient_prep",
    "holder_verb",
    "collective_noun",
    "agency_noun",
    "body_people",
    "ethnic_marker",
)


class RuleWordsError(ValueError):
    """A malformed row in rule_words.csv (the message names the row)."""


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    path = config.REFERENCE / "rule_words.csv"
    groups: dict[str, set[str]] = {g: set() for g in GROUPS}
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            group, word = (row.get("group") or "").strip(), (row.get("word") or "").strip()
            if group not in groups:
                raise RuleWordsError(
                    f"{path.name} row {n}: group {group!r} is not one of {', '.join(GROUPS)}"
                )
            if not word or not (row.get("reason") or "").strip():
                raise RuleWordsError(f"{path.name} row {n}: every row needs a word and a reason")
            groups[group].add(word.lower())
    return {g: frozenset(ws) for g, ws in groups.items()}


def words(group: str) -> frozenset[str]:
    """The words of one group (``reporting``, ``intent``, ``future``, ``hypothetical``,
    ``aspectual``, ``concessive``, ``nominalization``, ``demand_modal``)."""
    return _table()[group]


@lru_cache(maxsize=1)
def extra_agents() -> dict[str, str]:
    """Agent nouns the Phoenix agents list lacks ("officials", "forces"), word -> CAMEO sector,
    from ``data/reference/agents_extra.csv`` (each row with its reason)."""
    path = config.REFERENCE / "agents_extra.csv"
    out: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            word, sector = (
                (row.get("word") or "").strip().lower(),
                (row.get("sector") or "").strip(),
            )
            if not word or not sector.isalpha() or not sector.isupper() or len(sector) != 3:
                raise RuleWordsError(
                    f"{path.name} row {n}: needs a word and a three-letter sector code"
                )
            if not (row.get("reason") or "").strip():
                raise RuleWordsError(f"{path.name} row {n}: every row needs a reason")
            out[word] = sector
    return out


def verb_candidates(noun: str) -> list[str]:
    """Verbs a noun may name the act of ("mediation" -> ["mediate", ...]), by the nominal suffixes of
    the ``nominalization`` group; the caller keeps those its verb dictionary knows."""
    return list(_verb_candidates(noun, words("not_nominal"), words("nominalization")))


@lru_cache(maxsize=1 << 14)
def _verb_candidates(
    noun: str, not_nominal: frozenset[str], rules: frozenset[str]
) -> tuple[str, ...]:
    """``verb_candidates`` for the rule words given (keyed on them too: a reloaded table is a new key)."""
    if noun in not_nominal:
        return ()
    out = []
    for rule in sorted(rules, key=lambda r: -len(r.split(":")[0])):
        suffix, repl = rule.split(":", 1)
        if noun.endswith(suffix) and len(noun) - len(suffix) >= 3:
            stem = noun[: len(noun) - len(suffix)] + repl
            out += [stem, stem + "e"]
    return tuple(dict.fromkeys(out))


def agent_sector(phrase: str) -> str:
    """CAMEO sector of an agent word or phrase ("officials" -> GOV, "security forces" -> COP): the
    project's additions in ``agents_extra.csv`` first, then the Phoenix agents list; "" if neither."""
    from . import actordict

    return extra_agents().get(phrase) or actordict.agent(phrase) or ""

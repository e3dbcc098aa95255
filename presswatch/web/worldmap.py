"""A choropleth world map as inline SVG, drawn in Python from Natural Earth TopoJSON.

The geometry is npm's `world-atlas` (countries-110m.json), installed by `scripts/setup.sh` into
`static/vendor/`; it is decoded once per app (`Atlas.load`) and projected equirectangularly
(longitude scaled by the cosine of the view's middle latitude).  Country ids there are ISO
3166-1 numeric codes, matched to our alpha-3 codes through pycountry.  Without the file the map
falls back to a grid of tiles, one per country that has data.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pycountry

ATLAS_FILE = Path(__file__).parent / "static" / "vendor" / "node_modules" / "world-atlas" / "countries-110m.json"
WORLD_BOX = (-170.0, -58.0, 190.0, 84.0)  # lon min, lat min, lon max, lat max
SHADES = 5
ANTARCTICA = "010"  # left out: never in the news here, and it would wrap the whole map


@dataclass(frozen=True)
class CountryShape:
    """A drawable country: alpha-3 code (None when unknown), name, SVG path, shade 0..5 and figures."""

    iso3: str | None
    name: str
    path: str
    shade: int
    events: int
    intensity: float
    label_x: float | None = None  # where the tile fallback writes the code
    label_y: float | None = None


@dataclass(frozen=True)
class MapView:
    """What the template draws: the viewBox, the shapes, and whether it is the tile fallback."""

    view_box: str
    shapes: tuple[CountryShape, ...]
    tiles: bool
    max_intensity: float


def _alpha3(numeric: str | None) -> str | None:
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_3 if country else None


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A ring's points; a ring crossing the antimeridian (Chukotka, Fiji) continues east past 180."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    if any(abs(b[0] - a[0]) > 180 for a, b in zip(points, points[1:], strict=False)):
        points = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    return points


class Atlas:
    """Country outlines in longitude/latitude, keyed by alpha-3 where one exists."""

    def __init__(self, countries: list[tuple[str | None, str, list[list[tuple[float, float]]]]]) -> None:
        self.countries = countries
        self.paths_: dict[tuple, list[str]] = {}

    @classmethod
    def load(cls, path: Path = ATLAS_FILE) -> Atlas | None:
        """Decode the TopoJSON file, or None when it is not installed."""
        if not path.is_file():
            return None
        topology = json.loads(path.read_text(encoding="utf-8"))
        arcs = _decode_arcs(topology)
        countries = []
        for geometry in topology["objects"]["countries"]["geometries"]:
            if geometry.get("id") == ANTARCTICA:
                continue
            polygons = {"Polygon": [geometry.get("arcs", [])],
                        "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
            rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
            countries.append((_alpha3(geometry.get("id")), geometry["properties"]["name"], rings))
        return cls(countries)

    def box(self, iso3s: tuple[str, ...] | None) -> tuple[float, float, float, float]:
        """The bounding box of some countries (the world when None or none is drawn)."""
        if not iso3s:
            return WORLD_BOX
        points = [point for code, _, rings in self.countries if code in iso3s for ring in rings for point in ring
                  if point[0] < 180]  # Russia's Chukotka continues past the antimeridian
        if not points:
            return WORLD_BOX
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        return (min(lons) - 3, min(lats) - 3, max(lons) + 3, max(lats) + 3)

    def paths(self, box: tuple[float, float, float, float]) -> list[str]:
        """SVG path data of every country for the projection of `box` ("" outside it), rounded."""
        if box not in self.paths_:
            factor = math.cos(math.radians((box[1] + box[3]) / 2))
            drawn = []
            for _, _, rings in self.countries:
                parts = []
                for ring in rings:
                    if not _overlaps(ring, box):
                        continue
                    points = []
                    for lon, lat in ring:
                        point = f"{lon * factor:.1f},{-lat:.1f}"
                        if not points or points[-1] != point:
                            points.append(point)
                    if len(points) > 2:
                        parts.append("M" + "L".join(points) + "Z")
                drawn.append("".join(parts))
            self.paths_[box] = drawn
        return self.paths_[box]

    def view_box(self, box: tuple[float, float, float, float]) -> str:
        """The SVG viewBox of `box` in projected units."""
        factor = math.cos(math.radians((box[1] + box[3]) / 2))
        return f"{box[0] * factor:.1f} {-box[3]:.1f} {(box[2] - box[0]) * factor:.1f} {box[3] - box[1]:.1f}"


def _overlaps(ring: list[tuple[float, float]], box: tuple[float, float, float, float]) -> bool:
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return min(lons) <= box[2] and max(lons) >= box[0] and min(lats) <= box[3] and max(lats) >= box[1]


def shade(value: float, highest: float) -> int:
    """0 for no conflict intensity, else 1..SHADES by the value's share of the highest (sqrt scale)."""
    if value <= 0 or highest <= 0:
        return 0
    return max(1, min(SHADES, math.ceil(SHADES * math.sqrt(value / highest))))


def draw_map(atlas: Atlas | None, figures: dict[str, tuple[int, float]], focus: tuple[str, ...] | None) -> MapView:
    """A MapView of `figures` (alpha-3 -> (events, intensity)) framed on the `focus` countries."""
    highest = max((intensity for _, intensity in figures.values()), default=0.0)
    if atlas is None:
        return _tiles(figures, highest)
    box = atlas.box(focus)
    shapes = []
    for (code, name, _), path in zip(atlas.countries, atlas.paths(box), strict=True):
        events, intensity = figures.get(code or "", (0, 0.0))
        if path:
            shapes.append(CountryShape(code, name, path, shade(intensity, highest), events, intensity))
    return MapView(atlas.view_box(box), tuple(shapes), False, highest)


def _tiles(figures: dict[str, tuple[int, float]], highest: float) -> MapView:
    """The fallback: a square tile per country with data, in rows of eight, labelled by code."""
    shapes = []
    for index, code in enumerate(sorted(figures)):
        x, y = (index % 8) * 12, (index // 8) * 12
        country = pycountry.countries.get(alpha_3=code)
        events, intensity = figures[code]
        shapes.append(CountryShape(code, country.name if country else code, f"M{x},{y}h11v11h-11Z",
                                   shade(intensity, highest), events, intensity, x + 1, y + 7))
    rows = max(1, math.ceil(len(shapes) / 8))
    return MapView(f"-1 -1 98 {rows * 12 + 1}", tuple(shapes), True, highest)

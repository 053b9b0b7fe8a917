"""Build data/basemap.geojson: outlines of Mali, its seven neighbours and Chad.

Eight more countries that show inside the default map frame (Western Sahara,
Libya, Nigeria, Cameroon, Benin, Togo, Ghana, Sierra Leone) are kept as
unlabelled "context" outlines, so the map does not show them as blank sea.

Where the shapes come from:
    Natural Earth 1:110m Cultural Vectors, "Admin 0 - Countries"
    (https://www.naturalearthdata.com/downloads/110m-cultural-vectors/), public
    domain ("No permission is needed to use Natural Earth"). We take the copy that
    geopandas repackages as ``geopandas/datasets/naturalearth_lowres/*.shp`` inside
    the wheel ``geopandas-0.14.4-py3-none-any.whl`` on PyPI (sha256 pinned below).
    geopandas refreshed that copy to Natural Earth v5.1.1 in pull request #2555
    (2022); the wheel itself does not record the version. geopandas' own code is
    BSD-3-Clause, but only Natural Earth's public-domain data is used here.

What the script does:
    downloads the wheel with ``pip download --no-deps`` into a temporary directory
    (or uses ``--wheel PATH``), checks its sha256, reads the shapefile straight
    from the zip with pyshp (the .dbf is latin-1), keeps those countries, rounds
    coordinates to 3 decimals (about 100 m), drops repeated points, orients rings
    as RFC 7946 asks (exteriors counter-clockwise) and writes a FeatureCollection
    whose features carry ``iso_a2``, ``name`` and ``context`` and whose top level carries a
    ``provenance`` member. The output is deterministic: rerunning gives the same
    bytes.

Rebuild (needs network access to PyPI; pyshp is a build-time dependency only)::

    python -m venv /tmp/basemap-venv && /tmp/basemap-venv/bin/pip install pyshp
    /tmp/basemap-venv/bin/python scripts/build_basemap.py
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from itertools import pairwise
from pathlib import Path

import shapefile  # pyshp

WHEEL = "geopandas-0.14.4-py3-none-any.whl"
WHEEL_SHA256 = "3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUTPUT = Path(__file__).resolve().parent.parent / "data" / "basemap.geojson"
DECIMALS = 3

# Natural Earth name -> (ISO 3166-1 alpha-3, alpha-2). This copy of the data has
# no iso_a2 column, and Natural Earth writes "-99" in iso fields for some
# countries; we match on iso_a3 and fall back to the name.
COUNTRIES = {
    "Mali": ("MLI", "ML"),
    "Algeria": ("DZA", "DZ"),
    "Niger": ("NER", "NE"),
    "Burkina Faso": ("BFA", "BF"),
    "Côte d'Ivoire": ("CIV", "CI"),
    "Guinea": ("GIN", "GN"),
    "Senegal": ("SEN", "SN"),
    "Mauritania": ("MRT", "MR"),
    "Chad": ("TCD", "TD"),
}
# Countries that merely show inside the default map frame (lon -13..16.5, lat
# 9.5..25.5). They are kept with "context": true so the map draws their borders
# instead of leaving a blank that reads as sea; the helpers leave them out of
# the "map frame" and do not label them.
CONTEXT = {
    "W. Sahara": ("ESH", "EH"),
    "Libya": ("LBY", "LY"),
    "Nigeria": ("NGA", "NG"),
    "Cameroon": ("CMR", "CM"),
    "Benin": ("BEN", "BJ"),
    "Togo": ("TGO", "TG"),
    "Ghana": ("GHA", "GH"),
    "Sierra Leone": ("SLE", "SL"),
}
KEPT = {**COUNTRIES, **CONTEXT}

PROVENANCE = {
    "dataset": "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries",
    "dataset_url": "https://www.naturalearthdata.com/downloads/110m-cultural-vectors/",
    "version": "Natural Earth v5.1.1 (as refreshed in geopandas PR #2555)",
    "licence": "Public domain (Natural Earth terms of use)",
    "wheel": f"{WHEEL} from PyPI, member {MEMBER}.shp/.dbf",
    "wheel_sha256": WHEEL_SHA256,
    "processing": "9 countries kept, plus 8 neighbours marked context; "
    "coordinates rounded to 3 decimals; "
    "repeated points dropped; rings oriented per RFC 7946",
    "rebuild": "python scripts/build_basemap.py  (needs pyshp and access to PyPI)",
}


def fetch_wheel(directory: Path) -> Path:
    """Download the pinned geopandas wheel into ``directory`` with pip."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--quiet", "geopandas==0.14.4", "--dest", str(directory)],
        check=True,
    )
    return directory / WHEEL


def check_wheel(wheel: Path) -> None:
    """Stop with a message unless ``wheel`` has the pinned sha256."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{wheel}: sha256 {digest} is not the pinned {WHEEL_SHA256}")


def signed_area(ring: list[tuple[float, float]]) -> float:
    """Shoelace area: positive when the ring runs counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring)) / 2


def contains(ring: list[tuple[float, float]], point: tuple[float, float]) -> bool:
    """Even-odd test: is ``point`` inside the closed ``ring``?"""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in pairwise(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def clean_ring(points: list[list[float]]) -> list[tuple[float, float]]:
    """Round to DECIMALS, drop repeated points and close the ring."""
    ring: list[tuple[float, float]] = []
    for x, y in points:
        point = (round(x, DECIMALS), round(y, DECIMALS))
        if not ring or point != ring[-1]:
            ring.append(point)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def to_geometry(shape: shapefile.Shape) -> dict:
    """Turn a shapefile polygon into a GeoJSON Polygon or MultiPolygon."""
    bounds = list(shape.parts) + [len(shape.points)]
    rings = [clean_ring(shape.points[a:b]) for a, b in pairwise(bounds)]
    rings = [r for r in rings if len(r) >= 4]
    # Shapefiles draw exteriors clockwise and holes counter-clockwise.
    polygons = [[r[::-1]] for r in rings if signed_area(r) < 0]
    for hole in (r for r in rings if signed_area(r) > 0):
        owner = next(p for p in polygons if contains(p[0], hole[0]))
        owner.append(hole[::-1])
    coords = [[[list(pt) for pt in ring] for ring in poly] for poly in polygons]
    if len(coords) == 1:
        return {"type": "Polygon", "coordinates": coords[0]}
    return {"type": "MultiPolygon", "coordinates": coords}


def iso_a2_for(record: dict) -> str | None:
    """Return the ISO alpha-2 code of a kept country, or None to skip it."""
    by_iso3 = {iso3: iso2 for iso3, iso2 in KEPT.values()}
    if record["iso_a3"] in by_iso3:
        return by_iso3[record["iso_a3"]]
    if record["name"] in KEPT:  # iso_a3 is "-99" or unexpected
        return KEPT[record["name"]][1]
    return None


def read_features(wheel: Path) -> list[dict]:
    """Read the kept countries from the shapefile inside ``wheel``."""
    with zipfile.ZipFile(wheel) as archive:
        files = {ext: io.BytesIO(archive.read(f"{MEMBER}.{ext}")) for ext in ("shp", "shx", "dbf")}
    # "iso-8859-1" is latin-1 under the name the .cpg file uses (keeps pyshp quiet).
    reader = shapefile.Reader(**files, encoding="iso-8859-1")
    features = []
    for shape_record in reader.iterShapeRecords():
        record = shape_record.record.as_dict()
        iso_a2 = iso_a2_for(record)
        if iso_a2 is None:
            continue
        features.append({
            "type": "Feature",
            "properties": {"iso_a2": iso_a2, "name": record["name"],
                           "context": record["name"] in CONTEXT},
            "geometry": to_geometry(shape_record.shape),
        })
    found = {f["properties"]["iso_a2"] for f in features}
    missing = {iso2 for _, iso2 in KEPT.values()} - found
    if missing or len(features) != len(KEPT):
        sys.exit(f"{wheel}: expected {len(KEPT)} countries, missing {sorted(missing)}")
    return sorted(features, key=lambda f: (f["properties"]["context"], f["properties"]["iso_a2"]))


def write_geojson(features: list[dict], output: Path) -> None:
    """Write a compact FeatureCollection, one feature per line."""
    head = {"type": "FeatureCollection", "provenance": PROVENANCE}
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    text += ',\n "features": [\n' + ",\n".join(lines) + "\n]}\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


def main() -> None:
    """Fetch (or reuse) the wheel, extract the countries, write the GeoJSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"use a local {WHEEL} instead of pip")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="GeoJSON to write")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        check_wheel(wheel)
        features = read_features(wheel)
    write_geojson(features, args.output)
    json.loads(args.output.read_text(encoding="utf-8"))  # fail loudly if malformed
    print(f"wrote {args.output} ({args.output.stat().st_size} bytes, {len(features)} countries)")


if __name__ == "__main__":
    main()

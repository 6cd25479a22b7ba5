#!/usr/bin/env python3
"""Writes Resources/world.txt: the country shapes, points and the 2005 UN universe rcpx's map draws on.

Run by hand (not by the build) when a source changes:

    scripts/make-world.py            # downloads what it needs with pip into a scratch folder
    scripts/make-world.py --check    # rebuilds and fails when Resources/world.txt would change

Sources (all from the Python package registry, read by their ordinary clients):
  - shapes: Natural Earth 1:110m admin-0 countries (public domain), as shipped in the geopandas==0.14.4 wheel
    (geopandas/datasets/naturalearth_lowres), read with pyshp;
  - points for what has no shape at that scale: the `latlng` of countryinfo's per-country files;
  - the universe: country_converter's country_data.tsv (column UNmember: the year of UN membership; column
    UNregion: the UN M49 sub-region).
docs/DATA.md ("The world map") lists the fixes and special cases made here.
"""
import argparse
import csv
import glob
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Resources", "world.txt")
DATA = os.path.join(ROOT, "Resources", "rcp-data.json")

GEOPANDAS = "geopandas==0.14.4"
PACKAGES = ["pyshp==3.1.6", "countryinfo==1.0.1", "country_converter==1.3.2"]

QUANT = 20            # coordinates are stored in 1/20 degree
TOLERANCE = 0.08      # Douglas-Peucker tolerance, degrees
MATRIX_DATE_YEAR = 2005  # UN members admitted in 2005 or before (none was admitted in 2005 before 19 May)

# Natural Earth writes -99 where a unit has no ISO code of its own; fixed by name.
FIX_BY_NAME = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "CYN", "Somaliland": "SOL"}
# Drawn as part of another feature: the entities of 19 May 2005 (and the UN's view of two de facto states).
MERGE = {"SRB": "SCG", "MNE": "SCG", "XKX": "SCG", "SSD": "SDN", "CYN": "CYP", "SOL": "SOM"}
DROP = {"ATA"}        # Antarctica: no state, and a third of the map's height
SCG_NAME = "Serbia and Montenegro"


def pip_fetch(scratch):
    wheels = os.path.join(scratch, "wheels")
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", GEOPANDAS, "-d", wheels],
                   check=True)
    # --no-deps: only pyshp is imported; the other two packages are read as files (no pandas needed).
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--upgrade",
                    "--target", os.path.join(scratch, "lib")] + PACKAGES, check=True)
    sys.path.insert(0, os.path.join(scratch, "lib"))
    wheel = glob.glob(os.path.join(wheels, "geopandas-0.14.4-*.whl"))[0]
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if "datasets/naturalearth_lowres/" in name:
                z.extract(name, scratch)
    return os.path.join(scratch, "geopandas", "datasets", "naturalearth_lowres", "naturalearth_lowres")


def ring_area(ring):
    a = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        a += x0 * y1 - x1 * y0
    return a / 2


def simplify(points, tol):
    """Douglas-Peucker on an open polyline (the ring without its closing point)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = math.hypot(px - ax, py - ay) if norm == 0 else abs(dx * (ay - py) - dy * (ax - px)) / norm
            if d > best:
                best, at = d, i
        if best > tol:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep) if k]


def quantize_ring(ring):
    out = []
    for x, y in ring:
        q = (round(x * QUANT), round(y * QUANT))
        if not out or out[-1] != q:
            out.append(q)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def inside(ring, x, y):
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def anchor(rings):
    """A point inside the largest ring: its centroid, or the middle of the widest span at that latitude."""
    ring = max(rings, key=lambda r: abs(ring_area(r)))
    area = ring_area(ring)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        f = x0 * y1 - x1 * y0
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    if area == 0:
        return ring[0]
    cx, cy = cx / (6 * area), cy / (6 * area)
    if inside(ring, cx, cy):
        return cx, cy
    xs = []
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > cy) != (y1 > cy):
            xs.append(x0 + (cy - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    spans = [(xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)]
    return (max(spans)[1], cy) if spans else ring[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the output would change")
    parser.add_argument("--scratch", help="folder for the downloads (default: a temporary one)")
    args = parser.parse_args()
    scratch = args.scratch or tempfile.mkdtemp(prefix="make-world-")
    shp_path = pip_fetch(scratch)
    import shapefile  # pyshp
    lib = os.path.join(scratch, "lib")

    # The universe and the sub-regions.
    table = os.path.join(lib, "country_converter", "country_data.tsv")
    coco = {}
    with open(table, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            coco[row["ISO3"]] = row
    def un_status(iso):
        if iso == "SCG":
            iso = "SRB"  # country_converter's Serbia row carries the membership of 2000 (as FR Yugoslavia)
        if iso == "VAT":
            return "observer"
        year = coco.get(iso, {}).get("UNmember", "")
        if year and float(year) <= MATRIX_DATE_YEAR:
            return str(int(float(year)))
        return "-"
    def subregion(iso):
        row = coco.get("SRB" if iso == "SCG" else iso)
        return row["UNregion"] if row and row["UNregion"] else "-"
    universe = {("SCG" if row["ISO3"] == "SRB" else row["ISO3"]) for row in coco.values()
                if row["UNmember"] and float(row["UNmember"]) <= MATRIX_DATE_YEAR} | {"VAT"}
    if len(universe) != 192:
        sys.exit(f"make-world: expected 191 UN members of 2005 and the Holy See, found {len(universe)}")

    # Points.
    latlng = {}
    for path in glob.glob(os.path.join(lib, "countryinfo", "data", "*.json")):
        with open(path, encoding="utf-8") as f:
            info = json.load(f)
        code = (info.get("ISO") or {}).get("alpha3")
        if code and info.get("latlng") and len(info["latlng"]) == 2:
            latlng[code] = info["latlng"]

    with open(DATA, encoding="utf-8") as f:
        data = json.load(f)
    data_names = {p["iso3"]: p["name"] for p in data["parties"] if p.get("iso3")}

    def name_of(iso, fallback):
        if iso == "SCG":
            return SCG_NAME
        if iso in data_names:
            return data_names[iso]
        row = coco.get(iso)
        return row["name_short"] if row else fallback

    # Shapes.
    reader = shapefile.Reader(shp_path)
    shapes = {}   # iso -> list of rings (lon, lat)
    ne_names = {}
    for sr in reader.iterShapeRecords():
        rec = sr.record
        iso = rec["iso_a3"]
        if iso == "-99":
            iso = FIX_BY_NAME.get(rec["name"])
            if iso is None:
                sys.exit(f"make-world: no code for Natural Earth's {rec['name']!r}; add it to FIX_BY_NAME")
        if iso in DROP:
            continue
        iso = MERGE.get(iso, iso)
        ne_names.setdefault(iso, rec["name"])
        pts, parts = sr.shape.points, list(sr.shape.parts) + [len(sr.shape.points)]
        for a, b in zip(parts, parts[1:]):
            ring = [tuple(p) for p in pts[a:b]]
            if ring and ring[0] == ring[-1]:
                ring = ring[:-1]
            shapes.setdefault(iso, []).append(ring)

    lines = [
        "# rcpx world map, written by scripts/make-world.py; do not edit (see docs/DATA.md, \"The world map\").",
        "# Shapes: Natural Earth 1:110m admin-0 countries (public domain), from the geopandas 0.14.4 wheel.",
        "# Points: countryinfo 1.0.1 (latlng). UN membership and sub-regions: country_converter 1.3.2.",
        "# F ISO3 lon lat status subregion name: a feature and its anchor (status: year of UN membership",
        "#   up to 2005, 'observer' or '-'); R: a ring of the feature above, the first point absolute, then",
        "#   deltas, all in 1/%d degree. A feature without rings is a point." % QUANT,
        "world 1 %d" % QUANT,
    ]
    def q(v):
        return round(v * QUANT)
    features = 0
    for iso in sorted(shapes):
        rings = []
        for ring in shapes[iso]:
            simple = quantize_ring(simplify(ring, TOLERANCE))
            if len(simple) >= 3 and abs(ring_area(simple)) > 0:
                rings.append(simple)
        if not rings:  # every ring collapsed: keep the largest one as it was
            rings = [quantize_ring(max(shapes[iso], key=lambda r: abs(ring_area(r))))]
        ax, ay = anchor([[(x / QUANT, y / QUANT) for x, y in r] for r in rings])
        lines.append("\t".join(["F", iso, str(q(ax)), str(q(ay)), un_status(iso), subregion(iso),
                                name_of(iso, ne_names[iso])]))
        for ring in rings:
            nums = [ring[0][0], ring[0][1]]
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                nums += [x1 - x0, y1 - y0]
            lines.append("R " + " ".join(map(str, nums)))
        features += 1

    need_points = sorted((universe | set(data_names)) - set(shapes))
    missing = [iso for iso in need_points if iso not in latlng]
    if missing:
        sys.exit("make-world: no coordinates for " + ", ".join(missing))
    for iso in need_points:
        lat, lon = latlng[iso]
        lines.append("\t".join(["F", iso, str(q(lon)), str(q(lat)), un_status(iso), subregion(iso),
                                name_of(iso, iso)]))
        features += 1

    text = "\n".join(lines) + "\n"
    if args.check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("make-world: Resources/world.txt is out of date; run scripts/make-world.py")
        print("make-world: Resources/world.txt is up to date")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"make-world: wrote {OUT}: {features} features ({len(need_points)} points), {len(text)} bytes",
          file=sys.stderr)


if __name__ == "__main__":
    main()

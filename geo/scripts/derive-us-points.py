#!/usr/bin/env python3
"""Derives geo's US tables from the npm package us-atlas (ISC; US Census Bureau cartographic boundaries, 1:10m):

  us-admin1-points.tsv  the area centroid of each state (the point a state name resolves to), and
  us-counties.tsv       each county (parish, borough) with its state and area centroid.

Usage: npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz && \
       python3 derive-us-points.py package/ admin1CodesASCII.txt ../src/main/resources/org/unrest/geo/
(admin1CodesASCII.txt is inside the org.opensextant:opensextant-xponents-core jar, folder geonames.org/.)
Centroids are planar in longitude/latitude with longitude scaled by cos(latitude): good to a few km for the
purpose (points within 161 km of GeoNames' own)."""
import json, math, sys

atlas, admin1, out = sys.argv[1], sys.argv[2], sys.argv[3]
t = json.load(open(atlas + '/counties-10m.json'))
sx, sy = t['transform']['scale']
tx, ty = t['transform']['translate']
arcs = []
for arc in t['arcs']:
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx
        y += dy
        pts.append((x * sx + tx, y * sy + ty))
    arcs.append(pts)

def ring(idx):
    pts = []
    for i in idx:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts

def polygons(geom):
    if geom['type'] == 'Polygon':
        return [geom['arcs']]
    if geom['type'] == 'MultiPolygon':
        return geom['arcs']
    return []

def centroid(geom):
    polys = polygons(geom)
    rings = [ring(p[0]) for p in polys]  # outer rings (holes are small for these shapes)
    ref = max(rings, key=lambda r: abs(area(r)))[0][0]
    ax = ay = at = 0.0
    for r in rings:
        r = [((x - ref + 180) % 360 - 180 + ref, y) for x, y in r]  # keep islands across 180 beside the mainland
        a = area(r)
        if a == 0:
            continue
        cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]):
            c = x0 * y1 - x1 * y0
            cx += (x0 + x1) * c
            cy += (y0 + y1) * c
        ax += cx / 6
        ay += cy / 6
        at += a
    lon, lat = ax / at, ay / at
    lon = (lon + 180) % 360 - 180
    return round(lat, 4), round(lon, 4)

def area(r):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1])) / 2

postal = {}
for line in open(admin1, encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0].startswith('US.'):
        postal[f[1]] = f[0][3:]
states = {}
with open(out + '/us-admin1-points.tsv', 'w') as w:
    w.write('# Area centroids of US states (GeoNames admin1 code = postal code), derived by geo/scripts/derive-us-points.py\n')
    w.write('# from the npm package us-atlas 3.0.1 (ISC; US Census Bureau cartographic boundary files, 1:10m).\n')
    w.write('country\tadmin1\tname\tlat\tlon\n')
    for g in t['objects']['states']['geometries']:
        name = g['properties']['name']
        code = postal.get(name)
        if code is None:
            continue
        states[g['id']] = code
        lat, lon = centroid(g)
        w.write(f'US\t{code}\t{name}\t{lat}\t{lon}\n')
with open(out + '/us-counties.tsv', 'w') as w:
    w.write('# US counties (parishes in Louisiana, boroughs and census areas in Alaska) with their area centroids, derived by\n')
    w.write('# geo/scripts/derive-us-points.py from the npm package us-atlas 3.0.1 (ISC; US Census Bureau cartographic\n')
    w.write('# boundary files, 1:10m). Independent cities (county FIPS 510 and up) are left out: they are cities, in GeoNames.\n')
    w.write('admin1\tfips\tname\tlat\tlon\n')
    for g in sorted(t['objects']['counties']['geometries'], key=lambda g: g['id']):
        st = states.get(g['id'][:2])
        if st is None or int(g['id'][2:]) >= 510 or not polygons(g):
            continue
        base = g['properties']['name']
        if st == 'LA':
            name = base + ' Parish'
        elif st == 'AK':
            name = base + (' Borough' if not base.endswith(('Area', 'Borough', 'Municipality')) else '')
        else:
            name = base + ' County'
        lat, lon = centroid(g)
        w.write(f'{st}\t{g["id"][2:]}\t{name}\t{lat}\t{lon}\n')

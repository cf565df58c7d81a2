"""Front-end libraries installed by `make venv` (npm ci, from package-lock.json), served locally.

Only the files named in VENDOR_FILES can be served, looked up by name: a
request cannot name a path, so nothing outside these files is reachable.
"""

from __future__ import annotations

import os
from pathlib import Path

VENDOR_FILES = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "d3.min.js": "d3/dist/d3.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    # Natural Earth country outlines (public domain), 1:110m, as TopoJSON
    "countries-110m.json": "world-atlas/countries-110m.json",
}

MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
               ".json": "application/json"}


def node_modules() -> Path | None:
    """$CHRONICLE_NODE_MODULES, else node_modules at the checkout's root (editable installs)."""
    candidates = []
    if os.environ.get("CHRONICLE_NODE_MODULES"):
        candidates.append(Path(os.environ["CHRONICLE_NODE_MODULES"]))
    candidates.append(Path(__file__).resolve().parents[3] / "node_modules")
    candidates.append(Path.cwd() / "node_modules")
    for path in candidates:
        if (path / "leaflet").is_dir():
            return path
    return None


def vendor_path(name: str) -> Path | None:
    rel = VENDOR_FILES.get(name)
    root = node_modules()
    if rel is None or root is None:
        return None
    path = root / rel
    return path if path.is_file() else None


def vendor_available() -> bool:
    return all(vendor_path(n) is not None for n in VENDOR_FILES)

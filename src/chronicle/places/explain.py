"""`chronicle places TEXT`: each place mention, what it resolved to, and why."""

from __future__ import annotations

from functools import lru_cache

from rich.console import Group
from rich.table import Table
from rich.text import Text


@lru_cache(maxsize=1)
def _geoparser():
    from chronicle.nlp import load_nlp
    from chronicle.places import PlaceStage

    return load_nlp(), PlaceStage()


def explain_places(text: str):
    """A rich renderable: one row per mention (text, resolution, feature, why) and the focus country."""
    from chronicle.record import Article
    from chronicle.stage import Annotations

    nlp, stage = _geoparser()
    ann = Annotations(article=Article(text=text), doc=nlp(text), published=None)
    places = stage(ann)
    table = Table(title="Places", show_lines=False)
    table.add_column("mention")
    table.add_column("at", justify="right")
    table.add_column("resolution")
    table.add_column("feature")
    table.add_column("lat, lon", justify="right")
    table.add_column("why")
    for p in places:
        where = ", ".join(x for x in (p.name, p.admin1 if p.admin1 != p.name else None, p.country_code) if x)
        if p.geonameid:
            where += f" [dim](GeoNames {p.geonameid})[/dim]"
        point = f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None else "-"
        feature = (p.feature or "") + (" (associative)" if p.associative else "")
        table.add_row(p.text, str(p.start), where, feature, point, p.why or "")
    focus = ann.notes.get("focus_country")
    footer = Text(f"focus country: {focus or 'none'}; {len(places)} mention(s)")
    return Group(table, footer)

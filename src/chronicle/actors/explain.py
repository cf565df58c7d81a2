"""`chronicle actors TEXT`: each actor mention, what it resolved to, and why."""

from __future__ import annotations

from typing import Iterable

from rich.table import Table


def explain_actors(text: str, extra_files: Iterable[str] = (), published: str | None = None, places: bool = True) -> Table:
    """A table of every actor mention in `text`: mention, resolved name, country,
    sector and the evidence that decided them. `published` (ISO date) is the date
    roles are read at; without it, today. `places`: run the places stage first for
    the article's focus country (slower: it loads the gazetteer)."""
    from chronicle.actors import ActorStage
    from chronicle.nlp import load_nlp
    from chronicle.record import Article
    from chronicle.stage import Annotations

    nlp = load_nlp()
    stage = ActorStage(extra_files=tuple(extra_files))
    ann = Annotations(article=Article(text=text), doc=nlp(text), published=published)
    if places:
        try:  # the places stage gives the article's focus country, the last resort for "protesters"
            from chronicle.places import PlaceStage

            ann.places = PlaceStage()(ann)
        except Exception:  # noqa: BLE001 - explanation works without places
            pass
    actors, log = stage.resolve(ann)
    table = Table(title=f"Actors ({len(actors)} distinct, {len(log)} mentions)", show_lines=False)
    table.add_column("mention")
    table.add_column("actor")
    table.add_column("country")
    table.add_column("sector")
    table.add_column("why", overflow="fold")
    for m in log:
        a = actors[m.actor]
        table.add_row(m.text, f"#{m.actor} {a.name}", a.country or (a.international or "-"), a.sector or "-", m.why)
    return table

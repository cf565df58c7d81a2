"""End to end: an article that tells one bombing several times (headline, lead, updates, "the
blast") gives one event in the record, one row in the ACLED export, and the highest reported
toll as its fatalities (never the sum of the updates). Article written for this test."""

import csv
import io

from events_fixtures import pipeline  # noqa: F401 - session fixture

from chronicle.export import export_chunks
from chronicle.store import EventFilter, open_store

ARTICLE = ("Bomb kills 11 at bus station. "
           "A bomb hidden in a parked car exploded at the main bus station in Quetta on Wednesday, "
           "killing at least seven people, police said. "
           "Hospital officials later raised the toll to 11 dead and 25 wounded. "
           "The blast shattered windows across the square. "
           "Nobody has claimed the attack.")


def test_one_bombing_is_one_row(pipeline, tmp_path):
    record = pipeline.process(ARTICLE, published="2024-02-08")
    bombings = [e for e in record.events if e.type == "ASSAULT" and not e.negated and not e.hypothetical]
    assert len(bombings) == 1
    bombing = bombings[0]
    assert len(bombing.mentions) >= 3
    assert bombing.mentions[0].trigger == bombing.trigger
    assert bombing.date == "2024-02-07"
    with open_store(str(tmp_path / "s.db")) as store:
        store.save(record)
        rows = list(csv.DictReader(io.StringIO(b"".join(
            export_chunks(store.iter_events(EventFilter(type="ASSAULT")), "acled")).decode())))
    assert len(rows) == 1
    assert rows[0]["fatalities"] == "11"
    assert rows[0]["sub_event_type"] == "Remote explosive/landmine/IED"

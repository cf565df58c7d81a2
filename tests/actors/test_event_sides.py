"""Who an event's sides are, through the whole pipeline (events/participants): the host of a
meeting someone travelled or was sent to hold. Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline():
    from chronicle.pipeline import Pipeline

    return Pipeline()


def _event(record, trigger):
    return next(e for e in record.events if e.trigger and e.trigger.text == trigger)


def _countries(record, refs):
    return {record.actors[r.actor].country for r in refs}


def test_a_meeting_someone_was_sent_to_hold_is_with_the_host_not_the_topic(pipeline):
    record = pipeline.process(
        "The Kenyan president sent his foreign minister to Addis Ababa to discuss the dispute over the "
        "African Union's new charter.",
        published="2016-05-02",
    )
    event = _event(record, "discuss")
    assert "ETH" in _countries(record, event.recipient)
    assert None not in _countries(record, event.recipient)  # not the African Union, the topic


def test_talks_someone_flew_somewhere_for_are_with_the_host(pipeline):
    record = pipeline.process("The Brazilian foreign minister flew to Lima on Tuesday for talks on the trade row.",
                              published="2016-05-02")
    event = _event(record, "talks")
    assert _countries(record, event.actor) == {"BRA"}
    assert _countries(record, event.recipient) == {"PER"}


def test_a_demand_inside_a_quotation_with_no_subject_is_the_speaker_s(pipeline):
    record = pipeline.process(
        "The Ghanaian opposition leader spoke to reporters in Accra. \"The border must be reopened at once,\" "
        "the opposition leader said. \"It is a demand that needs to be met.\"",
        published="2016-05-02",
    )
    event = _event(record, "demand")
    assert _countries(record, event.actor) == {"GHA"}


def test_an_attack_told_in_a_quotation_is_not_the_speaker_s(pipeline):
    record = pipeline.process("\"Two villages were burned last night,\" the Malian mayor said.", published="2016-05-02")
    events = [e for e in record.events if e.trigger and e.trigger.text == "burned"]
    assert all(not e.actor for e in events)

"""The pipeline end to end on text the project wrote."""

import chronicle
from chronicle.record import ArticleRecord, record_from_dict

TEXT = (
    "Thousands of protesters marched through Basra on Friday, demanding jobs and an end to "
    "power cuts. Police fired tear gas at the crowd, witnesses said."
)


def test_extract_returns_contract_record():
    record = chronicle.extract(TEXT, published="2021-07-09")
    assert record["schema_version"] == "1"
    assert record["text"].startswith("Thousands of protesters")
    assert record["published"] == "2021-07-09"
    for key in ("places", "times", "actors", "events"):
        assert isinstance(record[key], list)


def test_record_round_trips_through_json():
    record = chronicle.extract(TEXT, published="2021-07-09")
    again = record_from_dict(record)
    assert isinstance(again, ArticleRecord)
    assert again.to_dict() == record


def test_process_many_keeps_input_order_and_reports_empty_input():
    pipeline = chronicle.Pipeline()
    records = list(pipeline.process_many(["First article about talks in Doha.", "   ", TEXT]))
    assert len(records) == 3
    assert records[0].text.startswith("First article")
    assert records[1].error is not None and records[1].error.code == "empty"
    assert records[2].text.startswith("Thousands")


def test_process_many_keeps_ingestion_error_codes():
    pipeline = chronicle.Pipeline()
    german = (
        "Die Regierung hat am Montag neue Sanktionen gegen das Land beschlossen, "
        "wie das Ministerium in Berlin mitteilte. Die Opposition kritisierte die Entscheidung scharf."
    )
    records = list(pipeline.process_many([german, TEXT]))
    assert records[0].error is not None and records[0].error.code == "unsupported_language"
    assert records[1].error is None


def test_one_unreadable_article_gives_an_error_record_not_an_exception():
    record = chronicle.extract(b"\x00\x01\x02" * 100)
    assert record["error"]["code"] == "binary"
    assert record["events"] == []


def test_a_record_is_one_line_whatever_line_separators_the_text_holds():
    import json

    text = "Police arrested two activists in Minsk on Monday.\u2028Their lawyers protested.\x85 The court said nothing."
    line = chronicle.Pipeline().process(text, published="2021-06-07").to_json()
    assert len(line.splitlines()) == 1
    assert json.loads(line)["text"] == text

"""`chronicle eval` prints, under its scores, each set's per-class table (worst first) and its top confusions."""

from rich.console import Console

from chronicle.evaluate import detail_tables


def render(tables) -> str:
    console = Console(width=120, record=True)
    for t in tables:
        console.print(t)
    return console.export_text()


def test_per_class_rows_come_worst_first_and_confusions_keep_their_counts():
    scores = {"ACLED (dev)": {
        "weighted_f1_oof": 0.8,
        "per_class": {"Arrests": {"precision": 1.0, "recall": 0.9, "f1": 0.95, "support": 10},
                      "Looting": {"precision": 0.5, "recall": 0.25, "f1": 0.33, "support": 4}},
        "top_confusions": [{"pair": "Looting -> Arrests", "count": 3}, {"pair": "Arrests -> none", "count": 1}],
    }}
    text = render(detail_tables(scores))
    assert text.index("Looting ") < text.index("Arrests ")
    assert "0.25" in text and "0.33" in text
    assert "Looting -> Arrests" in text and text.index("Looting -> Arrests") < text.index("Arrests -> none")


def test_a_confusion_given_as_counts_is_sorted_and_cut_to_the_top():
    pairs = {f"A{i}->B": i for i in range(15)}
    text = render(detail_tables({"GSR": {"confusion": pairs}}, top=10))
    assert "A14->B" in text and "A5->B" in text and "A4->B" not in text
    assert text.index("A14->B") < text.index("A13->B")


def test_sets_without_detail_print_nothing_more():
    assert detail_tables({"places": {"within_161km": 0.8}}) == []

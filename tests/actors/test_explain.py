from __future__ import annotations

from rich.console import Console


def test_explain_lists_each_mention_with_its_reason():
    from chronicle.actors.explain import explain_actors

    table = explain_actors("Turkish troops shelled positions held by the PKK.", published="2024-01-01", places=False)
    console = Console(record=True, width=200)
    console.print(table)
    out = console.export_text()
    assert "Turkish troops" in out and "TUR" in out and "MIL" in out
    assert "PKK" in out and "Kurdistan Workers' Party" in out

"""`chronicle places` output and the GeoVirus scorer on a file the test writes."""

from rich.console import Console

from chronicle.places.evaluate import evaluate_geovirus, read_geovirus
from chronicle.places.explain import explain_places

# GeoVirus' layout, whose offsets are one past the name (text[start-1:end-1]).
SAMPLE = """<articles>
  <article>
    <source>project-written</source>
    <text>Health officials in Nairobi confirmed two cases. Kenya has closed schools in Mombasa.</text>
    <locations>
      <location><name>Nairobi</name><start>21</start><end>28</end><lat>-1.28</lat><lon>36.82</lon><page>x</page></location>
      <location><name>Kenya</name><start>50</start><end>55</end><lat>1</lat><lon>38</lon><page>x</page></location>
      <location><name>Mombasa</name><start>78</start><end>85</end><lat>-4.05</lat><lon>39.67</lon><page>x</page></location>
    </locations>
  </article>
</articles>
"""


def test_explain_places_shows_resolution_and_why():
    console = Console(width=200, record=True)
    console.print(explain_places("Protesters gathered in Kerbala, Iraq on Friday."))
    out = console.export_text()
    assert "Kerbala" in out and "Karbala" in out and "IQ" in out
    assert "focus country: IQ" in out


def test_geovirus_reader_shifts_offsets(tmp_path):
    path = tmp_path / "gv.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    [(text, gold)] = read_geovirus(path)
    assert [text[g["start"]:g["end"]] for g in gold] == ["Nairobi", "Kenya", "Mombasa"]


def test_evaluate_geovirus_end_to_end(tmp_path):
    path = tmp_path / "gv.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    scores = evaluate_geovirus(path, None)
    assert scores["mentions"] == 3
    assert scores["toponym_recall"] == 1.0 and scores["toponym_precision"] == 1.0
    assert scores["within_161km"] == 1.0

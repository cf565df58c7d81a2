"""TIMEX3 evaluation: relaxed-span detection and value F1 over annotated sentences or TimeML.

Three readers feed one scorer:
- `load_annotated(path)`: the project's YAML of annotated sentences
  (tests/times/fixtures/timex_sentences.yaml);
- `read_timeml(path)`: TimeML documents (.tml files, or a folder of them) such as
  TimeBank / TempEval news, the document creation time as the reference date;
- `read_timex_lines(path)`: the same documents as JSON lines (id, text, published,
  timexes with character offsets), as ../shared/data/timebank_dev.jsonl holds them.

`evaluate_timebank(path)` is the development-set figure `chronicle eval` reports
(`--only times`).

`evaluate_timex(docs)` tags every document and scores as TempEval-3 does:
a system expression matches a gold one when their spans overlap (one to one);
precision and recall count matches, `value_f1` counts only matches whose value
is also right. Expressions wrapping another system expression (an anchored
offset "three days after the March 3 vote" around "March 3") are left out, as
TimeML annotates the parts.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str = ""
    mod: str | None = None
    range_start: str | None = None
    range_end: str | None = None


@dataclass
class TimexDoc:
    text: str
    published: str | None
    gold: list[GoldTimex] = field(default_factory=list)
    name: str = ""


# -- readers ------------------------------------------------------------------------------

def load_annotated(path: str | Path) -> list[TimexDoc]:
    """The project's annotated sentences: each expected item located by its text, in order."""
    import yaml

    docs = []
    for n, item in enumerate(yaml.safe_load(Path(path).read_text(encoding="utf-8"))):
        text = item["text"]
        gold, cursor = [], 0
        for exp in item.get("expect") or []:
            if isinstance(exp, list):
                exp = {"text": exp[0], "type": exp[1], "value": exp[2]}
            start = text.find(exp["text"], cursor)
            if start < 0:
                raise ValueError(f"item {n}: {exp['text']!r} not found in {text!r}")
            end = start + len(exp["text"])
            cursor = start + 1
            gold.append(GoldTimex(start, end, exp["type"], str(exp["value"]), exp["text"], exp.get("mod"),
                                  exp.get("range_start"), exp.get("range_end")))
        docs.append(TimexDoc(text=text, published=str(item["published"]), gold=gold, name=f"item {n}"))
    return docs


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def read_timeml(path: str | Path) -> list[TimexDoc]:
    """TimeML documents: the <TEXT> body with its TIMEX3 spans, and the creation time."""
    p = Path(path)
    files = sorted(p.rglob("*.tml")) if p.is_dir() else [p]
    return [_read_tml(f) for f in files]


def _read_tml(path: Path) -> TimexDoc:
    raw = path.read_text(encoding="utf-8", errors="replace")
    published = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") in ("CREATION_TIME", "PUBLICATION_TIME"):
            published = attrs.get("value", "")[:10]
            break
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body_raw = body.group(1) if body else raw
    out, gold, open_timex = [], [], None
    pos = 0  # length of clean text so far
    last = 0
    for m in _TAG.finditer(body_raw):
        chunk = html.unescape(body_raw[last: m.start()])
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (pos, dict(_ATTR.findall(attrs)))
            if attrs.strip().endswith("/"):
                open_timex = None
        elif open_timex:
            start, a = open_timex
            gold.append(GoldTimex(start, pos, a.get("type", ""), a.get("value", ""), mod=a.get("mod")))
            open_timex = None
    out.append(html.unescape(body_raw[last:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start: g.end]
    return TimexDoc(text=text, published=published, gold=gold, name=path.name)


def read_timex_lines(path: str | Path) -> list[TimexDoc]:
    """Documents as JSON lines: {"id", "text", "published", "timexes": [{"start", "end", "type",
    "value", "text"}]}, offsets into `text`."""
    import json

    docs = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["text"]
            gold = [GoldTimex(int(t["start"]), int(t["end"]), t.get("type", ""), str(t.get("value", "")),
                              text[int(t["start"]): int(t["end"])], t.get("mod"))
                    for t in row.get("timexes") or []]
            docs.append(TimexDoc(text=text, published=row.get("published"), gold=gold, name=str(row.get("id", ""))))
    return docs


def read_any(path: str | Path) -> list[TimexDoc]:
    """Annotated sentences (.yaml), JSON lines (.jsonl) or TimeML (.tml file or folder)."""
    path = Path(path)
    if path.suffix in (".yaml", ".yml"):
        return load_annotated(path)
    if path.suffix == ".jsonl":
        return read_timex_lines(path)
    return read_timeml(path)


def evaluate_timebank(path: str | Path, nlp: Any = None, examples: int = 20) -> dict:
    """The scores of `evaluate_timex` on a development set of news documents (TimeBank as JSON
    lines or TimeML), with the first `examples` errors of each kind instead of all of them."""
    result = evaluate_timex(read_any(path), nlp=nlp)
    errors = result.pop("errors")
    result.pop("expressions_per_second", None)  # machine load, not a score
    for kind in ("missed", "value", "spurious"):
        result[f"{kind}_examples"] = [e for e in errors if e["kind"] == kind][:examples]
    return result


# -- scoring -----------------------------------------------------------------------------------

def evaluate_timex(docs: Iterable[TimexDoc], nlp: Any = None, tagger: Any = None) -> dict:
    """Relaxed-span precision/recall/F1, value F1, type accuracy, and the misses."""
    from chronicle.times.tagger import TimeTagger

    if nlp is None:
        from chronicle.nlp import load_nlp

        nlp = load_nlp()
    tagger = tagger or TimeTagger()
    n_gold = n_sys = matched = value_ok = type_ok = strict = 0
    expressions, tag_seconds = 0, 0.0
    errors: list[dict] = []
    for doc in docs:
        parsed = nlp(doc.text)
        t0 = time.perf_counter()
        system = tagger.tag(doc.text, doc.published, parsed)
        tag_seconds += time.perf_counter() - t0
        system = [s for s in system if not any(o is not s and s.start <= o.start and o.end <= s.end for o in system)]
        expressions += len(system)
        n_gold += len(doc.gold)
        n_sys += len(system)
        used: set[int] = set()
        for g in doc.gold:
            best, best_overlap = None, 0
            for i, s in enumerate(system):
                overlap = min(g.end, s.end) - max(g.start, s.start)
                if i not in used and overlap > best_overlap:
                    best, best_overlap = i, overlap
            if best is None:
                errors.append({"doc": doc.name, "kind": "missed", "gold": g.text, "value": g.value})
                continue
            used.add(best)
            s = system[best]
            matched += 1
            strict += s.start == g.start and s.end == g.end
            type_ok += s.type == g.type
            if s.value == g.value:
                value_ok += 1
            else:
                errors.append({"doc": doc.name, "kind": "value", "gold": g.text, "value": g.value,
                               "system": s.text, "system_value": s.value})
        for i, s in enumerate(system):
            if i not in used:
                errors.append({"doc": doc.name, "kind": "spurious", "system": s.text, "system_value": s.value})

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    precision = matched / n_sys if n_sys else 0.0
    recall = matched / n_gold if n_gold else 0.0
    value_p = value_ok / n_sys if n_sys else 0.0
    value_r = value_ok / n_gold if n_gold else 0.0
    return {
        "gold": n_gold,
        "system": n_sys,
        "relaxed_precision": precision,
        "relaxed_recall": recall,
        "relaxed_f1": f1(precision, recall),
        "strict_span_f1": f1(strict / n_sys if n_sys else 0.0, strict / n_gold if n_gold else 0.0),
        "value_precision": value_p,
        "value_recall": value_r,
        "value_f1": f1(value_p, value_r),
        "type_accuracy": type_ok / matched if matched else 0.0,
        "expressions_per_second": expressions / tag_seconds if tag_seconds else 0.0,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> None:
    """python -m chronicle.times.evaluate PATH (.yaml of annotated sentences, .jsonl, .tml file or folder)."""
    import json
    import sys

    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0])
    result = evaluate_timex(read_any(path))
    errors = result.pop("errors")
    print(json.dumps(result, indent=2))
    if "-v" in args:
        for e in errors:
            print(e)


if __name__ == "__main__":
    main()

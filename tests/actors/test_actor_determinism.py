"""Resolution, and the explanation of it, do not depend on Python's hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

TEXTS = [
    "Iraqi forces fired on protesters in Basra on Friday. The regime said its troops had been attacked, "
    "and a spokesman for the group blamed Iran-backed militias. He said they would respond.",
    "Ahmed Karimi, Iran's ambassador to Iraq, met the former Iraqi Prime Minister in Baghdad. "
    "Karimi told reporters that the two countries would cooperate, while activists and a reporter watched.",
    "An anti-Iran columnist and some students said the ministry and the army had ignored them, "
    "and ethnic Albanians in Serbia joined Hezbollah fighters and UN peacekeepers near the border.",
]

SCRIPT = """
import json, sys
from chronicle.actors import ActorStage
from chronicle.nlp import load_nlp
from chronicle.record import Article
from chronicle.stage import Annotations
nlp, stage, out = load_nlp(), ActorStage(), []
for text in json.loads(sys.stdin.read()):
    ann = Annotations(article=Article(text=text), doc=nlp(text), published="2021-06-01")
    actors, log = stage.resolve(ann)
    out.append([[a.name, a.country, a.sector, a.kind, a.why, [[m.start, m.end] for m in a.mentions]] for a in actors])
    out.append([[m.start, m.end, m.actor, m.why] for m in log])
print(json.dumps(out))
"""


def _resolve_with_seed(seed: str) -> list:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run([sys.executable, "-c", SCRIPT], input=json.dumps(TEXTS), env=env,
                          capture_output=True, text=True, check=True, timeout=300)
    return json.loads(done.stdout)


def test_actors_and_their_explanations_are_the_same_under_any_hash_seed():
    first, second = _resolve_with_seed("1"), _resolve_with_seed("4242")
    assert first == second
    whys = [actor[4] for actors in first[::2] for actor in actors]
    assert len(whys) > 10 and all(whys)

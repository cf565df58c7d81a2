"""Words of violence used as figures of speech, or to name what another act is taken for,
are not attacks; the same words with something physical struck are."""

import pytest

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


@pytest.mark.parametrize("text", [
    "The main opposition party condemned the detention as an attack on press freedom.",
    "The president attacked the rule of law, critics said.",
    "Editors described the raid on the newspaper's website as an assault on free speech.",
])
def test_figures_of_speech_are_not_assaults(code, text):
    assert "ASSAULT" not in {e.type for e in code(text)}


def test_the_characterised_act_is_still_coded(code):
    types = [e.type for e in code("The main opposition party condemned the detention as an attack on press freedom.")]
    assert types == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police station in the north, killing four officers.",
    "Militants launched an attack on the town's main market on Friday.",
    "The attack on the convoy killed six soldiers near the border.",
])
def test_physical_targets_stay_assaults(code, text):
    assert "ASSAULT" in {e.type for e in code(text)}

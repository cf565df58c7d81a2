"""What the learned ACLED model is given inside the pipeline, and the rules' codebook
decisions it relies on (who gains territory; bases set up). Sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def pipeline_and_stage():
    from chronicle.events import EventStage
    from chronicle.pipeline import Pipeline

    pipeline = Pipeline()
    return pipeline, next(s for s in pipeline.stages if isinstance(s, EventStage))


@pytest.fixture(scope="module")
def rules_top(pipeline_and_stage):
    """Text -> the first event, with the ACLED sub-type from the rules alone (the model gives no opinion)."""
    pipeline, stage = pipeline_and_stage

    def top(text):
        saved, stage.acled = stage.acled, _Recorder()
        try:
            events = pipeline.process(text, published="2024-03-05").events
        finally:
            stage.acled = saved
        return events[0] if events else None
    return top


class _Recorder:
    """A stand-in model: records its inputs, gives no opinion."""

    def __init__(self):
        self.calls = []

    def __bool__(self):
        return True

    def probs(self, texts, passage=None, windows=None):
        self.calls.append((list(texts), passage, windows))
        return [{} for _ in texts]


def test_the_encoder_reads_the_event_sentence_and_the_next(pipeline_and_stage):
    pipeline, stage = pipeline_and_stage
    recorder = _Recorder()
    saved, stage.acled = stage.acled, recorder
    try:
        text = ("Soldiers opened fire on a crowd of farmers outside the district office on Monday. "
                "Four of the farmers died of their wounds in hospital. The weather was mild.")
        pipeline.process(text, published="2024-03-05")
    finally:
        stage.acled = saved
    assert len(recorder.calls) == 1  # one model call for the article's leading events
    sentences, passage, windows = recorder.calls[0]
    first = "Soldiers opened fire on a crowd of farmers outside the district office on Monday."
    assert first in sentences
    # the encoder reads the leading events' sentences, never more than two
    assert passage[0] == first and len(passage) == 2 and "Four of the farmers died" in passage[1]
    # the TF-IDF features read the event's sentence and the next, as the model was trained on snippets
    window = windows[sentences.index(first)]
    assert window.startswith(first) and "Four of the farmers died" in window and "weather" not in window


@pytest.mark.parametrize("text, sub_type", [
    # who gains the place decides, not the verb: rebels taking a village back overtake it
    ("Rebels recaptured the hill village from the army on Sunday after a day of fighting.", "Non-state actor overtakes territory"),
    ("Government troops recaptured the river port from the insurgents on Sunday.", "Government regains territory"),
    ("The militants seized the district headquarters after the police withdrew.", "Non-state actor overtakes territory"),
    # a post or observation point set up is a base, as a base or an outpost is
    ("Foreign troops have set up a new observation post on the ridge above the border town.", "Headquarters or base established"),
    ("The army established three checkpoints on the road into the provincial capital.", "Headquarters or base established"),
    # demonstrators destroying or breaking into property riot (the codebook's violent demonstration)
    ("Demonstrators tore down the metal gates of the ministry during the rally on Thursday.", "Violent demonstration"),
    ("Hundreds of students broke into the governor's compound during the protest.", "Violent demonstration"),
    ("Protesters forced their way into the parliament building during the demonstration.", "Violent demonstration"),
    ("Hundreds of students marched to the governor's compound during the protest.", "Peaceful protest"),
])
def test_rules_codebook_decisions(rules_top, text, sub_type):
    ev = rules_top(text)
    assert ev is not None and ev.acled_sub_event_type == sub_type, (ev.type, ev.mode, ev.acled_sub_event_type) if ev else None

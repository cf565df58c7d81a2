import pytest


@pytest.fixture(scope="session")
def nlp():
    from chronicle.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer():
    from chronicle.places.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def stage(gazetteer):
    from chronicle.places import PlaceStage

    return PlaceStage(gazetteer=gazetteer)


@pytest.fixture(scope="session")
def annotate(nlp, stage):
    """Text -> Annotations with places (and the focus note) filled in."""
    from chronicle.record import Article
    from chronicle.stage import Annotations

    def run(text):
        ann = Annotations(article=Article(text=text), doc=nlp(text), published=None)
        ann.places = stage(ann)
        return ann

    return run

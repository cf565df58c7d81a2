"""The knowledge base files: format, validation, user extension."""

from __future__ import annotations

import re

import pytest

from chronicle.actors.kb import INTERNATIONAL_CODES, SECTOR_CODES, KnowledgeBaseError, load_knowledge_base


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def test_shipped_entries_are_well_formed(kb):
    counts = kb.counts()
    assert counts["person"] > 100 and counts["armed_group"] > 30 and counts["organisation"] > 50
    assert counts["countries"] >= 190
    for e in kb.entries:
        assert e.country is None or re.fullmatch(r"[A-Z]{3}", e.country), e.name
        assert e.international is None or e.international in INTERNATIONAL_CODES, e.name
        assert e.country or e.international, f"{e.name} has neither a country nor an international code"
        assert e.sector is None or e.sector in SECTOR_CODES, e.name
        assert e.wikidata is None or re.fullmatch(r"Q\d+", e.wikidata), e.name
        for r in e.roles:
            assert r.start is None or r.end is None or r.start <= r.end, (e.name, r)


def test_every_person_has_roles_or_a_sector(kb):
    for e in kb.entries:
        if e.is_person:
            assert e.roles or e.sector, e.name


def test_user_file_adds_an_actor(tmp_path, resolve):
    from chronicle.actors import ActorStage

    user = tmp_path / "my_actors.yaml"
    user.write_text(
        "kind: armed_group\n"
        "actors:\n"
        "  - name: Lakeside Defence Brigades\n"
        "    aliases: [LDB, Lakeside Brigades]\n"
        "    country: KEN\n"
        "    sector: PRM\n",
        encoding="utf-8",
    )
    stage = ActorStage(extra_files=[str(user)])
    actors, _ = resolve("The LDB said the Lakeside Brigades would disarm.", published="2024-01-01", actor_stage=stage)
    named = [a for a in actors if a.name == "Lakeside Defence Brigades"]
    assert len(named) == 1
    assert (named[0].country, named[0].sector) == ("KEN", "PRM")
    assert {m.text for m in named[0].mentions} == {"LDB", "Lakeside Brigades"}


def test_user_file_with_a_bad_code_is_refused(tmp_path):
    from chronicle.actors.kb import KnowledgeBase

    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {name: Somebody, country: Kenya, sector: GOV}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="alpha-3"):
        KnowledgeBase([bad])
    worse = tmp_path / "worse.yaml"
    worse.write_text("actors:\n  - {name: Somebody, country: KEN, sector: GOVERNMENT}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="sector"):
        KnowledgeBase([worse])


def test_role_dates_with_year_precision(kb):
    from chronicle.actors.kb import _iso

    assert _iso(2017) == "2017-01-01"
    assert _iso("2022", end=True) == "2022-12-31"
    assert _iso("2025-08") == "2025-08-01"

"""Type, mode and ACLED sub-type decisions on sentences written for these tests."""

import json
from pathlib import Path

import pytest
from events_fixtures import code, pipeline  # noqa: F401 - session fixtures

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def rules_code():
    """Text -> events, with the ACLED sub-type from the rules alone."""
    from chronicle.pipeline import Pipeline

    rules_only = Pipeline(acled_events=0)
    return lambda text: rules_only.process(text, published="2024-03-05").events


def top(code, text):
    events = code(text)
    return events[0] if events else None


@pytest.mark.parametrize("text, event_type", [
    ("The two presidents will meet in Geneva next month.", "AGREE"),  # future cooperation is AGREE
    ("The interior ministry lifted the curfew in the capital on Sunday.", "CONCEDE"),
    ("The donor countries suspended their aid to the government after the coup.", "SANCTION"),
    ("The rebels refused to release the hostages.", "REJECT"),
    ("The militia threatened to attack the convoy if it entered the valley.", "THREATEN"),
    ("The ruling party said the opposition must accept the election result.", "REQUEST"),
    ("The minister condemned the bombing of the clinic.", "ACCUSE"),
    ("Police arrested four journalists outside the courthouse.", "COERCE"),
    ("The army prepared to launch an offensive on the rebel stronghold.", "MOBILIZE"),
    ("The government has not agreed to any talks with the union.", "REJECT"),
])
def test_plover_frame_rules(code, text, event_type):
    ev = top(code, text)
    assert ev is not None and ev.type == event_type


def test_weapon_sets_the_mode_and_acled_sub_type(rules_code):
    ev = top(rules_code, "Warplanes bombed a market in the rebel-held town, killing 20 people.")
    assert ev.type == "ASSAULT"
    assert ev.acled_sub_event_type == "Air/drone strike"
    ev = top(rules_code, "A roadside bomb struck an army truck near the border, killing three soldiers.")
    assert ev.acled_sub_event_type == "Remote explosive/landmine/IED"


def test_protest_sub_types_follow_the_cues(rules_code):
    assert top(rules_code, "Teachers rallied peacefully outside parliament.").acled_sub_event_type == "Peaceful protest"
    assert top(rules_code, "Police fired tear gas to disperse the protesters.").acled_sub_event_type == "Protest with intervention"
    assert top(rules_code, "Soldiers shot dead four protesters at the rally.").acled_sub_event_type == "Excessive force against protesters"


def test_hazards_are_not_political_events(code):
    assert code("An earthquake destroyed hundreds of homes and killed 40 people in the valley.") == []


def _weighted_f1(rows, code):
    from sklearn.metrics import f1_score

    gold, pred = [], []
    for row in rows:
        ev = top(code, row["text"])
        gold.append(row["label"])
        pred.append((ev.acled_sub_event_type or "none") if ev else "none")
    return f1_score(gold, pred, average="weighted")


def test_acled_sub_types_on_the_projects_snippets(code):
    """The project's own ACLED-style snippets (tests/events/fixtures): the bar is 0.75 weighted F1."""
    rows = [json.loads(line) for line in (FIXTURES / "acled_snippets.jsonl").read_text().splitlines() if line.strip()]
    blind = [json.loads(line) for name in ("acled_snippets_blind.jsonl", "acled_snippets_heldout.jsonl", "acled_snippets_heldout2.jsonl",
                                      "acled_snippets_heldout3.jsonl", "acled_snippets_heldout4.jsonl",
                                      "acled_snippets_heldout5.jsonl")
             for line in (FIXTURES / name).read_text().splitlines() if line.strip()]
    assert _weighted_f1(rows, code) >= 0.75
    assert _weighted_f1(blind, code) >= 0.75


@pytest.mark.parametrize("name", ["acled_snippets_s2_a.jsonl", "acled_snippets_s2_dev.jsonl", "acled_snippets_s2_b.jsonl"])
def test_acled_sub_types_on_the_session_two_snippets(code, name):
    """Session 2's development snippets (each scored once before the rules it informed; docs/events.md)."""
    rows = [json.loads(line) for line in (FIXTURES / name).read_text().splitlines() if line.strip()]
    assert len(rows) >= 60
    assert _weighted_f1(rows, code) >= 0.75


@pytest.mark.parametrize("text, sub_type", [
    # demonstrators who turn violent make a riot, whatever the police then do
    ("Stone-throwing youths fought running battles with riot police after the rally in the port city.", "Violent demonstration"),
    # riot police are who intervenes, not a riot
    ("Riot police pushed marchers back from the ministry with shields and batons and held eleven of them.", "Protest with intervention"),
    # warning shots over a crowd are force short of shooting at it
    ("Soldiers fired into the air to scatter a crowd of students chanting against the junta.", "Protest with intervention"),
    # a one-sided attack on armed men is a battle in ACLED
    ("Government troops ambushed a column of insurgents near the river crossing, killing five of them.", "Armed clash"),
    # the capture of a place is the event, even where the sentence names a mine or a weapon
    ("Militants captured the gold mining town after a week of mortar fire, residents said.", "Non-state actor overtakes territory"),
    ("The army retook the district headquarters from the rebels on Friday.", "Government regains territory"),
    # a place handed over without fighting
    ("The militia handed over the airport to the national army on Saturday.", "Non-violent transfer of territory"),
    # a negotiated handover is an agreement (ACLED lists negotiated territorial transfers under Agreement)
    ("The militia handed over the airport to the national army under the deal.", "Agreement"),
    # supporters destroying property are demonstrators; a crowd punishing a suspect is a mob
    ("Supporters of the losing party set fire to the tally centre and smashed its windows.", "Violent demonstration"),
    ("A crowd beat a suspected thief to death at the bus park, police said.", "Mob violence"),
])
def test_acled_codebook_distinctions(rules_code, text, sub_type):
    # the rules' own knowledge of the codebook (acled_events=0: no learned model); the
    # learned model's decisions are measured out of fold on real snippets (chronicle eval)
    ev = top(rules_code, text)
    assert ev is not None and ev.acled_sub_event_type == sub_type, (ev.type, ev.mode, ev.acled_sub_event_type) if ev else None


@pytest.mark.parametrize("text", [
    "The visitors beat the home side 3-1 with two late goals.",  # a score, not an assault
    "Torrential rain swept through the hill villages overnight, killing eleven people.",  # the rain killed
])
def test_non_political_reports_yield_no_event(code, text):
    assert code(text) == []


def test_verbal_events_are_no_acled_events(code):
    """ACLED records violence, demonstrations and strategic developments, not meetings or statements."""
    ev = top(code, "The foreign minister met his Turkish counterpart in Ankara on Tuesday.")
    assert ev is not None and ev.type == "CONSULT"
    assert ev.acled_event_type is None and ev.acled_sub_event_type is None
    signed = top(code, "The government and the rebels signed a ceasefire in the capital.")
    assert signed.acled_sub_event_type == "Agreement"


@pytest.mark.parametrize("text, absent", [
    # a capacity, not a deed
    ("The new decree gives the governor the power to arrest journalists without a warrant.", "COERCE"),
    ("His post provided him with the cover to order attacks on the opposition.", "ASSAULT"),
    # a figurative struggle
    ("Her grandfather fought for independence all his life.", "ASSAULT"),
    # a state, not an act of support
    ("The president still enjoys the support of the army.", "SUPPORT"),
])
def test_words_that_report_no_occurrence(code, text, absent):
    assert all(e.type != absent for e in code(text)), [(e.type, e.trigger.text) for e in code(text)]


def test_comments_on_a_reported_event_are_not_new_events(code):
    text = ("Thousands of farmers marched through the capital on Monday against new land taxes. "
            "These protests showed how deep the anger in the countryside runs. "
            "Observers said such marches were a warning to the government.")
    events = code(text)
    protests = [e for e in events if e.type == "PROTEST"]
    assert protests and "marched" in protests[0].trigger.text
    first = protests[0]
    # the comments add no event of the same standing: none outranks or matches the report
    assert all(e.confidence < first.confidence for e in protests[1:])
    assert not any("These protests" in text[e.sentence.start:e.sentence.end] for e in events)


def test_habitual_violence_is_less_certain_than_a_reported_attack(code):
    habit = top(code, "Police in the province routinely beat detainees, the report said.")
    event = top(code, "Police in the province beat two detainees on Sunday, the report said.")
    assert habit is not None and event is not None
    assert habit.confidence < event.confidence


@pytest.mark.parametrize("text, sub_type", [
    # the protesters are the subject of a side clause: the soldiers' shooting is force against them
    ("Troops shot at the marchers after some of the protesters tried to cross the cordon, killing three.", "Excessive force against protesters"),
    # what a side clause accuses the police of is the grievance, not this event
    ("Angry residents pelted the police station with stones, accusing officers of ignoring a spate of kidnappings.", "Violent demonstration"),
    # men armed with sticks are a crowd; a crowd attacking the police is a riot
    ("Dozens of men armed with sticks attacked a police post on the edge of the market.", "Violent demonstration"),
    # security forces destroying a bomb disrupt its use
    ("Army engineers safely detonated a bomb found near the bridge.", "Disrupted weapons use"),
    # armed groups joining forces change the conflict's structure; states allying do not (no ACLED event)
    ("The rebel group said it had formed an alliance with two smaller militias.", "Change to group/activity"),
])
def test_acled_sub_types_from_the_event_not_its_side_clauses(rules_code, text, sub_type):
    ev = top(rules_code, text)
    assert ev is not None and ev.acled_sub_event_type == sub_type, (ev.type, ev.mode, ev.acled_sub_event_type) if ev else None


def test_a_toll_after_the_attack_is_not_the_story(code):
    text = ("Militants stormed a police academy on the edge of the city on Friday and fought the guards for hours. "
            "At least twelve people were killed.")
    events = code(text)
    assert events and events[0].type == "ASSAULT"
    assert events[0].trigger.text in ("stormed", "fought"), events[0].trigger.text
    assert events[0].acled_sub_event_type == "Armed clash"


@pytest.mark.parametrize("text, sub_type", [
    # "were met with tear gas" is a reception, not a meeting
    ("Marchers heading for the parliament were met with tear gas and water cannon.", "Protest with intervention"),
    # a light verb the lemmatiser misreads ("staged" -> "stag") still carries its protest
    ("Market women staged a march through the town to demand the reopening of the main road.", "Peaceful protest"),
    # a rally that has not happened yet: the detentions are arrests
    ("Police rounded up dozens of opposition activists ahead of a planned rally on Saturday.", "Arrests"),
    # interceptions in a side clause do not make the attack a disrupted one
    ("The army fired 30 rockets at the frontier town overnight, some of which were intercepted.", "Shelling/artillery/missile attack"),
])
def test_acled_sub_types_of_reported_wording(rules_code, text, sub_type):
    ev = top(rules_code, text)
    assert ev is not None and ev.acled_sub_event_type == sub_type, (ev.type, ev.mode, ev.acled_sub_event_type) if ev else None


def test_freeing_prisoners_in_a_raid_is_part_of_the_raid(code):
    events = code("Gunmen attacked the district jail at dawn and freed hundreds of inmates.")
    assert events and events[0].type == "ASSAULT"
    assert not any(e.type == "RETREAT" for e in events)


@pytest.mark.parametrize("text, sub_type", [
    ("A guided bomb dropped on the suburb destroyed two apartment blocks, officials said.", "Air/drone strike"),
    # a detention followed by silence is a forced disappearance
    ("The lawyer's whereabouts have been unknown since plain-clothes agents detained him last month.", "Abduction/forced disappearance"),
    # arson by a few is property destruction; a crowd burning houses is mob violence
    ("Unknown men set fire to the offices of the electoral commission overnight.", "Looting/property destruction"),
    ("Soldiers scattered the crowd outside the stadium.", "Protest with intervention"),
])
def test_more_acled_codebook_distinctions(rules_code, text, sub_type):
    ev = top(rules_code, text)
    assert ev is not None and ev.acled_sub_event_type == sub_type, (ev.type, ev.mode, ev.acled_sub_event_type) if ev else None


@pytest.mark.parametrize("text", [
    "Monsoon rains flooded the valley, killing nine people and cutting off roads.",
    "An explosion at a fertiliser plant warehouse injured 14 workers.",
    "Workers broke up the old ferry for scrap at the shipyard.",
])
def test_hazards_accidents_and_everyday_senses_yield_no_event(code, text):
    assert code(text) == [], [(e.type, e.trigger.text) for e in code(text)]


def test_a_lasting_background_is_below_the_news(code):
    text = ("The capital has been shaken by protests since the disputed vote. "
            "On Sunday, police used batons to break up a rally of opposition supporters.")
    events = code(text)
    assert events and events[0].acled_sub_event_type == "Protest with intervention"

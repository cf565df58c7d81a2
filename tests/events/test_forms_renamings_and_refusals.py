"""One happening, one event (identity.py, parts.py) and what a refusal is (modifiers.py): an act done
to protest is the protest, a statement's participle is that statement, a bare "the concession" renames
the agreement before it, two coordinated acts with their own objects are two; a directive's infinitive
has not happened, "will not accept" is a refusal made. Sentences written for these tests, parsed by spaCy."""

import pytest
from events_fixtures import code, pipeline  # noqa: F401 - session fixtures
from fixtures_structure import annotate, token

from chronicle.events.modifiers import find_modifiers


def _mentioned(event):
    return [m.trigger.text for m in event.mentions]


def _holding(events, word):
    return [e for e in events if word in _mentioned(e)]


def _reported(events):
    return [e for e in events if not e.negated and not e.hypothetical]


def test_visits_paid_to_protest_are_the_protest_and_so_is_the_headline_visit(code):
    events = code("Farmers visit homes of bank directors. A vanload of angry farmers are paying visits to the homes "
                  "of bank directors in Iowa to protest the foreclosures. The governor later met union leaders.")
    (protest,) = _holding(events, "visits")
    assert protest.type == "PROTEST" and not protest.hypothetical
    assert "visit" in _mentioned(protest)
    assert not [e for e in _reported(events) if e.type == "CONSULT" and "visit" in _mentioned(e)]


def test_a_trip_under_an_intent_keeps_its_purpose_a_plan(pipeline):
    ann = annotate("The envoy intends to take advantage of his visit to present the ceasefire plan to the rebels.")
    trig = token(ann, "present")
    assert find_modifiers(ann, trig.sent, trig).hypothetical is True


def test_a_participle_that_goes_on_with_a_statement_is_that_statement(code):
    events = code("The opposition leader renewed demands for the minister to resign, vowing not to join any "
                  "talks until the budget is withdrawn.")
    (demand,) = _holding(events, "demands")
    assert "vowing" in _mentioned(demand)
    assert len(_holding(events, "vowing")) == 1


def test_the_concession_names_the_agreement_before_it_and_says_its_kind(code):
    events = code("Valdoria agreed Tuesday to release the jailed opposition leader. The concession came as tens "
                  "of thousands of marchers neared the capital. Police later closed the main bridge.")
    (agreement,) = _holding(events, "agreed")
    assert "concession" in _mentioned(agreement)
    assert agreement.type == "CONCEDE"


def test_two_coordinated_arrests_and_closures_are_two_events(code):
    events = code("Authorities banned two opposition newspapers and detained 30 activists in the port city on Sunday.")
    closed, detained = _holding(events, "banned"), _holding(events, "detained")
    assert closed and detained and closed[0] is not detained[0]


def test_one_raid_told_with_two_verbs_stays_one(code):
    events = code("Gunmen stormed a police post and killed six officers near the border on Friday.")
    assert len([e for e in _reported(events) if e.type == "ASSAULT"]) == 1


def test_an_instructed_act_has_not_happened(pipeline):
    ann = annotate("The delegation was instructed to sign a trade pact with the islanders.")
    trig = token(ann, "sign")
    assert find_modifiers(ann, trig.sent, trig).hypothetical is True


def test_will_not_accept_is_a_refusal_made_not_a_negated_one(pipeline):
    ann = annotate("The islanders' council will not accept the new fishing quotas.")
    trig = token(ann, "accept")
    mods = find_modifiers(ann, trig.sent, trig, "REJECT")
    assert mods.negated is False and mods.hypothetical is False


def test_a_negated_refusal_word_stays_negated(pipeline):
    ann = annotate("The islanders' council did not reject the new fishing quotas.")
    trig = token(ann, "reject")
    assert find_modifiers(ann, trig.sent, trig, "REJECT").negated is True


def test_not_having_ratified_is_no_refusal_made(pipeline):
    ann = annotate("Valdoria is the only member that has not ratified the maritime protocol.")
    trig = token(ann, "ratified")
    assert find_modifiers(ann, trig.sent, trig, "REJECT").negated is True


def test_may_not_accept_stays_a_possibility(pipeline):
    ann = annotate("The islanders' council may not accept the new fishing quotas.")
    trig = token(ann, "accept")
    assert find_modifiers(ann, trig.sent, trig, "REJECT").hypothetical is True


def test_a_ban_that_is_breached_is_in_force_not_imposed(code):
    events = code("The coastguard says the tanker breached a UN embargo on arms shipments to the islands.")
    assert not [e for e in _reported(events) if "embargo" in _mentioned(e)]


def test_a_ban_imposed_is_an_event(code):
    events = code("The army imposed a curfew on the northern town on Monday after the riots.")
    assert [e for e in _reported(events) if e.type == "COERCE"]


def test_the_power_of_dialogue_is_no_dialogue_held(code):
    events = code("The prime minister said his government believes in the power of patient dialogue with the rebels.")
    assert not [e for e in _reported(events) if e.type == "CONSULT"]


def test_what_we_do_as_a_rule_in_a_quote_is_no_event(code):
    events = code('"We negotiate the fishing rights, the tariffs and everything else," the envoy wrote.')
    assert not [e for e in _reported(events) if e.type == "CONSULT"]


def test_a_refusal_said_in_the_present_in_a_quote_is_an_event(code):
    events = code('"We reject this partition plan," the foreign minister said on Sunday.')
    assert [e for e in _reported(events) if e.type == "REJECT"]


@pytest.mark.parametrize("text", [
    "I cannot agree more with the minister on this.",
    "The plan would win friends abroad, even when one does not agree with all of it.",
])
def test_full_agreement_and_circumstances_are_no_refusal_made(pipeline, text):
    ann = annotate(text)
    trig = token(ann, "agree")
    assert find_modifiers(ann, trig.sent, trig, "REJECT").negated is True


def test_a_state_organ_makes_a_sentence_with_trade_words_political(code):
    from chronicle.events.occurrence import sentence_is_political
    from fixtures_structure import annotate as parse

    ann = parse("The Valdorian administration declared that its neighbour must drop barriers to exports or "
                "face tariff penalties.")
    assert sentence_is_political(next(ann.doc.sents))


def test_the_subject_of_a_counterfactual_did_not_happen(pipeline):
    ann = annotate("Officials feared the release of the militants would have created chaos in the camps.")
    trig = token(ann, "release")
    assert find_modifiers(ann, trig.sent, trig).hypothetical is True


def test_the_subject_of_a_plain_would_be_still_happened(pipeline):
    ann = annotate("The attack would be the deadliest in the town since 2004, officials said.")
    trig = token(ann, "attack")
    assert find_modifiers(ann, trig.sent, trig).hypothetical is False

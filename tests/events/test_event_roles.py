"""find_roles: actor and recipient from the parse, on sentences written for these tests."""

from __future__ import annotations

import pytest
from fixtures_structure import annotate, names, token

from chronicle.events.participants import REQUIRES_RECIPIENT, find_roles, requires_recipient


def roles(text, actors, trigger, event_type, nth=0):
    ann = annotate(text, actors)
    trig = token(ann, trigger, nth)
    actor, recipient = find_roles(ann, trig.sent, trig, event_type)
    return ann, actor, recipient


def test_active_voice_subject_acts_on_object():
    ann, a, r = roles(
        "Government troops killed eleven villagers near the northern border on Tuesday.",
        {"army": ["Government troops"], "villagers": ["villagers"]},
        "killed",
        "ASSAULT",
    )
    assert names(ann, a) == ["army"]
    assert names(ann, r) == ["villagers"]
    assert a[0].text == "Government troops"


def test_passive_voice_agent_is_actor():
    ann, a, r = roles(
        "Forty prisoners were killed by the border guards during the night.",
        {"guards": ["border guards"], "prisoners": ["prisoners"]},
        "killed",
        "ASSAULT",
    )
    assert names(ann, a) == ["guards"]
    assert names(ann, r) == ["prisoners"]


def test_passive_with_order_keeps_forces_first_and_records_who_ordered():
    ann, a, r = roles(
        "Thirty members of the union were killed by the national guard by the order of the governor, Paul Rand.",
        {"union": ["union"], "guard": ["national guard"], "governor": ["the governor", "Paul Rand"]},
        "killed",
        "ASSAULT",
    )
    assert names(ann, a) == ["guard", "governor"]
    assert a[0].role is None and a[1].role == "ordered"
    assert names(ann, r) == ["union"]


def test_active_order_verb_makes_object_the_actor():
    ann, a, r = roles(
        "The president ordered the army to disperse the marchers.",
        {"president": ["The president"], "army": ["the army"], "marchers": ["the marchers"]},
        "disperse",
        "COERCE",
    )
    assert names(ann, a)[0] == "army"
    assert "president" in names(ann, a) and a[names(ann, a).index("president")].role == "ordered"
    assert names(ann, r) == ["marchers"]


def test_on_the_orders_of_on_the_verb():
    ann, a, r = roles(
        "Soldiers shot two students on the orders of the commander.",
        {"soldiers": ["Soldiers"], "students": ["students"], "commander": ["the commander"]},
        "shot",
        "ASSAULT",
    )
    assert names(ann, a) == ["soldiers", "commander"]
    assert names(ann, r) == ["students"]


def test_coordinated_subjects_are_all_actors():
    ann, a, r = roles(
        "Norway and Chile condemned the bombing of the embassy in Lima.",
        {"NOR": ["Norway"], "CHL": ["Chile"]},
        "condemned",
        "ACCUSE",
    )
    assert names(ann, a) == ["NOR", "CHL"]
    assert r == []


def test_coordinated_objects_are_all_recipients():
    ann, a, r = roles(
        "The ministry expelled diplomats from Peru and Bolivia after the vote.",
        {"ministry": ["The ministry"], "PER": ["Peru"], "BOL": ["Bolivia"]},
        "expelled",
        "COERCE",
    )
    assert names(ann, a) == ["ministry"]
    assert set(names(ann, r)) == {"PER", "BOL"}


def test_xcomp_chain_inherits_subject():
    ann, a, r = roles(
        "Riot police moved to arrest the organisers of the sit-in.",
        {"police": ["Riot police"], "organisers": ["organisers"]},
        "arrest",
        "COERCE",
    )
    assert names(ann, a) == ["police"]
    assert names(ann, r) == ["organisers"]


def test_called_on_x_to_makes_x_the_actor_of_the_complement_and_recipient_of_the_call():
    text = "The opposition called on the cabinet to resign by Friday."
    actors = {"opposition": ["The opposition"], "cabinet": ["the cabinet"]}
    ann, a, r = roles(text, actors, "called", "REQUEST")
    assert names(ann, a) == ["opposition"]
    assert names(ann, r) == ["cabinet"]
    ann, a, r = roles(text, actors, "resign", "RETREAT")
    assert names(ann, a) == ["cabinet"]


def test_noun_trigger_with_by_and_on():
    ann, a, r = roles(
        "The raid by rebel fighters on the garrison lasted two hours.",
        {"rebels": ["rebel fighters"], "garrison": ["the garrison"]},
        "raid",
        "ASSAULT",
    )
    assert names(ann, a) == ["rebels"]
    assert names(ann, r) == ["garrison"]


def test_noun_trigger_against():
    ann, a, r = roles(
        "Students joined protests against the government in the capital.",
        {"students": ["Students"], "government": ["the government"]},
        "protests",
        "PROTEST",
    )
    assert names(ann, a) == ["students"]
    assert names(ann, r) == ["government"]


def test_light_verb_with_noun_trigger():
    ann, a, r = roles(
        "Insurgents launched an attack on a police station overnight.",
        {"insurgents": ["Insurgents"], "police": ["police"]},
        "attack",
        "ASSAULT",
    )
    assert names(ann, a) == ["insurgents"]
    assert names(ann, r) == ["police"]


def test_possessive_and_adjective_actor_of_noun_trigger():
    ann, a, r = roles(
        "Ruritania's blockade of the port angered traders.",
        {"RUR": ["Ruritania"], "traders": ["traders"]},
        "blockade",
        "COERCE",
    )
    assert names(ann, a) == ["RUR"]


def test_protest_needs_no_recipient():
    ann, a, r = roles(
        "Hundreds of nurses marched through the city centre on Monday.",
        {"nurses": ["nurses"]},
        "marched",
        "PROTEST",
    )
    assert names(ann, a) == ["nurses"]
    assert r == []


def test_participle_inherits_subject():
    ann, a, r = roles(
        "Gunmen opened fire on a bus, killing six passengers.",
        {"gunmen": ["Gunmen"], "passengers": ["passengers"]},
        "killing",
        "ASSAULT",
    )
    assert names(ann, a) == ["gunmen"]
    assert names(ann, r) == ["passengers"]


def test_relative_clause_subject_is_the_antecedent():
    ann, a, r = roles(
        "Officials named the militia that abducted the two engineers.",
        {"militia": ["the militia"], "engineers": ["engineers"], "officials": ["Officials"]},
        "abducted",
        "ASSAULT",
    )
    assert names(ann, a) == ["militia"]
    assert names(ann, r) == ["engineers"]


def test_participial_modifier_passive():
    ann, a, r = roles(
        "Relatives buried the protesters shot by the security forces.",
        {"protesters": ["protesters"], "forces": ["security forces"], "relatives": ["Relatives"]},
        "shot",
        "ASSAULT",
    )
    assert names(ann, a) == ["forces"]
    assert names(ann, r) == ["protesters"]


def test_threat_finds_recipient_in_complement():
    ann, a, r = roles(
        "Valdoria threatened to bomb Ostrian ports if talks fail.",
        {"VAL": ["Valdoria"], "OST": ["Ostrian"]},
        "threatened",
        "THREATEN",
    )
    assert names(ann, a) == ["VAL"]
    assert names(ann, r) == ["OST"]


def test_demand_that_x_recipient():
    ann, a, r = roles(
        "The union demanded that the mayor reopen the depot.",
        {"union": ["The union"], "mayor": ["the mayor"]},
        "demanded",
        "REQUEST",
    )
    assert names(ann, a) == ["union"]
    assert names(ann, r) == ["mayor"]


def test_aid_dative_recipient():
    ann, a, r = roles(
        "Japan gave Nepal forty tonnes of rice after the floods.",
        {"JPN": ["Japan"], "NPL": ["Nepal"]},
        "gave",
        "AID",
    )
    assert names(ann, a) == ["JPN"]
    assert names(ann, r) == ["NPL"]


def test_aid_to_recipient():
    ann, a, r = roles(
        "Canada sent medical supplies to Haiti on Sunday.",
        {"CAN": ["Canada"], "HTI": ["Haiti"]},
        "sent",
        "AID",
    )
    assert names(ann, a) == ["CAN"]
    assert names(ann, r) == ["HTI"]


def test_members_of_group_resolves_to_group():
    ann, a, r = roles(
        "Police detained twelve members of the Farmers Union outside parliament.",
        {"police": ["Police"], "union": ["the Farmers Union"]},
        "detained",
        "COERCE",
    )
    assert names(ann, r) == ["union"]


def test_side_that_clashes_acts_on_the_side_it_clashes_with():
    ann, a, r = roles(
        "Rebels clashed with soldiers near the dam.",
        {"rebels": ["Rebels"], "army": ["soldiers"]},
        "clashed",
        "ASSAULT",
    )
    assert names(ann, a) == ["rebels"]
    assert names(ann, r) == ["army"]


@pytest.mark.parametrize("text, trigger", [
    ("Herders fought with farmers over a well outside the village.", "fought"),
    ("Herders fought farmers over a well outside the village.", "fought"),
    ("Herders skirmished with farmers over a well outside the village.", "skirmished"),
    ("Herders fought running battles with farmers over a well outside the village.", "battles"),
])
def test_fight_verbs_code_the_subject_as_actor_and_the_other_side_as_recipient(text, trigger):
    ann, a, r = roles(text, {"herders": ["Herders"], "farmers": ["farmers"]}, trigger, "ASSAULT")
    assert names(ann, a) == ["herders"]
    assert names(ann, r) == ["farmers"]


def test_running_battles_with_police_make_police_the_recipient():
    ann, a, r = roles(
        "Dock workers fought running battles with police outside the port authority.",
        {"workers": ["Dock workers"], "police": ["police"]},
        "battles",
        "ASSAULT",
    )
    assert names(ann, a) == ["workers"]
    assert names(ann, r) == ["police"]


def test_sides_that_clashed_together_take_the_first_named_as_actor():
    ann, a, r = roles(
        "Miners and security guards clashed at the gate of the copper mine.",
        {"miners": ["Miners"], "guards": ["security guards"]},
        "clashed",
        "ASSAULT",
    )
    assert names(ann, a) == ["miners"]
    assert names(ann, r) == ["guards"]


@pytest.mark.parametrize("text, trigger", [
    ("Fierce clashes between the militia and the border police left six dead.", "clashes"),
    ("Clashes erupted between the militia and the border police after midnight.", "Clashes"),
])
def test_clashes_between_two_sides_take_the_first_named_as_actor(text, trigger):
    ann, a, r = roles(text, {"militia": ["the militia"], "police": ["the border police"]}, trigger, "ASSAULT")
    assert names(ann, a) == ["militia"]
    assert names(ann, r) == ["police"]


def test_coordinated_side_that_clashes_keeps_both_members_as_actor():
    ann, a, r = roles(
        "Police and soldiers clashed with stone-throwing youths in the old town.",
        {"police": ["Police"], "army": ["soldiers"], "youths": ["youths"]},
        "clashed",
        "ASSAULT",
    )
    assert names(ann, a) == ["police", "army"]
    assert names(ann, r) == ["youths"]


def test_parties_that_met_together_take_the_first_named_as_actor():
    ann, a, r = roles(
        "Valdoria and Ostria met in Geneva on Monday.",
        {"VAL": ["Valdoria"], "OST": ["Ostria"]},
        "met",
        "CONSULT",
    )
    assert names(ann, a) == ["VAL"]
    assert names(ann, r) == ["OST"]


def test_refs_point_at_the_mention_text():
    ann, a, r = roles(
        "Border guards arrested three smugglers.",
        {"guards": ["Border guards"], "smugglers": ["smugglers"]},
        "arrested",
        "COERCE",
    )
    for ref in a + r:
        assert ann.text[ref.start : ref.end] == ref.text


def test_no_actors_returns_empty():
    ann, a, r = roles("Police arrested three men.", {}, "arrested", "COERCE")
    assert (a, r) == ([], [])


def test_words_no_actor_covers_are_not_roles():
    ann, a, r = roles(
        "Police arrested three men in the market.",
        {"police": ["Police"]},
        "arrested",
        "COERCE",
    )
    assert names(ann, a) == ["police"]
    assert r == []


@pytest.mark.parametrize("t,expected", [("AID", True), ("SANCTION", True), ("COOPERATE", True), ("PROTEST", False), ("ASSAULT", False), ("FIGHT", False)])
def test_requires_recipient_table(t, expected):
    assert requires_recipient(t) is expected
    assert len(REQUIRES_RECIPIENT) == 16


def test_coordinated_adjectives_in_one_noun_phrase():
    ann, a, r = roles(
        "Senior Chilean and Peruvian diplomats agreed on a joint patrol.",
        {"CHL": ["Chilean"], "PER": ["Peruvian"]},
        "agreed",
        "AGREE",
    )
    assert names(ann, a) == ["CHL"]
    assert names(ann, r) == ["PER"]


def test_unresolved_pronoun_under_speech_verb_is_the_speaker():
    ann, a, r = roles(
        "Estonia said it would expel the Ruritanian attache.",
        {"EST": ["Estonia"], "RUR": ["Ruritanian"]},
        "expel",
        "COERCE",
    )
    assert names(ann, a) == ["EST"]
    assert names(ann, r) == ["RUR"]


def test_predicate_adjective_takes_the_copula_subject():
    ann, a, r = roles(
        "Ghana is ready to send engineers to Liberia.",
        {"GHA": ["Ghana"], "LBR": ["Liberia"]},
        "ready",
        "AID",
    )
    assert names(ann, a) == ["GHA"]
    assert names(ann, r) == ["LBR"]


def test_stative_participle_is_not_passive():
    ann, a, r = roles(
        "Norway is opposed to Ruritanian mediation in the dispute.",
        {"NOR": ["Norway"], "RUR": ["Ruritanian"]},
        "opposed",
        "REJECT",
    )
    assert names(ann, a) == ["NOR"]
    assert names(ann, r) == ["RUR"]


def test_affiliation_names_the_group():
    ann, a, r = roles(
        "Some 3,000 dockers affiliated with the Harbour Workers Union stopped work on Monday.",
        {"union": ["the Harbour Workers Union"]},
        "stopped",
        "PROTEST",
    )
    assert names(ann, a) == ["union"]


def test_recipient_inside_the_object_of_a_preposition():
    ann, a, r = roles(
        "The bishop called for sanctions against Valdoria after the executions.",
        {"bishop": ["The bishop"], "VAL": ["Valdoria"]},
        "called",
        "REQUEST",
    )
    assert names(ann, r) == ["VAL"]


def test_rejected_calls_by_x():
    ann, a, r = roles(
        "Berlin rejected calls by Ruritania's rulers for emergency loans.",
        {"DEU": ["Berlin"], "RUR": ["Ruritania"]},
        "rejected",
        "REJECT",
    )
    assert names(ann, a) == ["DEU"]
    assert names(ann, r) == ["RUR"]


def test_place_of_a_directed_act_is_the_last_resort_recipient():
    ann, a, r = roles(
        "The junta lifted the night curfew in Valdoria on Sunday.",
        {"junta": ["The junta"], "VAL": ["Valdoria"]},
        "lifted",
        "CONCEDE",
    )
    assert names(ann, r) == ["VAL"]


def test_protest_with_no_target_is_aimed_at_the_state_where_it_happens():
    ann, a, r = roles(
        "Farmers marched in Valdoria on Sunday.",
        {"farmers": ["Farmers"], "VAL": ["Valdoria"]},
        "marched",
        "PROTEST",
    )
    assert names(ann, a) == ["farmers"]
    assert names(ann, r) == ["VAL"]


def test_protest_target_wins_over_its_place():
    ann, a, r = roles(
        "Farmers marched in Valdoria against the Ostrian trade minister on Sunday.",
        {"farmers": ["Farmers"], "VAL": ["Valdoria"], "OST": ["the Ostrian trade minister"]},
        "marched",
        "PROTEST",
    )
    assert names(ann, r) == ["OST"]


def test_taking_away_from_x():
    ann, a, r = roles(
        "Valdoria will withdraw its battalion from Ostria next month.",
        {"VAL": ["Valdoria"], "OST": ["Ostria"]},
        "withdraw",
        "RETREAT",
    )
    assert names(ann, a) == ["VAL"]
    assert names(ann, r) == ["OST"]


def test_willing_to_through_a_speech_verb():
    ann, a, r = roles(
        "The elders announced that they are willing to pardon the former governor.",
        {"elders": ["The elders"], "governor": ["the former governor"]},
        "announced",
        "SUPPORT",
    )
    assert names(ann, a) == ["elders"]
    assert names(ann, r) == ["governor"]


def test_threat_target_is_who_must_meet_the_condition():
    ann, a, r = roles(
        "The dockers threatened to strike unless the port authority raises wages.",
        {"dockers": ["The dockers"], "authority": ["the port authority"]},
        "threatened",
        "THREATEN",
    )
    assert names(ann, r) == ["authority"]


def test_demands_that_x_noun_trigger():
    ann, a, r = roles(
        "The rebels repeated their demands that the cabinet free all prisoners.",
        {"rebels": ["The rebels"], "cabinet": ["the cabinet"]},
        "demands",
        "REQUEST",
    )
    assert names(ann, a) == ["rebels"]
    assert names(ann, r) == ["cabinet"]


def test_object_staged_by_x():
    ann, a, r = roles(
        "Riot police prevented a rally organised by the Green Party near the palace.",
        {"police": ["Riot police"], "greens": ["the Green Party"]},
        "prevented",
        "COERCE",
    )
    assert names(ann, a) == ["police"]
    assert names(ann, r) == ["greens"]


def test_meeting_with_x_makes_x_the_recipient():
    ann, a, r = roles(
        "The Chilean foreign minister met with Peru's president in Lima on Monday.",
        {"CHL": ["The Chilean foreign minister"], "PER": ["Peru's president"]},
        "met",
        "CONSULT",
    )
    assert names(ann, a) == ["CHL"]
    assert names(ann, r) == ["PER"]


def test_officials_that_meet_together_take_the_first_named_as_actor():
    ann, a, r = roles(
        "The Chilean foreign minister and Peru's president met in Lima on Monday.",
        {"CHL": ["The Chilean foreign minister"], "PER": ["Peru's president"]},
        "met",
        "CONSULT",
    )
    assert names(ann, a) == ["CHL"]
    assert names(ann, r) == ["PER"]


def test_talks_with_x_on_a_noun_trigger():
    ann, a, r = roles(
        "Delegates from Valdoria held two days of talks with the Ostrian interior minister.",
        {"VAL": ["Delegates from Valdoria"], "OST": ["the Ostrian interior minister"]},
        "talks",
        "CONSULT",
    )
    assert names(ann, a) == ["VAL"]
    assert names(ann, r) == ["OST"]


def test_visit_keeps_visitor_actor_and_host_recipient():
    ann, a, r = roles(
        "The Chilean foreign minister visited Peru on Monday.",
        {"CHL": ["The Chilean foreign minister"], "PER": ["Peru"]},
        "visited",
        "CONSULT",
    )
    assert names(ann, a) == ["CHL"]
    assert names(ann, r) == ["PER"]


def test_host_acts_on_the_guest():
    # CAMEO 043 "host a visit": the host is the source, the guest the target
    ann, a, r = roles(
        "Norway's prime minister hosted the Chilean president in Oslo.",
        {"NOR": ["Norway's prime minister"], "CHL": ["the Chilean president"]},
        "hosted",
        "CONSULT",
    )
    assert names(ann, a) == ["NOR"]
    assert names(ann, r) == ["CHL"]


def test_subject_the_parser_attached_before_a_comma():
    ann, a, r = roles(
        "With the signing of the Memorandum of Understanding on Border Crossings, the Valdorian government and the Ostrian rebels have agreed to reopen the road.",
        {"VAL": ["the Valdorian government"], "rebels": ["the Ostrian rebels"]},
        "agreed",
        "AGREE",
    )
    assert names(ann, a) == ["VAL"]
    assert names(ann, r) == ["rebels"]


def test_death_in_custody_victim_and_custodian():
    ann, a, r = roles(
        "A Valdorian prisoner died while in Ostrian police custody, his lawyer said.",
        {"prisoner": ["Valdorian prisoner"], "police": ["Ostrian police"]},
        "died",
        "ASSAULT",
    )
    assert names(ann, r) == ["prisoner"]
    assert names(ann, a) == ["police"]


def test_noun_trigger_inside_an_object_phrase():
    ann, a, r = roles(
        "Japan gave Nepal forty million dollars of aid on Monday.",
        {"JPN": ["Japan"], "NPL": ["Nepal"]},
        "aid",
        "AID",
    )
    assert names(ann, a) == ["JPN"]
    assert names(ann, r) == ["NPL"]


def test_verb_acting_on_an_event_is_not_its_actor():
    ann, a, r = roles(
        "Police banned the Green Party's march on Sunday.",
        {"police": ["Police"], "greens": ["the Green Party"]},
        "march",
        "PROTEST",
    )
    assert names(ann, a) == ["greens"]
    ann, a, r = roles(
        "Police banned the march on Sunday.",
        {"police": ["Police"]},
        "march",
        "PROTEST",
    )
    assert a == []


def test_put_under_investigation():
    ann, a, r = roles(
        "A Valdorian national has been put under investigation in Ostria for fraud.",
        {"national": ["Valdorian national"]},
        "investigation",
        "ACCUSE",
    )
    assert names(ann, r) == ["national"]


def test_protest_noun_target_found_through_purpose_clause():
    ann, a, r = roles(
        "Students staged protests on Saturday to demand reforms by the Valdorian government.",
        {"students": ["Students"], "VAL": ["the Valdorian government"]},
        "protests",
        "PROTEST",
    )
    assert names(ann, a) == ["students"]
    assert names(ann, r) == ["VAL"]


def test_in_protest_of_x():
    ann, a, r = roles(
        "A group of refugees began a hunger strike in protest of the Ostrian government's refusal to grant asylum.",
        {"refugees": ["refugees"], "OST": ["the Ostrian government"]},
        "began",
        "PROTEST",
    )
    assert names(ann, a) == ["refugees"]
    assert names(ann, r) == ["OST"]


def test_target_of_a_protest_is_the_author_of_what_is_protested():
    ann, a, r = roles(
        "Students marched against the abuses by the Valdorian army.",
        {"students": ["Students"], "army": ["the Valdorian army"]},
        "marched",
        "PROTEST",
    )
    assert names(ann, r) == ["army"]


def test_object_behind_a_misread_particle():
    ann, a, r = roles(
        "Bandits have kidnapped up to 16 Ostrian engineers from a market.",
        {"bandits": ["Bandits"], "engineers": ["Ostrian engineers"]},
        "kidnapped",
        "ASSAULT",
    )
    assert names(ann, r) == ["engineers"]


def test_receiving_verb_reverses_the_roles_of_a_noun_trigger():
    ann, a, r = roles(
        "The junta enjoys the backing of Ostria's generals.",
        {"junta": ["The junta"], "OST": ["Ostria"]},
        "backing",
        "SUPPORT",
    )
    assert names(ann, a) == ["OST"]
    assert names(ann, r) == ["junta"]


def test_unresolved_pronoun_object_is_not_replaced_by_someone_further_away():
    ann, a, r = roles(
        "Ostria gave him weapons to attack the Valdorian border posts.",
        {"OST": ["Ostria"], "VAL": ["Valdorian"]},
        "gave",
        "AID",
    )
    assert names(ann, a) == ["OST"]
    assert r == []


def test_company_of_a_protest_is_not_its_target():
    ann, a, r = roles(
        "The protests in the capital continued, with students blocking the main avenue.",
        {"students": ["students"]},
        "protests",
        "PROTEST",
    )
    assert r == []


@pytest.mark.slow
def test_roles_on_the_plover_gsr_sentences_stay_above_their_floor():
    """Evaluation on ../shared (read at run time): gold actors in, roles alone measured."""
    from fixtures_structure_gsr import DEFAULT_PATH, measure

    if not DEFAULT_PATH.exists():
        pytest.skip("shared GSR data not present")
    result = measure(DEFAULT_PATH)
    assert result["events"] > 300
    assert result["source_in_actor"] >= 0.92
    assert result["target_in_recipient"] >= 0.84
    # 0.05 until session 7: reciprocal acts ("X and Y met", "clashes between X and Y") now code the
    # first named side as actor and the other as recipient (docs/actors.md), so where the gold codes
    # the pair the other way round its source lands in our recipient (0.052 measured)
    assert result["source_in_recipient"] <= 0.055


def test_types_that_need_a_recipient_widen_to_the_clause():
    ann, a, r = roles(
        "Japan suspended its loans after the coup, citing Valdoria's refusal to hold elections.",
        {"JPN": ["Japan"], "VAL": ["Valdoria"]},
        "suspended",
        "SANCTION",
    )
    assert names(ann, a) == ["JPN"]
    assert names(ann, r) == ["VAL"]


def test_protest_does_not_widen_to_the_clause():
    ann, a, r = roles(
        "Farmers marched past the offices of the Valdorian embassy.",
        {"farmers": ["Farmers"], "VAL": ["Valdorian embassy"]},
        "marched",
        "PROTEST",
    )
    assert names(ann, a) == ["farmers"]
    assert r == []


def test_victims_of_an_attack_by_x():
    ann, a, r = roles(
        "Many union members were killed during the raids by the militia.",
        {"union": ["union"], "militia": ["the militia"]},
        "killed",
        "ASSAULT",
    )
    assert names(ann, a) == ["militia"]
    assert names(ann, r) == ["union"]


def test_event_noun_told_by_a_relative_clause():
    ann, a, r = roles(
        "Today marks the anniversary of the massacre in Port Ellis, where forty members of the Farmers Union were shot by the border guards.",
        {"union": ["Farmers Union"], "guards": ["the border guards"]},
        "massacre",
        "ASSAULT",
    )
    assert names(ann, a) == ["guards"]
    assert names(ann, r) == ["union"]


def test_who_reveals_an_event_is_not_its_actor():
    ann, a, r = roles(
        "Rights groups and foreign reporters revealed details of the killings.",
        {"groups": ["Rights groups"], "reporters": ["foreign reporters"]},
        "killings",
        "ASSAULT",
    )
    assert a == []


def test_people_named_by_the_trigger_do_not_make_their_object_a_target():
    ann, a, r = roles(
        "Protesters honoured the memory of the poet Omar Hadi.",
        {"protesters": ["Protesters"], "hadi": ["Omar Hadi"]},
        "Protesters",
        "PROTEST",
    )
    assert names(ann, a) == ["protesters"]
    assert r == []


@pytest.mark.parametrize(
    "text,trigger,event_type",
    [
        ("Valdoria offered its troops to Ostria's new president.", "offered", "AGREE"),
        ("Valdoria will withdraw its forces from Ostria next month.", "withdraw", "RETREAT"),
        ("Valdoria is ready to send 4,000 troops to Ostria.", "send", "AID"),
    ],
)
def test_own_troops_are_means_not_recipients(text, trigger, event_type):
    ann, a, r = roles(
        text,
        {"VAL": ["Valdoria"], "VAL MIL": ["its troops", "its forces", "4,000 troops"], "OST": ["Ostria"]},
        trigger,
        event_type,
    )
    assert names(ann, a) == ["VAL"]
    assert names(ann, r) == ["OST"]


def test_place_of_the_targets_fired_at():
    ann, a, r = roles(
        "Valdorian tanks fired four shells at targets in Ostria.",
        {"VAL": ["Valdorian tanks"], "OST": ["Ostria"]},
        "fired",
        "ASSAULT",
    )
    assert names(ann, r) == ["OST"]


def test_owner_of_what_was_set_on_fire():
    ann, a, r = roles(
        "Settlers set fire to the offices of the Valdorian administrators overnight.",
        {"settlers": ["Settlers"], "VAL": ["Valdorian administrators"]},
        "set",
        "COERCE",
    )
    assert names(ann, r) == ["VAL"]


def test_mediation_between_two_parties_keeps_them_recipients():
    ann, a, r = roles(
        "The Norwegian envoy launched a mediation effort between Valdoria and Ostria.",
        {"NOR": ["The Norwegian envoy"], "VAL": ["Valdoria"], "OST": ["Ostria"]},
        "mediation",
        "CONSULT",
    )
    assert names(ann, a) == ["NOR"]
    assert set(names(ann, r)) == {"VAL", "OST"}


def test_agentless_state_act_is_done_by_the_state_where_it_happened():
    ann, a, r = roles(
        "A Valdorian reporter was arrested in Ostria for spying.",
        {"reporter": ["Valdorian reporter"], "OST": ["Ostria"]},
        "arrested",
        "COERCE",
    )
    assert names(ann, a) == ["OST"]
    assert names(ann, r) == ["reporter"]


def test_agentless_violence_is_not_pinned_on_the_place():
    ann, a, r = roles(
        "A Valdorian reporter was killed in Ostria on Friday.",
        {"reporter": ["Valdorian reporter"], "OST": ["Ostria"]},
        "killed",
        "ASSAULT",
    )
    assert a == []


def test_who_took_what_is_demanded_back():
    ann, a, r = roles(
        "Landowners began a sit-in to demand the return of land seized by the Valdorian army.",
        {"owners": ["Landowners"], "army": ["the Valdorian army"]},
        "demand",
        "REQUEST",
    )
    assert names(ann, a) == ["owners"]
    assert names(ann, r) == ["army"]


def test_dateline_is_not_the_subject():
    ann, a, r = roles(
        "PORT ELLIS, Valdoria, May 3, 2024 \u2014 Ostrian forces shelled the harbour district on Monday.",
        {"VAL": ["Valdoria"], "OST": ["Ostrian forces"]},
        "shelled",
        "ASSAULT",
    )
    assert names(ann, a) == ["OST"]


def test_noun_joined_to_a_verb_does_not_take_its_subject():
    ann, a, r = roles(
        "The Union imposed sanctions on Valdorian officials, citing the forced landing of a plane and the arrest of a dissident editor.",
        {"EU": ["The Union"], "VAL": ["Valdorian officials"], "editor": ["a dissident editor"]},
        "arrest",
        "COERCE",
    )
    assert "EU" not in names(ann, a)
    assert names(ann, r) == ["editor"]


def test_time_and_place_nouns_do_not_name_a_party():
    ann, a, r = roles(
        "Police clashed with small groups of protesters at the end of the Lima march.",
        {"police": ["Police"], "protesters": ["protesters"], "PER": ["Lima"]},
        "clashed",
        "ASSAULT",
    )
    assert names(ann, a) == ["police"]
    assert names(ann, r) == ["protesters"]


def test_demand_addressed_to_an_unresolved_pronoun_has_no_other_recipient():
    ann, a, r = roles(
        "Valdoria has demanded that it reopen the girls' schools.",
        {"VAL": ["Valdoria"], "schools": ["the girls' schools"]},
        "demanded",
        "REQUEST",
    )
    assert names(ann, a) == ["VAL"]
    assert r == []


def test_announced_that_it_will_speaks_of_the_speaker():
    ann, a, r = roles(
        "Valdoria announced that it will withdraw its battalion from Ostria.",
        {"VAL": ["Valdoria"], "OST": ["Ostria"]},
        "announced",
        "THREATEN",
    )
    assert names(ann, r) == ["OST"]


def test_complaint_targets_the_wrongdoer_not_the_listener():
    ann, a, r = roles(
        "Valdoria complained to the United Nations over two Ostrian air raids.",
        {"VAL": ["Valdoria"], "UN": ["the United Nations"], "OST": ["Ostrian"]},
        "complained",
        "ACCUSE",
    )
    assert names(ann, r) == ["OST"]


def test_place_where_a_unit_stands_ready():
    ann, a, r = roles(
        "Valdorian troops remained on alert in Ostria today.",
        {"VAL": ["Valdorian troops"], "OST": ["Ostria"]},
        "remained",
        "MOBILIZE",
    )
    assert names(ann, r) == ["OST"]


def test_clause_widening_skips_side_clauses():
    ann, a, r = roles(
        "The former premier demanded early elections after a court cleared him in Valdoria's biggest fraud trial.",
        {"premier": ["The former premier"], "VAL": ["Valdoria"]},
        "demanded",
        "REQUEST",
    )
    assert names(ann, a) == ["premier"]
    assert r == []


def test_quoted_as_saying():
    ann, a, r = roles(
        "The Valdorian king was quoted today as saying he would host talks with Ostria.",
        {"king": ["The Valdorian king"], "OST": ["Ostria"]},
        "quoted",
        "AGREE",
    )
    assert names(ann, a) == ["king"]


def test_active_verb_joined_to_a_passive_shares_its_subject():
    ann, a, r = roles(
        "The Valdorian premier has been indicted by a court for fraud and will resign.",
        {"premier": ["The Valdorian premier"], "court": ["a court"]},
        "resign",
        "RETREAT",
    )
    assert names(ann, a) == ["premier"]


# -- the state where the act is done, when no actor is named there ---------------------


def place_roles(text, actors, places, trigger, event_type):
    ann = annotate(text, actors, places)
    trig = token(ann, trigger)
    actor, recipient = find_roles(ann, trig.sent, trig, event_type)
    return ann, actor, recipient


def test_city_where_the_act_is_done_stands_for_its_state():
    ann, a, r = place_roles(
        "The governor imposed a night curfew in Port Amsel after the riots.",
        {"governor": ["The governor"]},
        {"Port Amsel": "NO"},
        "imposed",
        "COERCE",
    )
    assert names(ann, a) == ["governor"]
    assert len(r) == 1 and r[0].text == "Port Amsel"
    state = ann.actors[r[0].actor]
    assert (state.name, state.country, state.kind) == ("Norway", "NOR", "country")
    assert [m.text for m in state.mentions] == ["Port Amsel"]


def test_city_joins_the_article_actor_for_its_country():
    ann = annotate(
        "Norway protested. Later the governor imposed a night curfew in Port Amsel.",
        {"governor": ["the governor"], "NOR": ["Norway"]},
        {"Port Amsel": "NO"},
    )
    norway = ann.actors[1]
    norway.kind, norway.country = "country", "NOR"
    trig = token(ann, "imposed")
    _, r = find_roles(ann, trig.sent, trig, "COERCE")
    assert [x.actor for x in r] == [1]
    assert len(ann.actors) == 2
    assert [m.text for m in norway.mentions] == ["Norway", "Port Amsel"]


def test_named_recipient_wins_over_the_place():
    ann, a, r = place_roles(
        "The governor expelled the Valdorian consul in Port Amsel.",
        {"governor": ["The governor"], "VAL": ["the Valdorian consul"]},
        {"Port Amsel": "NO"},
        "expelled",
        "COERCE",
    )
    assert names(ann, r) == ["VAL"]
    assert len(ann.actors) == 2


def test_a_place_in_a_side_clause_is_not_where_the_act_is_done():
    ann, a, r = place_roles(
        "The governor, who grew up in Port Amsel, announced a curfew.",
        {"governor": ["The governor"]},
        {"Port Amsel": "NO"},
        "announced",
        "COERCE",
    )
    assert r == []
    assert len(ann.actors) == 1


def test_noun_trigger_takes_the_place_of_its_verb():
    ann, a, r = place_roles(
        "Valdorian troops remained on high alert in Port Amsel.",
        {"VAL": ["Valdorian troops"]},
        {"Port Amsel": "NO"},
        "alert",
        "MOBILIZE",
    )
    assert names(ann, a) == ["VAL"]
    assert ann.actors[r[0].actor].country == "NOR"


# -- what a protest is aimed at ----------------------------------------------------------


def test_strike_in_protest_against_abuses_by_x():
    ann, a, r = roles(
        "The miners began a hunger strike in protest against abuses by the Valdorian police.",
        {"miners": ["The miners"], "police": ["the Valdorian police"]},
        "strike",
        "PROTEST",
    )
    assert names(ann, a) == ["miners"]
    assert names(ann, r) == ["police"]


def test_protest_over_a_law_signed_by_x():
    ann, a, r = roles(
        "Dockers walked out on Monday over a new port law signed by the Valdorian transport minister.",
        {"dockers": ["Dockers"], "minister": ["the Valdorian transport minister"]},
        "walked",
        "PROTEST",
    )
    assert names(ann, r) == ["minister"]


def test_protest_calling_for_the_removal_of_x():
    ann, a, r = roles(
        "Students rioted after a march calling for the removal of the Valdorian interior minister.",
        {"students": ["Students"], "minister": ["the Valdorian interior minister"]},
        "rioted",
        "PROTEST",
    )
    assert names(ann, a) == ["students"]
    assert names(ann, r) == ["minister"]


def test_drive_to_convince_x():
    ann, a, r = roles(
        "The farmers' union collected signatures in a drive to convince the Valdorian senate to drop the tax.",
        {"union": ["The farmers' union"], "senate": ["the Valdorian senate"]},
        "signatures",
        "PROTEST",
    )
    assert names(ann, r) == ["senate"]


def test_own_possession_is_not_the_recipient():
    ann, a, r = roles(
        "The president went back on his promise to the Valdorian farmers.",
        {"president": ["The president", "his"], "farmers": ["the Valdorian farmers"]},
        "went",
        "REJECT",
    )
    assert names(ann, a) == ["president"]
    assert names(ann, r) == ["farmers"]


# -- the other side named in the circumstances, joined verbs, misparsed prepositions -----


def test_talks_with_x_after_the_act():
    ann, a, r = roles(
        "The teachers' union called off its strike after long talks with the Valdorian education ministry.",
        {"union": ["The teachers' union"], "ministry": ["the Valdorian education ministry"]},
        "called",
        "CONCEDE",
    )
    assert names(ann, a) == ["union"]
    assert names(ann, r) == ["ministry"]


def test_refusal_despite_pressure_from_x():
    ann, a, r = roles(
        "The mayor refused to resign despite mounting pressure from the Valdorian senate.",
        {"mayor": ["The mayor"], "senate": ["the Valdorian senate"]},
        "refused",
        "REJECT",
    )
    assert names(ann, r) == ["senate"]


def test_place_of_a_verb_joined_to_the_trigger():
    ann, a, r = place_roles(
        "Valdoria restored relations with and reopened its embassy in Port Amsel.",
        {"VAL": ["Valdoria"]},
        {"Port Amsel": "NO"},
        "restored",
        "SUPPORT",
    )
    assert names(ann, a) == ["VAL"]
    assert [ann.actors[x.actor].country for x in r] == ["NOR"]


def test_part_of_x_is_x():
    ann, a, r = roles(
        "Valdorian troops captured part of an Ostrian rebel stronghold near the river.",
        {"VAL": ["Valdorian troops"], "OST": ["Ostrian rebel"]},
        "captured",
        "ASSAULT",
    )
    assert names(ann, r) == ["OST"]


def test_preposition_left_without_object_takes_the_noun_phrase_after_it():
    from spacy.tokens import Doc

    from chronicle.events.participants.syntax import pobj_of
    from chronicle.nlp import load_nlp

    words = ["Valdoria", "granted", "asylum", "to", "five", "officers", "hiding", "there", "."]
    heads = [1, 1, 1, 1, 5, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nummod", "nsubj", "advcl", "advmod", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "NUM", "NOUN", "VERB", "ADV", "PUNCT"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert pobj_of(doc[3]).text == "officers"
    # a stranded preposition at the end of a clause has no object
    words = ["the", "talks", "they", "walked", "out", "of", "."]
    doc = Doc(load_nlp().vocab, words=words, heads=[1, 1, 3, 1, 3, 3, 1],
              deps=["det", "ROOT", "nsubj", "relcl", "prt", "prep", "punct"],
              pos=["DET", "NOUN", "PRON", "VERB", "ADP", "ADP", "PUNCT"])
    assert pobj_of(doc[5]) is None


def test_the_place_of_a_meeting_is_not_a_party_but_the_place_of_a_visit_is_the_host():
    ann, a, r = place_roles(
        "Valdorian and Ostrian negotiators held talks in Port Amsel on Monday.",
        {"VAL": ["Valdorian and Ostrian negotiators"]},
        {"Port Amsel": "NO"},
        "talks",
        "CONSULT",
    )
    assert r == []
    ann, a, r = place_roles(
        "The Valdorian president arrived in Port Amsel on Monday.",
        {"VAL": ["The Valdorian president"]},
        {"Port Amsel": "NO"},
        "arrived",
        "CONSULT",
    )
    assert [ann.actors[x.actor].country for x in r] == ["NOR"]


def test_in_exchange_for_is_no_place():
    ann, a, r = roles(
        "Valdoria agreed to free the hostages in exchange for the return of soldiers held by the Ostrian rebels.",
        {"VAL": ["Valdoria"], "rebels": ["the Ostrian rebels"]},
        "agreed",
        "AGREE",
    )
    assert names(ann, a) == ["VAL"]
    assert r == []


def test_victims_killed_in_a_blast_by_an_unclaimed_means():
    ann, a, r = roles(
        "Three guards were killed in a car bomb explosion outside the ministry.",
        {"guards": ["Three guards"], "bomb": ["a car bomb explosion"]},
        "killed",
        "ASSAULT",
    )
    ann.actors[1].sector = "UAF"
    trig = token(ann, "killed")
    a, r = find_roles(ann, trig.sent, trig, "ASSAULT")
    assert names(ann, a) == ["bomb"]
    assert names(ann, r) == ["guards"]


def test_participle_with_an_object_is_active_and_joined_verbs_share_the_object():
    ann, a, r = roles(
        "Doctors from two Valdorian charities donated and delivered medicine to the Ostrian red crescent.",
        {"VAL": ["two Valdorian charities"], "OST": ["the Ostrian red crescent"]},
        "donated",
        "AID",
    )
    assert names(ann, a) == ["VAL"]
    assert names(ann, r) == ["OST"]


def test_participle_with_an_agent_stays_passive():
    ann, a, r = roles(
        "Soldiers freed three captives held hostage by the Ostrian rebels.",
        {"soldiers": ["Soldiers"], "captives": ["three captives"], "rebels": ["the Ostrian rebels"]},
        "held",
        "COERCE",
    )
    assert names(ann, a) == ["rebels"]
    assert names(ann, r) == ["captives"]


def test_opening_its_own_embassy_is_aimed_at_the_host():
    ann, a, r = place_roles(
        "Valdoria opened an embassy in Port Amsel on Monday.",
        {"VAL": ["Valdoria"], "VALGOV": ["an embassy"]},
        {"Port Amsel": "NO"},
        "opened",
        "SUPPORT",
    )
    assert names(ann, a) == ["VAL"]
    assert [ann.actors[x.actor].country for x in r] == ["NOR"]


def test_a_pretext_names_no_party():
    ann, a, r = roles(
        "The militia raided the villages under the pretext of fighting the Ostrian rebels.",
        {"militia": ["The militia"], "rebels": ["the Ostrian rebels"]},
        "raided",
        "ASSAULT",
    )
    assert names(ann, a) == ["militia"]
    assert r == []


def test_the_state_of_a_place_is_the_one_it_belonged_to_on_the_date():
    ann = annotate("The governor imposed a curfew in Juba.", {"governor": ["The governor"]}, {"Juba": "SS"})
    ann.published = "2000-05-01"
    trig = token(ann, "imposed")
    _, r = find_roles(ann, trig.sent, trig, "COERCE")
    assert ann.actors[r[0].actor].country == "SDN"


def test_a_call_for_its_own_troops_is_aimed_at_where_they_would_go():
    ann, a, r = roles(
        "The alliance rejected a call for its peacekeeping troops to be deployed in Ostria.",
        {"alliance": ["The alliance"], "troops": ["its peacekeeping troops"], "OST": ["Ostria"]},
        "rejected",
        "REJECT",
    )
    assert names(ann, a) == ["alliance"]
    assert names(ann, r) == ["OST"]


def test_place_of_what_happens_meanwhile_is_the_last_resort():
    ann, a, r = place_roles(
        "The cabinet decided to impose martial law as street battles raged in Port Amsel.",
        {"cabinet": ["The cabinet"]},
        {"Port Amsel": "NO"},
        "impose",
        "COERCE",
    )
    assert [ann.actors[x.actor].country for x in r] == ["NOR"]


@pytest.mark.parametrize("text, actors, trigger, event_type, recipient", [
    # what the subject's phrase holds says who the actor is, not who is acted on
    ("The UN envoy for Syria condemned the bombing of the hospital.",
     {"envoy": ["UN envoy"], "syria": ["Syria"]}, "condemned", "ACCUSE", []),
    ("The UN envoy for Syria condemned the government over the siege.",
     {"envoy": ["UN envoy"], "syria": ["Syria"], "government": ["government"]}, "condemned", "ACCUSE", ["government"]),
    # a subject phrase that holds the trigger is the event's own: its target stays
    ("Palestinian riots against Israeli policies continued on Friday.",
     {"palestinians": ["Palestinian"], "israel": ["Israeli"]}, "riots", "PROTEST", ["israel"]),
])
def test_the_actors_own_phrase_is_not_the_recipient(text, actors, trigger, event_type, recipient):
    ann, _, r = roles(text, actors, trigger, event_type)
    assert names(ann, r) == recipient


@pytest.mark.parametrize("text, trigger", [
    ("The government lifted the ban after farmers had blocked the highway for a week.", "lifted"),
    ("The government relented on Monday as farmers kept the ports closed.", "relented"),
    ("The government's concession came as thousands of farmers were marching on the capital.", "concession"),
])
def test_concession_made_to_a_party_named_only_in_a_side_clause(text, trigger):
    ann, a, r = roles(text, {"gov": ["The government"], "farmers": ["farmers"]}, trigger, "CONCEDE")
    assert names(ann, a) == ["gov"]
    assert names(ann, r) == ["farmers"]


def test_party_of_a_clause_joined_by_and_is_still_not_the_recipient():
    ann, a, r = roles(
        "The government lifted the curfew and farmers reopened the market.",
        {"gov": ["The government"], "farmers": ["farmers"]},
        "lifted",
        "CONCEDE",
    )
    assert names(ann, a) == ["gov"]
    assert "farmers" not in names(ann, r)


def test_a_yardstick_after_than_is_no_party():
    ann, a, r = roles(
        "Valdoria complained bitterly on Monday, calling the new tariffs more harmful than anything done by Ostria.",
        {"VAL": ["Valdoria"], "OST": ["Ostria"]},
        "complained",
        "ACCUSE",
    )
    assert names(ann, a) == ["VAL"]
    assert "OST" not in names(ann, r)


def test_refusal_told_as_a_predicate_is_the_speaker_s():
    ann, a, r = roles(
        "In the interview, the Valdorian president argued that Ostria understands that the return of the valley is not negotiable.",
        {"VAL": ["the Valdorian president"], "OST": ["Ostria"], "valley": ["the valley"]},
        "not",
        "REJECT",
    )
    assert names(ann, a) == ["VAL"]


def test_refusal_told_as_a_predicate_in_a_passive_is_not_the_speaker_s():
    ann, a, r = roles(
        "The Valdorian president said the offer had been rejected.",
        {"VAL": ["The Valdorian president"]},
        "rejected",
        "REJECT",
    )
    assert names(ann, a) == []


def test_willingness_told_by_a_pronoun_under_a_speech_verb_stays_the_speaker_s():
    ann, a, r = roles(
        "A council of Valdorian elders announced on Sunday that they are willing to back the governor.",
        {"elders": ["A council of Valdorian elders"], "governor": ["the governor"]},
        "willing",
        "SUPPORT",
    )
    assert names(ann, a) == ["elders"]


def test_a_passive_verb_joined_to_an_active_one_is_done_to_their_shared_subject():
    ann, a, r = roles(
        "The union leader, who organised the strike and was detained on Friday, remains in custody.",
        {"leader": ["The union leader"]},
        "detained",
        "COERCE",
    )
    assert a == []
    assert names(ann, r) == ["leader"]


def test_a_passive_verb_joined_to_an_active_one_takes_its_own_agent():
    ann, a, r = roles(
        "The rebel commander fled to the hills and was captured by army patrols on Monday.",
        {"commander": ["The rebel commander"], "army": ["army patrols"]},
        "captured",
        "COERCE",
    )
    assert names(ann, a) == ["army"]
    assert names(ann, r) == ["commander"]


def test_an_active_verb_joined_to_a_passive_one_still_takes_the_shared_subject():
    ann, a, r = roles(
        "The minister was indicted last week and resigned on Monday.",
        {"minister": ["The minister"]},
        "resigned",
        "RETREAT",
    )
    assert names(ann, a) == ["minister"]


def test_who_acts_on_the_people_a_participle_describes_did_not_do_it():
    ann, a, r = roles(
        "Mourners carried the coffins of the villagers killed in the raid on Monday.",
        {"mourners": ["Mourners"], "villagers": ["the villagers"]},
        "killed",
        "ASSAULT",
    )
    assert a == []
    assert names(ann, r) == ["villagers"]


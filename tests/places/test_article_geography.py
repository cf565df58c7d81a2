"""A place named again inside a longer name, and same-name places decided by the
article's own country, on sentences the project wrote."""


def mentions(ann, text):
    return [p for p in ann.places if p.text == text]


def test_a_town_placed_once_is_found_again_inside_the_names_of_its_bodies(annotate):
    ann = annotate("The storm knocked out power in Greer, South Carolina, on Sunday. Volunteers at the Greer Senior "
                   "Center handed out blankets, and the Greer Riding Club opened its barn to stranded families.")
    found = mentions(ann, "Greer")
    assert len(found) == 3
    assert len({(p.lat, p.lon) for p in found}) == 1  # one place for every mention of the name
    inside = [p for p in found if p.start > 60]
    assert inside and all(p.associative for p in inside)  # a body's home, never where an event happened


def test_a_name_not_placed_anywhere_is_not_found_inside_a_longer_name(annotate):
    ann = annotate("Members of the Greer Riding Club handed out blankets on Sunday.")
    assert not mentions(ann, "Greer")


def test_a_word_the_article_also_writes_in_lower_case_is_not_echoed(annotate):
    # "Council" is a town's name (Idaho), but here the ordinary word
    ann = annotate("The mayor spoke in Council on Monday. The town council met later, "
                   "and the Council Finance Committee approved the budget.")
    assert len(mentions(ann, "Council")) <= 1


def test_a_person_named_after_a_placed_town_is_no_echo(annotate):
    ann = annotate("Crews cleared roads in Lincoln on Friday. Abraham Lincoln's birthday parade was postponed.")
    assert all(p.start < 40 for p in mentions(ann, "Lincoln"))


def test_a_town_of_the_article_s_own_state_is_chosen_over_a_foreign_capital(annotate):
    ann = annotate("The Paris Public Library will offer a workshop on Tuesday for job seekers across Illinois. "
                   "Staff from Champaign will attend.")
    paris = mentions(ann, "Paris")[0]
    assert (paris.country_code, paris.admin1) == ("US", "Illinois")


def test_the_capital_stays_the_capital_in_an_article_about_its_own_country(annotate):
    ann = annotate("Thousands marched in Paris on Saturday, and smaller crowds gathered in Lyon and Marseille, France.")
    assert mentions(ann, "Paris")[0].country_code == "FR"


def test_a_lawmaker_s_home_town_after_the_party_letter_is_an_associative_place(annotate):
    ann = annotate("State Sen. Ann Doyle, R-Elbow Lake, voted against the bill on Thursday.")
    home = mentions(ann, "Elbow Lake")
    assert home and home[0].country_code == "US" and home[0].admin1 == "Minnesota"
    assert home[0].associative  # where she is from, not where the vote was


def test_a_party_letter_needs_the_comma_before_it(annotate):
    ann = annotate("The B-Elbow Lake route was closed.")
    assert not any("party letter" in (p.why or "") for p in ann.places)


def test_a_plural_kind_noun_closing_a_list_makes_every_item_that_kind(annotate):
    ann = annotate("Unemployment rose in Georgia last month, most of all in Barrow and Jackson counties.")
    barrow, jackson = mentions(ann, "Barrow")[0], mentions(ann, "Jackson")[0]
    assert (barrow.feature, barrow.admin1) == ("admin2", "Georgia")
    assert (jackson.feature, jackson.admin1) == ("admin2", "Georgia")


def test_an_upper_case_dateline_with_a_long_dash_is_the_filing_town(annotate):
    ann = annotate("Board votes to cut assessors\nDANIELSVILLE --- The county commissioners voted Monday to replace "
                   "the board of assessors.")
    dateline = mentions(ann, "DANIELSVILLE")
    assert dateline and dateline[0].country_code == "US" and "dateline" in dateline[0].why


def test_sums_in_bare_dollars_tip_a_name_nothing_else_decides_to_the_us(annotate):
    text = "MANSFIELD \u2014 The City Council on Monday approved the refinancing of {} of city debt."
    assert mentions(annotate(text.format("$10.3 million")), "MANSFIELD")[0].country_code == "US"
    # pounds leave the larger English town
    assert mentions(annotate(text.format("\u00a310.3 million")), "MANSFIELD")[0].country_code == "GB"


def test_other_dollars_cast_no_vote_for_the_us(annotate):
    text = "MANSFIELD \u2014 The City Council on Monday approved the refinancing of A$10.3 million of city debt."
    assert mentions(annotate(text), "MANSFIELD")[0].country_code != "US"


def test_a_dateline_whose_dash_the_feed_dropped_is_still_a_dateline(annotate):
    ann = annotate("Shop reopens after flood\nMarch 30, 2009 NEWARK  Wess Carter, who lost his store to the flood, "
                   "reopened it on Monday.")
    dateline = mentions(ann, "NEWARK")
    assert dateline and dateline[0].country_code == "US" and "dateline" in dateline[0].why


def test_a_country_heading_a_judge_s_title_is_the_judge_s_country(annotate):
    ann = annotate("On Friday, U.S. Magistrate Judge Ellen Park denied the request.")
    us = mentions(ann, "U.S.")
    assert us and us[0].country_code == "US" and us[0].associative


def test_a_place_name_closing_a_person_s_name_in_a_school_s_is_no_place(annotate):
    ann = annotate("A counselor at George Washington High School in Denver said the plan would hurt students.")
    assert not mentions(ann, "Washington")
    assert mentions(ann, "Denver")


def test_an_upper_case_dateline_is_a_town_not_a_county_of_the_same_name(annotate):
    ann = annotate("Wiring faults found\nWASHINGTON \u2014 The military said on Friday that contractors in "
                   "Pennsylvania had installed faulty wiring.")
    dateline = mentions(ann, "WASHINGTON")[0]
    assert (dateline.feature, dateline.admin1) == ("city", "District of Columbia")


def test_a_dateline_dash_misread_from_a_windows_feed_still_ends_a_dateline(annotate):
    ann = annotate("Barstool driver cited\nA man was cited after crashing a motorized barstool. NEWARK \x97 It was "
                   "classified as a vehicle, police said.")
    dateline = mentions(ann, "NEWARK")
    assert dateline and "dateline" in dateline[0].why


def test_a_name_the_article_gives_a_newspaper_is_no_place_anywhere_in_it(annotate):
    ann = annotate("Protesters gathered outside the offices of Al-Ahram in Cairo on Sunday, "
                   "the newspaper Al-Ahram reported.")
    assert not [p for p in ann.places if "Ahram" in p.text]
    assert mentions(ann, "Cairo")[0].country_code == "EG"


def test_a_media_noun_before_a_lower_case_word_takes_no_name(annotate):
    ann = annotate("The newspaper said on Sunday that protesters had gathered in Cairo.")
    assert mentions(ann, "Cairo")

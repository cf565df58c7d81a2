"""Scraped page text: chrome separated from the body by general cues."""

from chronicle.ingest import read_article
from chronicle.ingest.scraped import split_scraped, tags_in

PAGE = """Tuesday, April 2, 2024
HomeMiddle EastLebanon PoliticsCabinet in Beirut fails again to name central bank chief

Cabinet in Beirut fails again to name central bank chief

Lebanon, Beirut, Banque du Liban, Cabinet
Ministers arriving at the Grand Serail

Lebanon's caretaker cabinet failed on Monday for the third time to agree on a new governor for the central bank, ministers said after a five-hour meeting in Beirut.

The post has been filled by a deputy since the previous governor's term ended, and creditors have warned that the vacancy is delaying talks on restructuring the country's debt.

Subheading about what comes next

Parliament is due to discuss the matter next week.
"""


def test_chrome_lines_go_to_their_fields_and_body_starts_at_the_first_paragraph():
    page = split_scraped(PAGE)
    assert page.title == "Cabinet in Beirut fails again to name central bank chief"
    assert page.section == "Middle EastLebanon Politics"
    assert page.tags == ["Lebanon", "Beirut", "Banque du Liban", "Cabinet"]
    assert page.caption == "Ministers arriving at the Grand Serail"
    assert page.widget_dates == ["2024-04-02"]
    assert page.body.startswith("Lebanon's caretaker cabinet failed on Monday")
    # a sub-heading inside the body stays in the body
    assert "Subheading about what comes next" in page.body
    assert page.body.endswith("discuss the matter next week.")


def test_article_text_is_the_body_only_and_the_widget_is_a_page_date_not_evidence():
    article = read_article(PAGE)
    assert article.text.startswith("Lebanon's caretaker cabinet")
    assert "Grand Serail" not in article.text and "Tuesday, April 2" not in article.text
    assert article.page_dates == ["2024-04-02"]
    # only the widget dates this page: a last resort, and the evidence says what it is
    assert article.published == "2024-04-02"
    assert article.published_evidence.startswith("page-widget (probably the scrape date)")


def test_plain_text_without_chrome_is_kept_whole():
    text = "Thousands of protesters marched through Basra on Friday, demanding jobs and an end to power cuts."
    page = split_scraped(text)
    assert page.body == text and page.title is None and page.tags == []


def test_title_line_then_short_paragraphs():
    page = split_scraped("Talks resume in Doha\n\nEnvoys met on Sunday.\n\nNo deal was reached.")
    assert page.title == "Talks resume in Doha"
    assert page.body == "Envoys met on Sunday.\n\nNo deal was reached."


def test_byline_labelled_tags_and_breadcrumb_with_separators():
    text = ("World › Africa › Farmers protest in Accra\nFarmers protest in Accra\nBy Kwame Mensah\n"
            "Tags: Ghana, Agriculture\n\n"
            "Farmers drove tractors into the centre of Accra on Thursday to protest against the price of fertiliser, "
            "blocking the main road to the parliament for several hours.\n")
    page = split_scraped(text)
    assert page.byline == "Kwame Mensah"
    assert page.section == "Africa"
    assert page.tags == ["Ghana", "Agriculture"]
    assert page.body.startswith("Farmers drove tractors")


def test_footer_furniture_is_trimmed():
    text = ("Police in Lagos arrested twelve people on Saturday after a protest against fuel prices turned violent, "
            "a police spokesman said.\n\nShare this article\nRelated stories\nMarkets close lower\n© 2024 Lagos Ledger\n")
    assert split_scraped(text).body.endswith("a police spokesman said.")


def test_tags_line_is_not_a_sentence_with_commas():
    assert tags_in("Iraq, Syria, Lebanon, Hezbollah") == ["Iraq", "Syria", "Lebanon", "Hezbollah"]
    assert tags_in("The army, the police and the militias were all there.") is None
    assert tags_in("in the north, in the south, and in the east") is None


def test_byline_with_a_date_gives_the_byline_and_the_articles_own_date():
    text = ("Sunday, June 2, 2024\nRiot police clear sit-in outside parliament in Nairobi\n"
            "By Wanjiru Kamau | Thursday, May 16, 2024\n\n"
            "Riot police in Nairobi cleared a sit-in by university lecturers outside parliament on Thursday, "
            "arresting at least fifteen people, the lecturers' union said.\n")
    article = read_article(text)
    assert article.byline == "Wanjiru Kamau"
    assert (article.published, article.page_dates) == ("2024-05-16", ["2024-06-02"])
    assert article.published_evidence == "page-label: By Wanjiru Kamau | Thursday, May 16, 2024"

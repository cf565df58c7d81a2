"""The pages in headless Chromium (Debian's, driven by Playwright) against a real server on loopback."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    # nothing outside the server may be requested (no CDN, no tiles)
    pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
             else (problems.append("external request: " + route.request.url), route.abort()))
    pg.problems = problems
    yield pg
    context.close()


def test_events_table_filters(page):
    page.goto("/")
    rows = page.locator("tr.event-row")
    total = int(page.locator("#total").inner_text())
    assert total == 37 and rows.count() == 37
    page.select_option("select[name=type]", "PROTEST")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*type=PROTEST*")
    assert 0 < rows.count() < total
    assert all(t == "PROTEST" for t in rows.locator("td:nth-child(2)").all_inner_texts())
    # the nav links keep the filter
    assert "type=PROTEST" in page.get_attribute("#views a[data-view='/map']", "href")
    assert page.problems == []


def test_map_click_through_to_the_article(page):
    page.goto("/map?country=PE")
    page.wait_for_selector("#map[data-ready='1']")
    assert "town-level events" in page.inner_text("#map-status")
    page.wait_for_selector("path.leaflet-interactive, .leaflet-overlay-pane path", state="attached")
    # several events in one city form a cluster; clicking it spreads the markers out
    page.wait_for_selector(".marker-cluster, .event-marker")
    if page.locator(".marker-cluster").count():
        page.locator(".marker-cluster").first.click()
        page.wait_for_timeout(600)  # the spiderfy animation
    markers = page.locator(".event-marker")
    assert markers.count() >= 1
    markers.first.click()
    link = page.locator(".leaflet-popup-content a.to-article")
    link.wait_for()
    link.click()
    page.wait_for_url("**/articles/*")
    assert "Lima" in page.inner_text("#article-title")
    assert page.locator(".event-card:target").count() == 1
    assert page.problems == []


def test_map_clusters_when_dense(page):
    page.goto("/map")
    page.wait_for_selector("#map[data-ready='1']")
    page.evaluate("window.chronicleMap.setView([20, 40], 2)")
    page.wait_for_selector(".marker-cluster")
    # a cluster shows how many events it holds
    counts = [int(t) for t in page.locator(".marker-cluster span").all_inner_texts()]
    assert sum(counts) + page.locator(".event-marker").count() == int(page.get_attribute("#map", "data-points")) == 37
    assert page.locator(".marker-cluster").count() >= 1
    assert page.problems == []


def test_timeline_brush_filters_the_other_views(page):
    page.goto("/timeline")
    page.wait_for_selector("#timeline[data-ready='1']")
    assert page.locator("#timeline svg rect").count() > 0
    page.evaluate("window.chronicleTimeline.brushDays('2024-03-08', '2024-03-15')")
    page.wait_for_selector("#brushed:not([hidden])")
    assert page.inner_text("#brush-range") == "2024-03-08 – 2024-03-15"
    page.wait_for_selector("#brush-table tr.event-row")
    href = page.get_attribute("#brush-events", "href")
    assert "date_from=2024-03-08" in href and "date_to=2024-03-15" in href
    assert "date_from=2024-03-08" in page.get_attribute("#views a[data-view='/map']", "href")
    page.click("#brush-events")
    page.wait_for_url("**/?*date_from=2024-03-08*")
    days = page.locator("tr.event-row td:first-child").all_inner_texts()
    assert days and all("2024-03-08" <= d[:10] <= "2024-03-15" for d in days)
    assert page.problems == []


def test_actors_network_click_to_actor(page):
    page.goto("/actors")
    page.wait_for_selector("#network svg circle.node")
    page.wait_for_selector("#network[data-ready='1']", timeout=10000)
    node = page.locator("#network circle.node").first
    node.click(force=True)
    page.wait_for_url("**/actors/*")
    assert page.locator("h1.actor-name").inner_text()
    assert page.locator("table.events tbody tr").count() >= 1
    assert page.problems == []


def test_article_highlights_and_codes(page):
    page.goto("/articles/art-001")
    assert page.locator("#article-body .hl-trigger").first.inner_text() == "attacked"
    assert page.locator("#article-body .hl-actor").count() >= 2
    assert page.locator("#article-body .hl-place").first.inner_text() == "Mosul"
    assert page.locator("#article-body .hl-time").count() == 1
    card = page.locator(".event-card").first
    assert "ASSAULT" in card.inner_text() and "Mosul" in card.inner_text()
    assert page.problems == []


def test_hostile_article_runs_no_script(page):
    page.goto("/articles/hostile-1")
    page.goto("/?q=stormed")
    page.goto("/articles/hostile-1")
    page.hover("#article-title")
    page.hover(".article-grid .text")
    assert page.evaluate("window.__pwned === undefined")
    # the markup shows as text
    assert "<script>window.__pwned=1</script>" in page.inner_text(".article-grid")
    assert "<script>window.__pwned=3</script>" in page.inner_text("#article-title")
    assert page.locator(".article-grid img, .article-grid svg, #article-title b").count() == 0
    # the actor's name appears as text in the network tooltip too
    page.goto("/actors?q=stormed")
    page.wait_for_selector("#network-status")
    assert page.evaluate("window.__pwned === undefined")


def test_add_page_posts_and_shows_the_record(page):
    from web_corpus import TOKEN

    page.goto("/add")
    page.fill("textarea[name=text]", "Dockworkers walked out in <Callao> on Tuesday \"demanding\" back pay.")
    page.fill("input[name=title]", "Strike <b>at</b> the port")
    page.fill("input[name=token]", "wrong")
    page.click("#add-form button[type=submit]")
    # (a selector, not wait_for_function: the page's CSP forbids the eval that would need)
    page.wait_for_selector("#add-status:has-text('Refused (401)')")
    page.fill("input[name=token]", TOKEN)
    page.click("#add-form button[type=submit]")
    page.wait_for_selector("#add-result a.to-article")
    assert page.inner_text("#add-result a.to-article") == "Strike <b>at</b> the port"
    page.click("#add-result a.to-article")
    page.wait_for_url("**/articles/*")
    assert "<Callao>" in page.inner_text(".article-grid")
    # the only error is the refusal of the wrong token, which the test caused
    assert [p for p in page.problems if "401" not in p] == []

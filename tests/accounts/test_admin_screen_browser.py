"""The admin fits the screen: no page any role can open scrolls sideways at 1280 px; the forms pass axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.accounts.admin_pages import admin_pages, make_content, make_people
from tests.conftest import signed_in_browser as signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ROLES = ["administrator", "editor_in_chief", "press_officer", "secretary", "clerk", "superuser"]


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_no_admin_page_scrolls_sideways_at_1280(browser, live_server):
    people = make_people()
    make_content(people["press_officer"])
    wide = {}
    for key in ROLES:
        client, context, page = signed_in(browser, live_server, people[key], 1280)
        for url in admin_pages(client):
            page.goto(live_server.url + url)
            if (extra := overflow(page)) > 0:
                wide[f"{key} {url}"] = extra
        context.close()
    assert wide == {}


FORMS = {"article": ("editor_in_chief", "articles"), "meeting": ("secretary", "meetings")}


def open_form(browser, live_server, name, width):
    people = make_people()
    content = make_content(people["press_officer"])
    key, app = FORMS[name]
    _client, context, page = signed_in(browser, live_server, people[key], width)
    page.goto(live_server.url + f"/admin/{app}/{name}/{content[name].pk}/change/")
    return context, page


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", ["article", "meeting"])
def test_the_meeting_and_article_forms_fit(browser, live_server, screenshot, width, name):
    """At 360 px the article form (a press officer filing from a meeting) and, at 1280, both forms."""
    context, page = open_form(browser, live_server, name, width)
    screenshot(page, f"{name}-{width}")
    if name == "article" or width == 1280:
        assert overflow(page) <= 0, f"{name} at {width}px"
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", ["article", "meeting"])
def test_the_meeting_and_article_forms_pass_axe(browser, live_server, width, name):
    context, page = open_form(browser, live_server, name, width)
    results = Axe().run(page)
    serious = [
        (v["id"], [node["target"] for node in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    context.close()
    assert serious == [], f"{name} at {width}px"

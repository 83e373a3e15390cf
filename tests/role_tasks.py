"""Shared by the role-task browser tests (tests/*/test_role_tasks_browser.py): each role's main task, driven in
Chromium from the role's dashboard at a phone's and a desktop's width.

The session is made the way test_admin_screen_browser.py makes it (both factors, through the test client), so
that each test spends its time on the task, not on the log-in form; signing in itself has its own tests.
"""

import re

from tests.accounts.conftest import make_staff
from tests.conftest import signed_in_browser

WIDTHS = [360, 1280]


def staff_page(browser, live_server, username, role, width):
    """A browser page signed in as a new staff account with ``role`` in the test unit, on its dashboard."""
    return signed_in(browser, live_server, make_staff(username, role), width)


def signed_in(browser, live_server, user, width):
    """A browser page at ``width`` px holding ``user``'s session, opened on the admin's first screen."""
    _client, _context, page = signed_in_browser(browser, live_server, user, width)
    page.goto(live_server.url + "/admin/")
    return page


def reader_page(browser, width):
    """A citizen's browser page (no session) at ``width`` px."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def panel(page, title):
    """The dashboard's panel titled ``title`` (followed by its count when it lists any)."""
    heading = page.get_by_role("heading", name=re.compile(rf"^{re.escape(title)}( \(\d+\))?$"))
    return page.locator(".dashboard-panel").filter(has=heading)


def index_row(page, model_name):
    """The index's row of the model listed as ``model_name`` (its list, add and change links)."""
    return page.get_by_role("row").filter(has=page.get_by_role("link", name=model_name, exact=True))


def add_from_index(page, model_name):
    """Follow the index's "Thêm vào" link of ``model_name``, as a person finds the add form."""
    index_row(page, model_name).get_by_role("link", name="Thêm vào").click()
    page.wait_for_url(re.compile(r"/add/$"))


def open_list_from_index(page, model_name):
    """Follow the index's link to the list of ``model_name``."""
    index_row(page, model_name).get_by_role("link", name=model_name, exact=True).click()
    page.wait_for_url(re.compile(r"/admin/\w+/\w+/$"))


def sideways_scroll(page):
    """How many px the page scrolls sideways (0 when it fits the screen)."""
    return max(0, page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth"))


def message(page):
    """The text of the messages the admin shows after an action."""
    return page.locator(".messagelist").inner_text()


def choose_in_autocomplete(page, name, typed, option):
    """Pick ``option`` in the admin's autocomplete (select2) of the field named ``name``, after typing ``typed``."""
    page.locator(f"select[name='{name}'] + .select2 .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option).click()


def choose_option_containing(select, text):
    """Choose the option of ``select`` whose label contains ``text`` (labels may add a position, an office…)."""
    labels = select.locator("option").all_inner_texts()
    select.select_option(label=next(label for label in labels if text in label))


def cut_off_tables(page):
    """The headings of the form's tables (tabular inlines) whose columns run out of their box."""
    return page.locator(".inline-group .tabular").evaluate_all(
        "boxes => boxes.filter(box => box.scrollWidth > box.clientWidth)"
        ".map(box => box.querySelector('h2')?.innerText || box.id)"
    )

"""The public site in a real browser: phones and desktops, accessibility audit, no outside requests."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from django.core.management import call_command

from articles.models import Article, Offer
from meetings.models import Meeting
from units.models import Unit, UnitAlias
from website.demo import COMMUNES, FORMER_DISTRICT, PROVINCE, PROVINCE_ALIASES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 1280)
# Home page weight budget, article images excluded (they are the content, sized by the editors).
HOME_WEIGHT_BUDGET = 500 * 1024


@pytest.fixture
def demo_site(live_server, settings):
    """The demo province at the live server's address (localhost), its communes at ``<host>.localhost``."""
    UnitAlias.objects.filter(host__in=PROVINCE_ALIASES).delete()  # the test unit's, given to the province
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".localhost"]
    call_command("seed_demo", stdout=io.StringIO())
    cache.clear()
    return live_server


def province():
    return Unit.objects.get(code=PROVINCE.code)


def public_paths():
    article = Article.objects.of(province()).published().news().first()
    return {
        "home": "/",
        "list": "/tin-tuc/",
        "article": article.get_absolute_url(),
        "search": "/tim-kiem/?q=s%C3%B4ng+lam",
        "page": "/trang/gioi-thieu/",
        "meetings": "/lich-hop/",
        "meeting": Meeting.objects.of(province()).public().past().first().get_absolute_url(),
        "week": "/lich-cong-tac/",
        "not-found": "/khong-co-trang-nay/",
    }


def open_page(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages_fit_the_screen_pass_axe_and_stay_on_site(browser, demo_site, screenshot, width):
    axe = Axe()
    context, page = open_page(browser, width)
    outside = []
    page.on(
        "request",
        lambda request: None if request.url.startswith((demo_site.url, "data:")) else outside.append(request.url),
    )
    problems = {}
    for name, path in public_paths().items():
        response = page.goto(demo_site.url + path)
        assert response.status == (404 if name == "not-found" else 200), path
        screenshot(page, f"{name}-{width}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        results = axe.run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in serious]
    context.close()
    assert not problems, problems
    assert not outside, f"requests left the portal: {outside}"


def test_text_size_choice_persists_across_pages(browser, demo_site):
    context, page = open_page(browser, 1280)
    page.goto(demo_site.url + "/")
    base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.goto(demo_site.url + "/tin-tuc/")
    larger = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert larger == pytest.approx(base * 1.25)
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == pytest.approx(base)
    context.close()


def test_phone_menu_opens_from_its_button(browser, demo_site, screenshot):
    context, page = open_page(browser, 360)
    page.goto(demo_site.url + "/")
    menu_link = page.locator("#main-menu a", has_text="Kinh tế")
    assert not menu_link.is_visible()
    page.get_by_role("button", name="Menu").click()
    assert page.get_by_role("button", name="Menu").get_attribute("aria-expanded") == "true"
    screenshot(page, "menu-open")
    menu_link.click()
    page.wait_for_url("**/chuyen-muc/kinh-te/")
    context.close()


def test_home_page_weight_is_under_budget(browser, demo_site):
    context, page = open_page(browser, 1280)
    sizes = {}

    def record(response):
        if "/media/" not in response.url:
            sizes[response.url] = len(response.body())

    page.on("response", record)
    page.goto(demo_site.url + "/", wait_until="networkidle")
    context.close()
    total = sum(sizes.values())
    print(f"home page weight without article images: {total / 1024:.1f} KB over {len(sizes)} responses")
    assert total < HOME_WEIGHT_BUDGET


@pytest.mark.parametrize("width", WIDTHS)
def test_each_demo_unit_serves_its_own_home_at_its_host(browser, demo_site, screenshot, width):
    """Every unit at ``<host>.localhost``: its own name in the header, its own news, nothing of the others."""
    port = demo_site.url.rsplit(":", 1)[1]
    context, page = open_page(browser, width)
    for spec in (PROVINCE, *COMMUNES, FORMER_DISTRICT):
        unit = Unit.objects.get(code=spec.code)
        response = page.goto(f"http://{unit.host}:{port}/")
        assert response.status == 200, unit.host
        screenshot(page, f"{spec.key}-{width}")
        assert unit.short_name.lower() in page.locator("header").inner_text().lower()
        newest = Article.objects.of(unit).published().news().latest("published_at")
        assert page.get_by_role("link", name=newest.title).first.is_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{unit.host} scrolls sideways by {overflow}px at {width}px"
        # Only the news a commune offered and the province accepted shows elsewhere: on the province's
        # home, in its "Tin từ xã, phường" block, as a link to the article's own host.
        taken = Offer.objects.filter(province=unit, status=Offer.Status.ACCEPTED).values("article")
        others = Article.objects.published().news().exclude(unit=unit).exclude(pk__in=taken)
        text = page.content()
        assert not [title for title in others.values_list("title", flat=True) if title in text]
        for offer in Offer.objects.filter(province=unit, status=Offer.Status.ACCEPTED).select_related("article__unit"):
            link = page.get_by_role("link", name=offer.article.title).first
            assert f"//{offer.article.unit.host}:" in link.get_attribute("href")
    context.close()

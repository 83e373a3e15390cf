"""Vietnamese first: the interface is Vietnamese unless the reader picks English in the footer."""

import pytest

pytestmark = pytest.mark.django_db


def test_browser_language_does_not_override_vietnamese(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in response.content.decode()
    assert response["Content-Language"] == "vi"


@pytest.mark.parametrize(
    ("target", "expected"),
    [("/tin-tuc/", "/tin-tuc/"), ("https://evil.example.com/", "/"), ("//evil.example.com", "/")],
)
def test_language_links_switch_the_interface_and_stay_on_site(client, target, expected):
    response = client.get("/ngon-ngu/", {"language": "en", "next": target})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert response.cookies["django_language"].value == "en"


def test_unknown_language_is_ignored(client):
    response = client.get("/ngon-ngu/", {"language": "xx", "next": "/"})
    assert "django_language" not in response.cookies
    assert '<html lang="vi">' in client.get("/").content.decode()


def test_english_interface_keeps_content_as_written(client):
    from tests.articles.factories import make_article

    make_article("Tin tiếng Việt giữ nguyên")
    client.get("/ngon-ngu/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Tin tiếng Việt giữ nguyên" in html
    for label in ("Latest news", "Skip to main content", "Visitor statistics", "Online now", "Accessibility"):
        assert label in html


def test_the_english_catalogue_is_complete():
    """Every interface string has an English translation (run `make messages` after adding strings)."""
    from pathlib import Path

    catalogue = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"
    entries = catalogue.read_text().split("\n\n")[1:]
    untranslated = [e for e in entries if e.rstrip().endswith('msgstr ""') and "msgid_plural" not in e]
    assert not untranslated, untranslated[:5]

"""What the counting beacon is told and believes: which page, whether a person saw it.

Every public page carries the beacon's address (``data-stats-beacon``); an article page's address
names the article and its unit in a signed token, so that the beacon counts views of real, published
articles without asking the database, and nobody can make up a view of another page by changing a
number, nor count an article's view on another unit's host (where its reader is another visitor).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from core.clients import plausible_browser
from stats.bots import is_bot

SIGNER = signing.Signer(salt="stats.beacon.article")
ARTICLE_PARAMETER = "a"
PURPOSE_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def beacon_url(article=None) -> str:
    """The address a page's beacon calls; with ``article``, the view of that article counts too."""
    url = reverse("stats:beacon")
    if article is None:
        return url
    return f"{url}?{ARTICLE_PARAMETER}={SIGNER.sign(f'{article.unit_id}.{article.pk}')}"


def article_of(request) -> int | None:
    """The article the calling page showed, if its token is ours and names the request's unit; else None."""
    token = request.GET.get(ARTICLE_PARAMETER, "")[:64]
    try:
        unit_id, _, article_id = SIGNER.unsign(token).partition(".") if token else ("", "", "")
        return int(article_id) if unit_id and int(unit_id) == request.unit.pk else None
    except (signing.BadSignature, ValueError):
        return None


def is_prefetch(request) -> bool:
    """Browsers announce speculative loads; a page fetched but maybe never seen is not a visit."""
    purpose = " ".join(request.META.get(name, "")[:64] for name in PURPOSE_HEADERS).lower()
    return "prefetch" in purpose or "prerender" in purpose or "preview" in purpose


def from_another_site(request) -> bool:
    """A browser says when another site makes it call us: such calls are not our readers' views."""
    return request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") not in ("same-origin", "none")


def staff_member(request) -> bool:
    """Signed-in staff read the portal at work: their pages are not visits (only a session cookie can be)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_authenticated and request.user.is_staff


def countable(request) -> bool:
    """A person's own look at one of our pages, as far as the request tells."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    if not plausible_browser(agent) or is_bot(agent):
        return False
    return not (is_prefetch(request) or from_another_site(request) or staff_member(request))

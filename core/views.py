import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView

from articles.models import Article, Category
from core.breaker import database_free
from core.models import Page, SiteSettings
from meetings.models import Meeting


class HomeView(TemplateView):
    """The front page: featured article, latest news, a block per menu category, meetings.

    Each part is one query whatever the number of categories (``newest_per_category`` ranks
    articles with a window function), so the page's cost does not grow with the menu.
    """

    template_name = "core/home.html"
    latest_count = 6
    per_category = 4
    meetings_count = 3

    def get_context_data(self, **kwargs):
        news = Article.objects.published().news().for_list()
        featured = self.featured_article(news, SiteSettings.get_solo().featured_category_id)
        latest = news.exclude(pk=featured.pk) if featured else news
        return super().get_context_data(
            featured=featured,
            latest=latest[: self.latest_count],
            category_blocks=self.category_blocks(exclude=featured),
            upcoming_meetings=Meeting.objects.public().for_list().upcoming()[: self.meetings_count],
            recent_meetings=Meeting.objects.public().for_list().recent()[: self.meetings_count],
            **kwargs,
        )

    @staticmethod
    def featured_article(news, category_id):
        """The newest article of the featured category chosen in the site settings, else the newest news."""
        if category_id:
            featured = news.filter(category_id=category_id).first()
            if featured:
                return featured
        return news.first()

    def category_blocks(self, exclude=None):
        """[(category, [articles])] for the menu categories that have published articles."""
        categories = list(Category.objects.in_menu())
        articles = Article.objects.published().for_list()
        if exclude:
            articles = articles.exclude(pk=exclude.pk)
        by_category = {}
        for article in articles.newest_per_category(categories, self.per_category):
            by_category.setdefault(article.category_id, []).append(article)
        return [(category, by_category[category.pk]) for category in categories if category.pk in by_category]


class PageDetailView(DetailView):
    """A simple page written by administrators."""

    queryset = Page.objects.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=[(self.object.title, self.object.get_absolute_url())], **kwargs)


@require_GET
def switch_language(request):
    """Footer links choose the interface language (content stays as written).

    A plain link rather than Django's POST ``set_language``: choosing a language changes nothing
    that matters to security, and pages without a CSRF form can be served from the page cache.
    """
    language = request.GET.get("language", "")
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
    return response


ROBOTS_DISALLOW = ("/admin/", "/bien-tap/", "/tim-kiem/", "/ngon-ngu/", "/danh-gia/")


@require_GET
@database_free
def robots_txt(request):
    """Crawlers may read everything public except the back office and endless search pages.

    Touches neither the database nor the session: it is the portal's cheapest response.
    """
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 handler: a Vietnamese page that needs neither the database nor a context processor.

    When the error is the database being unreachable, the answer is 503 "Hệ thống đang bảo trì…"
    with Retry-After, so that browsers and monitors know it is temporary. While the database's
    circuit breaker is open (core/breaker.py) the refusal comes at once, without a connection
    attempt; the first request after BREAKER_OPEN_SECONDS tries again.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, OperationalError | InterfaceError)
    template = loader.get_template("503.html" if unavailable else "500.html")
    response = HttpResponse(template.render(), status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = "60"
    return response

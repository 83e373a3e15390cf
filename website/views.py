"""The site shell's own pages: the home page, which gathers every app's news, and the simple pages."""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from articles.models import Article, Category, Offer
from consultations.models import Consultation
from core.pagination import CountedOnceMixin
from meetings.models import Meeting
from units.models import Unit
from website.models import Page, SiteSettings


class HomeView(TemplateView):
    """The front page: featured article, latest news, a block per menu category, meetings.

    Each part is one query whatever the number of categories (``newest_per_category`` ranks
    articles with a window function), so the page's cost does not grow with the menu.
    """

    template_name = "website/home.html"
    latest_count = 6
    per_category = 4
    meetings_count = 3
    commune_news_count = 6
    consultations_count = 3

    def get_context_data(self, **kwargs):
        unit = self.request.unit
        if unit.is_province:
            # The province's portal draws on its communes' (Decree 224/2026 Art. 11(1)).
            kwargs.update(
                commune_news=Offer.objects.on_portal(unit)[: self.commune_news_count],
                unit_portals=[(u, u.url("/", self.request)) for u in Unit.objects.components_of(unit)],
            )
        news = Article.objects.of(unit).published().news().for_list()
        featured = self.featured_article(news, SiteSettings.objects.of(unit).featured_category_id)
        latest = news.exclude(pk=featured.pk) if featured else news
        return super().get_context_data(
            featured=featured,
            latest=latest[: self.latest_count],
            category_blocks=self.category_blocks(exclude=featured),
            upcoming_meetings=Meeting.objects.of(unit).public().for_list().upcoming()[: self.meetings_count],
            recent_meetings=Meeting.objects.of(unit).public().for_list().recent()[: self.meetings_count],
            open_consultations=Consultation.objects.of(unit)
            .for_list()
            .open()
            .order_by("closes_at", "pk")[: self.consultations_count],
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
        categories = list(Category.objects.of(self.request.unit).in_menu())
        articles = Article.objects.of(self.request.unit).published().for_list()
        if exclude:
            articles = articles.exclude(pk=exclude.pk)
        by_category = {}
        for article in articles.newest_per_category(categories, self.per_category):
            by_category.setdefault(article.category_id, []).append(article)
        return [(category, by_category[category.pk]) for category in categories if category.pk in by_category]


class CommuneNewsView(CountedOnceMixin, ListView):
    """Tin từ xã, phường: every article the province accepted from its communes, newest first.

    Each item links to the article's one page on its commune's host; a commune has no such page.
    """

    paginate_by = settings.ARTICLES_PAGE_SIZE
    template_name = "website/commune_news.html"

    def get_queryset(self):
        if not self.request.unit.is_province:
            raise Http404
        return Offer.objects.on_portal(self.request.unit)

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=[(_("Tin từ xã, phường"), "")], **kwargs)


class PageDetailView(DetailView):
    """A simple page written by administrators."""

    def get_queryset(self):
        return Page.objects.of(self.request.unit).published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=[(self.object.title, self.object.get_absolute_url())], **kwargs)

"""The site shell's own pages: the home page, which gathers every app's news, and the simple pages."""

from django.views.generic import DetailView, TemplateView

from articles.models import Article, Category
from meetings.models import Meeting
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

    def get_context_data(self, **kwargs):
        unit = self.request.unit
        news = Article.objects.of(unit).published().news().for_list()
        featured = self.featured_article(news, SiteSettings.objects.of(unit).featured_category_id)
        latest = news.exclude(pk=featured.pk) if featured else news
        return super().get_context_data(
            featured=featured,
            latest=latest[: self.latest_count],
            category_blocks=self.category_blocks(exclude=featured),
            upcoming_meetings=Meeting.objects.of(unit).public().for_list().upcoming()[: self.meetings_count],
            recent_meetings=Meeting.objects.of(unit).public().for_list().recent()[: self.meetings_count],
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


class PageDetailView(DetailView):
    """A simple page written by administrators."""

    def get_queryset(self):
        return Page.objects.of(self.request.unit).published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=[(self.object.title, self.object.get_absolute_url())], **kwargs)

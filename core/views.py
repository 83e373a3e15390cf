from django.views.generic import DetailView, TemplateView

from core.models import Page


class HomeView(TemplateView):
    """The home page: the portal's front page of news, announcements and meetings."""

    template_name = "core/home.html"


class PageDetailView(DetailView):
    """A simple page written by administrators."""

    queryset = Page.objects.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=[(self.object.title, self.object.get_absolute_url())], **kwargs)

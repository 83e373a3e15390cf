from django.views.generic import TemplateView


class HomeView(TemplateView):
    """The home page: the portal's front page of news, announcements and meetings."""

    template_name = "core/home.html"

"""The portal's URLs plus one test page that shows both stats tags where the lead will place them."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import include, path

from articles.models import Article

PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% load stats_tags %}'
    "{% block content %}<h1>{{ article.title }}</h1>{% satisfaction_rating article %}{% endblock content %}"
    "{% block sidebar %}{% visitor_stats %}{% endblock sidebar %}"
)


def preview(request, pk):
    article = get_object_or_404(Article, pk=pk)
    return HttpResponse(PAGE.render({"article": article}, request))


urlpatterns = [
    path("thu-thong-ke/<int:pk>/", preview),
    path("", include("portal.urls")),
]

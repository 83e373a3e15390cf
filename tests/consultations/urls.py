"""The portal's URLs plus a stand-in for the public document pages, built in their own app in parallel.

Only for the tests that check a draft links to its document page (``Document.get_absolute_url``).
"""

from django.http import HttpResponse
from django.urls import include, path

from portal.urls import urlpatterns as portal_urlpatterns

documents_stub = ([path("van-ban/<slug:slug>/", lambda request, slug: HttpResponse(slug), name="detail")], "documents")

urlpatterns = [*portal_urlpatterns, path("", include(documents_stub))]

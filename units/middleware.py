"""The unit of each request, from its host name: ``request.unit`` for every view below."""

from django.http import HttpResponseNotFound, HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.template.loader import render_to_string

from units import hosts


class UnitMiddleware:
    """Serve the unit the host names; redirect an old alias to the canonical host; 404 any other host."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host, _port = split_domain_port(request.get_host())
        served = hosts.lookup(host)
        if served is None:
            # Nothing of any unit: not its name, not the menu, not the list of units.
            return HttpResponseNotFound(render_to_string("units/unknown_host.html", request=None))
        if served.redirect_to:
            return HttpResponsePermanentRedirect(served.unit.url(request.get_full_path(), request))
        request.unit = served.unit
        return self.get_response(request)

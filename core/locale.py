"""Vietnamese first: the interface language comes from the footer's choice, never from the browser."""

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Activate the language chosen with the footer links (a cookie), else Vietnamese.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a citizen whose phone
    is set to English would get an English portal they did not ask for, and every cached page would
    vary on that header. Here the only inputs are the cookie and ``LANGUAGE_CODE``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = dict(settings.LANGUAGES)

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response

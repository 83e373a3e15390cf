"""The portal's identity (unit name, contacts, emblem) for the apps below the site shell.

The record is the site shell's ``SiteSettings``, which also holds the home page's choices and so
sits above articles and meetings. Those apps still name the unit in feeds, calendars and
structured data: they reach the record through the model named by ``SITE_SETTINGS_MODEL``, as
Django's apps reach the user model through ``AUTH_USER_MODEL``, so that no import goes upward.
"""

from django.apps import apps
from django.conf import settings


def site_settings():
    """The one site settings record (django-solo: created with its defaults on first read)."""
    return apps.get_model(settings.SITE_SETTINGS_MODEL).get_solo()

"""System checks that keep the portal from starting with a configuration it cannot serve safely.

Registered in ``CoreConfig.ready``; ``manage.py check`` (and ``migrate``, ``runserver``, the systemd
unit's ``ExecStartPre``) stop on their errors.
"""

import os

from django.conf import settings
from django.core import checks

from core.clients import parse_trusted_proxies

# Variables of earlier versions, each read by one part only; TRUSTED_PROXIES serves every part now.
LEGACY_PROXY_VARIABLES = ("AXES_PROXY_COUNT", "STATS_TRUSTED_PROXIES")
CLIENT_IP_CALLABLE = "core.clients.client_key"


def check_trusted_proxies(app_configs=None, **kwargs):
    """TRUSTED_PROXIES must name proxies: an entry that is no address would silently trust nobody."""
    networks, invalid = parse_trusted_proxies(settings.TRUSTED_PROXIES)
    errors = [
        checks.Error(
            f"TRUSTED_PROXIES: {entry!r} is neither an address nor a network.",
            hint="List the proxies in front of the portal, comma separated, e.g. TRUSTED_PROXIES=127.0.0.1,::1.",
            id="core.E101",
        )
        for entry in invalid
    ]
    errors += [
        checks.Error(
            f"TRUSTED_PROXIES: {network} covers every address, so any client could name itself in X-Forwarded-For.",
            hint="List only the proxies in front of the portal, e.g. TRUSTED_PROXIES=127.0.0.1,::1.",
            id="core.E102",
        )
        for network in networks
        if network.prefixlen == 0
    ]
    return errors


def check_legacy_proxy_variables(app_configs=None, **kwargs):
    """A variable of an earlier version would be ignored, leaving a part reading the wrong address."""
    return [
        checks.Error(
            f"{name} is set in the environment, but the portal no longer reads it.",
            hint="Remove it and list the proxies in front of the portal in TRUSTED_PROXIES "
            "(e.g. TRUSTED_PROXIES=127.0.0.1,::1 behind the local nginx).",
            id="core.E103",
        )
        for name in LEGACY_PROXY_VARIABLES
        if name in os.environ
    ]


def check_login_throttling_address(app_configs=None, **kwargs):
    """django-axes must read the client through core.clients, not its own way (django-ipware or REMOTE_ADDR).

    Reading it its own way behind nginx, it sees the proxy's address for everyone, and five wrong
    passwords from anywhere lock the real user out.
    """
    if getattr(settings, "AXES_CLIENT_IP_CALLABLE", None) == CLIENT_IP_CALLABLE:
        return []
    return [
        checks.Error(
            "AXES_CLIENT_IP_CALLABLE does not read the client through core.clients.",
            hint=f'Set AXES_CLIENT_IP_CALLABLE = "{CLIENT_IP_CALLABLE}" in the settings.',
            id="core.E104",
        )
    ]


def register():
    for check in (check_trusted_proxies, check_legacy_proxy_variables, check_login_throttling_address):
        checks.register(check, checks.Tags.security)

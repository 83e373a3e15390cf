"""Who the client is (placeholder of the lead's branch; replaced by the clients branch at merge)."""

import ipaddress

from django.conf import settings


def _trusted(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks = [ipaddress.ip_network(proxy, strict=False) for proxy in settings.STATS_TRUSTED_PROXIES]
    return any(ip in network for network in networks)


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if not _trusted(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if not _trusted(address):
            return address
    return remote


def client_key(request) -> str:
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return address


def plausible_browser(user_agent: str) -> bool:
    agent = (user_agent or "")[:512]
    return len(agent) >= 20 and "Mozilla/" in agent

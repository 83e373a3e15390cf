"""Who the client is: the one reading of a request's address that every limit and the counter share.

Behind nginx every request comes from 127.0.0.1, so the address must be read from X-Forwarded-For,
and only when a proxy the portal trusts (``TRUSTED_PROXIES``) passed it on: anyone can write that
header. The log-in throttling (django-axes, through ``AXES_CLIENT_IP_CALLABLE``), the comment and
rating limits and the visitor counter all read it here, so they can never disagree about who
someone is. Limits key on ``client_key``, which makes an IPv6 client's whole /64 one client: a
single subscriber is given at least that much and can rotate through it at will.
"""

import ipaddress
import logging
import re
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger(__name__)

# How many X-Forwarded-For entries are read from the right: the proxies of one site fit, and an
# oversized header costs no more than they do.
MAX_FORWARDED_HOPS = 16
# The part of an IPv6 address one subscriber holds (RFC 6177 assigns at least a /64).
IPV6_CLIENT_PREFIX = 64

_warned_untrusted_proxy = False


def parse_trusted_proxies(entries) -> tuple[list, list[str]]:
    """The networks of ``entries`` (addresses or networks) and the entries that are neither."""
    networks, invalid = [], []
    for entry in filter(None, (str(entry).strip() for entry in entries)):
        try:
            networks.append(_unmapped_network(ipaddress.ip_network(entry, strict=False)))
        except ValueError:
            invalid.append(entry)
    return networks, invalid


@lru_cache(maxsize=8)
def _trusted_networks(entries: tuple) -> tuple:
    return tuple(parse_trusted_proxies(entries)[0])


def _is_trusted(address) -> bool:
    return any(address in network for network in _trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def _unmapped(address):
    """An IPv4 client seen through an IPv6 socket (``::ffff:203.0.113.5``) is that IPv4 client."""
    if address.version == 6 and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _unmapped_network(network):
    if network.version == 6 and network.prefixlen >= 96 and network.network_address.ipv4_mapped is not None:
        return ipaddress.ip_network((network.network_address.ipv4_mapped, network.prefixlen - 96))
    return network


def _parse(text: str):
    try:
        return _unmapped(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the rightmost X-Forwarded-For entry no trusted proxy wrote.

    Each trusted proxy appends the address it received the request from, so reading from the right
    and skipping the trusted ones stops at the first address a trusted proxy vouches for; whatever
    stands to its left was written by the client and is not believed. "" when there is no address.
    """
    remote = _parse(request.META.get("REMOTE_ADDR", "") or "")
    if remote is None:
        return ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not _is_trusted(remote):
        if forwarded and remote.is_loopback:
            _warn_untrusted_proxy(remote)
        return str(remote)
    nearest = remote
    for entry in reversed(forwarded.rsplit(",", MAX_FORWARDED_HOPS)[-MAX_FORWARDED_HOPS:]):
        hop = _parse(entry)
        if hop is None:
            break  # a hop a trusted proxy could not name: the nearest proxy is all that is known
        if not _is_trusted(hop):
            return str(hop)
        nearest = hop
    return str(nearest)


def address_key(address: str) -> str:
    """What limits count under for ``address``: an IPv4 address itself, an IPv6 address's /64."""
    parsed = _parse(address)
    if parsed is None:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network((parsed, IPV6_CLIENT_PREFIX), strict=False))
    return str(parsed)


def client_key(request) -> str:
    """The client as limits see it (``address_key`` of ``client_address``), e.g. ``2001:db8:1:2::/64``."""
    return address_key(client_address(request))


def _warn_untrusted_proxy(remote):
    """Say once per process that a local proxy's X-Forwarded-For is ignored: every client looks alike."""
    global _warned_untrusted_proxy
    if not _warned_untrusted_proxy:
        _warned_untrusted_proxy = True
        logger.warning(
            "X-Forwarded-For from %s is ignored because TRUSTED_PROXIES does not list it: every client "
            "behind that proxy shares one address (and one log-in lock-out). Set TRUSTED_PROXIES=%s.",
            remote,
            remote,
        )


# --- Browsers --------------------------------------------------------------------------------

# Only the start of an agent is read: a browser's agent fits, and a long one costs no more.
USER_AGENT_PREFIX = 512
MIN_BROWSER_AGENT = 20
# Every browser's agent names one of these rendering engines (Chrome, Edge, Safari, Cốc Cốc, Samsung
# Internet and UC Browser say AppleWebKit, Firefox Gecko, Internet Explorer Trident, Opera Mini Presto).
ENGINES = frozenset({"applewebkit", "gecko", "trident", "presto"})
# HTTP libraries and automation, some of which add their name to a browser's agent.
TOOLS = frozenset(
    {
        "aiohttp", "apache-httpclient", "axios", "curl", "dart", "deno", "go-http-client", "guzzlehttp",
        "headlesschrome", "httpie", "httpx", "insomnia", "java", "libwww-perl", "lwp-request", "node",
        "node-fetch", "okhttp", "phantomjs", "php", "postmanruntime", "python", "python-httpx",
        "python-requests", "python-urllib", "ruby", "scrapy", "undici", "wget",
    }
)  # fmt: skip
# The products an agent names: "Chrome/131.0" names chrome.
PRODUCT = re.compile(r"(?<![\w.-])([A-Za-z][\w.-]*)/")


def plausible_browser(user_agent: str) -> bool:
    """Whether ``user_agent`` could be a person's browser; tools, empty and stub agents could not.

    It neither counts a visit nor rates a page otherwise. Anyone can send a browser's agent, so this
    only turns away what admits to being something else; limits per address do the rest.
    """
    agent = (user_agent or "")[:USER_AGENT_PREFIX]
    if len(agent) < MIN_BROWSER_AGENT or not agent.startswith(("Mozilla/", "Opera/")):
        return False
    products = {name.lower() for name in PRODUCT.findall(agent)}
    return not products.isdisjoint(ENGINES) and products.isdisjoint(TOOLS)

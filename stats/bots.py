"""Which requests come from crawlers, link previews and scripts rather than people.

The list is the maintained pattern list of the crawler-user-agents project (github.com/monperrus/
crawler-user-agents, MIT), installed from PyPI as ``crawler-user-agents`` and upgraded with the other
requirements. A few patterns it lacks and that matter here (Zalo's link preview, browser automation,
generic words) are added below.
"""

import re
from functools import lru_cache

from crawleruseragents import CRAWLER_USER_AGENTS_DATA

EXTRA_PATTERNS = [
    r"zalo[ _-]?(?:bot|preview|link|crawler)",
    r"headless",
    r"playwright",
    r"puppeteer",
    r"selenium",
    r"webdriver",
    r"lighthouse",
    r"\bbot\b",
    r"[a-z]bot[/;)]",
    r"crawl",
    r"spider",
    r"scrap",
    r"preview",
    r"^(?:curl|wget|httpie|python|java|go-http-client|okhttp|axios|node|libwww|php|ruby|perl)",
]


@lru_cache(maxsize=1)
def patterns():
    """The project's patterns and ours, compiled in chunks (one huge alternation is slow to compile)."""
    patterns = [entry["pattern"] for entry in CRAWLER_USER_AGENTS_DATA] + EXTRA_PATTERNS
    return [re.compile("|".join(patterns[i : i + 50]), re.IGNORECASE) for i in range(0, len(patterns), 50)]


@lru_cache(maxsize=4096)
def is_bot(user_agent: str) -> bool:
    """True for a crawler, a link preview, a script or a headless browser; an empty agent is a script too."""
    user_agent = (user_agent or "").strip()
    if not user_agent:
        return True
    return any(pattern.search(user_agent) for pattern in patterns())

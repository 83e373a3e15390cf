"""The crawler check costs a small constant whatever the User-Agent a client sends.

Timed in CPU time of this process, which other work on the machine does not inflate.
"""

import random
import string
import time

import pytest

from stats import bots

BROWSERS = [
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 Zalo iOS/480 ZaloTheme/light ZaloLanguage/vi",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
]


def random_agent(length):
    return "Mozilla/5.0 " + "".join(random.choices(string.ascii_letters + " ;/()", k=length))


@pytest.mark.parametrize("agent", BROWSERS)
def test_browsers_are_people(agent):
    assert not bots.is_bot(agent)


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Zalo-Preview/1.0",
        "curl/8.5.0",
        "",
        "   ",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/130.0 Safari/537.36",
    ],
)
def test_crawlers_scripts_and_empty_agents_are_not(agent):
    assert bots.is_bot(agent)


def test_an_agent_longer_than_any_browser_sends_is_a_script_and_costs_nothing_to_decide():
    assert bots.is_bot(BROWSERS[0] + " " + "x" * bots.MAX_AGENT_LENGTH)
    bots.patterns()  # compiled once per process
    agent = random_agent(64 * 1024)
    started = time.process_time()
    assert bots.is_bot(agent)
    assert time.process_time() - started < 0.005


def test_new_random_agents_of_a_browser_length_cost_a_few_milliseconds_at_most():
    agents = [random_agent(bots.MAX_AGENT_LENGTH - 20) for _ in range(200)]  # none cached: all new
    bots.patterns()
    started = time.process_time()
    for agent in agents:
        bots.is_bot(agent)
    assert (time.process_time() - started) / len(agents) < 0.01  # re took about 100 ms for each

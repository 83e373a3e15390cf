"""Who the client is: the address behind the portal's proxies, its key for limits, whether it is a browser."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from core.clients import client_address, client_key, plausible_browser

ROOT = Path(__file__).resolve().parents[2]
CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)


def address(rf, remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_address(rf.get("/", REMOTE_ADDR=remote, **extra))


class TestClientAddress:
    def test_without_trusted_proxies_the_client_is_whoever_connects(self, rf, settings):
        settings.TRUSTED_PROXIES = []
        assert address(rf, "127.0.0.1", "198.51.100.7") == "127.0.0.1"
        assert address(rf, "203.0.113.5") == "203.0.113.5"

    def test_forwarded_for_from_an_untrusted_address_is_ignored(self, rf, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
        assert address(rf, "203.0.113.5", "198.51.100.7") == "203.0.113.5"

    def test_behind_a_trusted_proxy_the_client_is_the_address_it_passed_on(self, rf, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
        assert address(rf, "127.0.0.1", "198.51.100.7") == "198.51.100.7"
        assert address(rf, "::1", "2001:db8::7") == "2001:db8::7"

    def test_what_the_client_wrote_left_of_its_address_is_not_believed(self, rf, settings):
        # nginx appends the address it saw to whatever X-Forwarded-For the client sent.
        settings.TRUSTED_PROXIES = ["127.0.0.1"]
        assert address(rf, "127.0.0.1", "1.2.3.4, 127.0.0.1, 198.51.100.7") == "198.51.100.7"

    def test_a_chain_of_trusted_proxies_is_walked_from_the_right(self, rf, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        assert address(rf, "10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.1") == "203.0.113.9"

    def test_a_request_made_by_the_proxies_themselves_comes_from_the_nearest_one(self, rf, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        assert address(rf, "10.0.0.2", "10.0.0.1") == "10.0.0.1"
        assert address(rf, "10.0.0.2", "") == "10.0.0.2"
        assert address(rf, "10.0.0.2", "unknown, 10.0.0.1") == "10.0.0.1"

    def test_an_ipv4_client_seen_through_an_ipv6_socket_is_that_ipv4_client(self, rf, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1"]
        assert address(rf, "::ffff:127.0.0.1", "::ffff:198.51.100.7") == "198.51.100.7"
        assert address(rf, "::ffff:203.0.113.5") == "203.0.113.5"

    def test_an_oversized_header_is_read_from_the_right_only(self, rf, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1"]
        forwarded = ", ".join(["1.2.3.4"] * 2000 + ["198.51.100.7"])
        assert address(rf, "127.0.0.1", forwarded) == "198.51.100.7"

    def test_no_address_is_empty(self, rf):
        assert address(rf, "") == ""


class TestClientKey:
    @pytest.mark.parametrize(
        ("remote", "key"),
        [
            ("203.0.113.5", "203.0.113.5"),
            ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
            ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
            ("2001:DB8:1:3::1", "2001:db8:1:3::/64"),
            ("::ffff:203.0.113.5", "203.0.113.5"),
        ],
    )
    def test_an_ipv6_client_is_its_whole_64(self, rf, remote, key):
        assert client_key(rf.get("/", REMOTE_ADDR=remote)) == key

    def test_behind_a_proxy_the_key_is_the_forwarded_clients(self, rf, settings):
        settings.TRUSTED_PROXIES = ["::1"]
        request = rf.get("/", REMOTE_ADDR="::1", HTTP_X_FORWARDED_FOR="2001:db8:5:6:7::8")
        assert client_key(request) == "2001:db8:5:6::/64"


class TestPlausibleBrowser:
    @pytest.mark.parametrize(
        "agent",
        [
            CHROME,
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.6 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/"
            "130.0.0 Chrome/124.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 14; SM-A556E) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/"
            "26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13; V2207) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
            "Chrome/116.0.0.0 Mobile Safari/537.36 Zalo android/12090508 ZaloTheme/light ZaloLanguage/vn",
            "Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko",
            "Opera/9.80 (J2ME/MIDP; Opera Mini/4.2.14912/870; U; vi) Presto/2.4.15",
        ],
    )
    def test_browsers_are_plausible(self, agent):
        assert plausible_browser(agent)

    @pytest.mark.parametrize(
        "agent",
        [
            "",
            "curl/8.5.0",
            "Wget/1.21.4",
            "python-requests/2.32.3",
            "Python-urllib/3.11",
            "Go-http-client/1.1",
            "okhttp/4.12.0",
            "libwww-perl/6.72",
            "Java/17.0.2",
            "HTTPie/3.2.2",
            "PostmanRuntime/7.39.0",
            "axios/1.7.2",
            "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
            "Scrapy/2.11.2 (+https://scrapy.org)",
            "Mozilla/5.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 python-requests/2.32",
            "Mozilla/5.0 (" + "x" * 1000 + ") AppleWebKit/537.36 Chrome/131.0",
            "x" * 15,
        ],
    )
    def test_tools_stubs_and_empty_agents_are_not(self, agent):
        assert not plausible_browser(agent)


class TestChecks:
    """The portal refuses to start when the proxy setting is not what it needs."""

    def errors(self):
        with pytest.raises(SystemCheckError) as raised:
            call_command("check")
        return str(raised.value)

    def test_a_correct_setting_passes(self, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/8"]
        call_command("check")

    def test_an_entry_that_is_no_address_stops_the_portal(self, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1", "nginx.local"]
        assert "core.E101" in self.errors()

    def test_trusting_every_address_stops_the_portal(self, settings):
        settings.TRUSTED_PROXIES = ["0.0.0.0/0"]
        assert "core.E102" in self.errors()

    @pytest.mark.parametrize("variable", ["AXES_PROXY_COUNT", "STATS_TRUSTED_PROXIES"])
    def test_a_variable_of_an_earlier_version_stops_the_portal(self, monkeypatch, variable):
        monkeypatch.setenv(variable, "1")
        errors = self.errors()
        assert "core.E103" in errors and variable in errors and "TRUSTED_PROXIES" in errors

    def test_login_throttling_reading_the_address_its_own_way_stops_the_portal(self, settings):
        settings.AXES_CLIENT_IP_CALLABLE = None
        assert "core.E104" in self.errors()


def manage_check(*args, **env):
    # The environment of a production server: none of the test run's own variables.
    ignored = ("DEBUG", "TRUSTED_PROXIES", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL", "REDIS_URL", *env)
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    production = {
        "DEBUG": "0",
        "SECRET_KEY": "a-production-like-secret-key-for-this-test-0123456789-abcdefghij",
        "ALLOWED_HOSTS": "portal.example.gov.vn",
        "HTTPS": "1",
        "STATIC_MANIFEST": "1",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env={**clean, **production, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_manage_py_refuses_a_variable_of_an_earlier_version():
    result = manage_check(AXES_PROXY_COUNT="1")
    assert result.returncode != 0
    assert "AXES_PROXY_COUNT is set in the environment" in result.stderr


def test_check_deploy_is_clean_without_trusted_proxies():
    result = manage_check("--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr

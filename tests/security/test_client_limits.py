"""Limits per client: behind the portal's proxy, across an IPv6 /64, and with Redis refused."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from accounts import roles
from articles.models import Comment
from tests.articles.factories import make_article
from tests.core.test_ratelimit import REFUSED_REDIS
from tests.traps import trap_fields
from tests.units import give_role

pytestmark = pytest.mark.django_db
PASSWORD = "Song-Lam-2026-an-toan"
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
# Eight addresses of one /64, as one subscriber may use them all.
ONE_SUBSCRIBER = [f"2001:db8:1:2::{number:x}" for number in range(1, 9)]


@pytest.fixture
def editor(db):
    """A press officer of the test unit: only a member of a unit logs in on its host."""
    roles.sync_roles()
    user = get_user_model().objects.create_user("bien_tap", password=PASSWORD, is_staff=True)
    give_role(user, roles.PRESS_OFFICER)
    return user


def log_in(password, *, remote="127.0.0.1", forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    response = Client(REMOTE_ADDR=remote, **extra).post(
        "/admin/login/?next=/admin/", {"username": "bien_tap", "password": password}
    )
    return response.status_code  # 302 in, 200 refused, 429 locked out


class TestLogInBehindNginx:
    def test_five_wrong_passwords_from_one_client_leave_the_others_alone(self, editor, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
        statuses = [log_in("sai-mat-khau", forwarded="198.51.100.66") for _ in range(5)]
        assert statuses == [200, 200, 200, 200, 429]
        assert log_in(PASSWORD, forwarded="198.51.100.66") == 429
        assert log_in(PASSWORD, forwarded="203.0.113.10") == 302  # the real user, elsewhere
        assert log_in(PASSWORD, remote="::1", forwarded="2001:db8:9::1") == 302

    def test_from_an_untrusted_address_forwarded_for_is_ignored(self, editor, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1"]
        # Naming a new address each time gains nothing: the client is the address that connects.
        statuses = [log_in("sai", remote="203.0.113.66", forwarded=f"198.51.100.{n}") for n in range(5)]
        assert statuses[-1] == 429
        assert log_in(PASSWORD, remote="203.0.113.66", forwarded="198.51.100.200") == 429
        assert log_in(PASSWORD, remote="203.0.113.67") == 302


class TestOneSubscriberOfIPv6:
    def test_password_guesses_across_a_64_lock_it_out(self, editor):
        statuses = [log_in("sai", remote=address) for address in ONE_SUBSCRIBER]
        assert statuses[:4] == [200] * 4 and set(statuses[4:]) == {429}
        assert log_in(PASSWORD, remote="2001:db8:1:2::99") == 429
        assert log_in(PASSWORD, remote="2001:db8:1:3::1") == 302  # the next /64 is someone else

    def test_behind_the_proxy_too(self, editor, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1"]
        statuses = [log_in("sai", forwarded=address) for address in ONE_SUBSCRIBER]
        assert set(statuses[4:]) == {429}

    def test_comments_across_a_64_share_one_limit(self, settings):
        settings.ARTICLES_COMMENT_RATE = (3, 600)
        article = make_article("Tin có nhận xét")
        statuses = [comment(article, remote=address) for address in ONE_SUBSCRIBER]
        assert statuses == [302] * 3 + [400] * 5
        assert Comment.objects.count() == 3
        assert comment(article, remote="2001:db8:1:3::1") == 302


def comment(article, *, remote):
    fields = {"name": "Nguyễn Văn An", "email": "", "body": "Cảm ơn tin bài.", **trap_fields()}
    return Client(REMOTE_ADDR=remote, HTTP_USER_AGENT=BROWSER).post(article.get_absolute_url(), fields).status_code


@override_settings(CACHES=REFUSED_REDIS)
def test_with_redis_refused_comments_are_still_limited(settings):
    settings.ARTICLES_COMMENT_RATE = (3, 600)
    article = make_article("Tin khi Redis ngừng")
    statuses = [comment(article, remote="198.51.100.7") for _ in range(8)]
    assert statuses == [302] * 3 + [400] * 5
    assert Comment.objects.count() == 3

"""Headers, HTTPS behind the proxy, the deployment check, error pages and hostile input on public forms."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from tests.articles.factories import make_article
from tests.units import unit_settings

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ") if part}


def test_public_pages_have_a_strict_policy_and_safe_headers(client):
    response = client.get("/")
    csp = directives(response)
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["style-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert "https://www.youtube.com" in csp["frame-src"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_the_admin_gets_what_ckeditor_needs_and_no_more(admin_client):
    csp = directives(admin_client.get("/admin/articles/article/add/"))
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["script-src"] == ["'self'"]


def test_measurement_origin_is_admitted_only_once_an_id_is_set(client, settings):
    settings.MEASUREMENT_SCRIPT_ORIGIN = "https://do-luong.example.gov.vn"
    assert "do-luong.example.gov.vn" not in client.get("/")["Content-Security-Policy"]
    site = unit_settings()
    site.measurement_site_id = "12345"
    site.save()
    csp = directives(client.get("/"))
    assert csp["script-src"] == ["'self'", "https://do-luong.example.gov.vn"]
    assert all(
        "example.gov.vn" not in source or source == "https://do-luong.example.gov.vn"
        for values in csp.values()
        for source in values
    )


@override_settings(SECURE_SSL_REDIRECT=True)
def test_https_is_recognised_from_the_proxy_header():
    client = Client()
    assert client.get("/robots.txt").status_code == 301
    assert client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="https").status_code == 200


def test_check_deploy_passes_under_production_settings():
    env = {
        **os.environ,
        "DEBUG": "0",
        "HTTPS": "1",
        "STATIC_MANIFEST": "1",
        "SERVE_MEDIA": "0",
        "SECRET_KEY": "a-production-like-secret-key-of-enough-length-and-randomness-0123456789",
        "ALLOWED_HOSTS": "portal.example.gov.vn",
    }
    for test_only in ("SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(test_only, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_a_secret_key_production_refuses_to_start():
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@override_settings(DEBUG=False)
def test_not_found_page_is_vietnamese_in_the_portals_look(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang bạn cần" in html and 'class="site-header"' in html


@override_settings(DEBUG=False)
def test_server_error_page_shows_no_stack_trace():
    from django.urls import path

    import portal.urls

    def broken(request):
        raise RuntimeError("bí mật nội bộ")

    client = Client(raise_request_exception=False)
    with override_settings(
        ROOT_URLCONF=type("U", (), {"urlpatterns": [path("hong/", broken), *portal.urls.urlpatterns]})
    ):
        response = client.get("/hong/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in html and "bí mật nội bộ" not in html and "Traceback" not in html


@override_settings(DEBUG=False)
def test_forbidden_and_bad_request_pages_are_vietnamese(client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("khach", password="x", is_staff=True)
    client.force_login(user)
    forbidden = client.get("/admin/auth/user/")
    assert forbidden.status_code == 403
    assert "Bạn không có quyền xem trang này" in forbidden.content.decode()
    bad = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example.com")
    assert bad.status_code == 400
    assert "Yêu cầu không hợp lệ" in bad.content.decode()


@pytest.mark.parametrize(
    "query",
    ["' OR 1=1 --", "%_\\", "😀 Sông Lam ㊙", "x" * 10_000, "<script>alert(1)</script>", "\u0000null", "ﬁ Ⅻ ß"],
)
def test_search_answers_normally_whatever_is_typed(client, query):
    make_article("Sông Lam mùa lũ")
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_oversized_comment_is_refused_with_a_message(client):
    article = make_article("Bài để góp ý")
    response = client.post(article.get_absolute_url(), {"name": "Lan" * 200, "email": "sai", "body": "x" * 20_000})
    assert response.status_code == 400
    assert 'class="form-errors"' in response.content.decode()
    assert article.comments.count() == 0


def test_a_stale_admin_form_explains_itself_in_vietnamese():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()

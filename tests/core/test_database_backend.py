"""The PostgreSQL backend (core/postgresql): no health-check query for a connection that just worked."""

import psycopg2
import pytest
from django.db import OperationalError, close_old_connections, connection, connections

from articles.models import Category
from core.postgresql import base

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("the backend wraps Django's PostgreSQL backend; CI runs this test there")


@pytest.fixture
def health_checks(monkeypatch):
    """Counts Django's health-check queries (``is_usable``)."""
    calls = []
    original = base.DatabaseWrapper.is_usable

    def counted(self):
        calls.append(self)
        return original(self)

    monkeypatch.setattr(base.DatabaseWrapper, "is_usable", counted)
    return calls


def serve_a_request():
    """What Django does for a request that reads the database: close_old_connections before and after."""
    close_old_connections()
    try:
        return list(Category.objects.all())
    finally:
        close_old_connections()


def drop_connection_from_the_server():
    """PostgreSQL ends the session, as a restart or a network cut would."""
    pid = connection.connection.info.backend_pid
    with psycopg2.connect(**connection.get_connection_params()) as other, other.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_the_backend_is_used_for_postgresql():
    assert isinstance(connections["default"], base.DatabaseWrapper)


def test_a_connection_that_just_served_a_request_is_not_checked(health_checks):
    serve_a_request()
    health_checks.clear()

    serve_a_request()
    serve_a_request()

    assert health_checks == []


def test_a_connection_idle_for_longer_is_checked_first(health_checks, monkeypatch):
    serve_a_request()
    monkeypatch.setattr(base, "HEALTHY_FOR_SECONDS", 0)
    health_checks.clear()

    serve_a_request()

    assert len(health_checks) == 1


def test_a_connection_postgresql_dropped_while_idle_is_replaced_without_an_error(monkeypatch):
    serve_a_request()
    old_pid = connection.connection.info.backend_pid
    monkeypatch.setattr(base, "HEALTHY_FOR_SECONDS", 0)
    drop_connection_from_the_server()

    assert serve_a_request() == list(Category.objects.all())
    assert connection.connection.info.backend_pid != old_pid


def test_a_connection_dropped_just_after_a_request_fails_one_request_then_is_replaced():
    serve_a_request()
    old_pid = connection.connection.info.backend_pid
    drop_connection_from_the_server()

    with pytest.raises(OperationalError):  # the 503 page, for this one request
        serve_a_request()

    serve_a_request()
    assert connection.connection.info.backend_pid != old_pid

"""The content generation: one per request, so every part of a page is drawn for the same content."""

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from core import generation


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Requests begin and end by the signals alone, without the database, as Django's test client does."""
    cache.clear()
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    request_finished.send(sender=None)
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def another_process_edits():
    cache.incr(generation.GENERATION_KEY)


def test_outside_a_request_every_read_sees_the_latest_edit():
    before = generation.current()
    another_process_edits()
    assert generation.current() == before + 1
    generation.bump()
    assert generation.current() == before + 2


def test_a_request_keeps_the_generation_it_started_with_and_the_next_one_sees_the_edit():
    request_started.send(sender=None)
    drawn_with = generation.current()
    another_process_edits()
    assert generation.current() == drawn_with  # the rest of this page matches what it drew already
    request_finished.send(sender=None)
    request_started.send(sender=None)
    assert generation.current() == drawn_with + 1


def test_a_request_that_edits_content_draws_what_follows_with_the_new_generation():
    request_started.send(sender=None)
    before = generation.current()
    generation.bump()
    assert generation.current() == before + 1

"""Which unit a host name serves, answered from memory: no query on a warm process.

Each process keeps the map of every unit's host names, loaded in one query and kept for
UNIT_HOSTS_SECONDS, so a renamed host or an archived unit reaches every process within that time.
A host not in the map reloads it at once (at most once a second, so a flood of made-up host names
costs no more than one query a second): a unit added in the admin or by ``import_units`` serves
from its first request, with no restart. While the database cannot be read, a process keeps the map
it has, and a process started meanwhile (a worker gunicorn replaced) takes the last map any process
read from the shared cache, so that cached pages are still served.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError

from units.models import Unit, UnitAlias

UNKNOWN_HOST_RELOAD_SECONDS = 1.0
SHARED_MAP_KEY = "units:host-map"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Served:
    """What a host name is: a unit's, and the canonical host to redirect to when it is an old alias."""

    unit: Unit
    redirect_to: str | None = None


_map: dict[str, Served] = {}
_loaded_at = float("-inf")


def forget(**kwargs):
    """A unit or a host changed in this process: read the map again on the next request."""
    global _loaded_at
    _loaded_at = float("-inf")


def _load():
    global _map, _loaded_at
    units = {unit.pk: unit for unit in Unit.objects.select_related("parent")}
    served = {unit.host: Served(unit) for unit in units.values()}
    for alias in UnitAlias.objects.all():
        unit = units[alias.unit_id]
        served.setdefault(alias.host, Served(unit, redirect_to=unit.host if alias.redirect else None))
    _map, _loaded_at = served, time.monotonic()
    cache.set(SHARED_MAP_KEY, served, timeout=None)


def _reload():
    """Read the map again; with the database down, keep the one known and try again later.

    A process with no map of its own takes the shared one; with neither, it cannot tell any unit
    without the database, and the error goes up, to the 503 page.
    """
    global _map, _loaded_at
    try:
        _load()
    except DatabaseError:
        known = _map or cache.get(SHARED_MAP_KEY)
        if not known:
            raise
        logger.warning("Unit host names could not be read again; the ones known are kept", exc_info=True)
        _map, _loaded_at = known, time.monotonic()


def lookup(host: str) -> Served | None:
    """The unit ``host`` (lower case, without port) serves, or None for a host that is no unit's."""
    age = time.monotonic() - _loaded_at
    if age > settings.UNIT_HOSTS_SECONDS:
        _reload()
    found = _map.get(host)
    if found is None and age > UNKNOWN_HOST_RELOAD_SECONDS:
        _reload()
        found = _map.get(host)
    return found


def province_family_ids(unit: Unit) -> list[int]:
    """The ids of ``unit``'s province and of every unit below it, read from the map: no query.

    What the province-wide search ("Tìm trong toàn tỉnh") looks in, from any unit of the province.
    A unit too new for this process's map is still found: the map is read again first.
    """
    if unit.pk not in _units():
        forget()
        lookup(unit.host)
    units = _units()

    def root_of(pk):
        seen = set()
        while (parent_id := units[pk].parent_id) is not None and parent_id in units and pk not in seen:
            seen.add(pk)
            pk = parent_id
        return pk

    province_id = root_of(unit.pk) if unit.pk in units else unit.pk
    return sorted(pk for pk in units if root_of(pk) == province_id) or [unit.pk]


def _units() -> dict[int, Unit]:
    return {served.unit.pk: served.unit for served in _map.values()}

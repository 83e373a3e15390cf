"""A staff member's rights come from the roles they hold in the unit being served, and from no other.

One installation serves the province and every commune, and one account may hold a role in several of
them (accounts.models.Membership). On unit U's host, ``user.has_perm`` answers from the roles held in
U alone, so every check Django and the apps already make (the admin's lists, forms, actions and
autocompletes, the preview, the uploads) is a check in U without knowing units exist. The unit comes
from ``UnitRolesMiddleware`` through a context variable, because a backend is not given the request.

Outside a request (a management command, the shell) no host names a unit: roles held in any unit count.
Superusers keep every right everywhere, as Django gives them before asking any backend.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from accounts.models import Membership
from units.models import Unit

_unit = ContextVar("roles_unit", default=None)


def current_unit():
    """The unit whose roles count now, or None outside a request."""
    return _unit.get()


@contextmanager
def serving(unit):
    """Count the roles held in ``unit`` inside this block, as a request on its host does."""
    token = _unit.set(unit)
    try:
        yield unit
    finally:
        _unit.reset(token)


class UnitRolesMiddleware:
    """Make the request's unit (``request.unit``, from units.middleware) the one whose roles count."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with serving(getattr(request, "unit", None)):
            return self.get_response(request)


class UnitRolesBackend(ModelBackend):
    """Django's password check, with permissions from the roles held in the request's unit.

    Groups and per-user permissions set directly on an account give nothing: a right is always a
    role in a unit, so it can never leak from one unit's portal into another's.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        """Only a member of the unit (or a superuser) logs in on its host: others have nothing to do there."""
        user = super().authenticate(request, username=username, password=password, **kwargs)
        unit = getattr(request, "unit", None)
        if user is None or unit is None or user.is_superuser:
            return user
        return user if Membership.objects.filter(user=user).in_unit(unit).exists() else None

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        unit = current_unit()
        # Kept on the user object, which lives as long as its request, for each unit asked about.
        cache = user_obj.__dict__.setdefault("_unit_roles_perm_cache", {})
        key = unit.pk if unit is not None else None
        if key not in cache:
            memberships = Membership.objects.filter(user=user_obj)
            if unit is not None:
                memberships = memberships.in_unit(unit)
            cache[key] = memberships.permission_names()
        return cache[key]

    def get_all_permissions(self, user_obj, obj=None):
        return self.get_group_permissions(user_obj, obj)

    def with_perm(self, perm, is_active=True, include_superusers=True, obj=None):
        """Who holds ``perm`` (``app_label.codename``) by a role in the current unit (any unit outside a request)."""
        app_label, codename = perm.split(".", 1)
        memberships = Membership.objects.filter(
            role__permissions__codename=codename, role__permissions__content_type__app_label=app_label
        )
        if current_unit() is not None:
            memberships = memberships.in_unit(current_unit())
        holders = Q(memberships__in=memberships)
        if include_superusers:
            holders |= Q(is_superuser=True)
        users = get_user_model()._default_manager.filter(holders)
        return (users.filter(is_active=True) if is_active else users).distinct()


def is_administrator(user, unit):
    return user.is_active and (user.is_superuser or Membership.objects.administering(unit).filter(user=user).exists())


def is_province_administrator(user, unit):
    """Whether ``user`` manages units from ``unit``'s admin: a superuser, or the province's administrator."""
    if user.is_superuser:
        return user.is_active
    return unit is not None and unit.is_province and is_administrator(user, unit)


def units_managed_by(user, unit):
    """The units whose accounts ``user`` manages from ``unit``'s admin.

    A unit's administrator manages that unit; the province's administrator also each unit below the
    province (whose administrator they appoint); a superuser every unit; anyone else none.
    """
    if user.is_superuser:
        return Unit.objects.all()
    if unit is None or not is_administrator(user, unit):
        return Unit.objects.none()
    if unit.is_province:
        return Unit.objects.filter(Q(pk=unit.pk) | Q(parent=unit))
    return Unit.objects.filter(pk=unit.pk)

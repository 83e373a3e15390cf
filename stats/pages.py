"""Which pages visitors may rate, named as ``app_label.model:pk`` in the form."""

from django.apps import apps
from django.conf import settings


def target_of(obj) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}:{obj.pk}"


def public_queryset(model):
    """What the public may see of a model: its ``published()`` or ``public()`` query when it has one."""
    queryset = model._default_manager.all()
    for name in ("published", "public"):
        if hasattr(queryset, name):
            return getattr(queryset, name)()
    return queryset


def public_object(target: str, *, unit):
    """The public page of ``unit`` a form names, or None for anything else.

    None for an unknown model, a hidden or missing page, and another unit's page: a page is rated
    on its own unit's host, and its answers belong to that unit.
    """
    label, _, pk = target.partition(":")
    if label not in settings.STATS_RATING_MODELS or not pk.isdigit():
        return None
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return public_queryset(model).filter(unit=unit, pk=int(pk)).first()

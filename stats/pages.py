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


def public_object(target: str, unit=None):
    """The public page a form names, or None for anything else (unknown model, hidden or missing page).

    With ``unit``, only that unit's pages: a form posted to one unit's host never rates another's.
    """
    label, _, pk = target.partition(":")
    if label not in settings.STATS_RATING_MODELS or not pk.isdigit():
        return None
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    queryset = public_queryset(model)
    if unit is not None and any(field.name == "unit" for field in model._meta.fields):
        queryset = queryset.filter(unit=unit)
    return queryset.filter(pk=int(pk)).first()

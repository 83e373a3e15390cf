"""The audit trail: who created, changed, deleted, published or withdrew what, and who logged in.

Model changes are caught by signals, so nothing that saves through the admin, a service or a
command escapes the trail; the acting user comes from the request being served (a context
variable set by ``AuditContextMiddleware``). A service that does more than a plain change
(publishing, withdrawing) says so with ``as_action`` and the save is recorded under that name.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from axes.signals import user_locked_out
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext as _
from solo.models import SingletonModel

from accounts.models import AuditEvent, Membership

Action = AuditEvent.Action

# What the trail follows: content and settings, people and roles; not the counters or sessions.
TRACKED_MODELS = (
    "articles.Article",
    "articles.Category",
    "articles.Attachment",
    "articles.Comment",
    "meetings.Meeting",
    "meetings.Official",
    "meetings.MeetingDocument",
    "documents.Document",
    "documents.DocumentFile",
    "documents.Relation",
    "documents.DocumentType",
    "documents.Field",
    "website.SiteSettings",
    "website.Page",
    "website.MenuItem",
    "website.MaintenanceNotice",
    "stats.StatsSettings",
    "auth.User",
    "auth.Group",
)

_request = ContextVar("audit_request", default=None)
_action = ContextVar("audit_action", default=None)


class AuditContextMiddleware:
    """Remember the request being served, so that signal receivers know who is acting."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


@contextmanager
def as_action(action):
    """Record the saves made inside this block as ``action`` (publish, withdraw) instead of “change”."""
    token = _action.set(action)
    try:
        yield
    finally:
        _action.reset(token)


def current_actor():
    request = _request.get()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def record(action, obj=None, *, actor=None, detail=""):
    """Add one event to the trail."""
    actor = actor or current_actor()
    return AuditEvent.objects.create(
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        detail=detail,
    )


# Saves that only keep derived columns up to date are housekeeping, not someone's change.
HOUSEKEEPING_FIELDS = frozenset({"last_login", "image_thumb", "image_large", "search_title", "search_text"})


def _saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= HOUSEKEEPING_FIELDS):
        return
    if created and isinstance(instance, SingletonModel):  # settings records appear on first read
        return
    record(Action.CREATE if created else (_action.get() or Action.CHANGE), instance)


def _deleted(sender, instance, **kwargs):
    record(Action.DELETE, instance)


def _logged_in(sender, request, user, **kwargs):
    record(Action.LOGIN, user, actor=user)


def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, user, actor=user)


def _login_failed(sender, credentials, request=None, **kwargs):
    """The name that was tried, whether or not such an account exists; never the password."""
    username = str(credentials.get("username", ""))[:150]
    record(Action.LOGIN_FAILED, detail=username)


def _locked_out(sender, request, username=None, ip_address=None, **kwargs):
    """django-axes refused further log-ins for this name after too many failures."""
    record(Action.LOCKED_OUT, detail=str(username or "")[:150])


def _roles_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    if action != "post_clear" and not pk_set:  # adding a role the account already had
        return
    sign = {"post_add": "+", "post_remove": "−", "post_clear": "−"}[action]
    names = sorted(apps.get_model("auth", "Group").objects.filter(pk__in=pk_set or ()).values_list("name", flat=True))
    record(Action.ROLE_CHANGE, instance, detail=" ".join(f"{sign}{name}" for name in names) or _("− mọi vai trò"))


def _membership_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        record(Action.ROLE_CHANGE, instance.user, detail=f"+{instance.role.name} ({instance.unit})")


def _membership_deleted(sender, instance, **kwargs):
    record(Action.ROLE_CHANGE, instance.user, detail=f"−{instance.role.name} ({instance.unit})")


def connect():
    """Wire the receivers; called once from AccountsConfig.ready()."""
    for label in TRACKED_MODELS:
        model = apps.get_model(label)
        post_save.connect(_saved, sender=model, dispatch_uid=f"audit-save-{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"audit-delete-{label}")
    post_save.connect(_membership_saved, sender=Membership, dispatch_uid="audit-membership-save")
    post_delete.connect(_membership_deleted, sender=Membership, dispatch_uid="audit-membership-delete")
    m2m_changed.connect(_roles_changed, sender=get_user_model().groups.through, dispatch_uid="audit-roles")
    user_logged_in.connect(_logged_in, dispatch_uid="audit-login")
    user_logged_out.connect(_logged_out, dispatch_uid="audit-logout")
    user_login_failed.connect(_login_failed, dispatch_uid="audit-login-failed")
    user_locked_out.connect(_locked_out, dispatch_uid="audit-locked-out")

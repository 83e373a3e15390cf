"""The portal's roles, as Django groups with exact permissions, kept in this one place.

The groups are created by a migration; their permissions are (re)applied after every
``migrate`` by ``sync_roles``, because permissions of other apps only exist by then.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str
    label: str
    permissions: tuple[str, ...] = ()
    every_permission: bool = False


def _crud(app_label, *models, actions=("add", "change", "delete", "view")):
    return tuple(f"{app_label}.{action}_{model}" for model in models for action in actions)


ADMINISTRATOR = Role(
    key="administrator",
    group_name="Quản trị hệ thống",
    label=_("Quản trị hệ thống"),
    # User accounts, roles, site settings, the audit trail, log-in lock-outs: everything.
    every_permission=True,
)
EDITOR_IN_CHIEF = Role(
    key="editor_in_chief",
    group_name="Trưởng ban biên tập",
    label=_("Trưởng ban biên tập"),
    permissions=(
        *_crud("articles", "article", "category", "attachment", "comment"),
        "articles.publish_article",
        # The province draws on its communes: a commune's offers them, the province's decides.
        "articles.offer_article",
        "articles.view_offer",
        "articles.decide_offer",
        "stats.view_dailystats",
        "stats.view_feedback",
        "stats.change_feedback",
        "meetings.view_meeting",
        # Consultations on drafts: moderating their comments and publishing their reports.
        *_crud("consultations", "consultation", "consultationcomment", "reportentry"),
        # The procedures come from the national portal's export; the editor corrects or withdraws one.
        *_crud("procedures", "procedure"),
        # Hỏi đáp: sorts citizens' questions to the offices, approves their answers, declines.
        *_crud("questions", "question", "office"),
        "questions.publish_question",
        "questions.view_publicholiday",
        "documents.view_field",
    ),
)
PRESS_OFFICER = Role(
    key="press_officer",
    group_name="Biên tập viên",
    label=_("Biên tập viên"),
    permissions=(
        *_crud("articles", "article", "attachment", actions=("add", "change", "view")),
        "articles.view_category",
    ),
)
SECRETARY = Role(
    key="secretary",
    group_name="Thư ký",
    label=_("Thư ký"),
    permissions=(
        *_crud("meetings", "meeting", "official", "attendee", "agendaitem", "task", "meetingdocument"),
        # A meeting's papers are documents (văn bản), entered like any other and linked to the meeting.
        *_crud("documents", "document", "documentfile", "relation"),
        "documents.view_documenttype",
        "documents.view_field",
        # To link a meeting to the news that covered it (the admin's article autocomplete).
        "articles.view_article",
        # Consultations on drafts: the office runs them, collects the comments and writes the report.
        *_crud("consultations", "consultation", "consultationcomment", "reportentry"),
    ),
)
# Communes where one person keeps the register of incoming and outgoing documents (văn thư) and another
# the meetings: the clerk enters and publishes documents, and touches nothing else.
CLERK = Role(
    key="clerk",
    group_name="Văn thư",
    label=_("Văn thư"),
    permissions=(
        *_crud("documents", "document", "documentfile", "relation"),
        "documents.view_documenttype",
        "documents.view_field",
        # To link a document to the news that announced it (the admin's article autocomplete).
        "articles.view_article",
    ),
)

# The officers of the offices who answer citizens' questions (hỏi đáp): they see the questions given to an
# office of their unit and write the answers; the editor-in-chief approves and publishes them.
ANSWERER = Role(
    key="answerer",
    group_name="Cán bộ trả lời",
    label=_("Cán bộ trả lời"),
    permissions=(
        "questions.view_question",
        "questions.change_question",
        "questions.view_office",
        "documents.view_field",
    ),
)

ROLES = (ADMINISTRATOR, EDITOR_IN_CHIEF, PRESS_OFFICER, SECRETARY, CLERK, ANSWERER)


def _permission(dotted):
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def sync_roles(using="default", **kwargs):
    """Give each role's group exactly the permissions listed above, no more, no fewer."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.group_name)
        if role.every_permission:
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set([_permission(p) for p in role.permissions])

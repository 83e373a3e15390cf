"""Revisions of the content (django-reversion): every save kept, two versions compared, one restored.

reversion's ``VersionAdmin`` keeps a revision for each save made in the admin and registers the model
with its inlines followed, so that a meeting's revision holds its attendees, agenda and tasks. Its
own history and revert screens are replaced here: they find a version by its number alone and revert
it before the admin's (unit-scoped) queryset is asked for the object, so a number of another unit's
version, or of another model's, would be reverted. Here a version is always looked up among those of
an object that ``get_object`` found first; a restore needs the right to change that object as it is
now, and puts back only the fields this user may edit in its form: whatever the form shows read-only
(an article's status and publication time, which only the workflow moves) stays as it is.
"""

import difflib
import re
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

from core.fields import RichTextField

# Unchanged lines shown around a change in a long text; the rest of an unchanged stretch is "…".
CONTEXT_LINES = 1
# A line sharing less than this share of its words with its new form was rewritten: it reads better
# struck through whole, followed by the new one, than as a patchwork of small changes.
REWRITTEN = 0.5
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "figure"}


@contextmanager
def revision(*, by, comment: str):
    """Keep what is saved inside the block as one revision by ``by``; inside the admin's, join it."""
    with reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(comment)
        yield


def when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


# Reading a value as lines of text ------------------------------------------------------------------


class _TextOfHtml(HTMLParser):
    """What a reader sees of a rich text, one paragraph a line; an image as its text alternative."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in _BLOCKS or tag == "br":
            self._break()
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            self._break()
            self.lines.append(_("[Ảnh: %(alt)s]") % {"alt": alt} if alt else _("[Ảnh chưa có mô tả]"))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data):
        if not self.hidden:
            self.current.append(data)

    def _break(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(text)
        self.current = []

    def text(self, html):
        self.feed(html or "")
        self.close()
        self._break()
        return self.lines


def _text(field, value) -> str:
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Có") if value else _("Không")
    if isinstance(field, models.DateTimeField):
        return when(value)
    if isinstance(field, models.DateField):
        return value.strftime("%d/%m/%Y")
    if isinstance(field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    if isinstance(field, models.ForeignKey):
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else _("(đã xóa, mã %(pk)s)") % {"pk": value}
    return str(value)


def _lines(field, value) -> list[str]:
    """A field's value as the lines the diff compares: a text's paragraphs, a list's items, else one."""
    if isinstance(field, models.ManyToManyField):
        return sorted(str(row) for row in field.related_model._base_manager.filter(pk__in=value or []))
    if isinstance(field, RichTextField):
        return _TextOfHtml().text(value)
    text = _text(field, value)
    return [line for line in text.splitlines() if line.strip()] if text else []


@dataclass(frozen=True)
class Relation:
    """Rows kept with their parent in its revisions (an inline of its admin): a meeting's attendees."""

    model: type
    fk: models.ForeignKey

    @property
    def label(self):
        return capfirst(self.model._meta.verbose_name_plural)

    @property
    def fields(self):
        return [f for f in _fields(self.model) if f.name != self.fk.name]

    def line(self, values) -> str:
        """One row as a line: each filled field with its label, so a change of any of them shows."""
        parts = []
        for field in self.fields:
            text = " ".join(_lines(field, values.get(field.attname)))
            if text:
                parts.append(f"{capfirst(field.verbose_name)}: {text}")
        return "; ".join(parts)

    def current(self, obj) -> list[dict]:
        rows = self.model._default_manager.filter(**{self.fk.name: obj}).order_by("pk")
        return [_values(row, self.fields) for row in rows]

    def versions(self, version) -> list[Version]:
        """This relation's rows saved in ``version``'s revision as children of ``version``'s object."""
        content_type = ContentType.objects.get_for_model(self.model)
        candidates = version.revision.version_set.filter(content_type=content_type).order_by("pk")
        return [v for v in candidates if str(v.field_dict.get(self.fk.attname)) == version.object_id]

    def saved(self, version) -> list[dict]:
        return sorted(
            (v.field_dict for v in self.versions(version)), key=lambda values: values[self.model._meta.pk.attname]
        )


def _fields(model, ignored=()):
    """The fields a person edits: what the history compares (not the key, not the save times)."""
    return [
        field
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.editable
        and not field.primary_key
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
        and field.name not in ignored
    ]


def _values(obj, fields) -> dict:
    return {
        field.attname: list(getattr(obj, field.name).values_list("pk", flat=True))
        if isinstance(field, models.ManyToManyField)
        else getattr(obj, field.attname)
        for field in fields
    }


# Comparing -------------------------------------------------------------------------------------------


def word_diff(old: str, new: str):
    """``old`` into ``new`` word by word (whole when rewritten), escaped: removed in <del>, added in <ins>."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if a and b and matcher.ratio() < REWRITTEN:
        return format_html("<del>{}</del> <ins>{}</ins>", old, new)
    chunks = []  # [removed, added, same]: a space alone between two changes is part of one change
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal" and not (removed.isspace() and chunks and not chunks[-1][2] and i2 < len(a)):
            chunks.append([removed, added, True])
        elif chunks and not chunks[-1][2]:
            chunks[-1][0] += removed
            chunks[-1][1] += added
        else:
            chunks.append([removed, added, False])
    out = []
    for removed, added, same in chunks:
        if same:
            out.append(escape(removed))
            continue
        if removed:
            out.append(format_html("<del>{}</del>", removed))
        if added:
            out.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(out))  # every piece above is escaped


@dataclass(frozen=True)
class Line:
    kind: str  # "same", "changed", "added", "removed" or "gap"
    html: str


def line_diff(old: list[str], new: list[str]) -> list[Line]:
    """Lines of ``old`` into ``new``: a changed line word by word, long unchanged stretches shortened."""
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            same = old[i1:i2]
            if len(same) > 2 * CONTEXT_LINES + 1:
                head = same[:CONTEXT_LINES] if out else []
                tail = same[-CONTEXT_LINES:] if i2 < len(old) else []
                out += [Line("same", escape(line)) for line in head]
                out.append(Line("gap", "…"))
                out += [Line("same", escape(line)) for line in tail]
            else:
                out += [Line("same", escape(line)) for line in same]
            continue
        removed, added = old[i1:i2], new[j1:j2]
        for before, after in zip(removed, added, strict=False):
            out.append(Line("changed", word_diff(before, after)))
        out += [Line("removed", format_html("<del>{}</del>", line)) for line in removed[len(added) :]]
        out += [Line("added", format_html("<ins>{}</ins>", line)) for line in added[len(removed) :]]
    return out


@dataclass(frozen=True)
class Change:
    label: str
    lines: list[Line]


def changes(old: dict[str, list[str]], new: dict[str, list[str]], labels: dict[str, str]) -> list[Change]:
    """What differs between two snapshots (label: lines), in the order of ``labels``."""
    return [
        Change(label, line_diff(old.get(key, []), new.get(key, [])))
        for key, label in labels.items()
        if old.get(key, []) != new.get(key, [])
    ]


# The admin ------------------------------------------------------------------------------------------


class RevisionAdmin(VersionAdmin):
    """History, comparison and restore of an admin's objects, within the admin's own scope and rights.

    Mixed in before the admin's base (``class ArticleAdmin(RevisionAdmin, UnitOwnedAdmin)``): the
    object is always found by ``get_object``, so a unit's admin never shows another unit's versions.
    ``restore_version`` is the hook an app overrides to put its own rules around a restore.
    """

    object_history_template = "admin/revisions/object_history.html"
    compare_template = "admin/revisions/compare.html"
    restore_template = "admin/revisions/restore.html"
    # reversion's list template offers "recover deleted", which is not offered here (see get_urls).
    change_list_template = None
    revision_ignored_fields = ("unit",)

    def get_urls(self):
        """Our history screens, then the admin's own: reversion's revert and recover views are left out."""
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/history/compare/", view(self.compare_view), name="{}_{}_compare".format(*info)),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *super(VersionAdmin, self).get_urls(),
        ]

    # The revision's comment: the workflow's step (set by a service) and the admin's list of changes.

    def log_addition(self, request, obj, message):
        earlier = reversion.get_comment() if reversion.is_active() else ""
        entry = super().log_addition(request, obj, message)
        self._join_comment(earlier, message)
        return entry

    def log_change(self, request, obj, message):
        earlier = reversion.get_comment() if reversion.is_active() else ""
        entry = super().log_change(request, obj, message)
        self._join_comment(earlier, message)
        return entry

    @staticmethod
    def _join_comment(earlier, message):
        if reversion.is_active() and earlier:
            reversion.set_comment(f"{earlier}. {reversion.get_comment()}" if message else earlier)

    # What is compared and restored.

    def revision_relations(self) -> list[Relation]:
        relations = []
        for inline in self.inlines:
            fk = next(
                f
                for f in inline.model._meta.concrete_fields
                if isinstance(f, models.ForeignKey) and issubclass(self.model, f.related_model)
            )
            relations.append(Relation(inline.model, fk))
        return relations

    def revision_fields(self):
        return _fields(self.model, self.revision_ignored_fields)

    def restored_fields(self, request, obj):
        """The fields this user may edit in the object's form: a restore puts back these and no others."""
        editable = set(flatten_fieldsets(self.get_fieldsets(request, obj))) - set(
            self.get_readonly_fields(request, obj)
        )
        return [field for field in self.revision_fields() if field.name in editable]

    def restored_relations(self, request, obj):
        changeable = {
            type(inline).model
            for inline in self.get_inline_instances(request, obj)
            if inline.has_change_permission(request, obj)
        }
        return [relation for relation in self.revision_relations() if relation.model in changeable]

    def _snapshot(self, fields, relations, values, rows):
        snapshot = {field.name: _lines(field, values.get(field.attname)) for field in fields}
        for relation in relations:
            snapshot[relation.model._meta.label] = [relation.line(row) for row in rows(relation)]
        return snapshot

    def _current(self, obj, fields, relations):
        return self._snapshot(fields, relations, _values(obj, fields), lambda relation: relation.current(obj))

    def _saved(self, version, fields, relations):
        return self._snapshot(fields, relations, version.field_dict, lambda relation: relation.saved(version))

    @staticmethod
    def _labels(fields, relations):
        labels = {field.name: capfirst(field.verbose_name) for field in fields}
        return labels | {relation.model._meta.label: relation.label for relation in relations}

    # The screens.

    def _object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("Không tìm thấy mục này."))
        return obj

    def _versions(self, obj):
        return (
            Version.objects.get_for_object(obj)
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
        )

    def _version(self, obj, version_id):
        try:
            return self._versions(obj).get(pk=version_id)
        except (Version.DoesNotExist, ValueError, TypeError) as error:
            raise Http404(_("Không tìm thấy phiên bản này.")) from error

    def _context(self, request, obj, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": title,
            "subtitle": str(obj),
            "history_url": reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]
            ),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        """The admin's history page, listing the versions to compare two of them or restore one."""
        obj = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if obj is not None:
            info = self.opts.app_label, self.opts.model_name
            versions = list(self._versions(obj))
            context |= {
                "versions": versions,
                "can_restore": self.has_change_permission(request, obj),
                "compare_url": reverse(f"{self.admin_site.name}:{info[0]}_{info[1]}_compare", args=[obj.pk]),
                "restore_url_name": f"{self.admin_site.name}:{info[0]}_{info[1]}_restore",
            }
        # reversion's history_view is skipped: Django's lists the log, checks the rights, scopes the object.
        return super(VersionAdmin, self).history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """Two versions side by side: what changed between them, field by field."""
        obj = self._object(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        old = self._version(obj, request.GET.get("old"))
        new = self._version(obj, request.GET.get("new"))
        if (old.revision.date_created, old.pk) > (new.revision.date_created, new.pk):
            old, new = new, old
        fields, relations = self.revision_fields(), self.revision_relations()
        context = self._context(
            request,
            obj,
            _("So sánh hai phiên bản"),
            old=old,
            new=new,
            changes=changes(
                self._saved(old, fields, relations),
                self._saved(new, fields, relations),
                self._labels(fields, relations),
            ),
            can_restore=self.has_change_permission(request, obj),
            restore_url_name=f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_restore",
        )
        return TemplateResponse(request, self.compare_template, context)

    def restore_view(self, request, object_id, version_id):
        """Put a version back, after a page that shows what the restore will change."""
        obj = self._object(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = self._version(obj, version_id)
        fields, relations = self.restored_fields(request, obj), self.restored_relations(request, obj)
        if request.method == "POST":
            return self._restore(request, obj, version, fields, relations)
        context = self._context(
            request,
            obj,
            _("Khôi phục phiên bản lưu lúc %(when)s") % {"when": when(version.revision.date_created)},
            version=version,
            changes=changes(
                self._current(obj, fields, relations),
                self._saved(version, fields, relations),
                self._labels(fields, relations),
            ),
            kept=[capfirst(f.verbose_name) for f in self.revision_fields() if f not in fields],
            notice=self.restore_notice(obj),
        )
        return TemplateResponse(request, self.restore_template, context)

    def _restore(self, request, obj, version, fields, relations):
        change_url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]
        )
        try:
            self.restore_version(request, obj, version, fields, relations)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        except (RevertError, IntegrityError, models.ProtectedError):
            messages.error(
                request,
                _(
                    "Không khôi phục được phiên bản này: nó dùng đến một mục đã bị xóa hoặc đã đổi (một văn bản, "
                    "một cán bộ…). Hãy sửa trực tiếp trên biểu mẫu."
                ),
            )
            return redirect(request.path)
        message = _("Đã khôi phục phiên bản lưu lúc %(when)s.") % {"when": when(version.revision.date_created)}
        admin.ModelAdmin.log_change(self, request, obj, message)
        messages.success(request, message)
        return redirect(change_url)

    def restore_notice(self, obj):
        """A word the restore page adds about this object (an article on the public site), or None."""
        return None

    def restore_version(self, request, obj, version, fields, relations):
        restore(obj=obj, version=version, fields=fields, relations=relations, by=request.user)


@transaction.atomic
def restore(*, obj, version, fields, relations, by):
    """Put ``version``'s ``fields`` and ``relations`` back on ``obj``, as a new revision by ``by``.

    The object itself is saved normally (its ``save`` keeps its slug and search columns, its save
    time moves, so a form opened before the restore is refused as stale); its rows of each relation
    become those of the version: rows added since are deleted, the version's are written back.
    """
    values = version.field_dict
    comment = _("Khôi phục phiên bản lưu lúc %(when)s") % {"when": when(version.revision.date_created)}
    with revision(by=by, comment=comment):
        for relation in relations:
            saved = relation.versions(version)
            kept = [v.object_id for v in saved]
            relation.model._default_manager.filter(**{relation.fk.name: obj}).exclude(pk__in=kept).delete()
            for child in saved:
                child.revert()
        for field in fields:
            if field.attname in values and not isinstance(field, models.ManyToManyField):
                setattr(obj, field.attname, values[field.attname])
        obj.save()
        for field in fields:
            if field.attname in values and isinstance(field, models.ManyToManyField):
                # Rows deleted since (a related article) are left out rather than failing the restore.
                getattr(obj, field.name).set(field.related_model._base_manager.filter(pk__in=values[field.attname]))
        reversion.add_to_revision(obj)
    return obj

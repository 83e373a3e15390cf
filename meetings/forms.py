"""The meeting form's agenda: a presenter is chosen among the attendees entered on the same page.

An attendee typed in above, not yet saved, has no primary key: the presenter's choice names that
attendee's row instead (``new-2``), and the item is linked to the attendee once it is saved. The
admin saves the attendees before the agenda (``MeetingAdmin.save_related``), and
static/js/meeting-presenters.js keeps the presenter lists in step with the rows as they are typed.
"""

from dataclasses import dataclass

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from meetings.models import AgendaItem, Attendee, Official

NEW_ATTENDEE = "new-"
ATTENDEES_PREFIX = "attendees"
MOST_ROWS = 1000  # Django's own cap on the forms of a formset


@dataclass(frozen=True)
class SubmittedAttendee:
    """An attendee row as the page sent it, before its formset has cleaned it."""

    index: int
    pk: str
    official: str
    name: str
    deleted: bool

    @property
    def is_filled(self):
        """A row with a name or an official is saved as an attendee (or the page is refused): others are skipped."""
        return bool(self.official or self.name)


def submitted_attendees(data):
    """The attendee rows of a submitted meeting form, read from the same data the attendee formset reads."""
    try:
        total = min(int(data.get(f"{ATTENDEES_PREFIX}-TOTAL_FORMS", 0)), MOST_ROWS)
    except ValueError:
        total = 0
    delete = forms.CheckboxInput()
    for index in range(total):
        prefix = f"{ATTENDEES_PREFIX}-{index}"
        yield SubmittedAttendee(
            index=index,
            pk=data.get(f"{prefix}-id", "").strip(),
            official=data.get(f"{prefix}-official", "").strip(),
            name=data.get(f"{prefix}-name", "").strip(),
            deleted=delete.value_from_datadict(data, {}, f"{prefix}-DELETE"),
        )


@dataclass(frozen=True)
class Presenters:
    """Who may present: the meeting's saved attendees (by pk) and the rows of new ones on the same page."""

    saved: dict
    choices: list


class AgendaItemForm(forms.ModelForm):
    presenter = forms.TypedChoiceField(
        label=capfirst(AgendaItem._meta.get_field("presenter").verbose_name),
        required=False,
        coerce=str,
        empty_value="",
        help_text=_("Một người trong thành phần tham dự ở trên, kể cả người vừa ghi thêm trên trang này."),
        error_messages={
            "invalid_choice": _(
                "Người trình bày phải là một người trong thành phần tham dự ở trên; người đã chọn không còn "
                "trong danh sách (đã xóa hoặc bỏ trống dòng của họ). Hãy chọn lại."
            )
        },
    )

    class Meta:
        model = AgendaItem
        fields = ["order", "number", "title", "presenter", "presenter_office", "summary", "outcome", "is_public"]

    def __init__(self, *args, presenters, **kwargs):
        super().__init__(*args, **kwargs)
        self.presenters = presenters
        self.fields["presenter"].choices = presenters.choices
        self.presenter_row = None

    def clean_presenter(self):
        value = self.cleaned_data["presenter"]
        if value.startswith(NEW_ATTENDEE):
            self.presenter_row = int(value.removeprefix(NEW_ATTENDEE))
            return None
        return self.presenters.saved.get(value)


class AgendaItemFormSet(BaseInlineFormSet):
    """The agenda, each item's presenter taken from the attendees of the same submission.

    ``officials`` (the unit's, set by the inline) names a new attendee chosen from the directory;
    ``attendee_forms`` (set by the admin before saving) are the saved rows a new presenter refers to.
    """

    officials = Official.objects.none()
    attendee_forms = ()

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "presenters": self.presenters}

    @cached_property
    def presenters(self):
        saved = {str(a.pk): a for a in self.instance.attendees.all()} if self.instance.pk else {}
        rows = list(submitted_attendees(self.data)) if self.is_bound else []
        removed = {row.pk for row in rows if row.deleted}
        choices = [(pk, str(attendee)) for pk, attendee in saved.items() if pk not in removed]
        return Presenters(saved=saved, choices=[("", "---------"), *choices, *self.new_attendee_choices(rows)])

    def new_attendee_choices(self, rows):
        """The rows of attendees typed in on this page, named as they will be saved."""
        new = [row for row in rows if not row.pk and row.is_filled and not row.deleted]
        ids = [row.official for row in new if row.official.isdigit()]
        officials = {str(pk): name for pk, name in self.officials.filter(pk__in=ids).values_list("pk", "name")}
        for row in new:
            if label := row.name or officials.get(row.official):
                yield f"{NEW_ATTENDEE}{row.index}", label

    def save_new(self, form, commit=True):
        self.link_new_presenter(form)
        return super().save_new(form, commit)

    def save_existing(self, form, obj, commit=True):
        self.link_new_presenter(form)
        return super().save_existing(form, obj, commit)

    def link_new_presenter(self, form):
        """The item presented by an attendee of this page, saved a moment ago with the attendees."""
        if form.presenter_row is None or form.presenter_row >= len(self.attendee_forms):
            return
        attendee = self.attendee_forms[form.presenter_row].instance
        if isinstance(attendee, Attendee) and attendee.pk:
            form.instance.presenter = attendee

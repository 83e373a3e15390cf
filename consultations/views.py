"""Public pages of consultations: the list, and a consultation's page, whose POST adds a comment."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, ListView

from consultations import services
from consultations.forms import CommentForm
from consultations.models import Consultation
from core.limits import declared_length
from core.pagination import CountedOnceMixin

# The id of the comments section, where a reader who sent one comes back and reads the thanks.
COMMENTS = "gop-y"


class ConsultationListView(CountedOnceMixin, ListView):
    """Lấy ý kiến: the open ones first (closing soonest first), then those about to open, then the closed, paged."""

    template_name = "consultations/consultation_list.html"
    paginate_by = settings.ARTICLES_PAGE_SIZE

    def get_queryset(self):
        return Consultation.objects.of(self.request.unit).for_list().ended().order_by("-closes_at", "-pk")

    def get_context_data(self, **kwargs):
        consultations = Consultation.objects.of(self.request.unit).for_list()
        return super().get_context_data(
            open_consultations=consultations.open().order_by("closes_at", "pk"),
            upcoming_consultations=consultations.upcoming().order_by("opens_at", "pk"),
            page_title=_("Lấy ý kiến dự thảo"),
            crumbs=[(_("Lấy ý kiến dự thảo"), "")],
            **kwargs,
        )


def consultation_body_limit(view):
    """Answer 413 in Vietnamese, unread, past CONSULTATION_POST_MAX_BYTES (a comment may carry a file)."""

    def limited(request, *args, **kwargs):
        if declared_length(request) > settings.CONSULTATION_POST_MAX_BYTES:
            limit_kb = settings.CONSULTATION_POST_MAX_BYTES // 1024
            return render(request, "413.html", {"limit_kb": limit_kb}, status=413)
        return view(request, *args, **kwargs)

    return limited


@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(consultation_body_limit, name="post")
class ConsultationDetailView(DetailView):
    """A consultation: the question, the drafts, the form while open, the published comments, the report.

    As on an article, the form carries no CSRF token so that the page comes from the page cache; a
    forged post could only do what anyone may: leave a comment, within the rate limit.
    """

    template_name = "consultations/consultation_detail.html"

    def get_queryset(self):
        return Consultation.objects.of(self.request.unit).for_detail().select_related("unit", "audience")

    def get_context_data(self, **kwargs):
        consultation = self.object
        if consultation.is_open and not consultation.unit.archived:
            kwargs.setdefault("comment_form", CommentForm(consultation=consultation))
        return super().get_context_data(
            counts=consultation.report_counts() if consultation.has_report else None,
            crumbs=[(_("Lấy ý kiến dự thảo"), reverse("consultations:list")), (consultation.title, "")],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = CommentForm(request.POST, request.FILES, consultation=self.object)
        if form.is_valid():
            if services.comment_rate_exceeded(request):
                form.add_error(
                    None, _("Bạn đã gửi quá nhiều góp ý trong thời gian ngắn. Vui lòng thử lại sau ít phút.")
                )
            else:
                comment = services.add_comment(consultation=self.object, **form.cleaned_data_for_service())
                if comment.state == comment.State.PUBLISHED:
                    thanks = _("Cảm ơn bạn đã góp ý. Ý kiến của bạn đã được ghi nhận.")
                else:
                    thanks = _("Cảm ơn bạn đã góp ý. Ý kiến sẽ hiện sau khi được duyệt.")
                # Shown beside the comments the reader is sent back to (includes/messages.html).
                messages.success(request, thanks, extra_tags=COMMENTS)
                return redirect(f"{self.object.get_absolute_url()}#{COMMENTS}")
        return self.render_to_response(self.get_context_data(comment_form=form), status=400)

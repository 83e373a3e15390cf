"""Public pages of hỏi đáp: the list of answered questions, a question's page, the ask form, the look-up.

The ask form and the look-up carry no CSRF token, so that their blank pages are the same for every
reader and come from the page cache; a forged post could only do what anyone may do directly (ask a
question that waits for the editor, look a code up), within the rate limits.
"""

from django.core.validators import slug_re
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, ListView, TemplateView

from articles.models import search_terms
from core.pagination import CountedOnceMixin
from documents.models import Field
from questions import services
from questions.forms import AskForm, LookupForm
from questions.models import Question

PAGE_SIZE = 20
RATE_EXCEEDED = _("Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau.")


class QuestionListView(CountedOnceMixin, ListView):
    """Hỏi đáp: the pinned questions first, then the newest answers; by field, by accent-free words."""

    paginate_by = PAGE_SIZE
    template_name = "questions/question_list.html"

    @cached_property
    def chosen_field(self):
        """The field of ``?linh-vuc=``; anything that is no slug (a NUL byte, a 10 KB value) is no field."""
        slug = self.request.GET.get("linh-vuc", "")
        if not slug_re.fullmatch(slug):
            return None
        return Field.objects.filter(slug=slug).first()

    def get_queryset(self):
        questions = Question.objects.of(self.request.unit).published().for_list()
        if self.chosen_field:
            questions = questions.in_field(self.chosen_field)
        if self.words:
            questions = questions.search(self.words)
        return questions

    @cached_property
    def words(self):
        return " ".join(self.request.GET.get("q", "").split())[:200]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fields = Field.objects.filter(questions__in=Question.objects.of(self.request.unit).published()).distinct()
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            fields=fields,
            chosen_field=self.chosen_field,
            words=self.words if search_terms(self.words) else "",
            filtered=bool(self.chosen_field or self.words),
            query_string=query.urlencode(),
            page_title=_("Hỏi đáp"),
            crumbs=[(_("Hỏi đáp"), "")],
        )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["filtered"]:
            response.headers.setdefault("X-Robots-Tag", "noindex")
        return response


class QuestionDetailView(DetailView):
    """A published question with its answer, the office that answered and when."""

    def get_queryset(self):
        return Question.objects.of(self.request.unit).published().select_related("field", "office")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = [(_("Hỏi đáp"), reverse("questions:list")), (self.object.title, "")]
        return context


@method_decorator(csrf_exempt, name="dispatch")
class AskView(TemplateView):
    """Gửi câu hỏi; on success the thank-you page shows the tracking code.

    The code is shown in the answer to the POST itself, not after a redirect: in an address it would
    stay in the browser's history and the server's logs, and a cookie would take the page out of the cache.
    """

    template_name = "questions/ask.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AskForm(unit=self.request.unit))
        context["crumbs"] = [(_("Hỏi đáp"), reverse("questions:list")), (_("Gửi câu hỏi"), "")]
        return context

    def post(self, request, *args, **kwargs):
        form = AskForm(request.POST, request.FILES, unit=request.unit)
        if form.is_valid():
            if services.question_rate_exceeded(request):
                form.add_error(None, RATE_EXCEEDED)
            else:
                data = form.cleaned_data
                question = services.ask_question(
                    unit=request.unit,
                    name=data["name"],
                    phone=data["phone"],
                    email=data["email"],
                    field=data["field"],
                    title=data["title"],
                    body=data["body"],
                    file=data.get("file"),
                )
                response = TemplateResponse(request, "questions/thanks.html", {"question": question})
                add_never_cache_headers(response)
                return response
        return self.render_to_response(self.get_context_data(form=form), status=400)


@method_decorator(csrf_exempt, name="dispatch")
class LookupView(TemplateView):
    """Tra cứu: the asker types the code and sees the status, the answer once public, or the reason for a refusal.

    The code is posted, not put in the address, for the same reason as on the thank-you page.
    """

    template_name = "questions/lookup.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", LookupForm())
        context["crumbs"] = [(_("Hỏi đáp"), reverse("questions:list")), (_("Tra cứu câu hỏi"), "")]
        return context

    def post(self, request, *args, **kwargs):
        form = LookupForm(request.POST)
        question, status = None, 400
        if form.is_valid():
            if services.lookup_rate_exceeded(request):
                form.add_error(None, RATE_EXCEEDED)
                status = 429
            else:
                rows = Question.objects.of(request.unit).select_related("office")
                question = rows.filter(code=form.cleaned_data["code"]).first()
                if question is None:
                    form.add_error("code", _("Không tìm thấy câu hỏi nào có mã này ở cổng thông tin này."))
                    status = 404
                else:
                    status = 200
        response = self.render_to_response(self.get_context_data(form=form, question=question), status=status)
        add_never_cache_headers(response)
        return response

"""Public pages of administrative procedures: the list with its filters and search, a procedure's page."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.pagination import CountedOnceMixin
from procedures.filters import ProcedureFilter
from procedures.models import Procedure

PAGE_SIZE = 20


class ProcedureListView(CountedOnceMixin, ListView):
    """Thủ tục hành chính: by field then name; the filtered variants are for readers, not search engines."""

    paginate_by = PAGE_SIZE
    template_name = "procedures/procedure_list.html"

    def get_queryset(self):
        procedures = Procedure.objects.of(self.request.unit).published().for_list()
        self.filterset = ProcedureFilter(self.request.GET or None, queryset=procedures, request=self.request)
        if self.filterset.is_bound and not self.filterset.is_valid():
            for errors in self.filterset.form.errors.values():
                for error in errors:
                    messages.error(self.request, error)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter=self.filterset,
            filtered=bool(query),
            query_string=query.urlencode(),
            words=self.filterset.form.cleaned_data.get("q", "") if self.filterset.is_bound else "",
            page_title=_("Thủ tục hành chính"),
            crumbs=[(_("Thủ tục hành chính"), "")],
        )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["filtered"]:
            # A filtered list repeats the plain one in endless combinations: none of a search engine's business.
            response.headers.setdefault("X-Robots-Tag", "noindex")
        return response


class ProcedureDetailView(DetailView):
    """A procedure's page: what it costs and takes, and the way to apply online on the national portal."""

    slug_field = "code"
    slug_url_kwarg = "code"

    def get_queryset(self):
        return Procedure.objects.of(self.request.unit).published().select_related("field")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            crumbs=[(_("Thủ tục hành chính"), "/thu-tuc-hanh-chinh/"), (self.object.code, "")], **kwargs
        )

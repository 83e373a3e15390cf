"""Public pages of administrative procedures: the list with its filters and search, a procedure's page."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from core.filtering import FilteredListMixin
from core.pagination import CountedOnceMixin
from procedures.filters import ProcedureFilter
from procedures.models import Procedure

PAGE_SIZE = 20


class ProcedureListView(CountedOnceMixin, FilteredListMixin, ListView):
    """Thủ tục hành chính: by field then name; the filtered variants are for readers, not search engines."""

    paginate_by = PAGE_SIZE
    template_name = "procedures/procedure_list.html"
    filterset_class = ProcedureFilter
    title = gettext_lazy("Thủ tục hành chính")

    def get_queryset(self):
        return self.filter_rows(Procedure.objects.of(self.request.unit).published().for_list())


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

"""Public pages of documents (văn bản): the list with its filters and search, a document's page, open data."""

import csv

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView, View

from articles.models import Article
from core.filtering import FilteredListMixin
from core.pagination import CountedOnceMixin, CountedOncePaginator
from core.robots import hidden_from_robots
from documents.filters import DocumentFilter
from documents.models import Document, Relation, Validity

PAGE_SIZE = 20
# Open data comes a page at a time: a client follows ``next`` (JSON) or the ``Link`` header (CSV).
JSON_PAGE_SIZE = 100
CSV_PAGE_SIZE = 1000


class FilteredDocumentsMixin:
    """The unit's published documents, newest first, narrowed by the reader's filters and words."""

    def unit_documents(self):
        return Document.objects.of(self.request.unit).published().for_list().order_by("-issued_on", "-pk")

    def filtered_documents(self):
        self.filterset = DocumentFilter(self.request.GET or None, queryset=self.unit_documents(), request=self.request)
        return self.filterset.qs


class DocumentListView(CountedOnceMixin, FilteredListMixin, FilteredDocumentsMixin, ListView):
    """Văn bản: newest first; the filtered and searched variants are for readers, not search engines."""

    paginate_by = PAGE_SIZE
    template_name = "documents/document_list.html"
    filterset_class = DocumentFilter
    title = gettext_lazy("Văn bản")

    def get_queryset(self):
        return self.filter_rows(self.unit_documents())


@method_decorator(hidden_from_robots, name="dispatch")
class DocumentSearchView(DocumentListView):
    """/van-ban/tim-kiem/: where the list's form sends its words and filters (disallowed in robots.txt)."""


class DocumentDetailView(DetailView):
    """A document's page: its metadata, files, relations from both ends and related news."""

    def get_queryset(self):
        unit = self.request.unit
        published = Document.objects.of(unit).published().select_related("doc_type")
        return (
            Document.objects.of(unit)
            .published()
            .for_list()
            .prefetch_related(
                "files",
                "fields",
                Prefetch(
                    "outgoing_relations",
                    queryset=Relation.objects.filter(target__in=published).select_related("target__doc_type"),
                    to_attr="public_outgoing",
                ),
                Prefetch(
                    "incoming_relations",
                    queryset=Relation.objects.filter(source__in=published).select_related("source__doc_type"),
                    to_attr="public_incoming",
                ),
                Prefetch(
                    "articles",
                    queryset=Article.objects.of(unit).published().only("title", "slug", "published_at"),
                    to_attr="public_articles",
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.object
        context.update(
            validity=Validity(document.validity_code),
            share_url=self.request.build_absolute_uri(document.get_absolute_url()),
            crumbs=[(_("Văn bản"), "/van-ban/"), (document.number or document.summary[:60], "")],
        )
        return context


class OpenDataMixin(FilteredDocumentsMixin):
    """The filtered list as rows of plain values, a bounded page at a time."""

    page_size = JSON_PAGE_SIZE

    def page(self):
        documents = self.filtered_documents().prefetch_related("fields", "files")
        paginator = CountedOncePaginator(documents, self.page_size, request=self.request)
        try:
            return paginator.page(self.request.GET.get("page") or 1)
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404(_("Không có trang này.")) from error

    def page_url(self, number):
        query = self.request.GET.copy()
        query["page"] = number
        return self.request.build_absolute_uri(f"{self.request.path}?{query.urlencode()}")

    def row(self, document):
        build = self.request.build_absolute_uri
        return {
            "number": document.number,
            "url": build(document.get_absolute_url()),
            "type": document.doc_type.name,
            "is_normative": document.is_normative,
            "issuer": document.issuer,
            "signer": document.signer,
            "signer_position": document.signer_position,
            "issued_on": document.issued_on,
            "effective_on": document.effective_on,
            "expires_on": document.expires_on,
            "validity": document.validity_code,
            "fields": [field.name for field in document.fields.all()],
            "summary": document.summary,
            "files": [
                {"title": str(file), "url": build(file.download_url), "size": file.size}
                for file in document.files.all()
            ],
        }


class DocumentJSONView(OpenDataMixin, View):
    """/van-ban/du-lieu.json: the same filters as the list, JSON_PAGE_SIZE documents a page, with ``next``."""

    def get(self, request, *args, **kwargs):
        page = self.page()
        data = {
            "count": page.paginator.count,
            "page": page.number,
            "num_pages": page.paginator.num_pages,
            "next": self.page_url(page.next_page_number()) if page.has_next() else None,
            "previous": self.page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [self.row(document) for document in page],
        }
        response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})
        response["Access-Control-Allow-Origin"] = "*"
        return response


class DocumentCSVView(OpenDataMixin, View):
    """/van-ban/du-lieu.csv: UTF-8 with a BOM so that Excel reads the Vietnamese right; pages by ``Link``."""

    page_size = CSV_PAGE_SIZE
    COLUMNS = (
        ("number", gettext_lazy("Số, ký hiệu")),
        ("type", gettext_lazy("Loại văn bản")),
        ("issuer", gettext_lazy("Cơ quan ban hành")),
        ("signer", gettext_lazy("Người ký")),
        ("signer_position", gettext_lazy("Chức vụ")),
        ("issued_on", gettext_lazy("Ngày ban hành")),
        ("effective_on", gettext_lazy("Ngày có hiệu lực")),
        ("expires_on", gettext_lazy("Ngày hết hiệu lực")),
        ("validity", gettext_lazy("Hiệu lực")),
        ("is_normative", gettext_lazy("Văn bản QPPL")),
        ("fields", gettext_lazy("Lĩnh vực")),
        ("summary", gettext_lazy("Trích yếu")),
        ("url", gettext_lazy("Địa chỉ")),
        ("files", gettext_lazy("Tệp")),
    )

    def get(self, request, *args, **kwargs):
        page = self.page()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="van-ban.csv"'
        response["Access-Control-Allow-Origin"] = "*"
        if page.has_next():
            response["Link"] = f'<{self.page_url(page.next_page_number())}>; rel="next"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([str(label) for _name, label in self.COLUMNS])
        for document in page:
            row = self.row(document)
            row.update(
                validity=Validity(row["validity"]).label,
                is_normative=_("Có") if row["is_normative"] else _("Không"),
                fields="; ".join(row["fields"]),
                files=" ".join(file["url"] for file in row["files"]),
                issued_on=_date(row["issued_on"]),
                effective_on=_date(row["effective_on"]),
                expires_on=_date(row["expires_on"]),
            )
            writer.writerow([row[name] for name, _label in self.COLUMNS])
        return response


def _date(value):
    """dd/mm/yyyy, as Vietnamese readers (and a Vietnamese Excel) read dates."""
    return value.strftime("%d/%m/%Y") if value else ""

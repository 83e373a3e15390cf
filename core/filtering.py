"""Public lists narrowed by a django-filter FilterSet that the reader fills in (documents, procedures)."""

from django.contrib import messages


class FilteredListMixin:
    """A ListView whose rows a reader narrows with ``filterset_class``; the page is named ``title``.

    A value the filter refuses becomes a message above the list, never a 500. A filtered variant is
    marked noindex: it repeats the plain list in endless combinations, none of a search engine's business.
    """

    filterset_class = None
    title = ""

    def filter_rows(self, rows):
        self.filterset = self.filterset_class(self.request.GET or None, queryset=rows, request=self.request)
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
            page_title=self.title,
            crumbs=[(self.title, "")],
        )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["filtered"]:
            response.headers.setdefault("X-Robots-Tag", "noindex")
        return response

"""Public pages of news and announcements, search, the staff preview and the editor's image upload."""

import hashlib
from functools import cache

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from articles import services
from articles.filters import ArticleFilter
from articles.forms import CommentForm
from articles.models import SEARCH_MAX_LENGTH, SEARCH_RESULT_LIMIT, Article, Category, search_terms
from core import generation
from core.limits import public_body_limit
from core.pagination import CountedOnceMixin
from core.robots import hidden_from_robots
from core.uploads import DatedUploadTo, reencode_image
from units import hosts


class PublicArticleMixin:
    """Every public list shows published articles only, with what a list card needs."""

    paginate_by = settings.ARTICLES_PAGE_SIZE
    template_name = "articles/article_list.html"

    def get_queryset(self):
        return Article.objects.of(self.request.unit).published().for_list().order_by("-published_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
        return context


class ArticleListView(CountedOnceMixin, PublicArticleMixin, ListView):
    """Tin tức: all news, newest first, filterable by category and dates."""

    def get_queryset(self):
        self.filterset = ArticleFilter(
            self.request.GET or None, queryset=super().get_queryset().news(), request=self.request
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            for errors in self.filterset.form.errors.values():
                for error in errors:
                    messages.error(self.request, error)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filter=self.filterset,
            page_title=_("Tin tức"),
            crumbs=[(_("Tin tức"), "")],
            feed_url="/rss/",
        )
        return context


class CategoryArticleListView(CountedOnceMixin, PublicArticleMixin, ListView):
    """One category's articles."""

    def get_queryset(self):
        self.category = get_object_or_404(Category.objects.of(self.request.unit), slug=self.kwargs["slug"])
        return super().get_queryset().in_category(self.category)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            category=self.category,
            page_title=self.category.name,
            crumbs=[(self.category.name, "")],
            feed_url=f"/rss/{self.category.slug}/",
        )
        return context


class AnnouncementListView(CountedOnceMixin, PublicArticleMixin, ListView):
    """Thông báo: every published announcement, also those past their “show until”."""

    def get_queryset(self):
        return super().get_queryset().announcements()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=_("Thông báo"), crumbs=[(_("Thông báo"), "")])
        return context


@method_decorator(hidden_from_robots, name="dispatch")
class SearchView(PublicArticleMixin, ListView):
    """Tìm kiếm: accent- and case-free, title hits first; any input answers normally.

    It searches the unit of the host; ``?pham-vi=tinh`` ("Tìm trong toàn tỉnh") searches the province
    and every unit below it, each result linking to its own page on its own unit's host.
    """

    template_name = "articles/search.html"
    PROVINCE_SCOPE = "tinh"

    def get_queryset(self):
        query = " ".join(self.request.GET.get("q", "").split())
        if len(query) > SEARCH_MAX_LENGTH:
            messages.info(
                self.request,
                _("Từ khóa quá dài nên chỉ %(limit)d ký tự đầu được dùng để tìm.") % {"limit": SEARCH_MAX_LENGTH},
            )
            query = query[:SEARCH_MAX_LENGTH]
        self.query = query
        self.province_wide = self.request.GET.get("pham-vi") == self.PROVINCE_SCOPE
        if not query:
            return Article.objects.none()
        if self.province_wide:
            unit_ids = hosts.province_family_ids(self.request.unit)
            articles = Article.objects.of_units(unit_ids).published().for_list().select_related("unit")
            scope = "province:" + ",".join(map(str, unit_ids))
        else:
            articles = Article.objects.of(self.request.unit).published().for_list()
            scope = f"unit:{self.request.unit.pk}"
        return articles.search(query, ranking=self.shared_ranking(articles, query, scope))

    def shared_ranking(self, articles, query, scope):
        """The ranking of a search, shared by every server until something is published or saved.

        When news breaks, thousands of readers search the same few words, and each reader pages
        through the results: the scan for the matches (the costly part) runs once for all of them.
        """
        words = "\x1f".join(search_terms(query))
        key = "search:" + hashlib.sha256(f"{scope}\x1e{words}".encode()).hexdigest()
        return generation.shared(key, lambda: articles.search_ranking(query), seconds=settings.SEARCH_CACHE_SECONDS)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.province_wide:
            for article in context["page_obj"] or ():
                # Another unit's article lives on its own host: link to its one canonical page there.
                article.public_url = article.unit.url(article.get_absolute_url(), self.request)
                article.category_public_url = article.unit.url(article.category.get_absolute_url(), self.request)
        other_scope = self.request.GET.copy()
        other_scope.pop("page", None)
        if self.province_wide:
            other_scope.pop("pham-vi", None)
        else:
            other_scope["pham-vi"] = self.PROVINCE_SCOPE
        context.update(
            query=self.query,
            province_wide=self.province_wide,
            other_scope_url=f"?{other_scope.urlencode()}",
            result_limit=SEARCH_RESULT_LIMIT,
            crumbs=[(_("Tìm kiếm"), "")],
        )
        return context


# The id of the comments section, where a reader who sent one comes back and reads the thanks.
COMMENTS = "nhan-xet"


@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(public_body_limit, name="post")
class ArticleDetailView(DetailView):
    """The article page; a POST adds a reader's comment that waits for moderation.

    The comment form carries no CSRF token, so that the page is the same for every anonymous
    reader and can come from the page cache. CSRF protects what a logged-in victim may do; a
    forged post here could only do what anyone may do directly: leave an anonymous comment that
    waits for moderation, within the rate limit.
    """

    def get_queryset(self):
        return Article.objects.of(self.request.unit).published().for_page().select_related("category", "unit")

    def get_object(self, queryset=None):
        """The published article, kept in this process for the content generation like the page's fragments.

        A page drawn again before anything changes (its page cache entry expired, or another process
        draws it) reads no row: the article's content comes from its fragments, the article from here.
        A missing or unpublished article is never kept, so it is looked up again each time.
        """
        slug = hashlib.md5(self.kwargs["slug"].encode(), usedforsecurity=False).hexdigest()
        return generation.shared(
            f"article-page:{self.request.unit.pk}:{slug}",
            lambda: super(ArticleDetailView, self).get_object(queryset),
            seconds=generation.PROCESS_SECONDS,
            using=generation.process_cache(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The blank form is drawn once per content generation (comment_form.html): made only if drawn.
        context.setdefault("comment_form", SimpleLazyObject(lambda: CommentForm(unit=self.request.unit)))
        # Callables, as in the site's context: drawn only inside the page's fragments, so a page whose
        # fragments are kept computes none of them.
        context.update(
            share_url=cache(self.share_url),
            image_url=cache(self.image_url),
            structured_data=self.structured_data,
            crumbs=self.crumbs,
        )
        return context

    def share_url(self):
        return self.request.build_absolute_uri(self.object.get_absolute_url())

    def image_url(self):
        """Absolute whether the image is on this server or in an object store (build_absolute_uri keeps those)."""
        return self.request.build_absolute_uri(self.object.image_for_page.url) if self.object.image else ""

    def crumbs(self):
        return [(self.object.category.name, self.object.category.get_absolute_url()), (self.object.title, "")]

    def structured_data(self):
        """schema.org NewsArticle, so that search engines and Zalo/Facebook previews read the article right."""
        article = self.object
        url, image_url = self.share_url(), self.image_url()
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title[:110],
            "description": article.lead,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": article.published_at,
            "dateModified": article.updated_at,
            "articleSection": article.category.name,
            "inLanguage": "vi",
            "publisher": {"@type": "GovernmentOrganization", "name": article.unit.name},
        }
        if article.author:
            data["author"] = {"@type": "Person", "name": article.author}
        if image_url:
            data["image"] = image_url
        return data

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = CommentForm(request.POST, unit=request.unit)
        if form.is_valid():
            if services.comment_rate_exceeded(request):
                form.add_error(
                    None,
                    _("Bạn đã gửi quá nhiều nhận xét trong thời gian ngắn. Vui lòng thử lại sau ít phút."),
                )
            else:
                services.add_comment(
                    article=self.object,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    body=form.cleaned_data["body"],
                )
                # Shown beside the comments the reader is sent back to (includes/messages.html).
                messages.success(
                    request, _("Cảm ơn bạn. Nhận xét sẽ hiện sau khi được Ban biên tập duyệt."), extra_tags=COMMENTS
                )
                return redirect(f"{self.object.get_absolute_url()}#{COMMENTS}")
        return self.render_to_response(self.get_context_data(comment_form=form, comment_refused=True), status=400)


@method_decorator(hidden_from_robots, name="dispatch")
@method_decorator(staff_member_required, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Staff see a draft as it will look on the site; nothing is counted or posted.

    Only those who may edit or publish the article see it: a draft is not for every staff member,
    and a number in the address is no secret. To the others it does not exist (404).
    """

    def get_queryset(self):
        # This unit's articles only: another unit's number in the address is a 404, as on its list.
        return Article.objects.of(self.request.unit).for_page().select_related("category", "unit")

    def get_object(self, queryset=None):
        article = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if not (services.can_publish(self.request.user) or services.can_edit(self.request.user, article)):
            raise Http404
        return article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = True
        return context

    def post(self, request, *args, **kwargs):
        return redirect(request.path)


_editor_upload_to = DatedUploadTo("editor")


@hidden_from_robots
@require_POST
@staff_member_required
def editor_image_upload(request):
    """CKEditor 5's image upload: decoded with Pillow, re-encoded without EXIF, stored safely.

    For those who write articles in this unit (roles count per unit: accounts.permissions).
    """
    if not (request.user.has_perm("articles.add_article") or request.user.has_perm("articles.change_article")):
        return JsonResponse({"error": {"message": _("Bạn không có quyền tải ảnh lên ở đơn vị này.")}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("Không nhận được tệp ảnh.")}}, status=400)
    try:
        image = reencode_image(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    name = default_storage.save(_editor_upload_to(None, image.name), image)
    return JsonResponse({"url": default_storage.url(name)})

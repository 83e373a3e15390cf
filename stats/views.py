"""The counting beacon, and the satisfaction answer: a plain form POST that comes back to the page with a message."""

import logging

from csp.decorators import csp_exempt
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.limits import public_body_limit
from core.robots import hidden_from_robots
from stats import beacon as beacon_rules
from stats import services
from stats.forms import FeedbackForm
from stats.pages import public_object

logger = logging.getLogger(__name__)
# The id of the rating box: the reader comes back to it and reads the answer there (includes/messages.html).
RATING = "danh-gia"


@method_decorator(hidden_from_robots, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(public_body_limit, name="post")
class FeedbackView(View):
    """Records “Có”/“Không” and an optional comment, once per visitor, page and day (services.answer_feedback).

    No CSRF token, like the article's comment form: the answer is anonymous, so a forged post can
    do nothing that anyone could not do directly, and pages carrying the form stay cacheable.
    """

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = FeedbackForm(request.POST)
        obj = public_object(request.POST.get("target", ""), unit=request.unit)
        if obj is None:
            messages.error(request, _("Không tìm thấy trang bạn muốn đánh giá."))
            return redirect("/")
        back = f"{obj.get_absolute_url()}#{RATING}"
        if request.unit.archived:  # its pages stay online to be read; it takes no new ratings
            messages.error(
                request, _("Cổng thông tin này chỉ còn lưu trữ nên không nhận đánh giá mới."), extra_tags=RATING
            )
            return redirect(back)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error, extra_tags=RATING)
            return redirect(back)
        useful, comment = form.cleaned_data["useful"], form.cleaned_data["comment"].strip()
        answer = services.answer_feedback(request=request, obj=obj, useful=useful, comment=comment)
        if answer is services.Answer.REFUSED:
            # The same words for an agent no browser sends as for too many answers: nothing to learn from.
            messages.warning(
                request,
                _("Bạn đã gửi quá nhiều đánh giá trong thời gian ngắn. Vui lòng thử lại sau."),
                extra_tags=RATING,
            )
        elif answer is services.Answer.ALREADY_GIVEN:
            messages.info(request, _("Bạn đã đánh giá trang này hôm nay. Cảm ơn bạn!"), extra_tags=RATING)
        elif comment:
            messages.success(
                request, _("Cảm ơn bạn đã đánh giá. Góp ý của bạn sẽ được Ban biên tập xem xét."), extra_tags=RATING
            )
        else:
            messages.success(request, _("Cảm ơn bạn đã đánh giá."), extra_tags=RATING)
        return redirect(back)


# A transparent 1×1 GIF: the answer to the <noscript> image of pages read without JavaScript.
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


@hidden_from_robots
@csp_exempt()  # a JSON answer or a pixel, never a document a policy could protect
@csrf_exempt
@require_http_methods(["GET", "POST"])
def beacon(request):
    """Count the page a reader sees (called by the page's script, or its <noscript> image); answer its unit's figures.

    Never cached, by the portal or anyone in between; no CSRF token, like the other anonymous
    forms: a forged call can only count a view that anyone may make by opening the page.
    """
    counted = None
    if beacon_rules.countable(request):
        try:
            counted = services.count_view(request, unit=request.unit, article=beacon_rules.article_of(request))
        except Exception:
            logger.exception("Visitor statistics: a view could not be counted")
    if request.method == "GET" and wants_image(request):
        response = HttpResponse(PIXEL, content_type="image/gif")
    else:
        views = counted.views if counted is not None else None
        response = JsonResponse({"figures": services.current_figures(request.unit), "views": views})
    add_never_cache_headers(response)
    return response


def wants_image(request) -> bool:
    """The <noscript> image asks for a picture; the script asks for the figures."""
    if request.META.get("HTTP_SEC_FETCH_DEST", "") == "image":
        return True
    return request.META.get("HTTP_ACCEPT", "")[:256].startswith("image/")

"""The satisfaction answer: a plain form POST that comes back to the page with a message."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from core.robots import hidden_from_robots
from stats import services
from stats.forms import FeedbackForm
from stats.pages import public_object


@method_decorator(hidden_from_robots, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class FeedbackView(View):
    """Records “Có”/“Không” and an optional comment, once per visitor, page and day.

    No CSRF token, like the article's comment form: the answer is anonymous, so a forged post can
    do nothing that anyone could not do directly, and pages carrying the form stay cacheable.
    """

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = FeedbackForm(request.POST)
        obj = public_object(request.POST.get("target", ""))
        if obj is None:
            messages.error(request, _("Không tìm thấy trang bạn muốn đánh giá."))
            return redirect("/")
        back = obj.get_absolute_url() + "#danh-gia"
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(back)
        day = timezone.localdate()
        visitor = services.request_visitor(request, day=day)
        if services.rating_rate_exceeded(visitor=visitor):
            messages.warning(request, _("Bạn đã gửi quá nhiều đánh giá trong thời gian ngắn. Vui lòng thử lại sau."))
            return redirect(back)
        feedback = services.add_feedback(
            obj=obj,
            visitor=visitor,
            useful=form.cleaned_data["useful"],
            comment=form.cleaned_data["comment"].strip(),
            day=day,
        )
        if feedback is None:
            messages.info(request, _("Bạn đã đánh giá trang này hôm nay. Cảm ơn bạn!"))
        elif feedback.comment:
            messages.success(request, _("Cảm ơn bạn đã đánh giá. Góp ý của bạn sẽ được Ban biên tập xem xét."))
        else:
            messages.success(request, _("Cảm ơn bạn đã đánh giá."))
        return redirect(back)

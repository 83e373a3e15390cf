"""A new account, or one whose password an administrator reset, must choose its own password first."""

from django.shortcuts import redirect
from django.urls import reverse

from accounts.models import Profile
from accounts.sessions import staff_member


class PasswordChangeRequiredMiddleware:
    """Send staff flagged ``must_change_password`` to the password form until they have used it.

    The flag is cleared on the “password changed” page, the one place a user lands after choosing
    a new password of their own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = staff_member(request)
        if user is not None:
            change_url, done_url = reverse("admin:password_change"), reverse("admin:password_change_done")
            if request.path == done_url:
                Profile.objects.filter(user=user).update(must_change_password=False)
            elif request.path not in (change_url, reverse("admin:logout")) and self._must_change(user):
                return redirect(change_url)
        return self.get_response(request)

    @staticmethod
    def _must_change(user):
        return Profile.objects.filter(user=user, must_change_password=True).exists()

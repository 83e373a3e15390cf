"""Two-factor sign-in for staff (django-otp): who must use it, enrolling an app, checking a code.

The password is the first factor and is checked by the admin's own log-in (so django-axes still
throttles it); the second is a six-digit code from an authenticator app (TOTP), or one of ten
recovery codes for the day the phone is lost, each good once. Until the code is given the session
is only half logged in: ``TwoFactorRequiredMiddleware`` lets it reach nothing but these pages.
"""

import base64
from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles
from accounts.models import Membership

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = _("Ứng dụng xác thực")
RECOVERY_DEVICE_NAME = _("Mã dự phòng")


def required_roles():
    """The roles whose members must use a second factor: administrators always, others by OTP_REQUIRED_ROLES."""
    keys = {roles.ADMINISTRATOR.key, *settings.OTP_REQUIRED_ROLES}
    return [role for role in roles.ROLES if role.key in keys]


def required_for(user):
    """Whether ``user`` must have a second factor; a superuser can do all an administrator can, so must too."""
    if user.is_superuser:
        return True
    # In any unit: the session and the second factor are the account's, whichever host it logs in on.
    names = [role.group_name for role in required_roles()]
    return Membership.objects.filter(user=user, role__name__in=names).exists()


def has_device(user):
    """Whether ``user`` has enrolled (an app or recovery codes): they are then always asked for a code."""
    return user_has_device(user, confirmed=True)


def pending_app(*, user):
    """The app being enrolled: the same secret until it is confirmed, so a reload shows the same QR code."""
    pending = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return pending or TOTPDevice.objects.create(user=user, name=str(APP_DEVICE_NAME), confirmed=False)


@transaction.atomic
def confirm_app(*, user, code):
    """Confirm the pending app with a code it shows; returns it and new recovery codes, or None for a wrong code.

    It replaces any app and recovery codes enrolled before (a new phone), and the codes are returned
    only here: the database keeps them, but no page shows them again.
    """
    app = TOTPDevice.objects.devices_for_user(user, confirmed=False).select_for_update().first()
    if app is None or not app.verify_token(code):
        return None
    TOTPDevice.objects.devices_for_user(user).exclude(pk=app.pk).delete()
    app.confirmed = True
    app.save(update_fields=["confirmed"])
    StaticDevice.objects.devices_for_user(user).delete()
    recovery = StaticDevice.objects.create(user=user, name=str(RECOVERY_DEVICE_NAME))
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=token) for token in codes)
    return app, codes


def matching_device(*, user, code):
    """The device of ``user`` that accepts ``code`` (a recovery code is then spent), or None.

    Each device slows down its own guessing: after a wrong code it refuses every code for 1, 2, 4…
    seconds (django-otp's throttling), which makes the million codes unguessable online.
    """
    for device in devices_for_user(user):
        if verify_token(user, device.persistent_id, code):
            return device
    return None


def forget_devices(user):
    """Remove every second factor of ``user`` (a lost phone): they enrol again at the next log-in."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()


def qr_code(text):
    """``text`` as a QR code in an SVG ``data:`` URL: drawn here, so the page loads nothing from elsewhere."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def secret_for_typing(app):
    """The app's secret in base32 groups of four, for a phone that cannot scan the QR code."""
    secret = base64.b32encode(app.bin_key).decode().rstrip("=")
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def page_then(name, target):
    """The address of the two-factor page ``name`` that goes on to ``target`` once done."""
    return f"{reverse(f'accounts:{name}')}?{urlencode({'next': target})}"

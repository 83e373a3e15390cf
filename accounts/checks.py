"""Settings of the accounts app that must be right before the portal serves anyone."""

from django.conf import settings
from django.core import checks

from accounts import roles


@checks.register(checks.Tags.security)
def check_two_factor_roles(app_configs, **kwargs):
    """A misspelt role in OTP_REQUIRED_ROLES would silently leave that role with one factor."""
    known = {role.key for role in roles.ROLES}
    unknown = sorted(set(settings.OTP_REQUIRED_ROLES) - known)
    if not unknown:
        return []
    return [
        checks.Error(
            f"OTP_REQUIRED_ROLES names unknown roles: {', '.join(unknown)}.",
            hint=f"Use the keys of accounts/roles.py: {', '.join(sorted(known))}.",
            id="accounts.E001",
        )
    ]

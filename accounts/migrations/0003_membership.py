"""Roles are held in a unit: one membership (account, unit, role) per unit an account works for."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_audit_profile"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("units", "0002_the_single_unit_of_an_existing_portal"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Membership",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "role",
                    models.ForeignKey(
                        help_text="Quyền của tài khoản trong đơn vị này đến từ vai trò.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="memberships",
                        to="auth.group",
                        verbose_name="vai trò",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="tài khoản",
                    ),
                ),
            ],
            options={
                "verbose_name": "vai trò trong đơn vị",
                "verbose_name_plural": "vai trò trong đơn vị",
                "ordering": ["unit__name", "user__username"],
                "constraints": [
                    models.UniqueConstraint(
                        models.F("user"), models.F("unit"), name="accounts_membership_one_role_per_unit"
                    )
                ],
            },
        ),
    ]

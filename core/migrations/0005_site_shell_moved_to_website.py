"""The site shell's models now belong to the website app (its 0001): core forgets them, their tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_protected_files_clean_images"),
        ("website", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="MaintenanceNotice",
                ),
                migrations.RemoveField(
                    model_name="sitesettings",
                    name="featured_category",
                ),
                migrations.DeleteModel(
                    name="MenuItem",
                ),
                migrations.DeleteModel(
                    name="Page",
                ),
                migrations.DeleteModel(
                    name="SiteSettings",
                ),
            ],
            database_operations=[],
        ),
    ]

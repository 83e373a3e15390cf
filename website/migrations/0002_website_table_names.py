"""The tables taken over from core get this app's names (website_page…), as Django would have named them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_site_shell_moved_to_website"),
        ("website", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None)
        for name in ["sitesettings", "page", "menuitem", "maintenancenotice"]
    ]

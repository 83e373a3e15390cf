from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_papers_become_documents"),
    ]

    operations = [
        migrations.DeleteModel(name="Document"),
    ]

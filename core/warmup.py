"""Work done once in the gunicorn master so that no reader waits for it in a fresh worker."""

from pathlib import Path

from django.conf import settings
from django.template import engines


def load_templates():
    """Parse every project template into the cached loader (what the first page of a worker would do)."""
    engine = engines["django"].engine
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(folder).rglob("*.html")):
            engine.get_template(path.relative_to(folder).as_posix())

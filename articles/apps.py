from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Tin bài")

    def ready(self):
        from core import generation

        generation.track_content(*self.get_models())
        generation.register_deadline(seconds_until_next_publication)


def seconds_until_next_publication(content_generation):
    """Seconds until a scheduled article appears by itself: no cached copy may outlive that moment.

    Read from the database once per content generation: scheduling or publishing starts a new one.
    """
    from django.core.cache import cache
    from django.utils import timezone

    from articles.models import Article

    key = f"next-publication:{content_generation}"
    due = cache.get(key)
    if due is None:
        due = Article.objects.next_publication_time() or 0
        cache.set(key, due, timeout=60)
    return (due - timezone.now()).total_seconds() if due else None

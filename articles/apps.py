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

    Read from the database once per content generation (scheduling or publishing starts a new one)
    and kept beside the page's fragments, which ask it on every page.
    """
    from django.utils import timezone

    from articles.models import Article
    from core import generation

    key = f"next-publication:{content_generation}"
    kept = generation.process_cache()
    due = kept.get(key)
    if due is None:
        due = Article.objects.next_publication_time() or 0
        kept.set(key, due, timeout=60)
    return (due - timezone.now()).total_seconds() if due else None

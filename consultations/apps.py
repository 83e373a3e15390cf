from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Lấy ý kiến")

    def ready(self):
        from core import generation

        generation.track_content(*self.get_models())
        generation.register_deadline(seconds_until_next_change)


def seconds_until_next_change(content_generation):
    """Seconds until a consultation opens, closes or shows its report by itself: no cached page outlives that.

    Read once per content generation and kept beside the fragments, as articles do for scheduled news.
    """
    from django.utils import timezone

    from consultations.models import Consultation
    from core import generation

    key = f"next-consultation-change:{content_generation}"
    kept = generation.process_cache()
    due = kept.get(key)
    if due is None:
        due = Consultation.objects.next_change_time() or 0
        kept.set(key, due, timeout=60)
    return (due - timezone.now()).total_seconds() if due else None

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    """Hỏi đáp: citizens' questions, answered by the unit's offices and published by its editor-in-chief."""

    name = "questions"
    verbose_name = _("Hỏi đáp")

    def ready(self):
        from core import generation
        from questions.models import Office, Question

        # Holidays change no page; a new question changes none either until published, but is rare.
        generation.track_content(Office, Question)

"""Model fields shared by the apps."""

from django.db import models
from django_ckeditor_5.fields import CKEditor5Field

from core.html import sanitize_html
from core.text import nfc


class NFCMixin:
    """Store the text in Unicode NFC, so that search and slugs only ever see one form."""

    def pre_save(self, model_instance, add):
        value = self.clean_stored_text(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def clean_stored_text(self, value):
        return nfc(value)


class NFCCharField(NFCMixin, models.CharField):
    """A CharField stored in NFC."""


class NFCTextField(NFCMixin, models.TextField):
    """A TextField stored in NFC."""


class RichTextField(NFCMixin, CKEditor5Field):
    """Rich text edited with CKEditor 5, stored in NFC and sanitized (core.html) on every save."""

    def clean_stored_text(self, value):
        return sanitize_html(nfc(value))

"""Model fields shared by the apps."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django_ckeditor_5.fields import CKEditor5Field

from core.html import sanitize_html
from core.text import nfc
from core.uploads import reencode_image, validate_image


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


class CleanImageFormField(forms.ImageField):
    """An image form field whose new uploads come out re-encoded, without comments, EXIF or XMP."""

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        return reencode_image(value) if isinstance(value, UploadedFile) else value


class CleanImageField(models.ImageField):
    """An ImageField checked by Pillow (core/uploads.py) and stored re-encoded without metadata."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [validate_image])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CleanImageFormField, **kwargs})

"""Checks and storage rules for every uploaded file (images and documents).

Images are decoded with Pillow, so a renamed non-image, an SVG or a decompression
bomb is refused, then re-encoded without EXIF data (no GPS position leaks). Documents
are recognised by their content, not only by their name.
"""

import io
import os
import secrets
import warnings
import zipfile
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core.text import slugify_vi

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
MAX_IMAGE_PIXELS = 40_000_000

DOCUMENT_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "odp", "ppt", "pptx")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}


def _check_size(upload, limit_mb):
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("Tệp quá lớn (%(size).1f MB). Giới hạn là %(limit)d MB."),
            params={"size": upload.size / 1024 / 1024, "limit": limit_mb},
            code="too_large",
        )


def open_image(upload):
    """Decode an uploaded image fully with Pillow, refusing anything that is not a safe raster."""
    _check_size(upload, settings.MAX_IMAGE_UPLOAD_MB)
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in IMAGE_FORMATS:
                raise ValidationError(
                    _("Định dạng ảnh không được hỗ trợ. Hãy dùng JPEG, PNG, GIF hoặc WebP."),
                    code="image_format",
                )
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise Image.DecompressionBombError
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Ảnh có kích thước điểm ảnh quá lớn (tối đa %(limit)s triệu điểm ảnh)."),
            params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
            code="image_bomb",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("Tệp tải lên không phải là ảnh hợp lệ (chỉ nhận JPEG, PNG, GIF, WebP; không nhận SVG)."),
            code="not_an_image",
        ) from None
    finally:
        upload.seek(0)
    return image


def validate_image(upload):
    """Form/model validator: the upload must decode as a raster image within the limits."""
    open_image(upload)


def reencode_image(upload):
    """Return the image re-encoded in its own format, upright and without any metadata."""
    image = open_image(upload)
    fmt = image.format
    image = ImageOps.exif_transpose(image)
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    options = {"quality": 85, "optimize": True} if fmt in ("JPEG", "WEBP") else {}
    image.save(out, format=fmt, **options)
    stem = os.path.splitext(os.path.basename(upload.name))[0]
    return ContentFile(out.getvalue(), name=f"{stem}.{IMAGE_FORMATS[fmt]}")


def detect_document_type(upload):
    """Return the extension that the file's content shows it to be, or ``None``."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == _OLE2:
        return "ole2"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
                if "mimetype" in names:
                    mimetype = archive.read("mimetype").strip()
                    return next((ext for ext, mt in _ODF_MIMETYPES.items() if mt == mimetype), None)
                return next(
                    (ext for ext, part in _OOXML_PARTS.items() if any(n.startswith(part) for n in names)),
                    None,
                )
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
    return None


def validate_document(upload):
    """Accept PDF, Word, Excel, PowerPoint and OpenDocument files whose content matches their name."""
    _check_size(upload, settings.MAX_DOCUMENT_UPLOAD_MB)
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("Chỉ nhận tài liệu PDF, Word, Excel, PowerPoint hoặc OpenDocument (%(types)s)."),
            params={"types": ", ".join(DOCUMENT_EXTENSIONS)},
            code="document_type",
        )
    detected = detect_document_type(upload)
    legacy_office = detected == "ole2" and extension in ("doc", "xls", "ppt")
    if detected != extension and not legacy_office:
        raise ValidationError(
            _("Nội dung tệp không khớp với phần mở rộng .%(ext)s: tệp có thể bị đổi tên hoặc hỏng."),
            params={"ext": extension},
            code="document_content",
        )


def safe_filename(name):
    """A storable file name: transliterated, no path, a random suffix so names never collide."""
    stem, extension = os.path.splitext(os.path.basename(name.replace("\\", "/")))
    stem = slugify_vi(stem, max_length=60) or "tep"
    extension = "".join(c for c in extension.lower() if c.isalnum() or c == ".")[:6]
    return f"{stem}-{secrets.token_hex(4)}{extension}"


@deconstructible
class DatedUploadTo:
    """An ``upload_to`` for models: ``folder/2026/11/safe-name-1a2b3c4d.pdf``."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        today = timezone.localdate()
        return f"{self.folder}/{today:%Y/%m}/{safe_filename(filename)}"

    def __eq__(self, other):
        return isinstance(other, DatedUploadTo) and other.folder == self.folder


@contextmanager
def files_removed_on_failure(instance):
    """Delete the files stored for ``instance`` inside the block if the block fails.

    A failure after a file reached the disk (a full disk while writing the renditions, a database
    error) rolls the row back; without this the file would stay behind as an orphan.
    """
    fields = [field for field in instance._meta.concrete_fields if isinstance(field, models.FileField)]
    before = {field.name: getattr(instance, field.name).name for field in fields}
    try:
        yield
    except BaseException:
        for field in fields:
            stored = getattr(instance, field.name)
            if stored.name and stored.name != before[field.name]:
                stored.storage.delete(stored.name)
        raise

"""Checks and storage rules for every uploaded file (images and documents).

Images are decoded with Pillow, so a renamed non-image, an SVG or a decompression
bomb is refused, then re-encoded without EXIF, XMP or comments (no GPS position, no hidden
text). Documents are recognised by their content, not only by their name: Office and
OpenDocument files are opened as the ZIP archives they are (never unpacked to disk), PDFs
are walked with pypdf and refused when they carry scripts, launch actions or embedded files.
"""

import io
import os
import posixpath
import re
import secrets
import warnings
import zipfile
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from core.text import slugify_vi

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
MAX_IMAGE_PIXELS = 40_000_000

DOCUMENT_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
DOCUMENT_EXTENSIONS = tuple(DOCUMENT_CONTENT_TYPES)
# Random bytes in every stored name: 128 bits, beyond guessing.
UNGUESSABLE_BYTES = 16
_UNGUESSABLE_NAME = re.compile(rf"^[0-9a-f]{{{2 * UNGUESSABLE_BYTES}}}-")
# The short random suffix names had before (``bien-ban-1a2b3c4d``), dropped when a file is renamed.
_LEGACY_SUFFIX = re.compile(r"-[0-9a-f]{8}$")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The part every Office file of the type has, beside [Content_Types].xml.
_OOXML_MAIN_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
_ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Real Office files unpack to some tens of times their size at most; zip bombs to far more.
MAX_COMPRESSION_RATIO = 100
MAX_ARCHIVE_MEMBERS = 10_000
# What a PDF viewer runs or opens by itself: scripts, programs, other files, forms that send data.
_PDF_ACTIVE_ACTIONS = {"/ImportData", "/SubmitForm", "/GoToE", "/RichMediaExecute", "/Rendition", "/Movie", "/Sound"}
_PDF_ACTIVE_KEYS = {"/RichMedia", "/XFA"}
_PDF_ACTIVE_SUBTYPES = {"/RichMedia", "/Movie", "/Sound", "/Screen"}
_PDF_INERT_KEYS = {"/Parent", "/P", "/Resources", "/Contents", "/AP", "/Thumb", "/Metadata", "/StructTreeRoot"}
# Markup that makes a browser, sniffing the first bytes, take a file for a web page.
_HTML_MARKERS = (b"<html", b"<script", b"<!doctype", b"<head", b"<body", b"<iframe", b"<svg", b"<meta")
_HTML_SNIFF_BYTES = 1024
# Image metadata Pillow reads back into ``info``: none of it may survive the re-encoding.
_IMAGE_METADATA_KEYS = {"comment", "exif", "xmp", "XML:com.adobe.xmp", "photoshop"}
_IMAGE_METADATA_BYTES = (b"Exif\x00\x00", b"http://ns.adobe.com/xap/1.0/", b"<x:xmpmeta")
# JPEG segments that hold comments, EXIF/XMP (APP1) or IPTC captions (APP13).
_JPEG_METADATA_SEGMENTS = {"COM", "APP1", "APP13"}
# What the re-encoded image keeps from the original's ``info``: the palette's transparent colour.
_KEPT_IMAGE_INFO = ("transparency",)


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
    """Return the image re-encoded in its own format, upright and without any metadata.

    Pillow writes a JPEG's or GIF's comment back unless ``info`` loses it, so the new image keeps
    only its transparency; the bytes written are then read back to prove that nothing slipped through.
    """
    image = open_image(upload)
    fmt = image.format
    image = ImageOps.exif_transpose(image)
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.info = {key: image.info[key] for key in _KEPT_IMAGE_INFO if key in image.info}
    out = io.BytesIO()
    options = {"quality": 85, "optimize": True} if fmt in ("JPEG", "WEBP") else {}
    image.save(out, format=fmt, **options)
    _check_no_metadata(out.getvalue())
    stem = os.path.splitext(os.path.basename(upload.name))[0]
    return ContentFile(out.getvalue(), name=f"{stem}.{IMAGE_FORMATS[fmt]}")


def _check_no_metadata(data):
    """Refuse to store re-encoded bytes that still hold a comment, EXIF or XMP."""
    written = Image.open(io.BytesIO(data))
    segments = {marker for marker, _content in getattr(written, "applist", [])}
    if (
        _IMAGE_METADATA_KEYS & written.info.keys()
        or _JPEG_METADATA_SEGMENTS & segments
        or getattr(written, "text", None)
        or any(marker in data for marker in _IMAGE_METADATA_BYTES)
    ):
        raise ValidationError(
            _("Không xóa được siêu dữ liệu (EXIF, XMP, chú thích) khỏi ảnh. Hãy lưu ảnh lại rồi tải lên."),
            code="image_metadata",
        )


def _refuse(message, code, **params):
    raise ValidationError(message, params=params or None, code=code)


def detect_document_type(upload):
    """Return the type the file's first bytes show (``pdf``, ``ole2``, ``zip``), or ``None``."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == _OLE2:
        return "ole2"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def check_archive(upload, extension):
    """An Office or OpenDocument file must be a sane ZIP with the parts of its type.

    Only the central directory and the few bytes of ``mimetype`` are read: nothing is unpacked, so a
    zip bomb costs nothing. Its declared sizes give it away (too big in all, or compressed too well);
    sizes that lie downwards do no harm, since no member is ever decompressed beyond them.
    """
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            _check_unpacked_size(members, upload.size)
            names = {member.filename for member in members}
            if extension in _ODF_MIMETYPES:
                has_parts = "mimetype" in names and "content.xml" in names
                has_parts = has_parts and archive.open("mimetype").read(100).strip() == _ODF_MIMETYPES[extension]
            else:
                has_parts = {"[Content_Types].xml", _OOXML_MAIN_PARTS[extension]} <= names
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError):
        has_parts = False
    finally:
        upload.seek(0)
    if not has_parts:
        _refuse(
            _("Tệp .%(ext)s này không phải là tài liệu Office/OpenDocument hợp lệ: tệp có thể bị đổi tên hoặc hỏng."),
            "document_content",
            ext=extension,
        )


def _check_unpacked_size(members, packed_size):
    unpacked = sum(member.file_size for member in members)
    limit_mb = settings.MAX_DOCUMENT_UNPACKED_MB
    if (
        len(members) > MAX_ARCHIVE_MEMBERS
        or unpacked > limit_mb * 1024 * 1024
        or unpacked > MAX_COMPRESSION_RATIO * max(packed_size, 1)
    ):
        _refuse(
            _(
                "Tệp nén bất thường: khi giải nén sẽ chiếm %(size).0f MB (tối đa %(limit)d MB, "
                "không quá %(ratio)d lần kích thước tệp). Tệp có thể là “bom nén”."
            ),
            "zip_bomb",
            size=unpacked / 1024 / 1024,
            limit=limit_mb,
            ratio=MAX_COMPRESSION_RATIO,
        )


def check_pdf(upload):
    """Refuse a PDF that is also a web page, or that runs scripts, programs or embedded files."""
    upload.seek(0)
    head = upload.read(_HTML_SNIFF_BYTES).lower()
    if any(marker in head for marker in _HTML_MARKERS):
        _refuse(_("Tệp PDF có chứa mã HTML ở phần đầu (tệp “đa định dạng”), không được nhận."), "pdf_polyglot")
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            _refuse(_("Tệp PDF được đặt mật khẩu mở: hãy gỡ mật khẩu rồi tải lên lại."), "pdf_encrypted")
        active = _pdf_active_content(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError, OSError):
        _refuse(_("Tệp PDF bị hỏng, không đọc được."), "pdf_damaged")
    finally:
        upload.seek(0)
    if active:
        _refuse(
            _(
                "Tệp PDF có chứa %(what)s, có thể tự chạy trên máy người đọc nên không được nhận. "
                "Hãy in lại thành PDF (Microsoft Print to PDF, “Lưu dưới dạng PDF”) rồi tải lên."
            ),
            "pdf_active",
            what=active,
        )


def _pdf_active_content(reader):
    """Name what the PDF would run or open by itself, or ``None``.

    Every object reachable from the trailer is looked at, except below the keys that hold only what
    is drawn (fonts, images, page contents, appearances, the tag tree): they make most of a PDF's
    objects, and pypdf parses each one in Python, while no viewer finds an action there.
    """
    seen = set()
    stack = [reader.trailer]
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if (node.idnum, node.generation) in seen:
                continue
            seen.add((node.idnum, node.generation))
            stack.append(node.get_object())
        elif isinstance(node, DictionaryObject):
            found = _pdf_active_entry(node)
            if found:
                return found
            stack.extend(value for key, value in node.items() if key not in _PDF_INERT_KEYS)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return None


def _pdf_value(entry, key):
    """The value at ``key``, followed when given by reference, as a viewer follows it."""
    value = entry.get(key)
    return None if value is None else value.get_object()


def _pdf_active_entry(entry):
    action, subtype = _pdf_value(entry, "/S"), _pdf_value(entry, "/Subtype")
    if action == "/JavaScript" or {"/JS", "/JavaScript"} & entry.keys():
        return _("mã JavaScript")
    if action == "/Launch":
        return _("lệnh mở chương trình hoặc tệp khác (Launch)")
    if {"/EmbeddedFiles", "/EmbeddedFile", "/EF"} & entry.keys() or subtype == "/FileAttachment":
        return _("tệp nhúng bên trong")
    if action in _PDF_ACTIVE_ACTIONS or _PDF_ACTIVE_KEYS & entry.keys() or subtype in _PDF_ACTIVE_SUBTYPES:
        return _("hành động tự chạy, biểu mẫu gửi dữ liệu hoặc nội dung đa phương tiện")
    return None


def validate_document(upload):
    """Accept PDF, Word, Excel, PowerPoint and OpenDocument files whose content matches their name."""
    _check_size(upload, settings.MAX_DOCUMENT_UPLOAD_MB)
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension not in DOCUMENT_EXTENSIONS:
        _refuse(
            _("Chỉ nhận tài liệu PDF, Word, Excel, PowerPoint hoặc OpenDocument (%(types)s)."),
            "document_type",
            types=", ".join(DOCUMENT_EXTENSIONS),
        )
    expected = {"pdf": "pdf", "doc": "ole2", "xls": "ole2", "ppt": "ole2"}.get(extension, "zip")
    if detect_document_type(upload) != expected:
        _refuse(
            _("Nội dung tệp không khớp với phần mở rộng .%(ext)s: tệp có thể bị đổi tên hoặc hỏng."),
            "document_content",
            ext=extension,
        )
    if expected == "pdf":
        check_pdf(upload)
    elif expected == "zip":
        check_archive(upload, extension)


def safe_filename(name):
    """A storable file name that nobody can guess: 128 random bits, then the transliterated name, no path.

    Files of unpublished content are only refused by the protected-file view, but a name that can be
    guessed would still leak public images before their article is out; the random part also means
    names never collide.
    """
    stem, extension = os.path.splitext(os.path.basename(name.replace("\\", "/")))
    stem = slugify_vi(_LEGACY_SUFFIX.sub("", _UNGUESSABLE_NAME.sub("", stem)), max_length=40) or "tep"
    extension = "".join(c for c in extension.lower() if c.isalnum() or c == ".")[:6]
    return f"{secrets.token_hex(UNGUESSABLE_BYTES)}-{stem}{extension}"


def readable_name(name):
    """The name a downloaded file is saved under: the stored one without its path and random part."""
    return _UNGUESSABLE_NAME.sub("", os.path.basename(name))


def is_unguessable(name):
    """Whether a stored name already starts with the random part ``safe_filename`` gives it."""
    return bool(_UNGUESSABLE_NAME.match(os.path.basename(name)))


@deconstructible
class DatedUploadTo:
    """An ``upload_to`` for models: ``folder/2026/11/<32 hex digits>-safe-name.pdf``."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        today = timezone.localdate()
        return f"{self.folder}/{today:%Y/%m}/{safe_filename(filename)}"

    def __eq__(self, other):
        return isinstance(other, DatedUploadTo) and other.folder == self.folder


class ProtectedStorage(LazyObject):
    """``STORAGES["protected"]``: files that only the protected-file view hands out (website/media.py).

    Lazy, like Django's ``default_storage``, so that a test changing ``STORAGES`` reaches the fields
    that already hold it.
    """

    def _setup(self):
        self._wrapped = storages["protected"]


protected_storage = ProtectedStorage()


def get_protected_storage():
    """The ``storage`` callable of protected file fields (a callable keeps paths out of migrations)."""
    return protected_storage


def protected_file_url(name):
    """Where a protected file is asked for: the view that checks who may read it."""
    return reverse("protected-file", kwargs={"path": name})


@receiver(setting_changed)
def _forget_protected_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        protected_storage._wrapped = empty


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


def uploaded_file_fields():
    """Every (model, file field) whose files are named by ``DatedUploadTo``."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField) and isinstance(field.upload_to, DatedUploadTo)
    ]


def store_under_unguessable_name(*, instance, field):
    """Give a file stored before names had 128 random bits such a name, in the storage its field uses now.

    Files of protected fields move out of the public media folder on the way. The copy is written
    first, the row updated next and the old file deleted last, so an interruption loses nothing: at
    worst a copy is left over. Returns whether the file was moved; ``None`` when the file is missing.
    """
    name = getattr(instance, field.attname).name
    target = field.storage
    in_target = bool(name) and target.exists(name)
    if not name or (in_target and is_unguessable(name)):
        return False
    source = target if in_target else default_storage
    if not source.exists(name):
        return None
    with source.open(name) as old:
        new_name = target.save(posixpath.join(posixpath.dirname(name), safe_filename(name)), old)
    try:
        type(instance)._base_manager.filter(pk=instance.pk).update(**{field.attname: new_name})
    except BaseException:
        target.delete(new_name)
        raise
    source.delete(name)
    return True

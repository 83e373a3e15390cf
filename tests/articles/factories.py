"""Small builders of articles for the tests."""

import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from articles.models import Article, Category

_numbers = itertools.count(1)


def make_category(name=None, **fields):
    number = next(_numbers)
    return Category.objects.create(name=name or f"Chuyên mục {number}", **fields)


def make_article(title=None, *, category=None, status=Article.Status.PUBLISHED, published_at=None, **fields):
    number = next(_numbers)
    if published_at is None and status == Article.Status.PUBLISHED:
        published_at = timezone.now() - timezone.timedelta(hours=number)
    return Article.objects.create(
        title=title or f"Tin bài số {number}",
        category=category or make_category(),
        status=status,
        published_at=published_at,
        lead=fields.pop("lead", "Sapo của tin bài."),
        body=fields.pop("body", "<p>Nội dung tin bài.</p>"),
        **fields,
    )


def image_bytes(fmt="JPEG", size=(800, 600), color=(30, 120, 60), exif=None):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, color).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def image_upload(name="anh.jpg", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/jpeg")


def bulk_articles(count, *, category):
    """Many published articles in one query, for query-budget tests."""
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Tin hàng loạt {i}",
            slug=f"tin-hang-loat-{category.pk}-{i}",
            lead="Sapo",
            body="<p>Nội dung</p>",
            category=category,
            status=Article.Status.PUBLISHED,
            published_at=now - timezone.timedelta(minutes=i + 1),
            kind=Article.Kind.ANNOUNCEMENT if i % 10 == 0 else Article.Kind.NEWS,
            search_title=f"tin hang loat {i}",
            search_text=f"tin hang loat {i} sapo noi dung",
        )
        for i in range(count)
    )


def pdf_bytes():
    """A real one-page PDF, as the upload checks (pypdf) read it."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

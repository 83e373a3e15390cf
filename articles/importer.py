"""Reading the old portal's JSON Lines export into articles (format in the README, “Moving from the old portal”)."""

import json
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, Category
from core.text import nfc

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
STATUSES = {"published": Article.Status.PUBLISHED, "draft": Article.Status.DRAFT}


class RefusedLine(ValueError):
    """A line that cannot become an article; the message says why, in Vietnamese."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    refused: int = 0
    errors: list = field(default_factory=list)


def _text(record, key, *, required=False, max_length=None):
    value = record.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RefusedLine(_("trường “%(key)s” phải là chuỗi văn bản.") % {"key": key})
    value = nfc(value.strip())
    if required and not value:
        raise RefusedLine(_("thiếu trường bắt buộc “%(key)s”.") % {"key": key})
    if max_length and len(value) > max_length:
        raise RefusedLine(_("trường “%(key)s” dài quá %(max)d ký tự.") % {"key": key, "max": max_length})
    return value


def _published_at(record, status):
    raw = record.get("published_at")
    if raw in (None, ""):
        if status == Article.Status.PUBLISHED:
            raise RefusedLine(_("bài đã xuất bản cần “published_at”."))
        return None
    if not isinstance(raw, str):
        raise RefusedLine(_("“published_at” phải là chuỗi ngày giờ ISO 8601."))
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise RefusedLine(
            _("“published_at” không phải ngày giờ ISO 8601 hợp lệ: %(value)s.") % {"value": raw[:40]}
        ) from None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=LOCAL_TZ)
    return moment


def _views(record):
    views = record.get("views", 0)
    if views is None:
        return 0
    if isinstance(views, bool) or not isinstance(views, int) or views < 0:
        raise RefusedLine(_("“views” phải là số nguyên không âm."))
    return views


def _external_id(record):
    value = record.get("external_id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RefusedLine(_("“external_id” phải là chuỗi hoặc số."))
    value = str(value).strip()
    if len(value) > 100:
        raise RefusedLine(_("“external_id” dài quá 100 ký tự."))
    return value


def parse_record(record):
    """Check one decoded line and return the article's fields; raise RefusedLine if it is unusable."""
    if not isinstance(record, dict):
        raise RefusedLine(_("mỗi dòng phải là một đối tượng JSON {…}."))
    status_name = record.get("status", "published")
    if status_name not in STATUSES:
        raise RefusedLine(_("“status” phải là “published” hoặc “draft”."))
    status = STATUSES[status_name]
    body = record.get("body_html") or ""
    if not isinstance(body, str):
        raise RefusedLine(_("trường “body_html” phải là chuỗi văn bản."))
    return {
        "title": _text(record, "title", required=True, max_length=255),
        "lead": _text(record, "summary"),
        "body": body,
        "category_name": _text(record, "category", required=True, max_length=150),
        "published_at": _published_at(record, status),
        "author": _text(record, "author", max_length=150),
        "source": _text(record, "source", max_length=200),
        "status": status,
        "view_count": _views(record),
        "external_id": _external_id(record),
    }


@transaction.atomic
def save_record(fields, *, unit):
    """Create the unit's article, or update the one imported into that unit before with the same external_id.

    External ids are the old portal's, so two former districts may both have an article 1: they are unique
    per unit only.
    """
    category_name = fields.pop("category_name")
    categories = Category.objects.of(unit)
    category = categories.filter(name=category_name).first() or Category.objects.create(unit=unit, name=category_name)
    fields["category"] = category
    external_id = fields["external_id"]
    article = Article.objects.of(unit).filter(external_id=external_id).first() if external_id else None
    created = article is None
    if created:
        article = Article(unit=unit, **fields)
    else:
        for name, value in fields.items():
            setattr(article, name, value)
    article.save()
    return article, created


def import_lines(lines, *, unit):
    """Import every good line into ``unit``; report each bad one with its number and reason."""
    report = ImportReport()
    for number, line in enumerate(lines, start=1):
        try:
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8").lstrip("\ufeff")
                except UnicodeDecodeError:
                    raise RefusedLine(_("dòng không phải văn bản UTF-8.")) from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise RefusedLine(_("JSON không hợp lệ (%(error)s).") % {"error": error.msg}) from None
            _article, created = save_record(parse_record(record), unit=unit)
        except RefusedLine as error:
            report.refused += 1
            report.errors.append((number, str(error)))
            continue
        if created:
            report.created += 1
        else:
            report.updated += 1
    return report

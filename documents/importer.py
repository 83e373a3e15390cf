"""Documents from an old portal's JSON Lines export, with their files beside it (format: README, “Văn bản”).

Each line is one document, imported in its own transaction: a bad line is reported with its number
and skipped, the others go in. A document is found again by its ``external_id`` within the unit, so
running the import twice updates rather than duplicates; a file already attached (same name, same
size) is not stored a second time. Relations name their target by ``external_id`` and are made once
every line has been read, so a line may point at a document further down the file.
"""

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from core.uploads import readable_name, safe_filename
from documents import services
from documents.models import Document, DocumentType, Field, Relation

# The keys a line may carry besides the required ones; anything else is probably a typo.
REQUIRED = ("external_id", "type", "summary", "issuer")
OPTIONAL = (
    "number",
    "is_normative",
    "signer",
    "signer_position",
    "issued_on",
    "effective_on",
    "expires_on",
    "fields",
    "is_published",
    "files",
    "relations",
)
TEXT_KEYS = ("number", "summary", "issuer", "signer", "signer_position")
DATE_KEYS = ("issued_on", "effective_on", "expires_on")


class LineError(Exception):
    """What is wrong with one line, in words for the person running the import."""


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    files: int = 0
    relations: int = 0
    errors: list = field(default_factory=list)

    @property
    def refused(self):
        return len({number for number, _reason in self.errors})


def import_lines(handle, *, unit, base_dir):
    """Import every line of ``handle`` (bytes) into ``unit``; files are looked up under ``base_dir``."""
    report = Report()
    pending = []
    for number, raw in enumerate(handle, start=1):
        if not raw.strip():
            continue
        stored = []
        try:
            with transaction.atomic():
                record = _parse(raw)
                document, created = _save_document(record, unit=unit)
                _attach_files(document, record.get("files") or [], base_dir=base_dir, stored=stored)
                services.rebuild_search_text(document=document)
        except LineError as error:
            # The line's rows are rolled back; its files already written go too, or they would be orphans.
            for document_file in stored:
                document_file.file.storage.delete(document_file.file.name)
            report.errors.append((number, str(error)))
            continue
        report.files += len(stored)
        report.created += created
        report.updated += not created
        pending.extend((number, document, relation) for relation in record.get("relations") or [])
    for number, document, relation in pending:
        try:
            report.relations += _relate(document, relation, unit=unit)
        except LineError as error:
            report.errors.append((number, str(error)))
    return report


def _parse(raw):
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LineError(_("không phải JSON hợp lệ (%(reason)s).") % {"reason": error}) from None
    if not isinstance(record, dict):
        raise LineError(_("mỗi dòng phải là một đối tượng JSON {…}."))
    missing = [key for key in REQUIRED if not str(record.get(key) or "").strip()]
    if missing:
        raise LineError(_("thiếu trường bắt buộc: %(keys)s.") % {"keys": ", ".join(missing)})
    unknown = sorted(set(record) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise LineError(_("trường không biết: %(keys)s.") % {"keys": ", ".join(unknown)})
    for key in DATE_KEYS:
        if record.get(key):
            try:
                record[key] = date.fromisoformat(record[key])
            except (TypeError, ValueError):
                raise LineError(
                    _("trường %(key)s phải là ngày dạng NĂM-THÁNG-NGÀY (2026-12-01), không phải “%(value)s”.")
                    % {"key": key, "value": record[key]}
                ) from None
    for key in ("fields", "files", "relations"):
        if not isinstance(record.get(key) or [], list):
            raise LineError(_("trường %(key)s phải là một danh sách […].") % {"key": key})
    return record


def _save_document(record, *, unit):
    doc_type = DocumentType.objects.filter(name=record["type"].strip()).first()
    if doc_type is None:
        raise LineError(
            _("không có loại văn bản “%(type)s” (quản trị viên thêm loại văn bản trước).") % {"type": record["type"]}
        )
    values = {key: str(record.get(key) or "").strip() for key in TEXT_KEYS}
    values.update({key: record.get(key) or None for key in DATE_KEYS})
    values.update(
        doc_type=doc_type,
        is_normative=bool(record.get("is_normative", False)),
        is_published=bool(record.get("is_published", True)),
    )
    external_id = str(record["external_id"]).strip()
    document = Document.objects.filter(unit=unit, external_id=external_id).first()
    created = document is None
    document = document or Document(unit=unit, external_id=external_id)
    for key, value in values.items():
        setattr(document, key, value)
    try:
        document.full_clean(exclude=["unit", "slug", "external_id"])
    except ValidationError as error:
        raise LineError(" ".join(error.messages)) from None
    document.save()
    names = [str(name).strip() for name in record.get("fields") or []]
    fields = list(Field.objects.filter(name__in=names))
    unknown = sorted(set(names) - {f.name for f in fields})
    if unknown:
        raise LineError(_("không có lĩnh vực: %(names)s.") % {"names": ", ".join(unknown)})
    document.fields.set(fields)
    return document, created


def _attach_files(document, entries, *, base_dir, stored):
    """Store the files not yet attached (added to ``stored``); one already there (same name and size) is kept."""
    have = {(readable_name(f.file.name), f.size) for f in document.files.all()}
    for order, entry in enumerate(entries):
        entry = entry if isinstance(entry, dict) else {"path": entry}
        path = _inside(base_dir, str(entry.get("path") or ""))
        with open(path, "rb") as handle:
            upload = File(handle, name=path.name)
            if (readable_name(safe_filename(path.name)), upload.size) in have:
                continue
            try:
                stored.append(
                    services.add_file(
                        document=document, upload=upload, title=str(entry.get("title") or ""), order=order
                    )
                )
            except ValidationError as error:
                raise LineError(
                    _("tệp %(path)s: %(reason)s") % {"path": entry.get("path"), "reason": " ".join(error.messages)}
                ) from None


def _inside(base_dir, relative):
    """The file named by ``relative`` under ``base_dir``; never a path that climbs out of it."""
    if not relative:
        raise LineError(_("một tệp không có đường dẫn (path)."))
    base = Path(base_dir).resolve()
    path = (base / relative).resolve()
    if os.path.isabs(relative) or base not in path.parents:
        raise LineError(_("đường dẫn tệp %(path)s ra ngoài thư mục của tệp nhập.") % {"path": relative})
    if not path.is_file():
        raise LineError(_("không tìm thấy tệp %(path)s bên cạnh tệp nhập.") % {"path": relative})
    return path


def _relate(document, relation, *, unit):
    if not isinstance(relation, dict) or relation.get("kind") not in Relation.Kind.values:
        raise LineError(
            _("quan hệ phải có kind là một trong: %(kinds)s.") % {"kinds": ", ".join(Relation.Kind.values)}
        )
    target = Document.objects.filter(unit=unit, external_id=str(relation.get("target") or "")).first()
    if target is None or target == document:
        raise LineError(
            _("quan hệ đến văn bản “%(target)s”: không có văn bản có external_id này trong đơn vị.")
            % {"target": relation.get("target")}
        )
    _relation, created = Relation.objects.get_or_create(source=document, kind=relation["kind"], target=target)
    return int(created)

"""Procedures from the National Public Service Portal's export, CSV or JSON (format: README, “Thủ tục hành chính”).

Each row is saved in its own transaction: a bad row is reported with its line number and reason and
skipped, the others go in. A procedure is found again by its code within the unit, so a second run
of the same file updates the rows (and changes nothing) instead of duplicating them. A field (lĩnh
vực) the list does not have yet is added: the national portal's fields are the reference.
"""

import csv
import io
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.text import fold, nfc
from documents.models import Field
from procedures.models import Level, Procedure

REQUIRED = ("code", "name", "field", "level", "url")
OPTIONAL = ("processing_time", "fees")
# The export's level, folded: "Cấp Tỉnh", "Tỉnh", "cap-tinh" all mean the province.
LEVELS = {
    "cap tinh": Level.PROVINCE,
    "tinh": Level.PROVINCE,
    "cap-tinh": Level.PROVINCE,
    "cap xa": Level.COMMUNE,
    "xa": Level.COMMUNE,
    "cap-xa": Level.COMMUNE,
}


class RowError(Exception):
    """What is wrong with one row, in words for the person running the import."""


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_fields: int = 0
    errors: list = field(default_factory=list)


def import_procedures(handle, *, unit, name=""):
    """Import every row of ``handle`` (text) into ``unit``: JSON if ``name`` ends in .json or it opens with ``[``."""
    text = handle.read().lstrip("\ufeff")
    report = Report()
    try:
        rows = _json_rows(text) if name.lower().endswith(".json") or text.lstrip().startswith("[") else _csv_rows(text)
    except RowError as error:
        report.errors.append((0, str(error)))
        return report
    for number, record in rows:
        try:
            with transaction.atomic():
                _save(record, unit=unit, report=report)
        except RowError as error:
            report.errors.append((number, str(error)))
    return report


def _json_rows(text):
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        raise RowError(_("tệp không phải JSON hợp lệ (%(reason)s).") % {"reason": error}) from None
    if not isinstance(records, list):
        raise RowError(_("tệp JSON phải là một danh sách […] các thủ tục."))
    # A JSON file's "line" is the procedure's place in the list, counted from 1.
    return list(enumerate(records, start=1))


def _csv_rows(text):
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip() for h in reader.fieldnames or []]
    missing = [key for key in REQUIRED if key not in headers]
    if missing:
        raise RowError(_("dòng tiêu đề thiếu cột: %(keys)s.") % {"keys": ", ".join(missing)})
    # Line 1 is the header; a row's number is the line a spreadsheet shows for it.
    return [(reader.line_num, {(k or "").strip(): v for k, v in row.items()}) for row in reader]


def _save(record, *, unit, report):
    if not isinstance(record, dict):
        raise RowError(_("mỗi thủ tục phải là một đối tượng {…}."))
    values = {key: nfc(str(record.get(key) or "").strip()) for key in (*REQUIRED, *OPTIONAL)}
    missing = [key for key in REQUIRED if not values[key]]
    if missing:
        raise RowError(_("thiếu trường bắt buộc: %(keys)s.") % {"keys": ", ".join(missing)})
    level = LEVELS.get(fold(values["level"]))
    if level is None:
        raise RowError(
            _("cấp thực hiện “%(level)s” không rõ (phải là Cấp tỉnh hoặc Cấp xã).") % {"level": values["level"]}
        )
    if len(values["field"]) > Field._meta.get_field("name").max_length:
        raise RowError(_("tên lĩnh vực quá dài: “%(field)s”.") % {"field": values["field"][:60]})
    field_row, field_created = Field.objects.get_or_create(name=values["field"])
    procedure = Procedure.objects.filter(unit=unit, code=values["code"]).first()
    created = procedure is None
    procedure = procedure or Procedure(unit=unit, code=values["code"])
    new = {
        "name": values["name"],
        "field": field_row,
        "level": level,
        "processing_time": values["processing_time"],
        "fees": values["fees"],
        "national_url": values["url"],
    }
    if not created and all(getattr(procedure, key) == value for key, value in new.items()):
        report.unchanged += 1
        return
    for key, value in new.items():
        setattr(procedure, key, value)
    try:
        procedure.full_clean(exclude=["unit"], validate_unique=False)
    except ValidationError as error:
        raise RowError(" ".join(error.messages)) from None
    procedure.save()
    report.new_fields += field_created
    report.created += created
    report.updated += not created

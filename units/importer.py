"""Units from a CSV file (format in the README, “Đơn vị / Units”): created or updated, never deleted.

Every row is checked before any is saved, so that a bad row is reported with its line number and
reason without stopping the others, and a parent may come after its children in the file. Running
the same file again changes nothing and says so.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.text import fold
from units import hosts
from units.models import Unit, UnitAlias, host_name_validator, normalized_host

COLUMNS = ("code", "name", "short_name", "level", "parent_code", "host")
FIELDS = ("name", "short_name", "level", "parent_id", "host")


def _level_key(text):
    """``Huyện (cũ)``, ``huyen cu`` and ``huyen-cu`` alike: no accents, brackets, dashes or extra spaces."""
    return " ".join(fold(text).replace("(", " ").replace(")", " ").replace("-", " ").split())


def _level_names():
    """Each level by its value (``dac-khu``) and by its Vietnamese label (``Đặc khu``, ``Thành phố``)."""
    names = {}
    for level in Unit.Level:
        names[_level_key(level.value)] = level.value
        names[_level_key(str(level.label))] = level.value
        for part in str(level.label).split("/"):
            names[_level_key(part)] = level.value
    return names


class BadRow(ValueError):
    """A row that cannot become a unit; the message says why, in Vietnamese."""


@dataclass
class Row:
    line: int
    code: str
    name: str
    short_name: str
    level: str
    parent_code: str
    host: str


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    errors: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated)


def _read(data):
    """The file's rows with the line each starts on; a wrong header is an error of the whole file."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in reader.fieldnames or ()]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise BadRow(
            _("thiếu cột: %(columns)s (cần: %(all)s).") % {"columns": ", ".join(missing), "all": ",".join(COLUMNS)}
        )
    reader.fieldnames = header
    line = reader.line_num + 1
    for record in reader:
        yield line, {key: (value or "").strip() for key, value in record.items() if key in COLUMNS}
        line = reader.line_num + 1


def _check(line, record, levels):
    code = record["code"]
    if not code:
        raise BadRow(_("thiếu mã đơn vị."))
    try:
        Unit._meta.get_field("code").run_validators(code)
    except ValidationError:
        raise BadRow(
            _("mã đơn vị không hợp lệ: “%(code)s” (chỉ chữ số, chữ cái không dấu, dấu chấm, gạch; tối đa 10 ký tự).")
            % {"code": code[:20]}
        ) from None
    if len(code) > 10:
        raise BadRow(_("mã đơn vị dài quá 10 ký tự: “%(code)s”.") % {"code": code[:20]})
    name = record["name"]
    if not name:
        raise BadRow(_("thiếu tên đầy đủ (cột name)."))
    short_name = record["short_name"] or name
    if len(name) > 200 or len(short_name) > 100:
        raise BadRow(_("tên đầy đủ tối đa 200 ký tự, tên ngắn tối đa 100 ký tự."))
    level = levels.get(_level_key(record["level"])) if record["level"] else None
    if level is None:
        raise BadRow(
            _("cấp không hợp lệ: “%(level)s” (một trong: %(choices)s).")
            % {"level": record["level"][:40], "choices": ", ".join(Unit.Level.values)}
        )
    host = normalized_host(record["host"])
    if not host:
        raise BadRow(_("thiếu tên miền (cột host)."))
    try:
        host_name_validator(host)
    except ValidationError:
        raise BadRow(
            _("tên miền không hợp lệ: “%(host)s” (chữ thường không dấu, chữ số, “-”, “.”; không http://, cổng).")
            % {"host": record["host"][:80]}
        ) from None
    parent_code = record["parent_code"]
    if level == Unit.Level.PROVINCE and parent_code:
        raise BadRow(_("tỉnh, thành phố không thuộc đơn vị nào: để trống parent_code."))
    if parent_code == code:
        raise BadRow(_("một đơn vị không thể thuộc chính nó."))
    return Row(line, code, name, short_name, level, parent_code, host)


def _checked_rows(data, report):
    """The good rows, each code and host once; the bad ones go to the report with their line."""
    levels = _level_names()
    rows, codes, hosts_seen = [], {}, {}
    for line, record in _read(data):
        if not any(record.values()):
            continue
        try:
            row = _check(line, record, levels)
            if row.code in codes:
                raise BadRow(_("mã %(code)s trùng với dòng %(line)d.") % {"code": row.code, "line": codes[row.code]})
            if row.host in hosts_seen:
                raise BadRow(
                    _("tên miền %(host)s trùng với dòng %(line)d.") % {"host": row.host, "line": hosts_seen[row.host]}
                )
        except BadRow as error:
            report.errors.append((line, str(error)))
            continue
        codes[row.code], hosts_seen[row.host] = line, line
        rows.append(row)
    return rows


def _host_taken(row):
    """Why ``row.host`` cannot be its unit's, or None: it is another unit's host or alias."""
    owner = Unit.objects.filter(host=row.host).exclude(code=row.code).first()
    if owner is not None:
        return _("tên miền %(host)s đã là của đơn vị %(code)s (%(name)s).") % {
            "host": row.host,
            "code": owner.code,
            "name": owner.short_name,
        }
    alias = UnitAlias.objects.filter(host=row.host).select_related("unit").first()
    if alias is not None:
        return _("tên miền %(host)s đang là tên miền phụ của đơn vị %(code)s.") % {
            "host": row.host,
            "code": alias.unit.code,
        }
    return None


def import_units(data):
    """Create or update the units of a CSV file (bytes or text); report each bad row and what changed."""
    report = ImportReport()
    try:
        rows = _checked_rows(data, report)
    except BadRow as error:
        report.errors.append((1, str(error)))
        return report
    except UnicodeDecodeError:
        report.errors.append((1, _("tệp không phải văn bản UTF-8.")))
        return report
    by_code = {row.code: row for row in rows}
    pending = list(rows)
    # Parents first, however the file orders them: each pass saves the rows whose parent exists by then.
    while pending:
        waiting = []
        for row in pending:
            parent = Unit.objects.filter(code=row.parent_code).first() if row.parent_code else None
            if row.parent_code and parent is None:
                if row.parent_code in by_code:
                    waiting.append(row)
                else:
                    report.errors.append((row.line, _("không có đơn vị cha mã %(code)s.") % {"code": row.parent_code}))
                continue
            _save(row, parent, report)
        if len(waiting) == len(pending):  # nothing saved in this pass: the parents never come
            for row in waiting:
                parent_row = by_code[row.parent_code]
                report.errors.append(
                    (
                        row.line,
                        _("đơn vị cha mã %(code)s (dòng %(line)d) không nhập được.")
                        % {"code": row.parent_code, "line": parent_row.line},
                    )
                )
            break
        pending = waiting
    if report.changed:
        hosts.forget()
    report.errors.sort()
    return report


def _save(row, parent, report):
    taken = _host_taken(row)
    if taken:
        report.errors.append((row.line, taken))
        return None
    values = {
        "name": row.name,
        "short_name": row.short_name,
        "level": row.level,
        "parent_id": parent.pk if parent else None,
        "host": row.host,
    }
    unit = Unit.objects.filter(code=row.code).first()
    if unit is not None and unit.pk == values["parent_id"]:
        report.errors.append((row.line, _("một đơn vị không thể thuộc chính nó.")))
        return None
    if unit is not None and parent is not None and unit.pk in parent.lineage_ids():
        report.errors.append((row.line, _("đơn vị cha mã %(code)s lại thuộc đơn vị này.") % {"code": parent.code}))
        return None
    try:
        with transaction.atomic():
            if unit is None:
                unit = Unit.objects.create(code=row.code, **values)
                report.created.append(unit)
            elif any(getattr(unit, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(unit, name, value)
                unit.save()
                report.updated.append(unit)
            else:
                report.unchanged += 1
    except IntegrityError:
        report.errors.append((row.line, _("không lưu được (mã hoặc tên miền trùng với đơn vị khác).")))
    return unit

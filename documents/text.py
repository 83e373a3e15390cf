"""The text inside a document's file, read once when it is uploaded so that search can find it.

PDFs are read with pypdf; Office Open XML (docx, xlsx, pptx) and OpenDocument files are the ZIP
archives they are, and only the few XML parts that hold the words are read, never more than
``MAX_XML_BYTES`` of them, whatever the archive claims: a zip bomb stops at the cap. The XML parser is
the standard library's, which resolves no external entities; a part that declares a DTD (no Office
file does) is refused, so entity expansion never starts. Legacy binary files (doc, xls, ppt) have no
text read: they are kept and downloadable, but search finds them by number and summary only.
"""

import os
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

# What is read from an archive's XML parts, in all; a real document's text parts are far smaller.
MAX_XML_BYTES = 20 * 1024 * 1024
# What is kept of a file's text for search: a whole code of law fits, a data dump does not.
MAX_TEXT_CHARS = 1_000_000
# The elements that end a line of text: paragraphs and headings (Word, PowerPoint, ODF), shared strings (Excel).
_LINE_ELEMENTS = {"p", "h", "si"}
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)")
_PDF_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError, OSError)
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError)
_ODF = ("odt", "ods", "odp")


@dataclass(frozen=True)
class Extracted:
    text: str
    # False for a PDF without a text layer (a scan): search cannot find what it says.
    has_text: bool


def extract(upload, name=None):
    """The text of ``upload`` (a file object), by the type its name says; ``ValidationError`` if unreadable."""
    extension = os.path.splitext(name or upload.name)[1].lower().lstrip(".")
    upload.seek(0)
    try:
        if extension == "pdf":
            return _pdf(upload)
        if extension in ("docx", "xlsx", "pptx", *_ODF):
            return _archive(upload, extension)
        return Extracted(text="", has_text=True)
    finally:
        upload.seek(0)


def _pdf(upload):
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        pages, length = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            pages.append(text)
            length += len(text)
            if length >= MAX_TEXT_CHARS:
                break
    except _PDF_ERRORS:
        raise ValidationError(
            _("Tệp PDF bị hỏng, không đọc được nội dung. Hãy xuất lại tệp PDF rồi tải lên."), code="pdf_unreadable"
        ) from None
    text = _tidy("\n".join(pages))
    return Extracted(text=text, has_text=bool(text.strip()))


def _archive(upload, extension):
    try:
        with zipfile.ZipFile(upload) as archive:
            budget = MAX_XML_BYTES
            lines = []
            for part in _text_parts(archive, extension):
                data = _read_capped(archive, part, budget)
                budget -= len(data)
                lines.extend(_xml_lines(data))
    except (*_ZIP_ERRORS, ElementTree.ParseError):
        raise ValidationError(
            _("Tệp .%(ext)s bị hỏng, không đọc được nội dung. Hãy lưu lại tệp rồi tải lên."),
            params={"ext": extension},
            code="document_unreadable",
        ) from None
    text = _tidy("\n".join(lines))
    return Extracted(text=text, has_text=True)


def _text_parts(archive, extension):
    names = archive.namelist()
    if extension in _ODF:
        return ["content.xml"]
    if extension == "docx":
        return ["word/document.xml"]
    if extension == "xlsx":
        return [name for name in ("xl/sharedStrings.xml",) if name in names]
    slides = [name for name in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)]
    return sorted(slides, key=lambda name: int(re.search(r"\d+", name.rsplit("/", 1)[1]).group()))


def _read_capped(archive, part, budget):
    with archive.open(part) as member:
        data = member.read(budget + 1)
    if len(data) > budget:
        raise ValidationError(
            _("Nội dung chữ của tệp lớn bất thường (quá %(limit)d MB): tệp có thể là “bom nén”."),
            params={"limit": MAX_XML_BYTES // 1024 // 1024},
            code="text_too_large",
        )
    if _DTD.search(data):
        raise ValidationError(_("Tệp có khai báo DTD trong nội dung XML, không được nhận."), code="xml_dtd")
    return data


def _xml_lines(data):
    """Each paragraph (or shared string) as one line; a paragraph inside another is read once."""
    root = ElementTree.fromstring(data)
    lines = []
    stack = [root]
    while stack:
        element = stack.pop()
        if _local(element.tag) in _LINE_ELEMENTS:
            lines.append("".join(element.itertext()))
        else:
            stack.extend(reversed(element))
    return lines


def _local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _tidy(text):
    # PostgreSQL's text type cannot hold a NUL, which some PDFs' text layers contain.
    text = text.replace("\x00", "")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n", text).strip()
    return text[:MAX_TEXT_CHARS]

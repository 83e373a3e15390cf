"""Files that are public only while what they belong to is: article attachments, documents' files
(and the files citizens attach to questions, which never are).

Files sent with comments on a consultation are never public (their ``public()`` is empty).

They live in the protected storage (``STORAGES["protected"]``), which nothing serves by address. This
view finds the row that owns the file and hands it out when the row is public, or when the reader is
staff with the right to see such rows in the admin; anyone else gets the same 404 as for a file that
does not exist. The file itself goes out the cheapest way the deployment has: nginx reads it from
disk (``X-Accel-Redirect``, MEDIA_ACCEL_REDIRECT on), the bucket serves it (a signed, expiring
link, with MEDIA_S3_BUCKET), or Django streams it (development, tests).
"""

import posixpath
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from articles.models import Attachment
from consultations.models import ConsultationComment
from core.uploads import DOCUMENT_CONTENT_TYPES, protected_storage, readable_name
from documents.models import DocumentFile
from questions.models import Question

# The models whose files are in the protected storage (each queryset has ``public()``), and the lookup
# to the unit a row belongs to: staff see the unpublished files of their own unit only.
PROTECTED_OWNERS = (
    (Attachment, "article__unit"),
    (DocumentFile, "document__unit"),
    # A citizen's file sent with a comment on a draft: never public, read by the unit's staff only.
    (ConsultationComment, "consultation__unit"),
    # A question's file is never public (its ``public()`` is empty): only the unit's staff who see questions.
    (Question, "unit"),
)
# As nginx serves uploads: the browser never runs a file as a page or a script.
FILE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'none'; sandbox",
}


@require_safe
def protected_file(request, path):
    """Serve a protected file to whoever may see what it belongs to; a 404 to everyone else."""
    if not any(_may_read(request, model, unit_path, path) for model, unit_path in PROTECTED_OWNERS):
        raise Http404
    response = _send(path)
    # Not kept by shared caches: the file stops being public when its article or document does.
    patch_cache_control(response, private=True, max_age=300)
    return response


def _may_read(request, model, unit_path, path):
    rows = model.objects.filter(file=path)
    if rows.public().exists():
        return True
    user = request.user
    permission = f"{model._meta.app_label}.{get_permission_codename('view', model._meta)}"
    return user.is_staff and user.has_perm(permission) and rows.filter(**{unit_path: request.unit}).exists()


def _send(path):
    if settings.MEDIA_S3_BUCKET:
        return HttpResponseRedirect(protected_storage.url(path))
    extension = posixpath.splitext(path)[1].lstrip(".").lower()
    content_type = DOCUMENT_CONTENT_TYPES.get(extension, "application/octet-stream")
    if settings.MEDIA_ACCEL_REDIRECT:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_PREFIX + quote(path)
    else:
        try:
            response = FileResponse(protected_storage.open(path), content_type=content_type)
        except FileNotFoundError:
            raise Http404 from None
    for header, value in FILE_HEADERS.items():
        response[header] = value
    # Opened in the browser (PDF), saved under the name it was given, without the random part.
    response["Content-Disposition"] = content_disposition_header(False, readable_name(path))
    return response

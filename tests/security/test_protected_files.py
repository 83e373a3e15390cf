"""Files of unpublished content stay private: a file is public only while what it belongs to is.

Attachments and meeting papers are kept in the protected storage and handed out by website/media.py, to
the public while the article or the meeting and paper are public, and to staff whose role lets them
see such rows in the admin.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from moto import mock_aws

from accounts import roles
from articles.models import Article, Attachment
from core.uploads import is_unguessable
from tests.articles.conftest import _user
from tests.articles.factories import make_article, pdf_bytes
from tests.meetings.factories import make_meeting, make_paper

pytestmark = pytest.mark.django_db
PDF = pdf_bytes()
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def press_officer():
    roles.sync_roles()
    return _user("bientap", roles.PRESS_OFFICER)


@pytest.fixture
def secretary():
    roles.sync_roles()
    return _user("thuky", roles.SECRETARY)


def attachment_of(article):
    attachment = Attachment(article=article, title="Quyết định phê duyệt")
    attachment.file.save("Quyết định.pdf", ContentFile(PDF))
    return attachment


def document_of(meeting, *, is_published=True):
    """The file of a paper of ``meeting`` (a document with one PDF, linked to the meeting)."""
    return make_paper(meeting, "Giấy mời", is_published=is_published, data=PDF).document.files.get()


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_published_articles_attachment_is_linked_and_downloadable_by_anyone(client):
    article = make_article("Dự án đường liên xã")
    attachment = attachment_of(article)
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{attachment.download_url}"' in page
    assert attachment.download_url.startswith("/tep-tin/attachments/")
    response = client.get(attachment.download_url)
    assert response.status_code == 200
    assert content(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "private" in response["Cache-Control"]
    assert response["Content-Disposition"] == 'inline; filename="quyet-dinh.pdf"'


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.PENDING, Article.Status.WITHDRAWN])
def test_an_unpublished_articles_attachment_is_404_to_the_public_and_200_to_the_press_office(
    client, press_officer, status
):
    article = make_article(status=status, published_at=timezone.now() - timezone.timedelta(days=1))
    url = attachment_of(article).download_url
    assert client.get(url).status_code == 404
    client.force_login(press_officer)
    response = client.get(url)
    assert response.status_code == 200 and content(response) == PDF


def test_an_article_scheduled_for_tomorrow_keeps_its_attachment_until_then(client):
    article = make_article(published_at=timezone.now() + timezone.timedelta(days=1))
    assert client.get(attachment_of(article).download_url).status_code == 404


def test_an_internal_meetings_unpublished_paper_is_404_to_the_public_and_to_staff_without_the_right(
    client, secretary, press_officer
):
    url = document_of(make_meeting("Họp nội bộ", is_public=False), is_published=False).download_url
    assert client.get(url).status_code == 404
    client.force_login(press_officer)  # no right to see meeting papers
    assert client.get(url).status_code == 404
    client.force_login(secretary)
    response = client.get(url)
    assert response.status_code == 200 and content(response) == PDF


def test_a_draft_paper_of_a_public_meeting_is_404_to_the_public_and_a_published_one_200(client, secretary):
    meeting = make_meeting()
    draft = document_of(meeting, is_published=False)
    published = document_of(meeting)
    assert client.get(draft.download_url).status_code == 404
    assert client.get(published.download_url).status_code == 200
    assert f'href="{published.download_url}"' in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(secretary)
    assert client.get(draft.download_url).status_code == 200


def test_protected_files_are_not_under_the_public_media_folder(client, settings):
    attachment = attachment_of(make_article())
    assert not any(path.is_file() for path in Path(settings.MEDIA_ROOT).rglob("*"))
    assert client.get(f"{settings.MEDIA_URL}{attachment.file.name}").status_code == 404


def test_an_unknown_name_and_a_climb_out_are_404(client):
    attachment_of(make_article())
    assert client.get("/tep-tin/attachments/2026/12/khong-co.pdf").status_code == 404
    assert client.get("/tep-tin/../portal/settings.py").status_code == 404


def test_with_accel_redirect_nginx_sends_the_file(client, settings):
    settings.MEDIA_ACCEL_REDIRECT = True
    attachment = attachment_of(make_article())
    response = client.get(attachment.download_url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{attachment.file.name}"
    assert response["Content-Type"] == "application/pdf" and response.content == b""
    draft = attachment_of(make_article(status=Article.Status.DRAFT))
    refused = client.get(draft.download_url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused


def test_files_stored_before_get_unguessable_names_and_attachments_leave_the_public_folder(client, settings):
    media = Path(settings.MEDIA_ROOT)
    legacy = {
        "attachments/2025/03/quyet-dinh-1a2b3c4d.pdf": PDF,
        "articles/2025/03/anh-le-hoi-0badf00d.jpg": b"\xff\xd8 a jpeg",
    }
    for name, data in legacy.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(data)
    article = make_article(image="articles/2025/03/anh-le-hoi-0badf00d.jpg")
    attachment = Attachment.objects.create(
        article=article, title="Quyết định", file="attachments/2025/03/quyet-dinh-1a2b3c4d.pdf"
    )
    out = io.StringIO()
    call_command("rename_stored_files", stdout=out)
    assert "Đã đổi tên 2 tệp" in out.getvalue()

    attachment.refresh_from_db()
    article.refresh_from_db()
    assert is_unguessable(attachment.file.name) and attachment.file.name.endswith("-quyet-dinh.pdf")
    assert attachment.file.name.startswith("attachments/2025/03/")
    assert (
        is_unguessable(article.image.name)
        and (media / article.image.name).read_bytes() == legacy["articles/2025/03/anh-le-hoi-0badf00d.jpg"]
    )
    assert not any((media / name).exists() for name in legacy), "the old names answer no more"
    assert not (media / attachment.file.name).exists(), "the attachment left the public folder"
    assert content(client.get(attachment.download_url)) == PDF

    again = io.StringIO()
    call_command("rename_stored_files", stdout=again)
    assert "Đã đổi tên 0 tệp" in again.getvalue()


def test_in_a_bucket_protected_files_are_private_objects_handed_out_by_short_signed_links(client, settings):
    bucket, region = "cong-thong-tin-media", "ap-southeast-1"
    options = {
        "bucket_name": bucket,
        "region_name": region,
        "access_key": "testing",
        "secret_key": "testing",
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    protected = {**options, "location": "protected", "querystring_auth": True, "querystring_expire": 300}
    with mock_aws():
        s3 = boto3.client("s3", region_name=region)
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
        settings.MEDIA_S3_BUCKET = bucket
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {**options, "querystring_auth": False},
            },
            "protected": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": protected},
        }
        attachment = attachment_of(make_article())
        draft = attachment_of(make_article(status=Article.Status.DRAFT))
        keys = sorted(item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"])
        assert keys == sorted(f"protected/{name}" for name in (attachment.file.name, draft.file.name))

        response = client.get(attachment.download_url)
        assert response.status_code == 302
        signed = response["Location"]
        assert f"protected/{attachment.file.name}" in signed
        assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
        assert client.get(draft.download_url).status_code == 404


def test_media_s3_bucket_keeps_protected_files_private_in_the_bucket():
    code = "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps(s.STORAGES))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MEDIA_S3_")}
    env = {**clean, "DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "1", "MEDIA_S3_BUCKET": "ubnd-media"}
    env["MEDIA_S3_CUSTOM_DOMAIN"] = "media.example.vn"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    protected = json.loads(result.stdout.strip().splitlines()[-1])["protected"]["OPTIONS"]
    assert protected["bucket_name"] == "ubnd-media" and protected["location"] == "protected"
    assert protected["querystring_auth"] is True and protected["querystring_expire"] == 300
    assert protected["custom_domain"] is None, "a CDN in front would hand the files out unchecked"
    assert protected["default_acl"] == "private"


def test_an_attachment_stops_being_served_the_moment_its_article_is_withdrawn(client):
    article = make_article()
    url = attachment_of(article).download_url
    assert client.get(url).status_code == 200
    Article.objects.filter(pk=article.pk).update(status=Article.Status.WITHDRAWN)
    assert client.get(url).status_code == 404, "no cache keeps handing it out"


def test_nginx_sends_protected_files_only_from_an_internal_location(settings):
    conf = (ROOT / "deploy" / "nginx-portal.conf").read_text()
    start = conf.index(f"location {settings.MEDIA_ACCEL_PREFIX} {{")
    block = conf[start : conf.index("default_type", start)]
    assert "internal;" in block and "alias /srv/portal/media-protected/;" in block
    assert "nosniff" in block and "sandbox" in block
    for folder in ("attachments", "meetings"):
        assert f"location /media/{folder}/ {{\n        return 404;" in conf

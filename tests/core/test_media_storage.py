"""Media in S3-compatible object storage: what staff upload lands in the bucket and pages link to it.

The bucket is moto's, in this process (no network); the storage options are those portal/settings.py
builds from MEDIA_S3_BUCKET and its companions.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError
from django.core.files.uploadedfile import SimpleUploadedFile
from moto import mock_aws
from PIL import Image
from storages.backends.s3 import S3Storage

from accounts import roles
from articles import services
from articles.models import Article
from tests.articles.conftest import _user
from tests.articles.factories import image_bytes, make_category
from tests.articles.test_admin import form_data

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
BUCKET = "cong-thong-tin-media"
REGION = "ap-southeast-1"
BUCKET_URL = f"https://{BUCKET}.s3.amazonaws.com/"
S3_STORAGE = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {
        "bucket_name": BUCKET,
        "region_name": REGION,
        "access_key": "testing",
        "secret_key": "testing",
        "querystring_auth": False,
        "signature_version": "s3v4",
        "file_overwrite": False,
        "default_acl": None,
        "object_parameters": {"CacheControl": "public, max-age=604800"},
    },
}


@pytest.fixture
def bucket(settings):
    """An empty bucket as the default storage; assigning STORAGES resets Django's cached storages."""
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
        settings.STORAGES = {**settings.STORAGES, "default": S3_STORAGE}
        yield s3


@pytest.fixture
def press_officer():
    roles.sync_roles()
    return _user("bientap", roles.PRESS_OFFICER)


@pytest.fixture
def editor_in_chief():
    roles.sync_roles()
    return _user("truongban", roles.EDITOR_IN_CHIEF)


def keys(s3):
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def stored_image(s3, key):
    return Image.open(io.BytesIO(s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()))


def local_files(settings):
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_a_featured_image_and_its_sizes_go_to_the_bucket_and_the_page_shows_them_from_it(
    client, settings, bucket, press_officer, editor_in_chief
):
    client.force_login(press_officer)
    upload = SimpleUploadedFile("Ảnh lễ khởi công.jpg", image_bytes(size=(2000, 1500)), content_type="image/jpeg")
    data = form_data(make_category("Kinh tế"), image=upload, image_alt="Lễ khởi công")
    response = client.post("/admin/articles/article/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    article = Article.objects.get()
    assert isinstance(article.image.storage._wrapped, S3Storage)
    assert keys(bucket) == sorted([article.image.name, article.image_thumb.name, article.image_large.name])
    assert article.image.name.startswith("articles/") and "anh-le-khoi-cong" in article.image.name
    assert stored_image(bucket, article.image_thumb.name).size == (360, 240)
    assert stored_image(bucket, article.image_large.name).size == (1200, 900)
    head = bucket.head_object(Bucket=BUCKET, Key=article.image_large.name)
    assert head["ContentType"] == "image/jpeg" and head["CacheControl"] == "public, max-age=604800"
    assert not local_files(settings), "nothing is written to the local media folder"

    services.publish_article(article=article, by=editor_in_chief)
    client.logout()
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    large_url = f"{BUCKET_URL}{article.image_large.name}"
    assert article.image_large.url == large_url
    html = page.content.decode()
    assert f'<img src="{large_url}"' in html
    # Zalo and Facebook previews get the bucket's address, not this server's name in front of it.
    assert f'<meta property="og:image" content="{large_url}">' in html


def test_an_image_uploaded_in_the_editor_lands_in_the_bucket(client, bucket, press_officer):
    client.force_login(press_officer)
    exif = Image.Exif()
    exif[0x8825] = {1: "N"}
    upload = SimpleUploadedFile("Ảnh hội nghị.jpg", image_bytes(exif=exif), content_type="image/jpeg")
    response = client.post("/bien-tap/tai-anh/", {"upload": upload})
    assert response.status_code == 200
    url = json.loads(response.content)["url"]
    assert url.startswith(f"{BUCKET_URL}editor/") and "anh-hoi-nghi" in url
    key = url.removeprefix(BUCKET_URL)
    assert keys(bucket) == [key]
    assert not stored_image(bucket, key).getexif()


def test_a_failed_save_leaves_no_object_in_the_bucket(client, settings, bucket, editor_in_chief, monkeypatch):
    """The store refuses the page-width size after the image and the thumbnail were written."""
    save = S3Storage._save

    def refuse_large(self, name, content):
        if name.startswith("articles/large/"):
            raise ClientError({"Error": {"Code": "QuotaExceeded", "Message": "Bucket is full"}}, "PutObject")
        return save(self, name, content)

    monkeypatch.setattr(S3Storage, "_save", refuse_large)
    client.force_login(editor_in_chief)
    upload = SimpleUploadedFile("anh.jpg", image_bytes(size=(1600, 1000)), content_type="image/jpeg")
    data = form_data(make_category("Kinh tế"), image=upload, image_alt="Ảnh")
    with pytest.raises(ClientError):
        client.post("/admin/articles/article/add/", data)
    assert not Article.objects.exists()
    assert keys(bucket) == [], "orphan objects left in the bucket"
    assert not local_files(settings)


def _settings_with(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MEDIA_S3_")}
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.STORAGES['default'], s.SERVE_MEDIA, s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "1", "SERVE_MEDIA": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_bucket_media_stays_in_the_local_folder():
    storage, serve_media, img_src = _settings_with()
    assert storage == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert serve_media is True
    assert img_src == ["'self'", "data:"]


def test_media_s3_bucket_chooses_object_storage_at_the_endpoint_given():
    storage, serve_media, img_src = _settings_with(
        MEDIA_S3_BUCKET="ubnd-media",
        MEDIA_S3_ENDPOINT_URL="https://s3.example.vn:9000",
        MEDIA_S3_REGION="hn-1",
        MEDIA_S3_ACCESS_KEY_ID="portal",
        MEDIA_S3_SECRET_ACCESS_KEY="not-a-real-secret",
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "ubnd-media"
    assert options["endpoint_url"] == "https://s3.example.vn:9000" and options["region_name"] == "hn-1"
    assert (options["access_key"], options["secret_key"]) == ("portal", "not-a-real-secret")
    assert options["querystring_auth"] is False and options["file_overwrite"] is False
    assert options["custom_domain"] is None and options["default_acl"] is None
    assert "max-age" in options["object_parameters"]["CacheControl"]
    # Links point at the store, so Django never serves /media/, and pages may show images from it.
    assert serve_media is False
    assert img_src == ["'self'", "data:", "https://s3.example.vn:9000"]


def test_a_custom_domain_is_the_host_pages_link_to():
    storage, _, img_src = _settings_with(MEDIA_S3_BUCKET="ubnd-media", MEDIA_S3_CUSTOM_DOMAIN="media.example.vn")
    assert storage["OPTIONS"]["custom_domain"] == "media.example.vn"
    assert storage["OPTIONS"]["endpoint_url"] is None
    assert img_src[-1] == "https://media.example.vn"

"""Settings of the portal: one module for development, tests and production.

Everything that differs between machines comes from the environment (or a ``.env``
file beside ``manage.py``); see ``.env.example`` for every variable.
"""

import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        sys.exit("SECRET_KEY must be set when DEBUG is off (see .env.example).")
    SECRET_KEY = "development-only-key-never-used-with-debug-off"

# Every unit's host must be allowed: in production the province's domain and its subdomains
# (".thanhhoa.gov.vn"); in development any "<name>.localhost".
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", ".localhost"] if DEBUG else [])
# How long a process keeps the map of units' host names before reading it again (units/hosts.py).
UNIT_HOSTS_SECONDS = env.int("UNIT_HOSTS_SECONDS", default=5)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "django_ckeditor_5",
    "solo",
    # A revision of each save of an article, page or meeting: the history's diff and restore (core/revisions.py).
    "reversion",
    # django-axes, named in Vietnamese in the admin (accounts/apps.py).
    "accounts.apps.ThrottlingConfig",
    # Two-factor sign-in for staff: authenticator apps (TOTP) and recovery codes (accounts/twofactor.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "core",
    "units",
    "accounts",
    "articles",
    "documents",
    "consultations",
    "procedures",
    "questions",
    "meetings",
    "stats",
    "unitprofile",
    "website",
    "compliance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "units.middleware.UnitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locale.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.permissions.UnitRolesMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.StaffSessionExpiryMiddleware",
    "accounts.middleware.TwoFactorRequiredMiddleware",
    "accounts.audit.AuditContextMiddleware",
    "accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.csp.PortalCSPMiddleware",
    # Last, as django-axes asks: it answers locked-out log-ins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.site",
            ],
        },
    },
]

# Database: an SQLite file in the project unless DATABASE_URL names another (postgres://…).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # A database that does not answer costs one visitor one connect timeout; then its circuit breaker
    # (core/breaker.py) refuses at once and every page that needs it is the 503 page, for a while.
    from core.breaker import postgresql_connection

    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=env.int("DB_CONNECT_TIMEOUT", 1), connection_factory=postgresql_connection
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise memory local to each process (fine for one process;
# several processes or servers need Redis, or an edit shows only after PAGE_CACHE_SECONDS).
# Anonymous readers get public pages from it for at most PAGE_CACHE_SECONDS (0 turns it off).
PAGE_CACHE_SECONDS = min(env.int("PAGE_CACHE_SECONDS", default=0 if DEBUG else 60), 60)  # off while developing
# The ranking of a search is shared for at most SEARCH_CACHE_SECONDS (0 turns it off), and never past an edit.
SEARCH_CACHE_SECONDS = min(env.int("SEARCH_CACHE_SECONDS", default=60), 60)
REDIS_URL = env.str("REDIS_URL", default="")
# Every Redis client waits at most this long for a connection or an answer; a Redis that does not
# answer opens its circuit breaker (core/breaker.py): for BREAKER_OPEN_SECONDS the cache is skipped
# and visits are counted in the database, without waiting.
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=0.5)
BREAKER_OPEN_SECONDS = env.int("BREAKER_OPEN_SECONDS", default=30)
if REDIS_URL:
    from core.breaker import redis_cache_settings

    CACHES = {"default": redis_cache_settings(REDIS_URL, timeout=REDIS_TIMEOUT_SECONDS)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# {% cache %} fragments (banner, maintenance notices, footer, THÔNG BÁO box, blank forms) are kept in
# each process's memory, where Django's cache tag looks first:
# their keys carry the content generation, read from the shared cache once per page, so an edit
# makes every process draw them again at once, and a page reads none of them from Redis.
# An article page keeps its row, content, comments, head and breadcrumbs there too (a few entries each,
# per generation): room for the frame of every unit and the articles being read, the least recently
# used going first.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 6000},
}

# The site settings (django-solo) are read from the cache, not the database, on every page.
SOLO_CACHE = "default"
SOLO_CACHE_TIMEOUT = 300

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.validators.VietnameseCommonPasswordValidator"},
    {"NAME": "accounts.validators.UnitNamePasswordValidator"},
    {"NAME": "accounts.validators.KeyboardPatternPasswordValidator"},
]

# Log-in throttling (django-axes): after AXES_FAILURE_LIMIT failures the pair of account name and
# address waits AXES_COOLOFF_MINUTES; administrators unlock in the admin (Axes › Access attempts).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's password check; permissions from the roles held in the request's unit only.
    "accounts.permissions.UnitRolesBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# The client as every limit sees it (core/clients.py): an IPv6 client's whole /64 is one client.
AXES_CLIENT_IP_CALLABLE = "core.clients.client_key"

# The proxies in front of the portal (addresses or networks, e.g. 127.0.0.1,::1 behind the local nginx):
# only their X-Forwarded-For is believed, by the log-in throttling, the comment and rating limits and
# the visitor counter alike (core/clients.py). Empty: the client is whoever connects.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# Two-factor sign-in (django-otp, accounts/twofactor.py): administrators and superusers always need it,
# and so do the members of the roles listed here (keys from accounts/roles.py: editor_in_chief,
# press_officer, secretary). The issuer is the name the authenticator app shows beside the code.
OTP_REQUIRED_ROLES = env.list("OTP_REQUIRED_ROLES", default=["administrator"])
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Cổng thông tin điện tử")
# Staff sessions end after STAFF_SESSION_IDLE_MINUTES without a request, and SESSION_COOKIE_AGE seconds
# after logging in however busy (accounts/middleware.py): a working day.
STAFF_SESSION_IDLE_MINUTES = env.int("STAFF_SESSION_IDLE_MINUTES", default=120)
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=12 * 3600)

# Content-Security-Policy (django-csp): only the portal's own scripts, styles, fonts and images on
# public pages; the admin also allows the inline styles CKEditor 5 writes (website/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],  # plus the video hosts that core.html.IFRAME_HOSTS allows (website/csp.py)
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Language and time: Vietnamese first, dates as 13/10/2021 14:31 (portal/formats).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Media is served by nginx in production; SERVE_MEDIA=1 lets Django serve it (development, tests).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
# Files of articles and meetings (attachments, meeting papers) are kept apart, where nginx does not
# serve them by address: website/media.py hands each out only while what it belongs to is public, or to
# staff allowed to see it. MEDIA_ACCEL_REDIRECT=1 (production) lets nginx send the file.
PROTECTED_MEDIA_ROOT = env.path("PROTECTED_MEDIA_ROOT", default=BASE_DIR / "media-protected")
PROTECTED_MEDIA_URL = "/tep-tin/"
MEDIA_ACCEL_REDIRECT = env.bool("MEDIA_ACCEL_REDIRECT", default=False)
MEDIA_ACCEL_PREFIX = "/protected-media/"  # nginx's internal location for PROTECTED_MEDIA_ROOT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "protected": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PROTECTED_MEDIA_ROOT, "base_url": PROTECTED_MEDIA_URL},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.bool("STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Media in S3-compatible object storage (django-storages) when MEDIA_S3_BUCKET is set: AWS, or MinIO,
# Viettel and other stores at MEDIA_S3_ENDPOINT_URL. Every server then shares the same files, and pages
# link to the bucket (or to MEDIA_S3_CUSTOM_DOMAIN, e.g. a CDN), so nothing serves /media/: neither
# nginx nor SERVE_MEDIA. Links are plain, for a public bucket, unless MEDIA_S3_QUERYSTRING_AUTH signs them.
MEDIA_S3_BUCKET = env.str("MEDIA_S3_BUCKET", default="")
if MEDIA_S3_BUCKET:
    MEDIA_S3_ENDPOINT_URL = env.str("MEDIA_S3_ENDPOINT_URL", default="")
    MEDIA_S3_CUSTOM_DOMAIN = env.str("MEDIA_S3_CUSTOM_DOMAIN", default="")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            # Empty settings stay None: boto3 then finds AWS and its credentials (environment, instance role).
            "endpoint_url": MEDIA_S3_ENDPOINT_URL or None,
            "region_name": env.str("MEDIA_S3_REGION", default="") or None,
            "access_key": env.str("MEDIA_S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("MEDIA_S3_SECRET_ACCESS_KEY", default="") or None,
            "custom_domain": MEDIA_S3_CUSTOM_DOMAIN or None,
            "querystring_auth": env.bool("MEDIA_S3_QUERYSTRING_AUTH", default=False),
            "signature_version": "s3v4",  # signed links: AWS refuses the older signature on new buckets
            "file_overwrite": False,  # a name already taken gets a suffix, as on disk
            "default_acl": None,  # the bucket's own policy decides who may read
            "object_parameters": {"CacheControl": "public, max-age=604800"},  # 7 days, as nginx serves /media/
        },
    }
    # Protected files: under protected/ in the same bucket, never public (the bucket's policy must not
    # open protected/*), handed out by website/media.py as a redirect to a link signed for five minutes.
    STORAGES["protected"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "location": "protected",
            "custom_domain": None,  # a CDN in front would serve the files without the check
            "querystring_auth": True,
            "querystring_expire": 300,
            "default_acl": "private",
            "object_parameters": {"CacheControl": "private, max-age=300"},
        },
    }
    SERVE_MEDIA = False
    # Browsers fetch the images from the bucket's host: the Content-Security-Policy admits it, and no other.
    if MEDIA_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = f"https://{MEDIA_S3_CUSTOM_DOMAIN}"
    elif MEDIA_S3_ENDPOINT_URL:
        MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MEDIA_S3_ENDPOINT_URL))  # bucket in the path
    else:
        MEDIA_ORIGIN = f"https://{MEDIA_S3_BUCKET}.s3.amazonaws.com"
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(MEDIA_ORIGIN)

# HTTPS: on by default in production. Behind the TLS-terminating nginx the scheme comes
# from X-Forwarded-Proto; SECURE_SSL_REDIRECT=0 leaves the redirect to that proxy.
HTTPS = env.bool("HTTPS", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Uploads: limits a press officer meets with a clear message, not a server error.
MAX_IMAGE_UPLOAD_MB = env.int("MAX_IMAGE_UPLOAD_MB", default=10)
MAX_DOCUMENT_UPLOAD_MB = env.int("MAX_DOCUMENT_UPLOAD_MB", default=25)
# What an Office/OpenDocument upload may unpack to, in all (core/uploads.py refuses zip bombs).
MAX_DOCUMENT_UNPACKED_MB = env.int("MAX_DOCUMENT_UNPACKED_MB", default=200)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The anonymous forms (comment, rating) hold a few KB: a longer body is refused unread (core/limits.py),
# where DATA_UPLOAD_MAX_MEMORY_SIZE would let it be read, and file parts spooled, in full.
PUBLIC_POST_MAX_BYTES = 64 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Rich text: CKEditor 5 in the admin; what it sends is sanitized again on the server (core.html).
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
# Images pasted or uploaded in the editor go through core.uploads (Pillow check, re-encoding).
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "articles:editor-upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "gif", "webp"]
CKEDITOR_5_CONFIGS = {
    "default": {
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "insertImage",
                "insertTable",
                "mediaEmbed",
                "|",
                "undo",
                "redo",
            ]
        },
        "image": {
            "toolbar": ["imageTextAlternative", "toggleImageCaption", "|", "imageStyle:alignCenter"],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "language": "vi",
    },
}

# E-mail to staff (an article returned or published): sent only where a server is named.
EMAIL_HOST = env("EMAIL_HOST", default="")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="cong-thong-tin@localhost")

# Articles: readers' comments allowed per visitor (count, seconds); list page size.
ARTICLES_COMMENT_RATE = (env.int("ARTICLES_COMMENT_LIMIT", default=3), env.int("ARTICLES_COMMENT_WINDOW", default=600))
ARTICLES_PAGE_SIZE = 10
# The minimum consultation period, in days, per kind of draft (consultations.Consultation.Kind). The law
# fixes it and has changed it (Law 80/2015 Art. 57 said 60 days for legal documents; check the law in
# force, now Law 64/2025/QH15): set CONSULTATION_MINIMUM_DAYS_QPPL / _KHAC when it changes again.
CONSULTATION_MINIMUM_DAYS = {
    "qppl": env.int("CONSULTATION_MINIMUM_DAYS_QPPL", default=60),
    "khac": env.int("CONSULTATION_MINIMUM_DAYS_KHAC", default=30),
}
# A comment on a draft may carry a file (a marked-up copy of the draft): bodies up to this size.
CONSULTATION_FILE_MAX_MB = env.int("CONSULTATION_FILE_MAX_MB", default=10)
CONSULTATION_POST_MAX_BYTES = (CONSULTATION_FILE_MAX_MB + 1) * 1024 * 1024

# Citizens' questions (hỏi đáp): questions and code look-ups allowed per visitor (count, seconds); the
# working days an office is given by default; the days after the answer (or the refusal) at which the
# asker's phone and e-mail are erased (purge_question_contacts, run daily).
QUESTION_RATE = (env.int("QUESTION_LIMIT", default=3), env.int("QUESTION_WINDOW", default=3600))
QUESTION_LOOKUP_RATE = (env.int("QUESTION_LOOKUP_LIMIT", default=20), env.int("QUESTION_LOOKUP_WINDOW", default=600))
QUESTION_ANSWER_DAYS = env.int("QUESTION_ANSWER_DAYS", default=10)
QUESTION_CONTACT_DAYS = env.int("QUESTION_CONTACT_DAYS", default=30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# The national measurement tag (SiteSettings.measurement_site_id switches it on): the script's address,
# as the measurement system publishes it; the Content-Security-Policy admits its origin and no other.
MEASUREMENT_SCRIPT_URL = env.str("MEASUREMENT_SCRIPT_URL", default="https://emc.gov.vn/js/emc.js")
MEASUREMENT_SCRIPT_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MEASUREMENT_SCRIPT_URL))

# Visitor statistics (README, "Visitor statistics and personal data"): days raw hashed rows are kept
# before pruning (daily figures stay), seconds the widget's figures are cached (60 at most), the
# article-view window, and how many distinct visitors one address (an IPv6 /64) may add in a day.
STATS_RETENTION_DAYS = env.int("STATS_RETENTION_DAYS", default=30)
STATS_CACHE_SECONDS = min(env.int("STATS_CACHE_SECONDS", default=60), 60)
STATS_VIEW_WINDOW_SECONDS = 30 * 60
# An address (IPv6: its /64) brings at most this many distinct visitors a day; its further browsers count as one.
STATS_VISITORS_PER_ADDRESS = env.int("STATS_VISITORS_PER_ADDRESS", default=50)
# Satisfaction answers allowed per address (count, seconds), and distinct answers one address (an IPv6
# /64) may add to one page in a day, however many browsers it names.
STATS_RATING_RATE = (env.int("STATS_RATING_LIMIT", default=10), env.int("STATS_RATING_WINDOW", default=600))
STATS_RATING_PER_ADDRESS = env.int("STATS_RATING_PER_ADDRESS", default=3)
STATS_RATING_MODELS = ["articles.article", "meetings.meeting"]
# With Redis, counting writes to Redis only and flushes to the database in batches (stats/buffer.py);
# Redis must then persist its data (appendonly yes). STATS_REDIS_URL= (empty) keeps counting in the database.
STATS_REDIS_URL = env.str("STATS_REDIS_URL", default=REDIS_URL)

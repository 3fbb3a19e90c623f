"""Settings for Desa Binaan, driven by environment variables.

SQLite under var/ by default so a clone just runs; DATABASE_URL selects PostgreSQL. Secrets may come from NAME or
from a file named by NAME_FILE. `var/.env` (written by `make`) is read first so development keys stay stable.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def _load_env_file(path: Path) -> None:
    """Read KEY=VALUE lines into os.environ without overriding variables already set."""
    if not path.exists():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip())


_load_env_file(VAR_DIR / ".env")


def env_str(name: str, default: str = "") -> str:
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Demo mode lists the demo accounts on the login page and relaxes two-factor enrolment for them only.
DEMO_MODE = env_bool("DEMO_MODE", DEBUG)
# Password of the seed_demo accounts, shown on the login page in demo mode only; empty means the documented default
# (desabinaan.accounts.demo.DEFAULT_PASSWORD).
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "")
SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-change-me" if DEBUG else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
# The controller named on the public privacy notice, access documents and breach letters (UU PDP; docs/rules.md §6).
PRIVACY_CONTROLLER = env_str("PRIVACY_CONTROLLER", "Direktorat Jenderal Imigrasi")
PRIVACY_CONTACT = env_str(
    "PRIVACY_CONTACT",
    "Pejabat Pelindungan Data Pribadi, Direktorat Jenderal Imigrasi, Jl. H.R. Rasuna Said Kav. X-6 No. 8, "
    "Jakarta Selatan; atau Kantor Imigrasi terdekat",
)

# Personal data keys (UU PDP): Fernet keys for NIK encryption, newest first (rotate with `manage.py rotate_nik_key`),
# and the HMAC key of the NIK lookup hash. The system checks refuse to run production without them.
NIK_ENCRYPTION_KEYS = env_list("NIK_ENCRYPTION_KEYS")
NIK_HASH_KEY = env_str("NIK_HASH_KEY")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    # Our apps in their dependency order (ARCHITECTURE.md; tests/test_architecture.py checks it).
    "desabinaan.core",
    "desabinaan.audit",
    "desabinaan.regions",
    "desabinaan.offices",
    "desabinaan.accounts",
    "desabinaan.jobs",
    "desabinaan.people",
    "desabinaan.program",
    "desabinaan.protection",
    "desabinaan.passport",
    "desabinaan.events",
    "desabinaan.privacy",
    "desabinaan.stats",
    "desabinaan.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "desabinaan.core.dbrouter.RequestDatabaseStateMiddleware",
    "desabinaan.core.middleware.SecurityHeadersMiddleware",
    "desabinaan.core.middleware.RejectNulCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "desabinaan.core.middleware.DefaultLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "desabinaan.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "desabinaan.urls"
WSGI_APPLICATION = "desabinaan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "desabinaan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "desabinaan.core.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'desabinaan.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the page server read while an import writes; busy timeout instead of "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    # Kept open per worker like PostgreSQL's (DB_CONN_MAX_AGE): a new SQLite connection re-reads the whole schema,
    # which cost the cached public pages most of their time (issue 15, docs/performance.md).
# A streaming replica (PostgreSQL) for dashboard and report reads; desabinaan.core.dbrouter decides per query.
if env_str("DATABASE_REPLICA_URL", ""):
    DATABASES["replica"] = dj_database_url.parse(
        env_str("DATABASE_REPLICA_URL", ""),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["desabinaan.core.dbrouter.PrimaryReplicaRouter"]

# Background work: Django's Tasks API through the django-tasks backport (`django.tasks` on Django 6). TASK_BACKEND:
# "database" (default; `manage.py worker` polls the database), "rq" (Redis at REDIS_URL; workers on many machines)
# or "immediate" (runs a task at enqueue: the test suite's default). desabinaan.jobs explains long tasks.
TASK_BACKEND = env_str("TASK_BACKEND", "database")
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
TASKS = {
    "default": {
        "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
        "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
        "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }[TASK_BACKEND]
}
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": env_int("RQ_JOB_TIMEOUT", 3600)}}
# A running job whose heartbeat (progress) stopped this long ago is taken for dead and queued again.
JOB_STALE_SECONDS = env_int("JOB_STALE_SECONDS", 600)
# Uploads of failed or stuck jobs (sign-in sheets: personal data) are deleted after this long.
JOB_UPLOAD_RETENTION_HOURS = env_int("JOB_UPLOAD_RETENTION_HOURS", 24)
# Any one uploaded file is cut off past this while it streams in (core.uploads); each form states its lower limit.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "desabinaan.core.uploads.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Failed logins allowed per username within the window before the account is locked for the window.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)
# Failed logins per username from all addresses together: the lock for everyone against guessing spread over many
# addresses, high enough that one stranger cannot reach it by themselves.
LOGIN_ACCOUNT_FAILURE_LIMIT = env_int("LOGIN_ACCOUNT_FAILURE_LIMIT", 50)
# Password reset requests per client address and per e-mail address within the window.
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 5)
PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
PASSWORD_RESET_WINDOW_SECONDS = env_int("PASSWORD_RESET_WINDOW_SECONDS", 3600)
# Days a new API token stays valid.
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 90)

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "desabinaan" / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "desabinaan@localhost")

# Security. HTTPS is assumed in production; `make serve` sets HTTPS=0 for a plain-HTTP loopback server.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# Reverse proxies in front of the app that each append the address they saw to X-Forwarded-For; the client is the
# entry this many places from the right (core.ratelimit.client_ip). 0: the header is ignored, REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if BEHIND_PROXY else 0)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_pii": {"()": "desabinaan.core.logging.MaskPersonalDataFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_pii"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Two-factor: TOTP issuer name shown in authenticator apps.
OTP_TOTP_ISSUER = "Desa Binaan Imigrasi"
# The admin must not show TOTP secrets or QR codes: an administrator could otherwise clone a user's second factor.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

NINJA_PAGINATION_PER_PAGE = 50
# Bounded limit and offset: an unbounded one reaches the database as an integer it cannot hold (a 500).
NINJA_PAGINATION_MAX_LIMIT = 200
NINJA_PAGINATION_CLASS = "desabinaan.core.pagination.BoundedLimitOffsetPagination"

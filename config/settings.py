"""The only settings module. Every value that differs between machines comes from an
environment variable; `.env.example` lists them all with defaults and meaning."""

from __future__ import annotations

from pathlib import Path

import xstatic.pkg.bootstrap
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from tinklas.common.environment import (
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TINKLAS_VAR_DIR", str(BASE_DIR / "var")))

# Off unless asked for: a deployment that forgets the variable must not serve debug pages.
# `make demo`, `make serve` and the tests turn it on.
DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_DEBUG is false.")
    SECRET_KEY = "development-only-secret-key-never-use-in-production-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_htmx",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, for /api/docs/swagger/
    "django_tasks",
    "django_tasks_db",
    "auditlog",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules",
    "template_partials",
    "csp",
    "tinklas.common",
    "tinklas.accounts",
    "tinklas.taxonomy",
    "tinklas.organisations",
    "tinklas.clusters",
    "tinklas.applications",
    "tinklas.imports",
    "tinklas.network",
    "tinklas.opendata",
    "tinklas.search",
    "tinklas.audit",
    "tinklas.demo",
]

MIDDLEWARE = [
    "tinklas.common.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "tinklas.common.permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so that what it answers carries the security headers of the ones above.
    "tinklas.accounts.middleware.StaffTwoFactorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "tinklas.common.context_processors.language_links",
                "tinklas.network.context_processors.network",
            ],
        },
    }
]

DATABASES = {
    "default": database_from_url(
        "DATABASE_URL", env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tinklas.sqlite3'}")
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers continue while one writer commits; IMMEDIATE avoids
    # "database is locked" upgrades inside write transactions.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Web addresses typed without a scheme mean https (Django 6's default, adopted now).
FORMS_URLFIELD_ASSUME_HTTPS = True
AUTH_USER_MODEL = "accounts.User"

# A cache shared by every web worker: in the database, so that nothing else must run.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "tinklas_cache",
        "TIMEOUT": env_int("CACHE_TIMEOUT", 24 * 3600),
    }
}

AUTHENTICATION_BACKENDS = [
    # Object permissions (manager of this cluster, ...) are rules: see */permissions.py.
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# Accounts (django-allauth): sign in with email and password; the address must be verified.
ACCOUNT_ADAPTER = "tinklas.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "network:home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = env_str("ACCOUNT_EMAIL_SUBJECT_PREFIX", "[Tinklas] ")
# Lockout: this many failed sign-ins for one account within the timeout lock it out; and
# from one network address, this many a minute pause signing in from it for every account.
TINKLAS_LOCKOUT_ATTEMPTS = env_int("TINKLAS_LOCKOUT_ATTEMPTS", 5)
TINKLAS_LOCKOUT_MINUTES = env_int("TINKLAS_LOCKOUT_MINUTES", 15)
TINKLAS_ADDRESS_SIGN_IN_LIMIT = f"{env_int('TINKLAS_ADDRESS_SIGN_IN_ATTEMPTS', 20)}/m/ip"
ACCOUNT_RATE_LIMITS = {
    "login_failed": (
        f"{TINKLAS_ADDRESS_SIGN_IN_LIMIT},"
        f"{TINKLAS_LOCKOUT_ATTEMPTS}/{TINKLAS_LOCKOUT_MINUTES * 60}s/key"
    )
}
# Two-factor authentication: authenticator apps (TOTP) with recovery codes; required for
# network staff (tinklas/accounts/middleware.py).
MFA_ADAPTER = "tinklas.accounts.adapter.TwoFactorAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Tinklas")
TINKLAS_STAFF_TWO_FACTOR_REQUIRED = env_bool("TINKLAS_STAFF_TWO_FACTOR_REQUIRED", True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages of the interface and of translated fields. The first one is the default.
LANGUAGE_CODES = env_list("LANGUAGES", ["lt", "en"])
for code in LANGUAGE_CODES:
    if code not in LANG_INFO:
        raise ImproperlyConfigured(f"LANGUAGES names an unknown language code {code!r}.")
LANGUAGES = [(code, LANG_INFO[code]["name_local"]) for code in LANGUAGE_CODES]
LANGUAGE_CODE = LANGUAGE_CODES[0]
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = tuple(LANGUAGE_CODES)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Vilnius")
USE_I18N = True
USE_TZ = True

# Background work (large imports, the open-data download): the database is the queue, and
# `manage.py db_worker` runs the tasks. TASKS_IMMEDIATE=true runs them inside the request.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env_bool("TASKS_IMMEDIATE", False)
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# Imports of member lists: the largest file and the most rows accepted, and from how many
# rows the check and the commit run in the background worker.
TINKLAS_IMPORT_MAX_BYTES = env_int("TINKLAS_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
TINKLAS_IMPORT_MAX_ROWS = env_int("TINKLAS_IMPORT_MAX_ROWS", 10_000)
TINKLAS_IMPORT_BACKGROUND_ROWS = env_int("TINKLAS_IMPORT_BACKGROUND_ROWS", 500)

# Every uploaded spreadsheet, CSV, text or zip file is read within these limits
# (tinklas/common/uploads.py, docs/operations.md "Upload limits"); past one it is refused
# with a message naming it. Each upload has its own largest size (above, and the register's).
TINKLAS_UPLOAD_MAX_ROWS = env_int("TINKLAS_UPLOAD_MAX_ROWS", 100_000, minimum=1)
TINKLAS_UPLOAD_MAX_CELLS_PER_ROW = env_int("TINKLAS_UPLOAD_MAX_CELLS_PER_ROW", 1000, minimum=1)
# Excel's own limit for one cell.
TINKLAS_UPLOAD_MAX_CELL_CHARACTERS = env_int(
    "TINKLAS_UPLOAD_MAX_CELL_CHARACTERS", 32_767, minimum=1
)
TINKLAS_UPLOAD_MAX_LINE_CHARACTERS = env_int(
    "TINKLAS_UPLOAD_MAX_LINE_CHARACTERS", 100_000, minimum=1
)
TINKLAS_UPLOAD_MAX_ARCHIVE_MEMBERS = env_int("TINKLAS_UPLOAD_MAX_ARCHIVE_MEMBERS", 1000, minimum=1)
TINKLAS_UPLOAD_MAX_MEMBER_BYTES = env_int(
    "TINKLAS_UPLOAD_MAX_MEMBER_BYTES", 50 * 1024 * 1024, minimum=1
)
TINKLAS_UPLOAD_MAX_UNCOMPRESSED_BYTES = env_int(
    "TINKLAS_UPLOAD_MAX_UNCOMPRESSED_BYTES", 100 * 1024 * 1024, minimum=1
)
TINKLAS_UPLOAD_MAX_COMPRESSION_RATIO = env_int(
    "TINKLAS_UPLOAD_MAX_COMPRESSION_RATIO", 100, minimum=1
)
# The register of legal entities: the largest file accepted (the real one is 40 MB).
TINKLAS_REGISTER_MAX_BYTES = env_int("TINKLAS_REGISTER_MAX_BYTES", 200 * 1024 * 1024)
# What is kept of imports (tinklas/imports/retention.py): the rows whose results a run
# stores (its totals count every row), the days a run is kept before
# `manage.py prune_import_runs` deletes it, and the imports a cluster may have a day (network
# staff are not limited).
TINKLAS_IMPORT_RESULTS_KEPT = env_int("TINKLAS_IMPORT_RESULTS_KEPT", 1000, minimum=1)
TINKLAS_IMPORT_RUNS_KEPT_DAYS = env_int("TINKLAS_IMPORT_RUNS_KEPT_DAYS", 90, minimum=1)
TINKLAS_IMPORT_RUNS_PER_DAY = env_int("TINKLAS_IMPORT_RUNS_PER_DAY", 20, minimum=1)

# Audit: every change records its request id (see tinklas/common/request_id.py).
AUDITLOG_CID_GETTER = "tinklas.common.request_id.current_request_id"

# The country whose register, regions and identifiers the network works with.
TINKLAS_COUNTRY = env_str("TINKLAS_COUNTRY", "LT").upper()

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Bootstrap ships in a Python package; served under static/bootstrap/.
    ("bootstrap", xstatic.pkg.bootstrap.BASE_DIR),
]
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
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Tinklas <no-reply@localhost>")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

# Browser features no page uses, refused to the site and anything it embeds.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

# Content Security Policy: no inline scripts or styles anywhere, no third-party origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# The REST API (docs/api.md): JSON only; anyone reads published data, writing needs a personal
# API token (or a session with its CSRF token); throttled per address and per person.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tinklas.accounts.tokens.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["tinklas.common.api.base.ReadOrSignedIn"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "tinklas.common.api.base.Pagination",
    "DEFAULT_SCHEMA_CLASS": "tinklas.common.api.schema.ApiSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "tinklas.common.api.base.AnonymousThrottle",
        "tinklas.common.api.base.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANONYMOUS", "60/min"),
        "user": env_str("API_THROTTLE_USER", "600/min"),
    },
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tinklas API",
    "DESCRIPTION": "The registry of the cluster network: clusters, member organisations, "
    "memberships, labels, reference data and key figures. See /api/docs/.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # English whatever the request's language (common/api/schema.py), for the schema view
    # and the `spectacular` command alike.
    "DEFAULT_GENERATOR_CLASS": "tinklas.common.api.schema.SchemaGenerator",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "OrganisationKindEnum": "tinklas.organisations.models.Organisation.Kind",
        "LabelKindEnum": "tinklas.clusters.models.Label.Kind",
        "RegionKindEnum": "tinklas.taxonomy.models.Region.Kind",
        "LabelStatusEnum": "tinklas.clusters.models.LabelStatus",
        "ClusterStatusEnum": "tinklas.clusters.models.Cluster.Status",
        # Founding and joining dates share their precisions: one type for generated clients.
        "DatePrecisionEnum": "tinklas.common.partial_dates.DatePrecision",
    },
    # Swagger UI (/api/docs/swagger/) from the drf-spectacular-sidecar package, served with
    # the static files: no CDN, and its script is a file, as the CSP requires.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {
        "deepLinking": True,
        # Swagger UI would otherwise send the schema to an outside validator for a badge.
        "validatorUrl": None,
    },
}

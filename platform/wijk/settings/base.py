"""Settings shared by every environment. Every value that differs per machine comes from the environment."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the wijk package: templates travel inside it
PLATFORM_DIR = PACKAGE_DIR.parent
# In a checkout BASE_DIR is its root. An installed package lives in site-packages: its data (database,
# static files, media) then goes to WIJK_DATA_DIR, or the folder the process was started in.
_checkout = PLATFORM_DIR.parent
BASE_DIR = Path(
    env_str("WIJK_DATA_DIR") or (_checkout if (_checkout / "manage.py").is_file() else Path.cwd())
).resolve()

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-for-wijk-de-ruwaard-never-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Proxies (addresses or networks) whose X-Forwarded-For names the client; nobody else's is believed.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

INSTALLED_APPS = [
    "daphne",
    # Platform-wide apps (platform/)
    "core",
    "accounts",
    "notifications",
    "organisations",
    "notices",
    "home",
    # Content apps
    "activities",
    "marketplace",
    "stories",
    "search",
    "moderation",
    # Demo content (only its load_demo command)
    "demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Infrastructure
    "channels",
    "django_tasks",
    "django_tasks_db",
    "ops",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "django.contrib.syndication",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
]

MIDDLEWARE = [
    "ops.proxy.TrustedProxyMiddleware",
    "ops.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wijk.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.InputCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SuspendedAccountMiddleware",
    "accounts.middleware.StaffSecondFactorMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.SnippetChooserPermissionMiddleware",
    "core.middleware.ApplicationErrorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.middleware.VisitCounterMiddleware",
]

ROOT_URLCONF = "wijk.urls"
WSGI_APPLICATION = "wijk.wsgi.application"
ASGI_APPLICATION = "wijk.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_navigation",
                "notifications.context_processors.notifications",
                "accounts.context_processors.allauth_title",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{Path(env_str('SQLITE_PATH') or BASE_DIR / 'db.sqlite3')}",
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Parallel writers wait for each other instead of failing with "database is locked": WAL lets readers
    # go on while one writes, IMMEDIATE takes the write lock at BEGIN, the timeout is how long to wait.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/mijn/"
LOGOUT_REDIRECT_URL = "/"

# Language and time: Dutch first, English ships too.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]  # each in its own language
LOCALE_PATHS = [Path(env_str("LOCALE_DIR") or _checkout / "locale")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded media through Django itself (`make run`, one machine); behind nginx in production.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The address the site is served on, used in every link in a mail. `make run` serves on this default.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Wagtail
WAGTAIL_SITE_NAME = "Wij(k) de Ruwaard"
# The admin asks no outside server whether a newer Wagtail exists (the CSP would refuse it anyway).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
# Refused before decoding: more pixels than this. With JPEG draft decoding (core.images) the peak memory of one
# upload stays bounded; the README gives the measured number.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# Every image form of the admin decodes the whole photo first: a broken or cut-off file is a form error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.images.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "bmp": "webp", "webp": "webp"}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # The admin's own search reads Dutch: the 'dutch' text configuration (stemmer and stop words).
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "dutch"
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True

# django-allauth: e-mail login, verified e-mail, login by code, rate limits on (the default).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Wij(k) de Ruwaard] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env_str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "http")

# One login for everyone: the Wagtail and Django admin send people to allauth's login, with its rate limits
# and its second-factor step. Two-factor authentication: an authenticator app (TOTP) with recovery codes, or
# a passkey (toegangssleutel, allauth's WebAuthn), which also logs in on its own, without a password.
# WebAuthn needs https; browsers and fido2 make one exception, http://localhost, which serves development
# and the browser tests, so MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN (no origin check at all) stays off everywhere.
WAGTAILADMIN_LOGIN_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_FORMS = {
    "add_webauthn": "accounts.forms.AddWebAuthnForm",
    "login_webauthn": "accounts.forms.LoginWebAuthnForm",
    "reauthenticate_webauthn": "accounts.forms.ReauthenticateWebAuthnForm",
}
MFA_TOTP_ISSUER = "Wij(k) de Ruwaard"
# Staff (anyone with access to the Wagtail or Django admin, editors and moderators) cannot open these
# paths before they have set up a second factor; they are sent to set one up.
MFA_REQUIRED_PATH_PREFIXES = ["/admin/", "/django-admin/", "/moderatie/"]

# The agenda on partner websites (/agenda/insluiten/): only these origins may frame it.
EMBED_ALLOWED_ORIGINS = env_list("EMBED_ALLOWED_ORIGINS")
# Map tiles for the agenda map (Leaflet); the origin is allowed in the CSP img-src below.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "© OpenStreetMap")


def _origin(url: str) -> str:
    scheme, _sep, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}".replace("{s}.", "*.")


# Security headers, from the start.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Powerful browser features the site never uses are switched off for every page.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)
SESSION_COOKIE_HTTPONLY = True
# Sessions live in the database, with the cache in front: a cache outage does not log anyone out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CSRF_COOKIE_HTTPONLY = False
# The Wagtail and Django admin use inline scripts and styles of their own; the public site uses none.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", _origin(MAP_TILE_URL)],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],  # 'self' covers the site's own WebSocket (ws/wss) in CSP level 3
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# The Wagtail and Django admin get their own policy: they need inline scripts and styles of their own, but
# nothing from another site may run, frame or be posted to there either.
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
# No avatars from a third party: that would send every admin user's e-mail hash elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

SITE_ID = 1

# Limits on posting (django-ratelimit, counted in the cache per account): "<count>/<period>", period s, m, h
# or d. Over the limit the page answers 429 in Dutch. With the cache unreachable the limits stay open.
POST_RATE_LIMITS = {
    "listing": env_str("RATE_LIMIT_LISTING", "10/h"),
    "response": env_str("RATE_LIMIT_RESPONSE", "30/h"),
    "message": env_str("RATE_LIMIT_MESSAGE", "60/h"),
    "report": env_str("RATE_LIMIT_REPORT", "20/h"),
    "activity": env_str("RATE_LIMIT_ACTIVITY", "10/h"),
    "story": env_str("RATE_LIMIT_STORY", "5/h"),
    "notice": env_str("RATE_LIMIT_NOTICE", "10/10m"),
    "guest": env_str("RATE_LIMIT_GUEST", "8/h"),  # "ik kom" without an account, per address
}
RATELIMIT_FAIL_OPEN = True

# /impact/: the visit counter and the amounts behind the social-value estimate (euros, with their source).
COUNT_VISITS = env_bool("COUNT_VISITS", True)
IMPACT_VALUE_PER_MATCH = env_str("IMPACT_VALUE_PER_MATCH", "0")
IMPACT_VALUE_PER_HOUR = env_str("IMPACT_VALUE_PER_HOUR", "0")
IMPACT_VALUE_SOURCE = env_str("IMPACT_VALUE_SOURCE", "")

from .cache import *  # noqa: E402,F403
from .channels import *  # noqa: E402,F403
from .email import *  # noqa: E402,F403
from .push import *  # noqa: E402,F403
from .search import *  # noqa: E402,F403
from .tasks import *  # noqa: E402,F403

# Written by `manage.py vapid_keys --first-start` when VAPID_* are not in the environment.
VAPID_KEY_FILE = Path(env_str("VAPID_KEY_FILE") or BASE_DIR / ".vapid-keys.json")

LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "ops.logs.JsonFormatter"},
        "plain": {"format": "%(levelname)s %(name)s [%(request_id)s]: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain" if LOG_FORMAT == "plain" else "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {"django": {"level": "INFO", "handlers": ["console"], "propagate": False}},
}

from .sentry import *  # noqa: E402,F403

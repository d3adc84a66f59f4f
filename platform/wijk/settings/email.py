"""E-mail: EMAIL_URL (smtp://…) or EMAIL_BACKEND; the console in development."""

import dj_email_url

from .env import env_str

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Wij(k) de Ruwaard <noreply@wijkderuwaard.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

if env_str("EMAIL_URL"):
    vars().update(dj_email_url.parse(env_str("EMAIL_URL")))
else:
    EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

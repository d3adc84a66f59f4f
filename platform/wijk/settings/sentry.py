"""Optional error reports to Sentry: only when SENTRY_DSN is set (install the `sentry` extra)."""

from .env import env_str

SENTRY_DSN = env_str("SENTRY_DSN")

if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )

# Golden fixture: production settings reading through base's env.
from .base import *  # noqa: F403
from .base import env

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["bazaar.example.com"])
EMAIL_HOST_PASSWORD = env(
    "MAILGUN_SMTP_PASSWORD",
)
SENTRY_API_TOKEN = env("SENTRY_API_TOKEN")

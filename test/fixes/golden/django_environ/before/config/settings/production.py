# Golden fixture: production settings reading through base's env.
from .base import *  # noqa: F403
from .base import env

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["bazaar.example.com"])
EMAIL_HOST_PASSWORD = env(
    "MAILGUN_SMTP_PASSWORD",
    default="mg-smtp-Q7wK2pZ9xL4mR8tV3n",
)
SENTRY_API_TOKEN = "Hq8Zk2Lm7Xp4Wr9Tn3Vb6Jc1Fd5Gs0Ay"

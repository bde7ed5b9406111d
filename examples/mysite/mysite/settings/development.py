# Fixture: demo project's development settings (manage.py default), with an optional local.py override.
from .base import *  # noqa: F401,F403

DEBUG = True

ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

INTERNAL_IPS = ["127.0.0.1"]

# Per-developer overrides live in an untracked local.py.
try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass

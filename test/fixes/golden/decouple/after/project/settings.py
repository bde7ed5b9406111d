"""Golden fixture: python-decouple style."""
from __future__ import annotations

from pathlib import Path

from decouple import Csv, config

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = config("DJANGO_SECRET_KEY")
DEBUG = config("DEBUG", default=False, cast=bool)
ALLOWED_HOSTS = config("ALLOWED_HOSTS", default="localhost", cast=Csv())
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "polls",
        "PASSWORD": config("DB_PASSWORD"),
        "OPTIONS": {"connect_timeout": 5},
    }
}
CELERY_BROKER_URL = config("CELERY_BROKER_URL")

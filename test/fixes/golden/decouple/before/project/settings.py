"""Golden fixture: python-decouple style."""
from __future__ import annotations

from pathlib import Path

from decouple import Csv, config

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "django-insecure-k2#v9z!q7m@x4p$w8r^t1n&b6c*j3h(f5g)d0s-a=e+l"
DEBUG = config("DEBUG", default=False, cast=bool)
ALLOWED_HOSTS = config("ALLOWED_HOSTS", default="localhost", cast=Csv())
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "polls",
        "PASSWORD": config("DB_PASSWORD", default="Pz8-Kq3Lw7Xm2Vt9"),
        "OPTIONS": {"connect_timeout": 5},
    }
}
CELERY_BROKER_URL = "redis://:Wq9Zk3Lm8Xp2Tr7V@cache:6379/0"

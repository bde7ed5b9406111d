"""Settings for the shop (golden fixture: os.environ style, no import of os yet)."""

import os

DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "PASSWORD": os.environ["DATABASE_PASSWORD"],
        "HOST": "db.internal",
        "OPTIONS": {"sslmode": "require"},
    }
}

EMAIL_HOST = "smtp.example.com"
EMAIL_HOST_PASSWORD = os.environ['EMAIL_HOST_PASSWORD']

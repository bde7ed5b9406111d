"""Settings for the shop (golden fixture: os.environ style, no import of os yet)."""

DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
SECRET_KEY = "r8Jq2vLz5Wn9Tb4Xc7Hk1Mp6Sd3Fg0Ya8Ue2Io5Pw9Qt4Ry7Nb1Vc6Xz3Lk8Jh2G"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "PASSWORD": "Tq7-Lm2zX9pK4wR8",
        "HOST": "db.internal",
        "OPTIONS": {"sslmode": "require"},
    }
}

EMAIL_HOST = "smtp.example.com"
EMAIL_HOST_PASSWORD = 'Xk2-Lp9qZ7mW4tR1'

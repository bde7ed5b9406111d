# Golden fixture: django-environ style; base creates env, production imports it.
import environ

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = "m3Kp8Rz1Vx6Nq4Wt9Lb2Hc7Jf5Gd0Sa3Ue8Io1Py6Tk4Rx9Zq2Vn7Lm5Bc8Xw"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "bazaar",
        "USER": "bazaar",
        "PASSWORD": "Vn4-Zq8Lk2Xm7Pw1",
        "HOST": "db",
        "PORT": "5432",
    }
}

# Golden fixture: django-environ style; base creates env, production imports it.
import environ

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY")

DATABASES = {
    "default": env.db("DATABASE_URL")
}

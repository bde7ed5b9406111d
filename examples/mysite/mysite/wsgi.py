# Fixture: demo project's WSGI entry point; gunicorn serves the production settings through it.
"""WSGI application for mysite, used by gunicorn in production."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.production")

application = get_wsgi_application()

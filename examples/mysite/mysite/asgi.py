# Fixture: demo project's ASGI entry point; it deploys the production settings too.
"""ASGI application for mysite (uvicorn/daphne)."""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.production")

application = get_asgi_application()

# Fixture: demo project's manage.py; developers run it against the development settings.
"""Command-line entry point for administrative tasks (runserver, migrate, check...)."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.development")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Django is not importable. Is the virtual environment active and "
            "requirements.txt installed?"
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

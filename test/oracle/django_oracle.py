"""Differential-test oracle: runs Django's own security/deploy checks on many settings modules and prints JSON."""
# Usage: /usr/bin/python3 django_oracle.py ROOT MODULE [MODULE...]
#
# ROOT is put first on sys.path; each MODULE is a dotted settings module under
# it (for example "v001.production").  For every module the script points
# django.conf.settings at that module and asks the check registry for the
# security-tagged checks, deploy checks included, exactly like
# `manage.py check --deploy -t security` does, but without django.setup():
# the checks only compare strings, so INSTALLED_APPS / MIDDLEWARE entries that
# are not importable do not matter.  The output is a single JSON object
#     {"v001.production": {"ids": ["security.W004", ...]},
#      "v002.production": {"error": "ImportError: ..."}}
# where "ids" is the sorted list of ids that SILENCED_SYSTEM_CHECKS does not
# silence (Django's own rule: `id in settings.SILENCED_SYSTEM_CHECKS`, so a str
# value means a substring test).
#
# Everything runs in one interpreter because starting Python + Django once per
# variant would take far longer than the whole TypeScript suite.
import json
import os
import sys
import traceback


def _purge_package(dotted):
    """Forget every module of the variant package so the next import re-executes it."""
    top = dotted.split(".", 1)[0]
    for name in list(sys.modules):
        if name == top or name.startswith(top + "."):
            del sys.modules[name]


def _describe(exc):
    # One line is enough to find the problem; the last traceback frame says where.
    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        where = " (%s:%s)" % (os.path.basename(last.filename), last.lineno)
    return "%s: %s%s" % (type(exc).__name__, exc, where)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: django_oracle.py ROOT MODULE [MODULE...]\n")
        return 2
    root, modules = argv[1], argv[2:]
    sys.path.insert(0, os.path.abspath(root))
    # async.E001 is not tagged "security", but clear the variable anyway so the
    # environment of the caller can never leak into the results.
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    import django  # noqa: F401  (fails loudly if Django is missing)
    from django.conf import settings
    from django.core import checks  # noqa: F401  (importing registers the checks)
    from django.core.checks.registry import registry
    from django.utils.functional import empty

    results = {}
    for module in modules:
        _purge_package(module)
        # Assigning _wrapped also clears LazySettings' per-attribute cache.
        settings._wrapped = empty
        os.environ["DJANGO_SETTINGS_MODULE"] = module
        try:
            # Loading happens lazily; force it here so an import failure is
            # attributed to the module rather than to some check.
            settings._setup()
        except BaseException as exc:  # noqa: BLE001  SystemExit in a settings file counts too
            results[module] = {"error": _describe(exc)}
            continue
        try:
            messages = registry.run_checks(
                include_deployment_checks=True, tags=["security"]
            )
            silenced = settings.SILENCED_SYSTEM_CHECKS
            ids = sorted(m.id for m in messages if m.id not in silenced)
            results[module] = {"ids": ids}
        except BaseException as exc:  # noqa: BLE001
            results[module] = {"error": _describe(exc)}
    settings._wrapped = empty

    json.dump(results, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

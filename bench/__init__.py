"""Benchmarks (`make bench`) and the load test (`make load`). Not part of the product: nothing imports this.

Both entry points (`python -m bench.run`, `python -m bench.load`) call :func:`bootstrap` before importing anything
that touches Django models, so the settings come from the environment the Makefile sets, as in production.
"""

import atexit
import os
import shutil
import tempfile


def bootstrap() -> None:
    """Production-like settings from the environment, throwaway folders for static and media files, Django set up."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # The benchmarks write tens of thousands of rows: never into the developer's SQLite file.
        raise SystemExit("DATABASE_URL must point at a throwaway PostgreSQL (run through scripts/with-postgres.sh).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    for name in ("STATIC_ROOT", "MEDIA_ROOT"):
        if name not in os.environ:
            # collectstatic and imports write here; removed on exit like the database cluster itself.
            folder = tempfile.mkdtemp(prefix=f"otbasy-bench-{name.lower()}-")
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            os.environ[name] = folder

    import django

    django.setup()

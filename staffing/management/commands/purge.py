"""manage.py purge: the one daily clean-up of personal data the product keeps only for a while. Run it once a day
(cron or a systemd timer, e.g. `15 2 * * * cd /srv/otbasy && .venv/bin/python manage.py purge`; `make run` runs
it on start). It removes import previews older than a day (they hold full IINs; what `purge_uploads` does alone)
and personal data access log entries older than ACCESS_LOG_RETENTION_DAYS (docs/security.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from staffing.access_log import access_log_purge
from staffing.workbook.previews import previews_purge


class Command(BaseCommand):
    help = "Daily: delete import previews older than a day and access log entries older than the retention."

    def handle(self, *args, **options):
        previews = previews_purge()
        entries = access_log_purge()
        if options["verbosity"] > 0:
            self.stdout.write(f"Import previews older than a day: {previews} removed.")
            self.stdout.write(
                f"Access log entries older than {settings.ACCESS_LOG_RETENTION_DAYS} days: {entries} removed."
            )

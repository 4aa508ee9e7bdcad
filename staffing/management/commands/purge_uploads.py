"""manage.py purge_uploads: delete import previews older than a day (they hold the workbook's rows, full IINs
included), whether imported or not. Run daily (cron or a systemd timer; `make run` runs it at start)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from staffing.workbook.previews import previews_purge


class Command(BaseCommand):
    help = "Delete import previews (and uploaded workbooks of earlier versions) older than a day. Run daily."

    def handle(self, *args, **options):
        deleted = previews_purge()
        if options["verbosity"]:
            self.stdout.write(_("Deleted %(count)s import previews and uploads older than a day.") % {"count": deleted})

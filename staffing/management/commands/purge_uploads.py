"""manage.py purge_uploads: delete import previews older than a day (they hold the workbook's rows, full IINs
included), whether imported or not. The daily `manage.py purge` (run by `make run` too) does this and the rest of
the clean-up; this command is the import previews' part alone."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from staffing.workbook.previews import previews_purge


class Command(BaseCommand):
    help = "Delete import previews (and uploaded workbooks of earlier versions) older than a day. Run daily."

    def handle(self, *args, **options):
        deleted = previews_purge()
        if options["verbosity"]:
            self.stdout.write(_("Deleted %(count)s import previews and uploads older than a day.") % {"count": deleted})

"""manage.py export_staff FILE --centre CODE: write the centre's staff workbook (the import format)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from staffing.access_log import What, access_record
from staffing.models import Centre
from staffing.workbook import workbook_export


class Command(BaseCommand):
    help = "Export employees, education and work history of one centre to an .xlsx workbook."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx workbook to write")
        parser.add_argument("--centre", required=True, help="the centre's code")

    def handle(self, *args, file, centre, **options):
        try:
            target = Centre.objects.get(code=centre)
        except Centre.DoesNotExist:
            raise CommandError(_("Unknown centre: %(code)s.") % {"code": centre}) from None
        try:
            workbook_export(target, file)
        except OSError as error:
            raise CommandError(_("Cannot write %(file)s: %(error)s") % {"file": file, "error": error}) from None
        count = target.employees.count()
        # The workbook holds full IINs: the access log records it (by the operator of the command line).
        access_record(what=What.COMMAND, centre=target, people=count, detail=f"export_staff {file}")
        self.stdout.write(
            self.style.SUCCESS(
                _("Exported %(count)s employees of %(centre)s to %(file)s.")
                % {"count": count, "centre": target.code, "file": file}
            )
        )

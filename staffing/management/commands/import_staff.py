"""manage.py import_staff FILE --centre CODE [--dry-run]: import the staff workbook, all or nothing."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from staffing.models import Centre
from staffing.workbook import WorkbookError, workbook_import, workbook_read


class Command(BaseCommand):
    help = "Import employees, education and work history of one centre from an .xlsx workbook (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx workbook")
        parser.add_argument("--centre", required=True, help="the centre's code")
        parser.add_argument("--dry-run", action="store_true", help="check and show what would change; write nothing")

    def handle(self, *args, file, centre, dry_run, **options):
        try:
            target = Centre.objects.get(code=centre)
        except Centre.DoesNotExist:
            raise CommandError(_("Unknown centre: %(code)s.") % {"code": centre}) from None
        try:
            plan = workbook_read(file, centre=target)
        except WorkbookError as error:
            raise CommandError(str(error)) from None

        self.stdout.write(
            _(
                "%(centre)s: %(created)s employees to create, %(updated)s to update, %(education)s education rows, "
                "%(periods)s work periods."
            )
            % {
                "centre": target.code,
                "created": len(plan.created),
                "updated": len(plan.updated),
                "education": plan.education_rows,
                "periods": plan.period_rows,
            }
        )
        if plan.changes and plan.changes.new_units:
            self.stdout.write(_("New units: %(units)s") % {"units": ", ".join(plan.changes.new_units)})
        if not plan.ok:
            for problem in plan.problems:
                self.stderr.write(problem.located)
            raise CommandError(_("%(count)s problems found: nothing was imported.") % {"count": len(plan.problems)})
        if dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
            return
        workbook_import(plan)
        self.stdout.write(self.style.SUCCESS(_("Imported.")))

"""manage.py send_reminders [--as-of YYYY-MM-DD] [--language kk|ru]: the HR calendar's daily digest by e-mail
(run it daily, e.g. from cron at 08:00; docs/personnel.md)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from config.dates import today
from personnel.reminders import reminders_send


class Command(BaseCommand):
    help = "E-mails each HR officer and director the overdue and coming items of their centres (once a day)."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: today)")
        parser.add_argument("--language", choices=["kk", "ru"], default="kk")

    def handle(self, *args, as_of=None, language="kk", **options):
        try:
            day = date.fromisoformat(as_of) if as_of else today()
        except ValueError:
            raise CommandError(f"--as-of must be a date YYYY-MM-DD, not {as_of!r}") from None
        sent = reminders_send(day=day, language=language)
        self.stdout.write(f"{sent} digest(s) sent for {day:%d.%m.%Y}")

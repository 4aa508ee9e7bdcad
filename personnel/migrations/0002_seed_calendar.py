"""Seed the table of non-working days for 2020–2030 from the `holidays` package (Kazakhstan)."""

from django.db import migrations


def seed(apps, schema_editor):
    from personnel.services import calendar_rows

    CalendarDay = apps.get_model("personnel", "CalendarDay")
    existing = set(CalendarDay.objects.values_list("date", flat=True))
    CalendarDay.objects.bulk_create(
        [CalendarDay(date=day, working=working, name=name) for day, working, name in calendar_rows() if day not in existing]
    )


class Migration(migrations.Migration):
    dependencies = [("personnel", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

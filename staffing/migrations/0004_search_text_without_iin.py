"""Employee.search_text no longer holds the IIN (it is searched exactly, by roles that may see it)."""

from django.db import migrations


def rebuild(apps, schema_editor):
    Employee = apps.get_model("staffing", "Employee")
    batch = []
    for employee in Employee.objects.only("pk", "last_name", "first_name", "middle_name", "personnel_number").iterator():
        employee.search_text = " ".join(
            [employee.last_name, employee.first_name, employee.middle_name, employee.personnel_number]
        ).lower()
        batch.append(employee)
        if len(batch) == 2000:
            Employee.objects.bulk_update(batch, ["search_text"])
            batch = []
    Employee.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("staffing", "0003_active_by_name_index")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]

"""Names sorted in the order of the Kazakh alphabet (Employee.name_key) and searched with Latin i read as Kazakh і
(search_text rebuilt); staffing/names.py."""

from django.db import migrations, models

from staffing.names import name_key, search_fold


def rebuild(apps, schema_editor):
    Employee = apps.get_model("staffing", "Employee")
    columns = ("pk", "last_name", "first_name", "middle_name", "personnel_number")
    batch = []
    for employee in Employee.objects.only(*columns).order_by("pk").iterator(chunk_size=2000):
        employee.name_key = name_key(employee.last_name, employee.first_name, employee.middle_name)
        employee.search_text = search_fold(
            " ".join([employee.last_name, employee.first_name, employee.middle_name, employee.personnel_number])
        )
        batch.append(employee)
        if len(batch) == 2000:
            Employee.objects.bulk_update(batch, ["name_key", "search_text"])
            batch = []
    Employee.objects.bulk_update(batch, ["name_key", "search_text"])


class Migration(migrations.Migration):

    dependencies = [
        ('positions', '0004_verbose_names'),
        ('staffing', '0007_personal_data_access'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='employee',
            options={'ordering': ['name_key', 'pk'], 'verbose_name': 'employee', 'verbose_name_plural': 'employees'},
        ),
        migrations.RemoveIndex(
            model_name='employee',
            name='employee_active_by_name',
        ),
        migrations.AddField(
            model_name='employee',
            name='name_key',
            field=models.CharField(default='', editable=False, max_length=604),
        ),
        migrations.AddIndex(
            model_name='employee',
            index=models.Index(condition=models.Q(('dismissal_date__isnull', True)), fields=['name_key', 'id'], name='employee_active_by_name'),
        ),
        migrations.AddIndex(
            model_name='employee',
            index=models.Index(fields=['centre', 'name_key', 'id'], name='employee_centre_by_name'),
        ),
        migrations.RunPython(rebuild, migrations.RunPython.noop),
    ]

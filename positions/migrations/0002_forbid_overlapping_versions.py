"""The database itself forbids two versions of one clause (or one requirement) in force on the same day.

PostgreSQL: exclusion constraints over date ranges (btree_gist for the equality parts). SQLite: triggers
that abort the insert or update. An empty valid_from / valid_to is an open end of the range.
"""

from django.db import migrations

VERSIONED = {
    "positions_clauseversion": ["clause_id"],
    "positions_requirement": ["position_id", "qualification_level", "category"],
}


def _sqlite_overlap(table, keys, alias):
    same = " AND ".join(f"{alias}.{key} = NEW.{key}" for key in keys)
    return (
        f"SELECT 1 FROM {table} {alias} WHERE {same}"
        f" AND ({alias}.valid_from IS NULL OR NEW.valid_to IS NULL OR {alias}.valid_from < NEW.valid_to)"
        f" AND ({alias}.valid_to IS NULL OR NEW.valid_from IS NULL OR NEW.valid_from < {alias}.valid_to)"
    )


def forbid_overlaps(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
            for table, keys in VERSIONED.items():
                equal = ", ".join(f"{key} WITH =" for key in keys)
                cursor.execute(
                    f"ALTER TABLE {table} ADD CONSTRAINT {table}_no_overlap EXCLUDE USING gist "
                    f"({equal}, daterange(valid_from, valid_to, '[)') WITH &&)"
                )
        elif connection.vendor == "sqlite":
            for table, keys in VERSIONED.items():
                message = f"overlapping versions in {table}"
                cursor.execute(
                    f"CREATE TRIGGER {table}_no_overlap_insert BEFORE INSERT ON {table} "
                    f"WHEN EXISTS ({_sqlite_overlap(table, keys, 'v')}) "
                    f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )
                cursor.execute(
                    f"CREATE TRIGGER {table}_no_overlap_update BEFORE UPDATE ON {table} "
                    f"WHEN EXISTS ({_sqlite_overlap(table, keys, 'v')} AND v.id != NEW.id) "
                    f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )


def allow_overlaps(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table in VERSIONED:
            if connection.vendor == "postgresql":
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_no_overlap")
            elif connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_overlap_insert")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_overlap_update")


class Migration(migrations.Migration):
    dependencies = [("positions", "0001_initial")]

    operations = [migrations.RunPython(forbid_overlaps, allow_overlaps)]

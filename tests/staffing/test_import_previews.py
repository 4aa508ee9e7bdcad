"""The import preview: what it shows (new, updated with old → new, rows added and removed, new units), kept as a
database row read once and imported at most once, cancelled, expired and purged; caps on cells and columns."""

from __future__ import annotations

import os
import threading
import time
import zipfile
from datetime import date, timedelta
from io import StringIO

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from staffing.models import Employee, ImportPreview, Unit
from staffing.workbook import WorkbookError, files, previews, workbook_import, workbook_read
from tests.factories import UserFactory
from tests.staffing.test_workbook import iin, read, staff, write_workbook


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def upload(client, tmp_path, centre, data=None, name="staff.xlsx"):
    path = write_workbook(tmp_path / name, data or staff())
    return client.post(
        reverse("staffing:import"),
        {"centre": centre.code, "workbook": SimpleUploadedFile(name, path.read_bytes())},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def post(client, name, token, centre):
    return client.post(reverse(f"staffing:{name}"), {"token": str(token), "centre": centre.code})


# ---- what the preview shows ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_preview_lists_new_and_changed_employees_rows_and_new_units(tmp_path, centre):
    Unit.objects.create(centre=centre, name="Психологиялық қызмет")
    workbook_import(read(tmp_path, staff(), centre))
    data = staff()
    data["employees"][0]["last_name"] = "Әбенова-Серікова"
    data["employees"][0]["unit"] = "Жаңа бөлім"
    data["education"][0]["graduation_date"] = "2012-07-01"
    data["work_history"].pop(0)  # 0001's school years
    data["employees"].append(
        {**data["employees"][2], "personnel_number": "0004", "iin": iin(date(2001, 11, 20), "M", 9960)}
    )
    data["employees"][-1].update(last_name="Жаңаев", unit="  психологиялық   ҚЫЗМЕТ ")
    data["work_history"].append({**data["work_history"][-1], "personnel_number": "0004"})

    changes = read(tmp_path, data, centre, name="again.xlsx").changes

    assert changes.new_employees == [("0004", "Жаңаев Әлихан")]
    assert changes.new_units == ["Жаңа бөлім"]  # the look-alike of an existing unit is that unit
    assert [c.personnel_number for c in changes.updated] == ["0001"]
    assert changes.unchanged == 2
    first = changes.updated[0]
    assert ("last name", "Әбенова", "Әбенова-Серікова") in first.fields
    assert ("unit", "Әлеуметтік қолдау бөлімі", "Жаңа бөлім") in first.fields
    assert [row[-10:] for row in first.education_added] == ["01.07.2012"]
    assert [row[-10:] for row in first.education_removed] == ["30.06.2012"]
    assert first.periods_added == [] and len(first.periods_removed) == 1
    assert "№12 мектеп" in first.periods_removed[0] and "01.09.2012 – 31.12.2019" in first.periods_removed[0]
    assert (changes.education_added, changes.education_removed) == (1, 1)
    assert (changes.periods_added, changes.periods_removed) == (1, 1)  # 0004's period is new


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    [
        "әлеуметтік қолдау бөлімі",  # case
        " Әлеуметтік  қолдау   бөлімі ",  # spaces
        "Әлеуметтік қoлдау бөлiмi",  # Latin o and i for Cyrillic о and Kazakh і
        "ӘЛЕУМЕТТIК ҚОЛДAУ БӨЛIМI",  # Latin capitals I and A
    ],
)
def test_a_unit_typed_with_a_look_alike_letter_is_the_existing_unit(tmp_path, centre, typed):
    existing = Unit.objects.create(centre=centre, name="Әлеуметтік қолдау бөлімі")
    data = staff()
    data["employees"][0]["unit"] = typed
    plan = read(tmp_path, data, centre)
    assert plan.changes.new_units == ["Психологиялық қызмет"]
    workbook_import(plan)
    assert Employee.objects.get(personnel_number="0001").unit == existing
    assert Unit.objects.filter(centre=centre).count() == 2


@pytest.mark.django_db
def test_kazakh_i_and_russian_i_are_different_letters_in_unit_names(tmp_path, centre):
    Unit.objects.create(centre=centre, name="Бөлім")
    data = staff()
    data["employees"][0]["unit"] = "Бөлим"  # Russian и: another word
    assert read(tmp_path, data, centre).changes.new_units[0] == "Бөлим"


@pytest.mark.django_db
def test_the_page_shows_the_preview(client_of, hr_officer, centre, tmp_path):
    html = upload(client_of(hr_officer), tmp_path, centre).content.decode()
    assert 'data-testid="new-employees"' in html and "0003 — Нұрланов Әлихан" in html
    assert "Психологиялық қызмет" in html


# ---- stored, read once, imported once -------------------------------------------------------------------------


@pytest.mark.django_db
def test_confirm_imports_from_the_stored_rows_without_reading_the_file_again(
    client_of, hr_officer, centre, tmp_path, monkeypatch
):
    client = client_of(hr_officer)
    response = upload(client, tmp_path, centre)
    token = response.context["token"]
    preview = ImportPreview.objects.get(pk=token)
    assert preview.user == hr_officer and len(preview.rows["employees"]) == 3

    def no_second_read(*args, **kwargs):
        raise AssertionError("the workbook is read again")

    monkeypatch.setattr(files, "read_rows", no_second_read)
    response = post(client, "import_confirm", token, centre)
    assert response.status_code == 302 and Employee.objects.filter(centre=centre).count() == 3
    assert Employee.objects.get(personnel_number="0002").dismissal_date == date(2023, 6, 30)
    preview.refresh_from_db()
    assert preview.imported_at is not None and preview.rows == {}  # the IINs do not stay in the preview

    again = post(client, "import_confirm", token, centre)
    assert again.status_code == 302
    assert [str(m) for m in again.wsgi_request._messages][-1] == "Бұл кітап импортталып қойған."  # already imported
    assert Employee.objects.filter(centre=centre).count() == 3


@pytest.mark.django_db
def test_a_preview_cannot_be_confirmed_into_another_centre_or_by_another_user(
    client_of, hr_officer, centre, other_centre, tmp_path
):
    hr_officer.centres.add(other_centre)
    client = client_of(hr_officer)
    token = upload(client, tmp_path, centre).context["token"]
    assert post(client, "import_confirm", token, other_centre).status_code == 404
    assert post(client, "import_confirm", "not-a-uuid", centre).status_code == 404
    stranger = UserFactory(username="hr-2", roles=["hr_officer"], centres=[centre])
    assert post(client_of(stranger), "import_confirm", token, centre).status_code == 404
    assert post(client_of(stranger), "import_cancel", token, centre).status_code == 404
    assert not Employee.objects.exists()


@pytest.mark.django_db
def test_an_officer_unlinked_from_the_centre_cannot_confirm(client_of, hr_officer, centre, tmp_path):
    client = client_of(hr_officer)
    token = upload(client, tmp_path, centre).context["token"]
    hr_officer.centres.remove(centre)
    assert post(client, "import_confirm", token, centre).status_code == 404
    assert not Employee.objects.exists()


@pytest.mark.django_db
def test_cancel_deletes_the_preview(client_of, hr_officer, centre, tmp_path):
    client = client_of(hr_officer)
    token = upload(client, tmp_path, centre).context["token"]
    assert post(client, "import_cancel", token, centre).status_code == 302
    assert not ImportPreview.objects.exists()
    assert post(client, "import_confirm", token, centre).status_code == 404
    assert not Employee.objects.exists()


@pytest.mark.django_db
def test_a_preview_with_problems_is_not_kept(client_of, hr_officer, centre, tmp_path):
    data = staff()
    data["employees"][0]["sex"] = "X"
    response = upload(client_of(hr_officer), tmp_path, centre, data)
    assert response.context["token"] is None and not ImportPreview.objects.exists()


@pytest.mark.django_db
def test_an_expired_preview_is_refused_and_purged_with_old_uploads(client_of, hr_officer, centre, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    client = client_of(hr_officer)
    token = upload(client, tmp_path, centre).context["token"]
    fresh = upload(client, tmp_path, centre, name="fresh.xlsx").context["token"]
    ImportPreview.objects.filter(pk=token).update(created_at=timezone.now() - timedelta(days=1, minutes=1))
    legacy = tmp_path / "media" / "imports"
    legacy.mkdir(parents=True)
    (legacy / "old.xlsx").write_bytes(b"PK")
    os.utime(legacy / "old.xlsx", (time.time() - 2 * 86400,) * 2)
    (legacy / "new.xlsx").write_bytes(b"PK")

    response = post(client, "import_confirm", token, centre)
    assert response.status_code == 302 and response.url == reverse("staffing:import")
    assert not Employee.objects.exists()

    out = StringIO()
    with translation.override("en"):
        call_command("purge_uploads", stdout=out)
    assert "Deleted 2 " in out.getvalue()
    assert list(ImportPreview.objects.values_list("pk", flat=True)) == [fresh]
    assert sorted(p.name for p in legacy.iterdir()) == ["new.xlsx"]


# ---- two confirmations at once (PostgreSQL: real concurrent transactions) ---------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions: make test-postgres")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_confirmations_import_once(reference_data, tmp_path, monkeypatch):
    from tests.factories import CentreFactory

    centre = CentreFactory(code="astana-1")
    user = UserFactory(username="hr", roles=["hr_officer"], centres=[centre])
    preview = previews.preview_create(plan=read(tmp_path, staff(), centre), user=user)
    start = threading.Barrier(2)
    importing = previews.workbook_import

    def slow_import(plan, **kwargs):
        importing(plan, **kwargs)
        time.sleep(0.5)  # keep the transaction open while the other request tries to claim the preview

    monkeypatch.setattr(previews, "workbook_import", slow_import)
    outcomes = []

    def confirm():
        try:
            start.wait(5)
            previews.preview_confirm(preview=preview, user=user)
            outcomes.append("done")
        except previews.PreviewGone as gone:
            outcomes.append(gone.reason)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(outcomes) == ["done", "imported"]  # the second is told "already imported"
    assert Employee.objects.filter(centre=centre).count() == 3


# ---- caps --------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_row_wider_than_the_column_cap_is_refused(tmp_path, centre):
    path = write_workbook(tmp_path / "wide.xlsx", staff())
    book = openpyxl.load_workbook(path)
    book["education"].cell(row=3, column=files.MAX_COLUMNS + 1, value="x")
    book.save(path)
    with pytest.raises(WorkbookError, match=f"more than {files.MAX_COLUMNS} columns"):
        workbook_read(path, centre=centre)


@pytest.mark.django_db
def test_more_cells_than_the_cap_are_refused_while_reading(tmp_path, centre, monkeypatch):
    path = write_workbook(tmp_path / "staff.xlsx", staff())
    monkeypatch.setattr(files, "MAX_CELLS", 60)  # the three sheets hold 10×4 + 7×5 + 10×5 cells
    with pytest.raises(WorkbookError, match="more than 60 cells"):
        workbook_read(path, centre=centre)


@pytest.mark.django_db
def test_a_huge_shared_strings_table_is_refused_before_it_is_read(tmp_path, centre, monkeypatch):
    path = write_workbook(tmp_path / "staff.xlsx", staff())
    with zipfile.ZipFile(path, "a") as archive:  # openpyxl writes inline strings; Excel writes a shared table
        archive.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>Әбенова</t></si>" * 20 + "</sst>")
    monkeypatch.setattr(files, "MAX_SHARED_STRINGS_BYTES", 100)
    with pytest.raises(WorkbookError, match="of text"):
        workbook_read(path, centre=centre)


@override_settings(MAX_UPLOAD_MB=1)
@pytest.mark.django_db
def test_the_upload_is_not_written_anywhere(client_of, hr_officer, centre, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    upload(client_of(hr_officer), tmp_path, centre)
    assert not (tmp_path / "media").exists()

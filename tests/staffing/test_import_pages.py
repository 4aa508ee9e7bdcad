"""The browser import over HTTP: the confirmation is bound to the user and to the centre previewed."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from staffing.models import Employee
from tests.factories import UserFactory
from tests.staffing.test_workbook import staff, write_workbook


def upload(client, tmp_path, centre):
    path = write_workbook(tmp_path / "staff.xlsx", staff())
    response = client.post(
        reverse("staffing:import"),
        {
            "centre": centre.code,
            "workbook": SimpleUploadedFile("staff.xlsx", path.read_bytes()),
        },
    )
    assert response.context["plan"].ok
    return response.context["token"]


def test_preview_then_confirm_imports_once(client_of, hr_officer, centre, tmp_path):
    client = client_of(hr_officer)
    token = upload(client, tmp_path, centre)
    assert not Employee.objects.exists()
    response = client.post(reverse("staffing:import_confirm"), {"token": token, "centre": centre.code})
    assert response.status_code == 302 and Employee.objects.filter(centre=centre).count() == 3
    again = client.post(reverse("staffing:import_confirm"), {"token": token, "centre": centre.code})
    assert again.status_code == 302 and Employee.objects.filter(centre=centre).count() == 3


def test_a_preview_cannot_be_confirmed_into_another_centre_or_by_another_user(
    client_of, hr_officer, centre, other_centre, tmp_path
):
    hr_officer.centres.add(other_centre)
    client = client_of(hr_officer)
    token = upload(client, tmp_path, centre)
    assert (
        client.post(reverse("staffing:import_confirm"), {"token": token, "centre": other_centre.code}).status_code
        == 404
    )
    stranger = UserFactory(username="hr-2", roles=["hr_officer"], centres=[centre])
    other_client = client_of(stranger)
    assert (
        other_client.post(reverse("staffing:import_confirm"), {"token": token, "centre": centre.code}).status_code
        == 404
    )
    assert not Employee.objects.exists()

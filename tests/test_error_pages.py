"""With DEBUG off, errors show friendly pages in the user's language and never a stack trace (README, "Production")."""

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import reverse


@pytest.mark.parametrize(("language", "text"), [("kk", "Басты бетке өту"), ("ru", "Перейти на главную страницу")])
def test_a_missing_page_is_a_friendly_404_in_the_users_language(client_of, hr_officer, language, text):
    client = client_of(hr_officer)
    client.post(reverse("set_language"), {"language": language})
    response = client.get("/staff/employees/999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html and "Traceback" not in html


def test_a_forbidden_page_is_a_friendly_403(client_of, editor):
    response = client_of(editor).get(reverse("staffing:employee_list"))
    assert response.status_code == 403
    assert "Басты бетке өту" in response.content.decode()


def test_a_database_that_is_down_gives_a_500_page_not_a_hang(hr_officer, monkeypatch):
    def refuse(self):
        raise OperationalError("connection refused")

    client = Client(raise_request_exception=False)
    client.force_login(hr_officer)
    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
        response = client.get(reverse("positions:list"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Traceback" not in html and "OperationalError" not in html
    assert "<h1>500</h1>" in html


def test_postgres_connections_give_up_after_a_few_seconds(settings):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("SQLite has no server that could be down")
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] <= 10

import datetime
import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from staffing.access import changeable_centres, visible_centres
from tests.factories import UserFactory


def test_the_four_roles_exist_as_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "catalogue_editor",
        "hr_officer",
        "centre_director",
        "committee_analyst",
    }


@pytest.mark.parametrize("browser_language", ["ru-RU,ru;q=0.9", "en-US,en;q=0.9", ""])
def test_a_signed_out_visitor_gets_the_login_page_in_kazakh(client, db, browser_language):
    response = client.get("/", follow=True, HTTP_ACCEPT_LANGUAGE=browser_language)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert response.headers["Content-Language"] == "kk"
    assert 'lang="kk"' in response.content.decode()
    assert "Кіру" in response.content.decode()


def test_sign_in_with_the_right_password_reaches_the_start_page(client, hr_officer):
    response = client.post(reverse("login"), {"username": "hr", "password": "secret-pass-123"}, follow=True)
    assert response.status_code == 200
    assert response.wsgi_request.user == hr_officer


def test_failed_logins_are_rate_limited(client, hr_officer):
    # config.test_settings: three failures lock the account for this address.
    for _attempt in range(3):
        client.post(reverse("login"), {"username": "hr", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "hr", "password": "secret-pass-123"})
    assert response.status_code == 429
    assert not response.wsgi_request.user.is_authenticated


def test_weak_passwords_are_refused(client_of, hr_officer):
    response = client_of(hr_officer).post(
        reverse("password_change"),
        {"old_password": "secret-pass-123", "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]


@pytest.mark.parametrize(
    ("roles", "visible_menu", "hidden_menu"),
    [
        ([], ["positions:list"], ["admin:index"]),
        (["catalogue_editor"], ["positions:list", "admin:index"], []),
        (["hr_officer"], ["positions:list"], ["admin:index"]),
    ],
)
def test_the_menu_shows_only_what_the_role_may_use(client_of, db, roles, visible_menu, hidden_menu):
    user = UserFactory(username="someone", roles=roles)
    html = client_of(user).get(reverse("home")).content.decode()
    for name in visible_menu:
        assert f'data-menu="{name}"' in html
    for name in hidden_menu:
        assert f'data-menu="{name}"' not in html


def test_centre_scope_per_role(centre, other_centre, hr_officer, director, analyst, editor):
    assert list(visible_centres(hr_officer)) == [centre]
    assert list(changeable_centres(hr_officer)) == [centre]
    assert list(visible_centres(director)) == [centre]
    assert list(changeable_centres(director)) == []
    assert set(visible_centres(analyst)) == {centre, other_centre}
    assert list(changeable_centres(analyst)) == []
    assert list(visible_centres(editor)) == []


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_dates_are_written_dd_mm_yyyy(language):
    with translation.override(language):
        rendered = Template("{{ day|date:'SHORT_DATE_FORMAT' }} {{ day }}").render(
            Context({"day": datetime.date(2027, 3, 1)})
        )
    assert rendered == "01.03.2027 01.03.2027"


def test_deploy_check_passes_with_production_settings():
    environment = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "a-real-secret-key-of-fifty-characters-or-more-0123456789abcdef",
        "ALLOWED_HOSTS": "hr.example.kz",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    environment.pop("SECURE_SSL_REDIRECT", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_debug_a_missing_secret_key_stops_the_app_server():
    environment = {**os.environ, "DEBUG": "false", "SECRET_KEY": "", "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"], capture_output=True, text=True, env=environment, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    # Tools that sign nothing still work without a key (e.g. checking migrations).
    tool = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert tool.returncode == 0, tool.stderr


@pytest.mark.parametrize(
    ("forwarded", "count", "expected"),
    [
        ("203.0.113.7", 0, "10.0.0.2"),  # no proxy: the header is the client's own word
        ("203.0.113.7", 1, "203.0.113.7"),
        ("198.51.100.1, 203.0.113.7", 1, "203.0.113.7"),  # the left entry was sent by the client
        ("198.51.100.1, 203.0.113.7, 10.0.0.9", 2, "203.0.113.7"),
        ("", 1, "10.0.0.2"),
        ("not-an-address", 1, "10.0.0.2"),
    ],
)
def test_the_client_address_honours_the_proxy_count(rf, settings, forwarded, count, expected):
    from accounts.client_ip import client_ip

    settings.PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_behind_the_proxy_failures_from_one_client_do_not_lock_out_another(client, hr_officer, settings):
    settings.PROXY_COUNT = 1
    for _attempt in range(3):
        client.post(
            reverse("login"),
            {"username": "hr", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    locked = client.post(
        reverse("login"),
        {"username": "hr", "password": "secret-pass-123"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert locked.status_code == 429
    response = client.post(
        reverse("login"),
        {"username": "hr", "password": "secret-pass-123"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert response.status_code == 302 and response.wsgi_request.user == hr_officer

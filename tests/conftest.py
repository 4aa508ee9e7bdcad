import os
import shutil

import pytest

from positions.services import catalogue_load
from staffing.regions import regions_ensure
from tests.factories import CentreFactory, UserFactory

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the official catalogue loaded (tests roll back their own changes)."""
    with django_db_blocker.unblock():
        catalogue_load()


@pytest.fixture
def reference_data(db):
    """For transactional tests (browser), whose database is flushed after each test."""
    from django.contrib.auth.models import Group

    from accounts.roles import ROLES

    for name in ROLES:
        Group.objects.get_or_create(name=name)
    regions_ensure()
    catalogue_load()


@pytest.fixture
def centre(db):
    return CentreFactory(code="astana-1", name_kk="Астана қаласының отбасын қолдау орталығы")


@pytest.fixture
def other_centre(db):
    from staffing.models import Region

    return CentreFactory(
        code="almaty-1", name_kk="Алматы қаласының отбасын қолдау орталығы", region=Region.objects.get(code="almaty")
    )


@pytest.fixture
def hr_officer(centre):
    return UserFactory(username="hr", roles=["hr_officer"], centres=[centre])


@pytest.fixture
def director(centre):
    return UserFactory(username="director", roles=["centre_director"], centres=[centre])


@pytest.fixture
def analyst(db):
    return UserFactory(username="analyst", roles=["committee_analyst"])


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", roles=["catalogue_editor"], is_staff=True)


@pytest.fixture
def other_hr_officer(other_centre):
    return UserFactory(username="hr-other", roles=["hr_officer"], centres=[other_centre])


@pytest.fixture
def client_of(client):
    """client_of(user) signs the test client in as that user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


# Browser tests: Debian's Chromium driven by Playwright (its own browser download does not work here).
@pytest.fixture(scope="session")
def browser_type_launch_args():
    if not shutil.which(CHROMIUM):
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "kk-KZ", "viewport": {"width": 1280, "height": 900}}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)

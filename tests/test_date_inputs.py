"""Dates are shown and typed as dd.mm.yyyy whatever the browser's language: no page has the browser's own date
input (it follows the browser's locale), every date field is the text input of config/widgets.py, and the
server reads what it shows."""

import datetime
import re

import pytest
from django.urls import reverse

from config.widgets import DateInput
from staffing.forms import DateForm
from tests import test_access_matrix as matrix
from tests.test_access_matrix import ROLES, TABLE
from tests.test_no_english import HTML_PAGES, client_in

objects = matrix.objects
users = matrix.users


@pytest.mark.parametrize("name", HTML_PAGES)
def test_no_page_uses_the_browsers_date_input(objects, users, name):
    build, expected = TABLE[name]
    role = next(role for role in ROLES if expected[role] == 200)
    html = client_in("en", users[role]).get(reverse(name, args=build(objects) if build else None)).content.decode()
    assert 'type="date"' not in html
    for value in re.findall(r"<input[^>]*data-date[^>]*>", html):
        shown = re.search(r'value="([^"]*)"', value)
        assert shown is None or re.fullmatch(r"\d{2}\.\d{2}\.\d{4}|", shown.group(1)), value


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_date_widget_shows_and_reads_dd_mm_yyyy(language):
    from django.utils import translation

    with translation.override(language):
        html = DateInput().render("day", datetime.date(2025, 10, 24))
        assert 'type="text"' in html and 'value="24.10.2025"' in html and "data-date" in html
        form = DateForm(data={"day": "24.10.2025", "version": 1})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == datetime.date(2025, 10, 24)
        assert not DateForm(data={"day": "10/24/2025", "version": 1}).is_valid()

"""Every field of every page has a label a screen reader reads (a placeholder is not one), and ids are unique so
each label points at its own field."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests import test_access_matrix as matrix
from tests.test_access_matrix import ROLES, TABLE
from tests.test_no_english import HTML_PAGES, client_in

objects = matrix.objects
users = matrix.users
UNLABELLED_TYPES = ("hidden", "submit", "button", "reset", "image")


class Fields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields = []  # (tag, attrs, inside a <label>)
        self.label_for = []
        self.ids = []
        self.open_labels = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "label":
            self.open_labels += 1
            if attrs.get("for"):
                self.label_for.append(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in UNLABELLED_TYPES:
            self.fields.append((tag, attrs, self.open_labels > 0))

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1


@pytest.mark.parametrize("name", HTML_PAGES)
def test_every_field_is_labelled_and_every_id_unique(objects, users, name):
    build, expected = TABLE[name]
    role = next(role for role in ROLES if expected[role] == 200)
    html = client_in("kk", users[role]).get(reverse(name, args=build(objects) if build else None)).content.decode()
    html = re.sub(r"<template\b.*?</template>", "", html, flags=re.S)  # cloned by scripts, ids made unique then
    parser = Fields()
    parser.feed(html)
    unlabelled = [
        attrs.get("name") or attrs.get("id")
        for _tag, attrs, wrapped in parser.fields
        if not wrapped
        and attrs.get("id") not in parser.label_for
        and not attrs.get("aria-label")
        and not attrs.get("aria-labelledby")
    ]
    assert unlabelled == [], f"{name}: fields without a label"
    duplicates = sorted({i for i in parser.ids if parser.ids.count(i) > 1})
    assert duplicates == [], f"{name}: ids used twice"

"""Kazakh first without exception: no English word on a Kazakh or Russian page a user can reach.

Every URL of the access matrix is opened in kk and ru as a role that may see it, plus the pages only reached
by a mistake (sign-in and password errors, the lockout page, 403/404/500) and the admin pages of the models
catalogue editors work with. The visible text (and the labels a screen reader reads) must contain no word of
Django's or our own English strings.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from accounts.roles import CATALOGUE_EDITOR_MODELS
from attestation.models import AttestationPolicy, PolicyAssignment
from tests import test_access_matrix as matrix
from tests.test_access_matrix import ROLES, TABLE
from tests.test_translations import entries

ROOT = Path(__file__).resolve().parent.parent
DJANGO = Path(django.__file__).resolve().parent
CATALOGUES = [
    ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po",
    DJANGO / "conf" / "locale" / "kk" / "LC_MESSAGES" / "django.po",
    DJANGO / "contrib" / "admin" / "locale" / "kk" / "LC_MESSAGES" / "django.po",
    DJANGO / "contrib" / "auth" / "locale" / "kk" / "LC_MESSAGES" / "django.po",
    DJANGO / "contrib" / "contenttypes" / "locale" / "kk" / "LC_MESSAGES" / "django.po",
]
# Latin words that are no English in our pages: file formats and programs.
NOT_ENGLISH = {"xlsx", "excel", "pdf", "html", "json", "csv"}


def english_words() -> frozenset[str]:
    words = set()
    for path in CATALOGUES:
        for _flags, msgid, _strs in entries(path):
            text = re.sub(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>", " ", msgid)
            words.update(word.lower() for word in re.findall(r"[A-Za-z]{3,}", text))
    return frozenset(words - NOT_ENGLISH)


ENGLISH = english_words()
# The access matrix's objects (one of each kind, in the test user's centre) and users (one per role).
objects = matrix.objects
users = matrix.users


HIDDEN = ("script", "style", "template", "code")
VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")


class VisibleText(HTMLParser):
    """The text a user sees or hears: text nodes outside script/style, and the labelling attributes.

    Codes shown as <code> (sheet and column keys of the workbook, codes of positions and fields in the admin) and
    content marked translate="no" (the JSON of requirement values) are identifiers, not words of a language; content
    marked lang="en" (the English titles editors keep) is English on purpose."""

    LABELS = ("title", "placeholder", "aria-label", "alt")

    def __init__(self):
        super().__init__()
        self.parts = []
        self.stack = []  # the open elements whose content is not read

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = tag in HIDDEN or attrs.get("translate") == "no" or (attrs.get("lang") or "").startswith("en")
        if tag not in VOID and skipped:
            self.stack.append(tag)
        if self.stack:
            return
        self.parts.extend(attrs[name] for name in self.LABELS if attrs.get(name))
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if not self.stack:
            self.parts.append(data)


def english_in(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(parser.parts)
    return sorted({word for word in re.findall(r"[A-Za-z]{3,}", text) if word.lower() in ENGLISH})


def client_in(language: str, user=None) -> Client:
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)
    return client


def assert_no_english(response, where, status=200):
    assert response.status_code == status, where
    assert response["Content-Type"].startswith("text/html"), where
    found = english_in(response.content.decode())
    assert found == [], f"English on {where}: {found}"


LANGUAGES = ["kk", "ru"]


def test_the_word_list_knows_the_usual_suspects():
    assert {"please", "correct", "username", "password", "recent", "actions", "view", "site"} <= ENGLISH
    assert english_in("<p>Please enter a correct Қолданушы атауы</p>") == ["Please", "correct", "enter"]
    assert english_in('<p title="Save">Сақтау</p><script>var x = "Please";</script>') == ["Save"]


HTML_PAGES = sorted(
    name
    for name, (_build, expected) in TABLE.items()
    if 200 in expected.values() and not name.endswith("_export") and name != "staffing:import_template"
)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", HTML_PAGES)
def test_every_page_of_the_access_matrix(objects, users, language, name):
    build, expected = TABLE[name]
    role = next(role for role in ROLES if expected[role] == 200)
    url = reverse(name, args=build(objects) if build else None)
    response = client_in(language, users[role]).get(url)
    assert response.status_code == 200
    assert_no_english(response, f"{name} ({language}, {role})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_start_page_of_every_role(objects, users, language):
    for role in ROLES:
        assert_no_english(client_in(language, users[role]).get(reverse("home")), f"home ({language}, {role})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_in_mistakes_and_the_lockout(db, hr_officer, language, settings):
    client = client_in(language)
    assert_no_english(client.get(reverse("login")), "login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(reverse("login"), {"username": "hr", "password": "wrong"})
        assert response.status_code == 200
        assert_no_english(response, "login error")
    response = client.post(reverse("login"), {"username": "hr", "password": "wrong"})
    assert response.status_code == 429
    assert_no_english(response, "lockout", status=429)
    assert_no_english(client.post(reverse("login"), {}), "empty login")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "new_password",
    ["short", "12345678901", "password123", "Серікқызы", "different-1"],
    ids=["too-short", "numeric", "common", "like-the-name", "mismatch"],
)
def test_password_change_mistakes(hr_officer, language, new_password):
    response = client_in(language, hr_officer).post(
        reverse("password_change"),
        {
            "old_password": "wrong",
            "new_password1": new_password,
            "new_password2": new_password + "?" * (new_password == "different-1"),
        },
    )
    assert response.status_code == 200
    assert_no_english(response, f"password change ({new_password})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_error_pages(hr_officer, editor, language, monkeypatch):
    assert_no_english(client_in(language, hr_officer).get("/no-such-page/"), "404", status=404)
    assert_no_english(client_in(language, editor).get(reverse("staffing:employee_list")), "403", status=403)
    assert_no_english(
        client_in(language, editor).get(reverse("positions:list"), {"on": "9999-12-31"}), "400", status=400
    )
    from django.db import OperationalError
    from django.db.backends.base.base import BaseDatabaseWrapper

    def refuse(self):
        raise OperationalError("connection refused")

    client = client_in(language, hr_officer)
    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
        response = client.get(reverse("positions:list"))
    assert response.status_code == 500
    assert_no_english(response, "500", status=500)


def editor_models():
    for model in admin.site._registry:
        if model._meta.model_name in CATALOGUE_EDITOR_MODELS.get(model._meta.app_label, []):
            yield model


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_pages_catalogue_editors_use(objects, centre, editor, language):
    client = client_in(language, editor)
    assert_no_english(client.get(reverse("admin:index")), "admin index")
    models = list(editor_models())
    assert models
    # Every model needs a row, so that its change and history pages are read too.
    PolicyAssignment.objects.create(centre=centre, policy=AttestationPolicy.objects.get(is_default=True))
    for model in models:
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert_no_english(client.get(changelist), changelist)
        assert_no_english(client.get(changelist, {"q": "жоқ-мұндай-сөз"}), f"{changelist} search")
        obj = model.objects.order_by("pk").first()
        assert obj is not None, opts.label
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert_no_english(client.get(change), change)
        history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert_no_english(client.get(history), history)
    assert_no_english(client.get(reverse("admin:app_list", args=["positions"])), "admin app")


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_messages_after_saving(objects, editor, language):
    from positions.models import EducationField

    client = client_in(language, editor)
    field = EducationField.objects.order_by("pk").first()
    change = reverse("admin:positions_educationfield_change", args=[field.pk])
    form = client.get(change).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    response = client.post(change, data, follow=True)
    assert_no_english(response, "admin message after save")


@pytest.mark.parametrize("name", HTML_PAGES)
def test_option_labels_carry_no_codes(objects, users, name):
    """ "психологиялық (psychology)" or "Әкімшілік (astana-1)": a list shows names, never the codes behind them."""
    from positions.models import EducationField, Position
    from staffing.models import Unit

    Unit.objects.get_or_create(centre=objects["centre"], name="Әкімшілік")
    build, expected = TABLE[name]
    role = next(role for role in ROLES if expected[role] == 200)
    html = client_in("kk", users[role]).get(reverse(name, args=build(objects) if build else None)).content.decode()
    codes = {objects["centre"].code, *EducationField.objects.values_list("code", flat=True)}
    codes |= set(Position.objects.values_list("code", flat=True))
    for label in re.findall(r"<option[^>]*>([^<]*)</option>", html):
        words = set(re.findall(r"[a-z0-9_-]+", label))
        assert not words & codes, f"{name}: option {label!r}"

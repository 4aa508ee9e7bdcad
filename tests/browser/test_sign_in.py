"""Main journeys of the foundation in a real browser: sign in and out, language switch, menus by role."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, username, password="secret-pass-123"):
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("[data-testid=login-form] button[type=submit]").click()


def test_sign_in_and_out_in_kazakh(page, live_server, reference_data):
    UserFactory(username="hr", roles=["hr_officer"])
    page.goto(live_server.url)
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.locator("h1")).to_have_text("Кіру")
    sign_in(page, live_server, "hr")
    expect(page.locator("[data-testid=roles]")).to_contain_text("Кадр қызметінің маманы")
    page.locator("[data-testid=user-menu]").click()
    page.locator("[data-testid=logout]").click()
    expect(page.locator("h1")).to_have_text("Кіру")


def test_sign_in_and_out_in_russian(page, live_server, reference_data):
    UserFactory(username="director", roles=["centre_director"])
    page.goto(live_server.url)
    page.locator("[data-testid=language-switcher] button[value=ru]").click()
    expect(page.locator("h1")).to_have_text("Вход")
    sign_in(page, live_server, "director")
    expect(page.locator("[data-testid=roles]")).to_contain_text("Директор центра")
    page.locator("[data-testid=user-menu]").click()
    page.locator("[data-testid=logout]").click()
    expect(page.locator("h1")).to_have_text("Вход")


def test_switching_language_keeps_the_user_on_the_same_page(page, live_server, reference_data):
    UserFactory(username="hr", roles=["hr_officer"])
    sign_in(page, live_server, "hr")
    page.goto(f"{live_server.url}/password/")
    page.locator("[data-testid=language-switcher] button[value=ru]").click()
    expect(page).to_have_url(f"{live_server.url}/password/")
    expect(page.locator("h1")).to_have_text("Сменить пароль")
    page.locator("[data-testid=language-switcher] button[value=kk]").click()
    expect(page).to_have_url(f"{live_server.url}/password/")
    expect(page.locator("h1")).to_have_text("Құпиясөзді өзгерту")


def test_a_user_without_a_role_sees_no_menu_item_they_cannot_use(page, live_server, reference_data):
    UserFactory(username="nobody", roles=[])
    sign_in(page, live_server, "nobody")
    links = page.locator("[data-testid=menu] a")
    # Only the catalogue, which every signed-in user may read: its positions and how the order is read.
    expect(links).to_have_count(2)
    expect(links.first).to_have_attribute("data-menu", "positions:list")
    expect(links.last).to_have_attribute("data-menu", "positions:readings")
    for href in links.evaluate_all("links => links.map(link => link.href)"):
        assert page.request.get(href).status == 200

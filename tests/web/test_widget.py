"""The clinic page and its chat widget in a real browser, against the running stack.

Screenshots are saved in tests/artifacts/screenshots/ (see docs/channels.md).
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.support.responses import opening
from harness.processes import ROOT

pytestmark = pytest.mark.slow

REPLY_TIMEOUT = 30_000  # ms: a reply may wait for the model and the action server
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def open_page(browser, stack):
    """Opens the clinic page in a new browser profile; records requests leaving this machine."""
    contexts = []

    def open_(device=DESKTOP, **options) -> Page:
        context = browser.new_context(**device, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(REPLY_TIMEOUT)
        page.outside = []
        page.on("request", lambda r: urlsplit(r.url).hostname not in ("localhost", "127.0.0.1") and not r.url.startswith("data:") and page.outside.append(r.url))
        page.goto(stack.page_url)
        return page

    yield open_
    for context in contexts:
        context.close()


def messages(page: Page):
    return page.get_by_role("log", name="Conversation with the recovery assistant")


def open_chat(page: Page) -> None:
    page.get_by_role("button", name="Open the recovery assistant chat").click()
    expect(messages(page)).to_contain_text("not medical advice")


def send(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name="Your message")
    box.fill(text)
    box.press("Enter")


def banner(page: Page):
    return page.get_by_role("alert")


def test_conversation_with_buttons_urgent_banner_and_reload(open_page, screenshots):
    page = open_page()
    expect(page.get_by_role("heading", level=1)).to_contain_text("kyphoplasty")
    open_chat(page)
    log = messages(page)
    expect(log).to_contain_text("call 911 now")  # the disclaimer names the emergency number
    expect(log).to_contain_text(opening("utter_greet"))
    page.screenshot(path=screenshots / "01-greeting-desktop.png")

    page.get_by_role("button", name="Why do I still have pain?").click()
    expect(log).to_contain_text(opening("utter_faq/why_pain_persists"))

    send(page, "my legs are numb and tingling")
    expect(log).to_contain_text("Please contact your doctor today")
    expect(banner(page)).to_be_visible()
    expect(banner(page)).to_contain_text("Contact your doctor today: (555) 010-0199")
    expect(banner(page).get_by_role("link", name="Call (555) 010-0199")).to_have_attribute("href", "tel:5550100199")
    page.screenshot(path=screenshots / "02-urgent-banner-desktop.png")

    page.reload()
    # The conversation and the banner are still there, and the next reply comes
    # from the same conversation: the warning sign reported before the reload is
    # in the summary, and no second disclaimer was needed.
    expect(banner(page)).to_contain_text("Contact your doctor today")
    if not messages(page).is_visible():
        page.get_by_role("button", name="Open the recovery assistant chat").click()
    expect(messages(page)).to_contain_text("Please contact your doctor today")
    send(page, "/request_summary")
    expect(messages(page)).to_contain_text(opening("utter_visit_summary"))
    summary = page.locator(".rw-response", has_text=opening("utter_visit_summary")).last.inner_text().lower()
    assert "numb" in summary
    assert messages(page).inner_text().count("not medical advice") == 1
    page.screenshot(path=screenshots / "03-after-reload-desktop.png")
    assert page.outside == [], "the page must load nothing from outside this machine"


def test_keyboard_only_on_a_phone_with_an_emergency(open_page, screenshots):
    page = open_page(PHONE)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the recovery assistant")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Talk to the recovery assistant")).to_be_focused()
    page.keyboard.press("Enter")
    box = page.get_by_role("textbox", name="Your message")
    expect(box).to_be_focused()
    expect(messages(page)).to_contain_text("not medical advice")

    # Back from the message box to the reply buttons, by keyboard alone.
    target = page.get_by_role("button", name="Check my symptoms")
    for _ in range(20):
        if target.evaluate("element => element === document.activeElement"):
            break
        page.keyboard.press("Shift+Tab")
    expect(target).to_be_focused()
    page.keyboard.press("Enter")
    expect(messages(page)).to_contain_text(opening("utter_ask_weeks_since_procedure"))

    box.focus()
    page.keyboard.type("i have chest pain")
    page.keyboard.press("Enter")
    expect(banner(page)).to_contain_text("Call 911 now")
    expect(banner(page).get_by_role("link", name="Call 911")).to_have_attribute("href", "tel:911")
    expect(messages(page)).to_contain_text("EMERGENCY")

    # Phone-sized: the widget fits the screen, and the banner hides neither the
    # newest message nor the message box.
    width = page.viewport_size["width"]
    chat = page.get_by_role("dialog", name="Recovery assistant chat").bounding_box()
    assert chat["x"] >= 0 and chat["x"] + chat["width"] <= width
    alert, field = banner(page).bounding_box(), box.bounding_box()
    assert alert["y"] + alert["height"] <= field["y"]
    assert field["y"] + field["height"] <= page.viewport_size["height"]
    page.screenshot(path=screenshots / "04-emergency-phone.png")


def axe_violations(page: Page) -> list:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def describe(violations: list) -> str:
    return json.dumps([{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]} for v in violations], indent=1)


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_serious_accessibility_violation(open_page, device):
    # axe is injected into the page, which the page's own policy forbids.
    page = open_page(device, bypass_csp=True)
    found = axe_violations(page)
    open_chat(page)
    send(page, "my legs are numb and tingling")
    expect(banner(page)).to_be_visible()
    expect(messages(page)).to_contain_text("Please contact your doctor today")
    found += axe_violations(page)
    assert not found, describe(found)

"""Checks the browser tests apply to every page they visit."""

from playwright.sync_api import Page

# The basic accessibility every page owes: a title, a language, and a label on each form control.
_UNLABELLED = """
() => Array.from(document.querySelectorAll("input, select, textarea"))
  .filter(el => !["hidden", "submit", "button", "reset", "image"].includes(el.type))
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
                && !el.getAttribute("aria-labelledby") && !el.getAttribute("title"))
  .map(el => el.outerHTML.slice(0, 120))
"""


def assert_accessible_basics(page: Page) -> None:
    assert page.title().strip(), f"{page.url} has no <title>"
    assert page.locator("html").get_attribute("lang"), f"{page.url} has no <html lang>"
    unlabelled = page.evaluate(_UNLABELLED)
    assert not unlabelled, f"{page.url} has form controls without a label: {unlabelled}"


def assert_fits_phone(page: Page) -> None:
    """No sideways scrolling of the whole page on a phone (wide tables scroll inside .table-wrap)."""
    # After a click that navigates: measure the new page, not the one being replaced.
    page.wait_for_load_state("load")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the phone screen"

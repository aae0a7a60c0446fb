"""The review page in a real browser: headless Chromium from the system packages, driven by
Selenium through /usr/bin/chromedriver (nothing is downloaded). One browser for the module.

``CLAIMEX_UPDATE_SCREENSHOT=1 pytest tests/test_review_browser.py`` also saves the seed's
page as docs/review.png (shown in the README).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

from claimex.cli import cli

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
)  # fmt: skip
SCREENSHOT = ROOT / "docs" / "review.png"

ARTICLE = (
    '"We will open the bridge in May," said Mayor Ana Lopez of the Harbour Council.\n\n'
    "Councillor Tom Berg said that the budget was tight.\n\n"
    "Ana Lopez believes the works could cost around $12 million.\n"
)
EVIL = (
    "The <script>window.pwned = 1; document.title = 'pwned'</script> board met. "
    '<img src="x" onerror="window.pwned = 2"> "Nothing ran," said Ana Lopez.\n'
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    if not (os.access(CHROMIUM, os.X_OK) and shutil.which(CHROMEDRIVER)):
        pytest.skip("no chromium/chromedriver: apt-get install chromium chromium-driver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def pages(nlp, tmp_path_factory):
    """The review page of the invented article (plus one with injected markup), its records,
    and the seed's page."""
    folder = tmp_path_factory.mktemp("review")
    (folder / "in").mkdir()
    (folder / "in" / "a_bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "in" / "b_evil.txt").write_text(EVIL, encoding="utf-8")
    runs = [
        [folder / "in", "-o", folder / "page.html"],
        [folder / "in", "-f", "jsonl", "-o", folder / "page.jsonl"],
        [SEEDS, "-o", folder / "seed.html"],
    ]
    for args in runs:
        result = CliRunner().invoke(cli, ["extract", "-q", *map(str, args)])
        assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (folder / "page.jsonl").read_text().splitlines()]
    return folder, records


def _open(browser, path: Path, anchor: str = "") -> None:
    browser.get(path.as_uri() + anchor)
    if anchor:
        browser.refresh()  # from the same page, a new hash alone would not reload it


def _tip(browser) -> str:
    tip = browser.find_element("id", "tip")
    return tip.text if tip.is_displayed() else ""


def test_each_quote_is_highlighted_in_its_speakers_colour(browser, pages):
    folder, records = pages
    _open(browser, folder / "page.html")
    quotes = records[0]["quotes"]
    assert len(quotes) >= 3
    colours = {}
    for quote in quotes:
        mark = browser.find_element("id", f"d1-{quote['id']}")
        assert mark.is_displayed() and mark.tag_name == "mark"
        assert " ".join(mark.text.split()) == " ".join(quote["text"].split()).strip('"')
        details = mark.get_attribute("title") or mark.get_attribute("data-details")
        assert f"Speaker: {quote['speaker']['name']}" in details
        colours.setdefault(quote["speaker"]["speaker_id"], set()).add(
            mark.value_of_css_property("background-color")
        )
    assert all(len(c) == 1 for c in colours.values())  # one colour per speaker ...
    assert len(set.union(*colours.values())) == len(colours) >= 2  # ... and a colour each
    second = browser.find_element("id", "d2")
    assert not second.is_displayed()  # one document at a time


def test_hover_and_focus_show_the_details(browser, pages):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    folder, records = pages
    _open(browser, folder / "page.html")
    q1, q2 = records[0]["quotes"][:2]
    ActionChains(browser).move_to_element(browser.find_element("id", f"d1-{q1['id']}")).perform()
    shown = _tip(browser)
    assert "Speaker: Ana Lopez" in shown and f"rule: {q1['rule']}" in shown
    assert f"confidence: {q1['confidence']:.2f}" in shown and "Kind: direct" in shown
    ActionChains(browser).move_to_element(browser.find_element("tag name", "h1")).perform()
    assert _tip(browser) == ""
    for _ in range(12):  # keyboard only: tab until the second quote has the focus
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element.get_attribute("id") == f"d1-{q2['id']}":
            break
    assert browser.switch_to.active_element.get_attribute("id") == f"d1-{q2['id']}"
    assert f"Speaker: {q2['speaker']['name']}" in _tip(browser)


def test_confidence_filter_hides_quotes_under_it(browser, pages):
    folder, records = pages
    _open(browser, folder / "page.html")
    quotes = records[0]["quotes"]
    least = 0.8
    assert {q["confidence"] >= least for q in quotes} == {True, False}  # the text has both
    browser.execute_script(
        "var r = document.getElementById('minconf'); r.value = arguments[0];"
        "r.dispatchEvent(new Event('input'));", least,
    )  # fmt: skip
    for quote in quotes:
        mark = browser.find_element("id", f"d1-{quote['id']}")
        link = browser.find_element("css selector", f'aside a[href="#d1-{quote["id"]}"]')
        hidden = quote["confidence"] < least
        transparent = mark.value_of_css_property("background-color") == "rgba(0, 0, 0, 0)"
        assert transparent is hidden and link.is_displayed() is not hidden, quote["text"]


def test_injected_markup_does_not_run(browser, pages):
    folder, _ = pages
    _open(browser, folder / "page.html", "#d2")
    assert browser.execute_script("return window.pwned") is None
    assert browser.title != "pwned"
    text = browser.find_element("css selector", "#d2 article").text
    assert "<script>window.pwned = 1;" in text and '<img src="x"' in text
    assert browser.find_element("id", "d2").is_displayed()


def test_seed_page_opens_with_every_quote_marked(browser, pages):
    folder, _ = pages
    _open(browser, folder / "seed.html")
    record = json.loads((ROOT / "tests" / "golden" / "seed.json").read_text(encoding="utf-8"))
    marks = browser.find_elements("css selector", "#d1 mark.quote[id]")
    assert len({m.get_attribute("data-quote") for m in marks}) == len(record["quotes"])
    assert len(browser.find_elements("css selector", "nav#index li")) == len(
        list(SEEDS.glob("*.txt"))
    )
    if os.environ.get("CLAIMEX_UPDATE_SCREENSHOT"):
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(browser).move_to_element(marks[2]).perform()  # show one quote's details
        SCREENSHOT.parent.mkdir(exist_ok=True)
        browser.save_screenshot(str(SCREENSHOT))

"""Acceptance, in real headless Chromium (Debian's, driven by Playwright; no browser download):
log in, see the demo's incidents on the map, open one, see its highlighted evidence, correct its
place, sign it off as every signatory of the demo's mission → confirmed; run `truce run` again
and the correction and the status remain. Screenshots go to .truce/screenshots (git-ignored);
TRUCE_DOCS_SCREENSHOT=1 also refreshes docs/img/console.png for the README."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SHOTS = REPO / ".truce" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "correct horse battery staple"
NEW_PLACE = "Shusha heights (corrected)"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(demo_home: Path, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """`truce serve` on a copy of the demo store, with the demo's mission and accounts."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make system-deps)")
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(demo_home / "truce.sqlite", home / "truce.sqlite")
    env = {**os.environ, "TRUCE_HOME": str(home), "TRUCE_MISSION": str(REPO / "demo" / "mission.yaml"),
           "TRUCE_ENV": "development"}
    env.pop("TRUCE_DB_URL", None)
    for name, role, side in (("analyst", "analyst", ()), ("officer-rus", "signatory_officer", ("--signatory", "RUS")),
                             ("officer-tur", "signatory_officer", ("--signatory", "TUR")),
                             ("monitor", "field_monitor", ())):
        subprocess.run([sys.executable, "-m", "truce", "users", "add", name, "--role", role, *side],
                       input=PASSWORD + "\n", text=True, env=env, check=True, capture_output=True, timeout=120)
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "truce", "serve", "--port", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    else:
        process.kill()
        raise AssertionError(f"truce serve did not start: {process.stdout.read().decode() if process.stdout else ''}")
    try:
        yield {"base": base, "env": env, "home": home}
    finally:
        process.terminate()
        process.wait(timeout=20)


def _login(page: Any, base: str, who: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#username", who)
    page.fill("#password", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("[data-testid=whoami]")


def _logout(page: Any) -> None:
    page.click("#logout")
    page.wait_for_selector("#login-link")


def _submit(page: Any, form: str) -> None:
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")


def test_console_in_chromium(server: dict[str, Any]) -> None:
    from playwright.sync_api import sync_playwright

    base = server["base"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("dialog", lambda d: d.dismiss())
        _login(page, base, "analyst")

        # The map: the demo's incidents as markers over the offline basemap, the list beside it.
        page.goto(f"{base}/?start=2023-09-19&end=2023-09-24")
        page.wait_for_selector("#map[data-markers]")
        markers = page.locator("path.incident-marker").count()
        assert markers >= 5
        assert page.locator("#map path.leaflet-interactive").count() > markers  # areas drawn too
        assert page.locator("#timeline .bar").count() >= 4
        page.wait_for_timeout(400)
        page.screenshot(path=str(SHOTS / "console-map.png"))
        if os.environ.get("TRUCE_DOCS_SCREENSHOT"):
            page.screenshot(path=str(REPO / "docs" / "img" / "console.png"))

        # Open the violation from the list; its evidence is highlighted.
        violation = page.locator("#incident-list tr:has(.standing-violation) a").first
        with page.expect_navigation():
            violation.click()
        incident_url = page.url
        assert page.locator("mark.evidence-field").count() > 0
        assert page.locator("mark.ev-sentence").count() > 0
        assert page.locator("[data-testid=verdict]").first.inner_text() == "violation"
        page.screenshot(path=str(SHOTS / "console-incident.png"), full_page=False)
        page.locator(".source:has(mark.evidence-field)").first.screenshot(path=str(SHOTS / "console-evidence.png"))

        # Correct its place, open the investigation.
        page.fill("#correct-place input[name='value.name']", NEW_PLACE)
        page.fill("#correct-place input[name='value.lat']", "39.7571")
        page.fill("#correct-place input[name='value.lon']", "46.7512")
        page.fill("#correct-place input[name=reason]", "the monitors' position")
        _submit(page, "#correct-place")
        assert page.inner_text("[data-testid=place]") == NEW_PLACE
        page.select_option("#status-form select[name=status]", "under_investigation")
        _submit(page, "#status-form")
        assert page.inner_text("[data-testid=review-status]") == "under investigation"
        _logout(page)

        # Every signatory of the demo's mission signs: the Russian and the Turkish officers.
        for who in ("officer-rus", "officer-tur"):
            _login(page, base, who)
            page.goto(incident_url)
            _submit(page, "#signoff-form")
            _logout(page)
        page.goto(incident_url)  # the public now sees the confirmed finding
        assert page.inner_text("[data-testid=review-status]") == "confirmed"
        page.screenshot(path=str(SHOTS / "console-confirmed.png"))

        # The field monitor's form on a phone screen.
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        _login(phone, base, "monitor")
        phone.goto(f"{base}/observe")
        phone.fill("input[name=observed_at]", "2023-09-21T17:05")
        phone.select_option("select[name=what]", "explosion")
        phone.select_option("select[name=how]", "heard")
        phone.fill("input[name=count]", "4")
        phone.fill("input[name=bearing_deg]", "200")
        phone.fill("input[name=distance_km]", "3.5")
        phone.click("#observation-form button[type=submit]")
        phone.wait_for_selector("#observation-form .done:has-text('Stored')")
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        phone.screenshot(path=str(SHOTS / "console-phone-observation.png"), full_page=True)
        browser.close()

    # Run the whole pipeline again: the correction and the status remain.
    done = subprocess.run([sys.executable, "-m", "truce", "run"], env=server["env"], capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    incident_id = incident_url.rsplit("/", 1)[1]
    record = httpx.get(f"{base}/api/incidents/{incident_id}", timeout=30).json()  # public: it is published
    assert record["incident"]["location"]["name"] == NEW_PLACE
    assert record["review"]["status"] == "confirmed"
    assert {p["signatory"] for p in record["review"]["positions"]} == {"RUS", "TUR"}

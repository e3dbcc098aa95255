"""Browser test fixtures: the example corpus plus a script-laden article ingested into a temporary
store, the real `presswatch serve` on a free local port (always terminated), and Debian's Chromium
driven by Playwright.  Screenshots go to test-artifacts/ (gitignored)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
XSS_META = {"title": '<script>window.__xss = 1</script>Border <img src=x onerror="window.__xss = 2"> report',
            "outlet": '<img src=x onerror="window.__xss = 3">Evil Outlet', "published": "2022-09-16",
            "url": "javascript:window.__xss = 6"}
XSS_TEXT = ('Kyrgyz border guards fired on Tajik positions near Batken on September 16, the Tajik border service said. '
            '"<script>window.__xss = 4</script> is what they wrote," Tajik President Emomali Rahmon said. '
            'The statement <img src=x onerror="window.__xss = 5"> was shared widely.\n')

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """The example articles and the XSS article, ingested (and reclustered) by the real CLI."""
    folder = tmp_path_factory.mktemp("browser")
    extra = folder / "xss"
    extra.mkdir()
    (extra / "xss_article.txt").write_text(XSS_TEXT, encoding="utf-8")
    (extra / "xss_article.meta.json").write_text(json.dumps(XSS_META), encoding="utf-8")
    db = folder / "corpus.db"
    result = subprocess.run([sys.executable, "-m", "presswatch", "ingest", str(REPO / "examples" / "articles"),
                             str(extra), "--db", str(db), "--workers", "1"], capture_output=True, text=True,
                            timeout=600)
    assert db.exists(), result.stderr
    return db


@pytest.fixture(scope="session")
def server(corpus_db):
    """`presswatch serve` in a subprocess; yields its base URL; always terminated."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "presswatch", "serve", "--db", str(corpus_db),
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"presswatch serve exited: {process.stdout.read().decode(errors='replace')}")
            try:
                if httpx.get(base + "/api/v1/documents?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("presswatch serve did not answer within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing; scripts/setup.sh installs Debian's chromium"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page; fails the test if it requests anything off the local server or opens a dialog."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server)
    tab = context.new_page()
    outside: list[str] = []
    dialogs: list[str] = []
    tab.on("request", lambda request: outside.append(request.url)
           if not request.url.startswith((server, "data:", "about:")) else None)
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: dialogs.append(f"page error: {error}"))
    yield tab
    context.close()
    assert not outside, f"requests left the local server: {outside}"
    assert not dialogs, f"unexpected dialogs or script errors: {dialogs}"


def shoot(tab, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path

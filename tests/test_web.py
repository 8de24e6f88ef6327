"""The web UI and JSON API on a real server (uvicorn), driven by httpx and Debian's headless Chromium."""
import os
import shutil
import socket
import subprocess
import sys
import time

import httpx
import pytest

from conftest import ROOT, SAMPLES, need, page

TOKEN = "test-token-123"
SCREENSHOTS_VARIABLE = "ONRECORD_SCREENSHOTS"
XSS_PAGE = page("https://evil.example/x", "Evil <b>Site</b>", "2025-10-09T10:00:00Z", [
    "“&lt;script&gt;window.__xss=1&lt;/script&gt; is all we found in the files,” investigator Eve Hacker said.",
    "Hacker said the &lt;img src=x onerror=window.__xss=2&gt; tag had been planted on the server.",
])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(db, token=None):
    port = _free_port()
    env = dict(os.environ)
    env.pop("ONRECORD_TOKEN", None)
    if token:
        env["ONRECORD_TOKEN"] = token
    process = subprocess.Popen([sys.executable, "-m", "onrecord", "serve", "--db", str(db), "--port", str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(process.stderr.read().decode())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    xss = folder / "xss.html"
    xss.write_text(XSS_PAGE, encoding="utf-8")
    db = folder / "web.db"
    example = ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html"
    result = subprocess.run([sys.executable, "-m", "onrecord", "ingest", str(need(SAMPLES / "liveblog-gaza-plan.html")),
                             str(example), str(xss), "--db", str(db)], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    process, base = _start(db, TOKEN)
    yield base
    process.terminate()
    process.wait(timeout=10)


def test_api_search_filters_and_pages(server):
    body = httpx.get(server + "/api/quotations", params={"q": "ceasefire"}).json()
    assert body["page"] == 1 and {r["speaker"]["name"] for r in body["results"]} >= {"Maria Zakharova"}
    first = httpx.get(server + "/api/quotations", params={"per_page": 5}).json()
    second = httpx.get(server + "/api/quotations", params={"per_page": 5, "page": 2}).json()
    assert first["next_page"] == 2 and len(first["results"]) == 5
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
    zakharova = httpx.get(server + "/api/quotations", params={"speaker": "Zakharova", "kind": "direct"}).json()
    assert zakharova["results"] and all(r["kind"] == "direct" for r in zakharova["results"])
    assert httpx.get(server + "/api/quotations", params={"site": "Example News", "until": "2025-10-07"}).json()["results"]


def test_api_speakers_documents_statements(server):
    speakers = httpx.get(server + "/api/speakers").json()["speakers"]
    bishara = next(s for s in speakers if s["name"] == "Marwan Bishara")
    detail = httpx.get(f"{server}/api/speakers/{bishara['id']}").json()
    assert detail["roles"][0]["affiliation"] == "Al Jazeera" and detail["latest"]
    record = detail["latest"][0]
    document = httpx.get(f"{server}/api/documents/{record['doc']['id']}").json()
    assert len(document["posts"]) == 3
    for quote in document["quotations"]:
        assert document["text"][quote["start"]:quote["end"]] == quote["text"]
    statement = httpx.get(f"{server}/api/statements/{record['statement_id']}").json()
    assert statement["appearances"][0]["text"] == statement["text"] or statement["appearances"]
    assert httpx.get(server + f"/speakers/{bishara['id']}.json").json() == detail | {"latest": detail["latest"][:20]}
    assert httpx.get(server + f"/documents/{record['doc']['id']}.json").json()["id"] == record["doc"]["id"]
    assert "quotations" in httpx.get(server + "/openapi.json").json()["paths"]["/api/quotations"]["get"]["summary"].lower() \
        or "/api/quotations" in httpx.get(server + "/openapi.json").json()["paths"]


def test_api_extract_stores_nothing(server):
    before = len(httpx.get(server + "/api/quotations", params={"per_page": 100}).json()["results"])
    text = "“We will reopen the port on Monday,” harbour master Lena Holt told reporters."
    body = httpx.post(server + "/api/extract", json={"text": text}, timeout=60).json()
    [record] = body["quotations"]
    assert record["speaker"]["name"] == "Lena Holt" and text[record["start"]:record["end"]] == record["text"]
    html = httpx.post(server + "/api/extract", json={"html": need(SAMPLES / "liveblog-gaza-plan.html").read_text()},
                      timeout=60).json()
    assert len(html["quotations"]) > 15
    assert len(httpx.get(server + "/api/quotations", params={"per_page": 100}).json()["results"]) == before


def test_api_ingest_needs_the_token(server, tmp_path):
    payload = {"text": "“The bridge opens in May,” engineer Rosa Klein said.", "source": "api-test"}
    assert httpx.post(server + "/api/ingest", json=payload).status_code == 401
    assert httpx.post(server + "/api/ingest", json=payload, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = httpx.post(server + "/api/ingest", json=payload, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
    assert ok.json()["status"] == "new" and ok.json()["quotations_added"] == 1
    again = httpx.post(server + "/api/ingest", json=payload, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
    assert again.json()["status"] == "unchanged"
    assert httpx.get(server + "/api/quotations", params={"speaker": "Rosa Klein"}).json()["results"]


def test_writes_are_off_without_a_token(tmp_path):
    db = tmp_path / "plain.db"
    process, base = _start(db)
    try:
        response = httpx.post(base + "/api/ingest", json={"text": "x"})
        assert response.status_code == 403 and "ONRECORD_TOKEN" in response.json()["error"]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("method, path, kwargs, status", [
    ("get", "/api/quotations", {"params": {"page": "zero"}}, 400),
    ("get", "/api/quotations", {"params": {"per_page": 100000}}, 400),
    ("get", "/api/quotations", {"params": {"since": "last week"}}, 400),
    ("get", "/api/quotations", {"params": {"kind": "rumour"}}, 400),
    ("get", "/api/speakers/999999", {}, 404),
    ("get", "/api/speakers/abc", {}, 400),
    ("get", "/api/documents/nope", {}, 404),
    ("get", "/api/statements/0", {}, 404),
    ("get", "/speakers/nobody", {}, 404),
    ("get", "/documents/nope.json", {}, 404),
    ("get", "/no/such/page", {}, 404),
    ("post", "/api/extract", {"json": {}}, 400),
    ("post", "/api/extract", {"json": {"text": "a", "html": "<p>b</p>"}}, 400),
    ("post", "/api/extract", {"content": b"not json", "headers": {"content-type": "application/json"}}, 400),
    ("post", "/api/extract", {"json": {"text": "x" * (3 * 1024 * 1024)}}, 413),
    ("post", "/api/extract", {"json": {"html": "<html><body><script>1</script></body></html>"}}, 422),
    ("post", "/api/ingest", {"json": {"text": "x"}, "headers": {"Authorization": "Bearer nope"}}, 401),
    ("delete", "/api/quotations", {}, 405),
])
def test_bad_requests_get_json_4xx(server, method, path, kwargs, status):
    response = getattr(httpx, method)(server + path, timeout=60, **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["error"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip("Debian chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--window-size=1280,1000",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    yield driver
    driver.quit()


def _follow(driver, element):
    """Click a link or button and wait until the browser has replaced the page, not just started to."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    old_page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    # while Chromium swaps documents it may answer "node does not belong to the document" instead of
    # "stale element": ask again until it says stale
    WebDriverWait(driver, 30, ignored_exceptions=[WebDriverException]).until(
        expected_conditions.staleness_of(old_page))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _shot(driver, name):
    """The page as NAME.png in the folder $ONRECORD_SCREENSHOTS names (relative to the repository), and only
    then: a plain test run leaves the tracked screenshots in docs/screenshots alone."""
    folder = os.environ.get(SCREENSHOTS_VARIABLE)
    if not folder:
        return
    path = ROOT / folder  # an absolute folder stays itself
    path.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path / f"{name}.png"))


def test_screenshots_are_written_only_when_asked(browser, tmp_path, monkeypatch):
    tracked = ROOT / "docs" / "screenshots" / "search.png"
    before = tracked.read_bytes()
    browser.get("data:text/html,<h1>a page</h1>")
    monkeypatch.delenv(SCREENSHOTS_VARIABLE, raising=False)
    _shot(browser, "search")
    assert tracked.read_bytes() == before
    monkeypatch.setenv(SCREENSHOTS_VARIABLE, str(tmp_path / "shots"))
    _shot(browser, "search")
    assert (tmp_path / "shots" / "search.png").read_bytes().startswith(b"\x89PNG")
    assert tracked.read_bytes() == before


def test_browser_search_speaker_document(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("ceasefire")
    _follow(browser, browser.find_element(By.CSS_SELECTOR, "form.search button"))
    quotes = browser.find_elements(By.CSS_SELECTOR, ".quote")
    assert quotes and "ceasefire" in browser.page_source
    assert "Maria Zakharova" in browser.find_element(By.TAG_NAME, "main").text
    _shot(browser, "search")

    _follow(browser, browser.find_element(By.LINK_TEXT, "Maria Zakharova"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Maria Zakharova"
    assert "Foreign Ministry spokesperson" in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    _shot(browser, "speaker")

    _follow(browser, browser.find_element(By.CSS_SELECTOR, ".quote a.document"))
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.q")
    assert len(marks) >= 15
    mentions = browser.find_elements(By.CSS_SELECTOR, "span.mention")
    assert any(m.text == "Zakharova" for m in mentions)
    colours = {m.value_of_css_property("background-color") for m in marks}
    assert len(colours) >= 3
    posts = browser.find_elements(By.CSS_SELECTOR, "section.post")
    assert [p.find_element(By.CSS_SELECTOR, "header h2").text for p in posts] == [
        "Russia backs US Gaza plan, calls for full restoration of humanitarian access",
        "Hamas, Israel continue to have ‘serious disagreements’",
        "Netanyahu’s endgame is about eliminating prospect of Palestinian statehood"]
    times = [p.find_element(By.CSS_SELECTOR, "header time") for p in posts]
    assert [t.get_attribute("datetime") for t in times] == ["2025-10-07T14:05:00Z", "2025-10-07T13:40:00Z",
                                                           "2025-10-07T13:12:00Z"]
    assert times[0].text == "2025-10-07 14:05"
    assert sum(len(p.find_elements(By.CSS_SELECTOR, "mark.q")) for p in posts) == len(marks)
    assert "Russia backs US Gaza plan" not in posts[0].find_element(By.CSS_SELECTOR, ".doctext").text
    browser.execute_script("window.scrollTo(0, 0)")
    _shot(browser, "document")
    _follow(browser, marks[1].find_element(By.TAG_NAME, "a"))
    assert browser.find_element(By.TAG_NAME, "h1").text in {"Maria Zakharova", "Hamas and el-Sisi", "Marwan Bishara"}


def test_browser_renders_injected_markup_as_text(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/?speaker=Eve+Hacker")
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "<script>window.__xss=1</script> is all we found" in text
    assert browser.execute_script("return window.__xss === undefined")
    _follow(browser, browser.find_element(By.CSS_SELECTOR, ".quote a.document"))
    assert "<img src=x onerror=window.__xss=2>" in browser.find_element(By.CSS_SELECTOR, ".doctext").text
    assert browser.execute_script("return window.__xss === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, ".doctext img, .doctext script, main b")

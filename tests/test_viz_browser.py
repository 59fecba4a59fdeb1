"""The interactive graph in a real browser: headless Chromium, no network.

Runs where Debian's chromium and chromium-driver are installed (.ci/run installs
them); elsewhere it is skipped with the reason.
"""

import shutil
from pathlib import Path

import networkx as nx
import pytest

from kg import KnowledgeGraph
from kg.viz import network_page, write_page

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(DRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver (installed by .ci/run)",
)
INJECTED = "<img src=x onerror=window.__pwned=1>"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1400,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("viz")
    graph = KnowledgeGraph.build(out=out)
    page = write_page(graph, out / "graph.html")
    return graph, page


def wait_for(driver, script, timeout=30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script))


def test_seed_graph_draws_offline(browser, seed_page):
    graph, page = seed_page
    browser.get(page.as_uri())
    wait_for(browser, "return document.body.dataset.stabilized === 'true'", timeout=60)
    expected = graph.to_networkx().number_of_nodes()
    assert browser.execute_script("return window.kg.nodes.length") == expected
    assert browser.execute_script("return document.body.dataset.nodeCount") == str(expected)
    assert browser.execute_script("return window.kg.network.body.nodeIndices.length") == expected
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    browser.save_screenshot(str(page.with_suffix(".png")))


def test_search_focuses_a_node_by_alias(browser, seed_page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    graph, page = seed_page
    browser.get(page.as_uri())
    wait_for(browser, "return document.body.dataset.stabilized === 'true'", timeout=60)
    box = browser.find_element(By.ID, "search")
    box.send_keys("刑警组织", Keys.ENTER)
    interpol = graph.entity("刑警组织").iri
    assert wait_for(browser, f"return document.body.dataset.focused === '{interpol}'")
    assert "国际刑事警察组织" in browser.find_element(By.ID, "info").text
    assert browser.execute_script("return window.kg.network.getSelectedNodes()") == [interpol]
    box.clear()
    box.send_keys("International Criminal Police", Keys.ENTER)
    assert wait_for(browser, f"return document.body.dataset.focused === '{interpol}'")


def test_class_filter_hides_without_reload(browser, seed_page):
    from selenium.webdriver.common.by import By

    graph, page = seed_page
    browser.get(page.as_uri())
    wait_for(browser, "return document.body.dataset.stabilized === 'true'", timeout=60)
    before = int(browser.execute_script("return document.body.dataset.visibleNodes"))
    countries = sum(1 for _, t in graph.to_networkx().nodes(data="type") if t == "Country")
    browser.execute_script("window.__sameDocument = true")
    browser.find_element(By.CSS_SELECTOR, "#class-filters input[data-key='Country']").click()
    after = int(browser.execute_script("return document.body.dataset.visibleNodes"))
    assert after == before - countries
    assert browser.execute_script("return window.__sameDocument") is True
    browser.find_element(By.CSS_SELECTOR, "#predicate-filters input[data-key='partnerOf']").click()
    edges = browser.execute_script("return window.kg.edgeView.get().map(e => e.predicate)")
    assert "partnerOf" not in edges and edges


def test_injected_label_stays_text(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    network = nx.MultiDiGraph()
    network.add_node(
        "a", type="Organization", label=INJECTED, label_zh=INJECTED, aliases=[INJECTED]
    )
    network.add_node("b", type="Country", label="阿富汗", label_zh="阿富汗")
    network.add_edge(
        "a", "b", key="partnerOf", predicate="partnerOf",
        evidence=[{"document": INJECTED, "paragraph": 1, "section": INJECTED,
                   "sentence": f"</script><script>window.__pwned=2</script>{INJECTED}",
                   "rule": "test", "confidence": 1.0}],
    )  # fmt: skip
    page = tmp_path / "inject.html"
    page.write_text(network_page(network, INJECTED), encoding="utf-8")
    browser.get(page.as_uri())
    wait_for(browser, "return document.body.dataset.stabilized === 'true'", timeout=60)
    box = browser.find_element(By.ID, "search")
    box.send_keys("img src", Keys.ENTER)
    wait_for(browser, "return document.body.dataset.focused === 'a'")
    info = browser.find_element(By.ID, "info")
    assert INJECTED in info.text
    assert not info.find_elements(By.TAG_NAME, "img")
    assert not browser.find_elements(By.CSS_SELECTOR, "img")
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.title == INJECTED


def test_large_graph_settles_with_low_degree_nodes_hidden(browser, tmp_path):
    network = nx.MultiDiGraph()
    for index in range(2000):
        kind = ("Organization", "Country", "Programme", "Meeting")[index % 4]
        network.add_node(f"n{index}", type=kind, label=f"实体{index}", label_zh=f"实体{index}")
    for index in range(1, 2000):
        if index % 3:  # a third of the nodes stay leaves or alone
            network.add_edge(f"n{index // 7}", f"n{index}", key="partnerOf", predicate="partnerOf")
    page = tmp_path / "large.html"
    page.write_text(network_page(network, "large"), encoding="utf-8")
    browser.get(page.as_uri())
    wait_for(browser, "return document.body.dataset.stabilized === 'true'", timeout=120)
    assert browser.execute_script("return window.kg.nodes.length") == 2000
    shown = int(browser.execute_script("return document.body.dataset.visibleNodes"))
    degrees = dict(network.degree())
    assert shown == sum(1 for d in degrees.values() if d > 1)
    assert browser.execute_script("return window.kg.network.physics.physicsEnabled") is False

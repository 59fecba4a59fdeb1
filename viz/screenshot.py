"""Take the screenshot of the seed's graph shown in the README (docs/graph.png).

Needs Debian's chromium and chromium-driver. Run after `kg build`:
    python viz/screenshot.py [--page out/graph.html] [--focus NAME] [--out docs/graph.png]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", type=Path, default=Path("out/graph.html"))
    parser.add_argument("--focus", default="毒品和犯罪问题办公室")
    parser.add_argument("--out", type=Path, default=Path("docs/graph.png"))
    args = parser.parse_args()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1000",
                     "--disable-background-networking", f"--user-data-dir={profile}"):  # fmt: skip
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(args.page.resolve().as_uri())
            WebDriverWait(driver, 120).until(
                lambda d: d.execute_script("return document.body.dataset.stabilized === 'true'")
            )
            driver.execute_script(
                "const id = window.kg.search(arguments[0])[0];"
                "window.kg.focusNode(id); window.kg.network.moveTo({scale: 0.9});",
                args.focus,
            )
            driver.save_screenshot(str(args.out))
        finally:
            driver.quit()
    print(f"→ {args.out}")


if __name__ == "__main__":
    main()

import re
import pytest
from playwright.sync_api import expect

def test_explore(demo_site, page):
    page.goto(f"{demo_site}/lt/clusters/")
    page.locator("#search-query").press_sequentially("pieno")
    expect(page).to_have_url(re.compile(r"[?&]q=pieno(&|$)"))
    page.wait_for_timeout(1000)
    print(page.url)
    print(page.locator("#results .result-card h2 a").all_inner_texts())
    print(page.locator("#sort option").all_inner_texts(), page.locator("#sort").input_value())
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ["/lt/", "/lt/clusters/", "/lt/clusters/smart-food/", "/lt/organisations/", "/lt/network/"]:
        page.goto(demo_site + path)
        wide = page.evaluate("""() => { const out = []; for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect(); if (r.right > window.innerWidth + 1) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right) + ' ' + (e.textContent||'').trim().slice(0,60)); } return out.slice(0, 8); }""")
        print(path, page.evaluate("document.documentElement.scrollWidth"), wide)

"""The API docs page works in a real browser under our Content-Security-Policy, with nothing
loaded from another host (Swagger UI comes from django-ninja's static files)."""

from urllib.parse import urlsplit


def test_api_docs_render_every_operation_from_our_own_host(demo_server, page):
    url = demo_server.url("hameln", "/api/v3/docs/")
    own_host = urlsplit(url).netloc
    requested, csp_errors = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: "Content Security Policy" in message.text and csp_errors.append(message.text))

    response = page.goto(url)
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator(".opblock-summary-path").first.wait_for(timeout=60_000)  # rendered from openapi.json
    page.wait_for_load_state("networkidle")

    # Swagger UI breaks paths with zero-width spaces after each slash
    paths = [path.replace("\u200b", "") for path in page.locator(".opblock-summary-path").all_inner_texts()]
    assert len(paths) >= 60, paths
    assert {"/api/v3/pages/", "/api/v3/directory/contacts/", "/api/v3/newsletter/subscribe/"} <= set(paths)
    other_hosts = [address for address in requested if urlsplit(address).netloc not in (own_host, "")]
    assert other_hosts == []
    assert csp_errors == []

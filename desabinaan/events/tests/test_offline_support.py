"""The service worker and the offline capture page (the queue itself is covered by the browser test)."""


def test_the_service_worker_is_served_as_javascript_for_the_events_scope(client, db):
    response = client.get("/sosialisasi/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/sosialisasi/"
    body = response.content.decode()
    assert "/static/events/offline.js" in body and "/static/css/app.css" in body


def test_the_capture_page_loads_the_queue_script_and_no_inline_script(world, login, event):
    page = login(world.budi).get(f"/sosialisasi/{event.pk}/hadir/").content.decode()
    assert 'src="/static/events/offline.js"' in page
    assert f'data-api-url="/api/v1/events/{event.pk}/attendance"' in page
    assert "<script>" not in page

"""The dashboard's village line reads "Aktif: 1", never the status codes ("proposed: 0 · active: 1")."""


def test_the_village_status_line_shows_labels(world, login):
    html = login(world.ani).get("/dasbor/").content.decode()
    card = html[html.index('data-figure="villages_fostered"') :]
    card = card[: card.index("</li>")]
    assert "Aktif: 2" in card
    assert "active:" not in card
    assert "proposed:" not in card

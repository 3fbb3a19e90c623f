def test_an_unknown_api_path_answers_json(client, db):
    response = client.get("/api/v1/people/-1")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Tidak ditemukan."}


def test_an_unknown_page_answers_the_sites_own_page_in_indonesian(client, db):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()

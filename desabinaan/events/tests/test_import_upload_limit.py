"""The import form states its size limit and refuses a larger sheet before it is stored or a job starts."""

import io

from desabinaan.core import uploads
from desabinaan.events.forms import IMPORT_MAX_BYTES
from desabinaan.jobs.models import Job

MB = uploads.MB


def test_the_import_form_states_and_enforces_its_limit(world, login, event):
    client = login(world.ani)
    page = client.get(f"/sosialisasi/{event.pk}/impor/").content.decode()
    assert str(uploads.FILE_LIMIT_HELP % {"mb": IMPORT_MAX_BYTES // MB}) in page
    upload = io.BytesIO(b"x" * (IMPORT_MAX_BYTES + 1))
    upload.name = "daftar.xlsx"
    response = client.post(f"/sosialisasi/{event.pk}/impor/", {"file": upload})
    assert response.status_code == 200
    assert str(uploads.FILE_TOO_LARGE % {"mb": IMPORT_MAX_BYTES // MB}) in response.content.decode()
    assert not Job.objects.exists()

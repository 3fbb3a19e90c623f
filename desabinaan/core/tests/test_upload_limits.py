"""Uploads are bounded while they stream in and refused by the form before anything is stored."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from desabinaan.core import uploads

MB = uploads.MB


def test_a_file_past_the_ceiling_is_cut_off_while_it_streams_in(rf, settings):
    settings.UPLOAD_MAX_BYTES = 1 * MB
    request = rf.post("/x/", {"file": SimpleUploadedFile("big.xlsx", b"x" * (3 * MB))})
    upload = request.FILES["file"]
    assert isinstance(upload, uploads.OversizedUpload)
    assert upload.size == 3 * MB
    stored = request.upload_handlers[-1].file  # what the temporary-file handler wrote to disk
    assert stored.tell() <= 1 * MB
    form = uploads.LimitedFileField(max_bytes=10 * MB)
    with pytest.raises(ValidationError) as exc:
        form.clean(upload)
    assert exc.value.code == "too_large"


def test_a_file_under_the_ceiling_arrives_whole(rf, settings):
    settings.UPLOAD_MAX_BYTES = 1 * MB
    request = rf.post("/x/", {"file": SimpleUploadedFile("small.xlsx", b"x" * 1000)})
    assert request.FILES["file"].read() == b"x" * 1000

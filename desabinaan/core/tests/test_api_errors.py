"""The API's one error layer: each domain exception becomes one status with the body {detail, field, code}."""

import json

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.test import Client, RequestFactory
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError

from desabinaan.api import UNAUTHORIZED, api
from desabinaan.core.errors import FIELD_INVALID, FIELD_MISSING, FORBIDDEN, NOT_FOUND, NOT_JSON, Conflict
from desabinaan.people.models import Person
from desabinaan.people.services import person_create

PEOPLE = "/api/v1/people"


def answer(exc: Exception) -> tuple[int, dict]:
    """What the handlers registered on desabinaan.api make of `exc` raised inside an operation."""
    response = api.on_exception(RequestFactory().get("/api/v1/x"), exc)
    return response.status_code, json.loads(response.content)


def body(detail, field=None, code=None) -> dict:
    return {"detail": str(detail), "field": field, "code": code}


def test_permission_denied_is_403_with_its_message():
    assert answer(PermissionDenied("Hanya petugas.")) == (403, body("Hanya petugas."))


def test_a_bare_permission_denied_gets_the_indonesian_default():
    assert answer(PermissionDenied()) == (403, body(FORBIDDEN))


def test_a_bare_http404_is_404_with_the_indonesian_default():
    assert answer(Http404()) == (404, body(NOT_FOUND))


def test_an_http404_raised_with_a_message_keeps_it():
    assert answer(Http404("Kode tanda terima tidak cocok.")) == (404, body("Kode tanda terima tidak cocok."))


def test_a_model_does_not_exist_is_404_without_djangos_english_message():
    assert answer(Person.DoesNotExist("Person matching query does not exist.")) == (404, body(NOT_FOUND))


def test_conflict_is_409_with_its_field_and_code():
    status, got = answer(Conflict("Sudah diubah orang lain.", field="version", code="version"))
    assert (status, got) == (409, body("Sudah diubah orang lain.", "version", "version"))


def test_a_conflict_without_field_or_code_answers_nulls():
    assert answer(Conflict("Sudah diputuskan.")) == (409, body("Sudah diputuskan."))


def test_a_single_validation_error_is_422_with_its_code_and_no_field():
    assert answer(ValidationError("Alasan wajib diisi.", code="reason")) == (
        422,
        body("Alasan wajib diisi.", None, "reason"),
    )


def test_a_validation_error_dict_answers_its_first_field_and_first_message():
    error = ValidationError(
        {
            "nik": [ValidationError("NIK harus 16 angka.", code="length"), ValidationError("Lain.")],
            "name": ValidationError("Nama wajib diisi.", code="required"),
        }
    )
    assert answer(error) == (422, body("NIK harus 16 angka.", "nik", "length"))


def test_a_non_field_validation_error_has_a_null_field():
    error = ValidationError(
        {NON_FIELD_ERRORS: ValidationError("Tanggal selesai sebelum mulai.", code="order")}
    )
    assert answer(error) == (422, body("Tanggal selesai sebelum mulai.", None, "order"))


def test_validation_error_params_are_interpolated():
    error = ValidationError("Kode %(code)s tidak dikenal.", code="criterion", params={"code": "K9"})
    assert answer(error) == (422, body("Kode K9 tidak dikenal.", None, "criterion"))


def test_a_list_of_validation_errors_answers_the_first():
    error = ValidationError([ValidationError("Pertama.", code="a"), ValidationError("Kedua.", code="b")])
    assert answer(error) == (422, body("Pertama.", None, "a"))


def test_a_request_schema_error_names_the_field_and_pydantics_type():
    error = SchemaValidationError(
        [
            {"type": "missing", "loc": ["body", "payload", "name"], "msg": "Field required"},
            {"type": "string_too_long", "loc": ["body", "payload", "phone"], "msg": "too long"},
        ]
    )
    assert answer(error) == (422, body(FIELD_MISSING % {"field": "name"}, "name", "missing"))


@pytest.mark.parametrize(
    ("loc", "field"),
    [
        (["query", "limit"], "limit"),
        (["path", "id"], "id"),
        (["body", "payload", "involved", 0, "name"], "involved.0.name"),
    ],
)
def test_a_schema_error_field_is_the_path_below_the_parameter(loc, field):
    error = SchemaValidationError([{"type": "int_parsing", "loc": loc, "msg": "not an int"}])
    assert answer(error) == (422, body(FIELD_INVALID % {"field": field}, field, "int_parsing"))


def test_an_http_error_keeps_its_status_in_the_same_shape():
    assert answer(HttpError(429, "Terlalu banyak percobaan.")) == (429, body("Terlalu banyak percobaan."))


def test_an_authentication_error_is_401_in_indonesian():
    assert answer(AuthenticationError()) == (401, body(UNAUTHORIZED))


# Through the whole stack: routing, authentication and ninja's own request parsing.


def test_a_missing_body_field_is_422_in_the_same_shape(world, login):
    payload = {"sex": "F", "village_code": world.tebat_monok.code, "birth_year": 1990}
    response = login(world.fajar).post(PEOPLE, payload, content_type="application/json")
    assert response.status_code == 422
    assert response.json() == body(FIELD_MISSING % {"field": "name"}, "name", "missing")


def test_a_body_that_is_not_json_is_400_in_the_same_shape(world, login):
    response = login(world.fajar).post(PEOPLE, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == body(NOT_JSON)


def test_an_anonymous_caller_gets_401_in_the_same_shape(db):
    response = Client().get(PEOPLE)
    assert response.status_code == 401
    assert response.json() == body(UNAUTHORIZED)


def test_a_person_outside_the_scope_is_404_in_the_same_shape(world, login):
    elsewhere = person_create(
        actor=world.admin, name="Rina", birth_year=1990, sex="F", village=world.other_village
    )
    response = login(world.budi).get(f"{PEOPLE}/{elsewhere.pk}")
    assert response.status_code == 404
    assert response.json() == body(NOT_FOUND)


def test_a_read_only_user_is_refused_with_403_in_the_same_shape(world, login):
    payload = {"name": "Rina", "sex": "F", "village_code": world.tebat_monok.code, "birth_year": 1990}
    response = login(world.eka).post(PEOPLE, payload, content_type="application/json")
    assert response.status_code == 403
    assert set(response.json()) == {"detail", "field", "code"}
    assert response.json()["detail"]


def test_an_unknown_village_code_is_422_on_its_field(world, login):
    payload = {"name": "Rina", "sex": "F", "village_code": "17.08.04.2999", "birth_year": 1990}
    response = login(world.fajar).post(PEOPLE, payload, content_type="application/json")
    assert response.status_code == 422
    assert (response.json()["field"], response.json()["code"]) == ("village_code", "unknown")


# The schema: every error response is documented with the one shape.


def _schema():
    return api.get_openapi_schema()


def test_the_schema_has_one_error_shape():
    error_out = _schema()["components"]["schemas"]["ErrorOut"]
    assert set(error_out["properties"]) == {"detail", "field", "code"}
    assert error_out["required"] == ["detail"]


def _error_schema_names(schema):
    components = schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) < 400:
                    continue
                ref = response["content"]["application/json"]["schema"]["$ref"]
                name = ref.rsplit("/", 1)[-1]
                yield f"{method.upper()} {path} {status}", name, components[name]


def test_every_documented_error_carries_detail_field_and_code():
    checked = 0
    for label, _name, component in _error_schema_names(_schema()):
        assert {"detail", "field", "code"} <= set(component["properties"]), label
        checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/desa-binaan"),
        ("post", "/api/v1/desa-binaan/{id}/transitions"),
        ("post", "/api/v1/screenings/{id}/decision"),
        ("patch", "/api/v1/referrals/{id}"),
        ("post", "/api/v1/people"),
        ("post", "/api/v1/events/{event_id}/attendance"),
    ],
)
def test_operations_whose_services_raise_conflict_document_409(method, path):
    assert "409" in {str(code) for code in _schema()["paths"][path][method]["responses"]}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/api/v1/screening/indicators", "404"),
        ("post", "/api/v1/screenings", "404"),
        ("get", "/api/v1/passport/fees", "404"),
        ("get", "/api/v1/offices/kanims", "404"),
        ("get", "/api/v1/stats/summary", "404"),
        ("post", "/api/v1/readiness-checks", "404"),
        ("post", "/api/v1/reports", "429"),
        ("post", "/api/v1/reports/status", "429"),
        ("get", "/api/v1/agencies", "429"),
    ],
)
def test_errors_not_implied_by_the_operation_shape_are_declared(method, path, status):
    assert status in {str(code) for code in _schema()["paths"][path][method]["responses"]}

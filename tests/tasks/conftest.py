import pytest


@pytest.fixture
def task_db(_keep_serialized_contents, django_db_serialized_rollback, transactional_db):
    """A transactional test database (the worker processes must see committed rows) whose data-migration rows
    are restored before the test (serialized rollback)."""


@pytest.fixture
def _keep_serialized_contents(django_db_setup):
    """See SERIALIZED_CONTENTS in the root conftest: the contents saved when the test database was created."""
    from django.db import connections

    from conftest import SERIALIZED_CONTENTS

    if "default" in SERIALIZED_CONTENTS:
        connections["default"]._test_serialized_contents = SERIALIZED_CONTENTS["default"]

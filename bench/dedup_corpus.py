"""A synthetic Indonesian person corpus with injected duplicates and the truth about them (bench only).

Persons get a Javanese/Sundanese/Malay/Arabic-derived given name and one or two further names, a birth date
(one in ten only a year, as on paper sheets), a NIK for four in five, and one of 5,000 villages; common names
repeat, so namesakes born the same year exist as they do in a real register. A share of persons then gets a
second record with one or two variants, each a kind seen on real sign-in sheets:

- spelling: y/i, oe/u, dj/j, sy/s, a doubled or dropped letter;
- Muhammad written Moh., Muh., M. or Mohamad;
- birth day and month swapped (when both are 12 or less and differ);
- the NIK missing on the second record.

Deterministic for a seed. `write_csv` writes the corpus for splink; the truth is the set of (original, copy) ids.
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.dedup import Record  # noqa: E402


def _words(text: str) -> list[str]:
    return text.split()


GIVEN = _words(
    "Muhammad Ahmad Agus Budi Dedi Eko Fajar Hendra Irfan Joko Kurniawan Lukman Rizki Saiful Slamet Taufik Wahyu "
    "Yusuf Zainal Bambang Dimas Rudi Arif Andi Bayu Teguh Hadi Imam Iwan Rahmat Suryadi Sutrisno Sugeng Heri Darmawan "
    "Siti Nur Dewi Sri Ani Rina Wati Yuni Ratna Indah Fitri Lestari Putri Ayu Rahma Nurul Endang Tuti Sumiati Aisyah "
    "Kartini Maya Novi Dian Eka Wulan Yanti Susanti Fatimah Khadijah Intan Mega Lina Desi Ika Tri Rini Umi Yulia"
)
FURTHER = _words(
    "Saputra Hidayat Santoso Wijaya Pratama Nugroho Setiawan Gunawan Kusuma Permana Hakim Rahman Hasan Syahputra "
    "Siregar Nasution Harahap Lubis Simanjuntak Sinaga Pane Tanjung Ginting Sembiring Situmorang Daulay Batubara "
    "Wahyudi Hartono Susilo Purnomo Utomo Prasetyo Suharto Sudirman Rahayu Wulandari Safitri Handayani Anggraini "
    "Puspita Maharani Kurniasih Setyaningsih Rosita Yuliana Aminah Maryam Salim Abdullah Hamid Mansur Fauzi Ramadhan "
    "Syaiful Junaidi Zulkarnain Effendi Sulaiman Ismail Yahya Usman Bakri Jaelani Mulyadi Suparman Ruslan Sofyan"
)

SPELLINGS = [
    ("y", "i"),
    ("i", "y"),
    ("u", "oe"),
    ("j", "dj"),
    ("sy", "s"),
    ("s", "sy"),
    ("ch", "k"),
    ("kh", "k"),
]
MUHAMMAD = ["Moh.", "Muh.", "M.", "Mohamad", "Muhamad", "Mochammad"]


@dataclass(frozen=True)
class Corpus:
    records: list[Record]
    truth: set[tuple[int, int]]
    kinds: dict[tuple[int, int], str]


def _name(rng: random.Random) -> str:
    parts = ["Muhammad"] if rng.random() < 0.12 else []
    parts.append(rng.choice(GIVEN))
    if rng.random() < 0.25:
        parts.append(rng.choice(GIVEN))
    parts.append(rng.choice(FURTHER))
    if rng.random() < 0.3:
        parts.append(rng.choice(FURTHER))
    return " ".join(parts)


def _misspell(rng: random.Random, name: str) -> str:
    options = [(a, b) for a, b in SPELLINGS if a in name.lower()]
    if options and rng.random() < 0.7:
        a, b = rng.choice(options)
        lowered = name.lower()
        at = lowered.find(a)
        replaced = name[:at] + (b.upper() if name[at].isupper() and len(b) == 1 else b) + name[at + len(a) :]
        return replaced[:1].upper() + replaced[1:]
    # A doubled or a dropped letter inside a word.
    at = rng.randrange(1, max(2, len(name) - 1))
    if name[at] == " " or name[at - 1] == " ":
        return name + name[-1]
    return name[:at] + name[at] + name[at:] if rng.random() < 0.5 else name[:at] + name[at + 1 :]


def build(n: int, *, duplicate_share: float = 0.05, seed: int = 15) -> Corpus:
    """`n` records in all, of which about n * duplicate_share are second records of an earlier person."""
    rng = random.Random(seed)
    villages = [
        f"{rng.randint(11, 94)}.{rng.randint(1, 79):02d}.{rng.randint(1, 30):02d}.{rng.randint(1001, 2030)}"
    ]
    villages += [
        f"{rng.randint(11, 94)}.{rng.randint(1, 79):02d}.{rng.randint(1, 30):02d}.{rng.randint(1001, 2030)}"
        for _ in range(4999)
    ]
    originals = int(n / (1 + duplicate_share))
    records: list[Record] = []
    for i in range(originals):
        year = rng.randint(1950, 2008)
        if rng.random() < 0.1:
            month = day = None
        else:
            month, day = rng.randint(1, 12), rng.randint(1, 28)
        nik = f"{rng.randrange(10**15, 10**16)}" if rng.random() < 0.8 else ""
        records.append(Record(i + 1, _name(rng), nik, year, month, day, rng.choice(villages)))
    truth: set[tuple[int, int]] = set()
    kinds: dict[tuple[int, int], str] = {}
    copies: dict[int, list[int]] = {}
    next_id = originals + 1
    while len(records) < n:
        original = records[rng.randrange(originals)]
        name, nik = original.name, original.nik
        year, month, day, village = (
            original.birth_year,
            original.birth_month,
            original.birth_day,
            original.village,
        )
        applied = []
        for kind in rng.sample(["spelling", "muhammad", "swap", "no_nik"], k=rng.choice((1, 1, 2))):
            if kind == "spelling":
                name = _misspell(rng, name)
            elif kind == "muhammad" and name.startswith("Muhammad "):
                name = name.replace("Muhammad", rng.choice(MUHAMMAD), 1)
            elif kind == "swap" and month and day and day <= 12 and day != month:
                month, day = day, month
            elif kind == "no_nik" and nik:
                nik = ""
            else:
                continue
            applied.append(kind)
        if rng.random() < 0.3:
            village = rng.choice(villages)  # moved, or registered where they work
        records.append(Record(next_id, name, nik, year, month, day, village))
        # Every record of one person pairs with every other: the original and each earlier copy.
        for other in (original.id, *copies.setdefault(original.id, [])):
            pair = (other, next_id)
            truth.add(pair)
            kinds[pair] = "+".join(applied) or "exact"
        copies[original.id].append(next_id)
        next_id += 1
    return Corpus(records, truth, kinds)


def write_csv(corpus: Corpus, path: Path) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["unique_id", "name", "nik", "birth_year", "birth_month", "birth_day", "village"])
        for r in corpus.records:
            writer.writerow(
                [r.id, r.name, r.nik, r.birth_year or "", r.birth_month or "", r.birth_day or "", r.village]
            )


def precision_recall(predicted: set[tuple[int, int]], truth: set[tuple[int, int]]) -> tuple[float, float]:
    hits = len(predicted & truth)
    return (hits / len(predicted) if predicted else 0.0, hits / len(truth) if truth else 0.0)

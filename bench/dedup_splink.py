"""splink (DuckDB) on the corpus bench_dedup wrote, for the comparison; runs in the bench virtualenv (var/bench-venv).

Usage: dedup_splink.py CORPUS.csv PAIRS_OUT.csv. Names get the usual cleaning (lower case, letters only), not the
app's name key: splink is given what a team would give it without our Indonesian spelling rules. Blocking: the
NIK; the cleaned name with the birth year; the birth date with the name's first two letters. Comparisons: name
(Jaro-Winkler 0.92 / 0.85), NIK, birth date (exact, day and month swapped, year), village. Parameters are estimated
with u by random sampling and m by expectation maximisation, as splink's tutorials do. Prints one JSON line.
"""

from __future__ import annotations

import json
import re
import sys
import time

import pandas as pd
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on


def main(corpus: str, out: str) -> None:
    started = time.perf_counter()
    df = pd.read_csv(corpus, dtype=str, keep_default_na=False)
    df = df.replace({"": None})
    df["name_clean"] = df["name"].map(lambda n: re.sub(r"[^a-z ]+", "", n.lower()).strip())
    df["birth_date"] = df.apply(
        lambda r: f"{r.birth_year}-{r.birth_month}-{r.birth_day}" if r.birth_month and r.birth_day else None,
        axis=1,
    )
    df["name_start"] = df["name_clean"].str[:2]
    dob = cl.CustomComparison(
        output_column_name="dob",
        comparison_levels=[
            cll.NullLevel("birth_year"),
            cll.ExactMatchLevel("birth_date"),
            cll.CustomLevel(
                "birth_year_l = birth_year_r AND birth_month_l = birth_day_r AND birth_day_l = birth_month_r",
                label_for_charts="day and month swapped",
            ),
            cll.ExactMatchLevel("birth_year"),
            cll.ElseLevel(),
        ],
    )
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=[
            block_on("nik"),
            block_on("name_clean", "birth_year"),
            block_on("birth_date", "name_start"),
        ],
        comparisons=[
            cl.JaroWinklerAtThresholds("name_clean", [0.92, 0.85]),
            cl.ExactMatch("nik"),
            dob,
            cl.ExactMatch("village"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(df, settings, db_api=DuckDBAPI())
    linker.training.estimate_probability_two_random_records_match([block_on("nik")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name_clean"))
    predictions = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    pairs = predictions[["unique_id_l", "unique_id_r"]].astype(int)
    pairs.to_csv(out, index=False)
    print(json.dumps({"seconds": time.perf_counter() - started, "pairs": len(pairs)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

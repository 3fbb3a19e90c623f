"""Evaluation counts what the village detects and refers (more is better) instead of "non-procedural cases, lower
is better", which rewarded not reporting; postponements are split by cause (docs/rules.md §1, checked 2026-12-03).

The old indicators are switched off, not deleted: past quarters keep their stored values.
"""

from django.db import migrations

CITATION = (
    "Tidak ada indikator evaluasi nasional; kajian domain Desember 2026: menghitung kasus terdeteksi dan dirujuk "
    "(makin banyak makin baik), penundaan dipisah menurut sebab (docs/rules.md §1)"
)
RETIRED = ["kasus_nonprosedural", "penundaan_paspor"]
# code, label, source, weight, target, direction. Postponements have weight 0: shown and compared, never scored,
# so an office is not rewarded for postponing nor for letting applications through.
INDICATORS = [
    (
        "kasus_terdeteksi_dirujuk",
        "Kasus terdeteksi dan dirujuk (skrining, rujukan, laporan)",
        "manual",
        2,
        2,
        "higher",
    ),
    ("penundaan_dokumen", "Penundaan paspor karena dokumen belum lengkap", "manual", 0, 1, "higher"),
    ("penundaan_indikasi_tppo", "Penundaan paspor karena indikasi TPPO", "manual", 0, 1, "higher"),
]


def fill(apps, schema_editor):
    EvaluationIndicator = apps.get_model("program", "EvaluationIndicator")
    EvaluationIndicator.objects.filter(code__in=RETIRED).update(active=False)
    order = (
        EvaluationIndicator.objects.filter(code="kasus_nonprosedural").values_list("order", flat=True).first()
    )
    start = order if order is not None else 20
    for i, (code, label, source, weight, target, direction) in enumerate(INDICATORS):
        EvaluationIndicator.objects.update_or_create(
            code=code,
            defaults={
                "label": label,
                "source": source,
                "weight": weight,
                "target": target,
                "direction": direction,
                "citation": CITATION,
                "order": start + i,
                "active": True,
            },
        )


def empty(apps, schema_editor):
    EvaluationIndicator = apps.get_model("program", "EvaluationIndicator")
    EvaluationIndicator.objects.filter(code__in=[i[0] for i in INDICATORS]).delete()
    EvaluationIndicator.objects.filter(code__in=RETIRED).update(active=True)


class Migration(migrations.Migration):
    dependencies = [("program", "0006_pimpasa_decree_number")]

    operations = [migrations.RunPython(fill, empty)]

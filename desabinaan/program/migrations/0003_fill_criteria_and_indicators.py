"""Default selection criteria and evaluation indicators (docs/rules.md §1); administrators edit them afterwards."""

from django.db import migrations

OFFICES = "Kriteria yang disebut kantor imigrasi (tidak ada daftar nasional); lihat docs/rules.md §1"
NO_TEMPLATE = "Tidak ada indikator evaluasi nasional; bawaan yang wajar menurut docs/rules.md §1"

CRITERIA = [
    ("kantong_pmi", "Banyak warga bekerja di luar negeri (kantong PMI)", 3),
    ("perbatasan_pesisir", "Wilayah perbatasan atau pesisir", 2),
    ("kemiskinan", "Tingkat kemiskinan tinggi", 2),
    ("pendidikan_rendah", "Tingkat pendidikan rendah", 1),
    ("akses_informasi", "Akses informasi keimigrasian kurang", 2),
    ("pekerja_asing", "Ada tenaga kerja asing (WNA) di wilayah desa", 1),
    ("penduduk_muda", "Banyak penduduk usia muda", 1),
]

# code, label, source, weight, target, direction
INDICATORS = [
    ("kegiatan", "Kegiatan pembinaan tercatat (kunjungan, penyuluhan, rapat, konsultasi)", "system", 2, 3, "higher"),
    ("peserta_kegiatan", "Jumlah peserta kegiatan", "system", 1, 50, "higher"),
    ("acara_per_sasaran", "Acara dan peserta menurut kelompok sasaran", "system", 2, 1, "higher"),
    ("peningkatan_pengetahuan", "Peningkatan pengetahuan peserta (pre/post-test)", "system", 2, 20, "higher"),
    ("pertanyaan_terkumpul", "Pertanyaan warga yang terkumpul", "system", 1, 5, "higher"),
    ("pertanyaan_dijawab", "Pertanyaan warga yang dijawab", "system", 1, 5, "higher"),
    ("laporan", "Laporan dan informasi peringatan dini (termasuk catatan WNA)", "system", 1, 2, "higher"),
    ("permohonan_paspor", "Permohonan paspor dari warga desa", "manual", 1, 10, "higher"),
    ("penundaan_paspor", "Penundaan permohonan paspor", "manual", 1, 10, "lower"),
    ("keberangkatan_prosedural", "Keberangkatan kerja melalui jalur prosedural", "manual", 1, 5, "higher"),
    ("kasus_nonprosedural", "Kasus keberangkatan nonprosedural", "manual", 2, 3, "lower"),
]


def fill(apps, schema_editor):
    SelectionCriterion = apps.get_model("program", "SelectionCriterion")
    EvaluationIndicator = apps.get_model("program", "EvaluationIndicator")
    for order, (code, label, weight) in enumerate(CRITERIA, start=1):
        SelectionCriterion.objects.get_or_create(
            code=code, defaults={"label": label, "weight": weight, "citation": OFFICES, "order": order}
        )
    for order, (code, label, source, weight, target, direction) in enumerate(INDICATORS, start=1):
        EvaluationIndicator.objects.get_or_create(
            code=code,
            defaults={
                "label": label,
                "source": source,
                "weight": weight,
                "target": target,
                "direction": direction,
                "citation": NO_TEMPLATE,
                "order": order,
            },
        )


def empty(apps, schema_editor):
    apps.get_model("program", "SelectionCriterion").objects.filter(code__in=[c[0] for c in CRITERIA]).delete()
    apps.get_model("program", "EvaluationIndicator").objects.filter(code__in=[i[0] for i in INDICATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [("program", "0002_lifecycle")]

    operations = [migrations.RunPython(fill, empty)]

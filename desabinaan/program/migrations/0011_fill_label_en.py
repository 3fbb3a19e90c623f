"""English labels of the selection criteria and evaluation indicators (issue 14): English pages show the data in
English too.

Translations of the labels in 0003_fill_criteria_and_indicators, 0007 and 0008 (checked 3 Dec 2026); no rule,
weight or target changes. Only empty English labels are filled: an administrator's own translation is kept.
"""

from django.db import migrations

CRITERIA = {
    "kantong_pmi": "Many residents work abroad (a migrant-worker pocket)",
    "perbatasan_pesisir": "Border or coastal area",
    "kemiskinan": "High poverty rate",
    "pendidikan_rendah": "Low level of education",
    "akses_informasi": "Little access to immigration information",
    "pekerja_asing": "Foreign workers in the village area",
    "penduduk_muda": "Many young residents",
}
INDICATORS = {
    "kegiatan": "Recorded guidance activities (visits, outreach, meetings, consultations)",
    "peserta_kegiatan": "Number of activity participants",
    "acara_per_sasaran": "Events and participants by target group",
    "peningkatan_pengetahuan": "Participants' knowledge gain (pre/post test)",
    "pertanyaan_terkumpul": "Residents' questions collected",
    "pertanyaan_dijawab": "Residents' questions answered",
    "laporan": "Reports and early-warning information (including notes on foreigners)",
    "permohonan_paspor": "Passport applications from village residents",
    "penundaan_paspor": "Postponed passport applications",
    "keberangkatan_prosedural": "Departures for work through the legal route",
    "kasus_nonprosedural": "Irregular (non-procedural) departure cases",
    "kasus_terdeteksi_dirujuk": "Cases from the village detected and referred (screening or report)",
    "penundaan_dokumen": "Passports postponed for incomplete documents",
    "penundaan_indikasi_tppo": "Passports postponed for signs of trafficking",
}


def fill(apps, schema_editor):
    for model, labels in (("SelectionCriterion", CRITERIA), ("EvaluationIndicator", INDICATORS)):
        Model = apps.get_model("program", model)
        for code, label_en in labels.items():
            Model.objects.filter(code=code, label_en="").update(label_en=label_en)


def empty(apps, schema_editor):
    for model, labels in (("SelectionCriterion", CRITERIA), ("EvaluationIndicator", INDICATORS)):
        apps.get_model("program", model).objects.filter(code__in=list(labels)).update(label_en="")


class Migration(migrations.Migration):
    dependencies = [("program", "0010_label_en")]

    operations = [migrations.RunPython(fill, empty)]

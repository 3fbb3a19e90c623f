"""Two questions on what the new KUHP (UU 1/2023, in force 2 January 2026) says next to UU 21/2007 (issue 13).

Articles read on 3 Dec 2026 (docs/rules.md §4): KUHP Art. 446 (deprivation of liberty) and Art. 454 (taking a child
away), Buku Kedua Bab XIX; UU 21/2007 Art. 1(1) and Art. 17. KUHP Art. 455–456 (trafficking) and the UU 21/2007 part
of Art. 622 could not be read, so no question teaches them. The right answer is never the longest option
(events/tests/test_quiz_bank.py). Added once: an administrator's later edits of these rows are kept.
"""

from django.db import migrations

# (topic, question, question_en, [(choice, choice_en, correct)], explanation, explanation_en, source)
QUESTIONS = [
    (
        "tppo",
        "Penampung mengunci calon pekerja migran di rumah penampungan dan tidak membolehkan mereka pergi. "
        "Menurut KUHP baru, perbuatan ini apa?",
        "A recruiter's shelter locks prospective migrant workers in and does not let them leave. What is this under "
        "the new Criminal Code?",
        [
            ("Perampasan kemerdekaan (KUHP Pasal 446)", "Deprivation of liberty (KUHP Art. 446)", True),
            (
                "Bukan pidana, karena calon pekerja sudah menandatangani perjanjian dengan penampung",
                "Not a crime, because the workers signed an agreement with the shelter",
                False,
            ),
            (
                "Hanya pelanggaran administrasi yang diurus Disnaker, bukan urusan polisi",
                "Only an administrative breach for the manpower office, not a police matter",
                False,
            ),
            ("Penyelundupan manusia (KUHP Pasal 457)", "Migrant smuggling (KUHP Art. 457)", False),
        ],
        "KUHP Pasal 446: merampas kemerdekaan orang diancam penjara paling lama 7 tahun, 9 tahun bila korban luka "
        "berat, 12 tahun bila korban meninggal; orang yang memberi tempat juga dipidana. Bila penyekapan dipakai "
        "untuk mengeksploitasi orang, itu juga perdagangan orang (UU 21/2007 Pasal 1 angka 1).",
        "KUHP Art. 446: depriving a person of liberty carries up to 7 years in prison, 9 years if the victim is "
        "gravely injured, 12 years if the victim dies; whoever provides the place is punished too. Confinement used "
        "to exploit a person is also trafficking (UU 21/2007 Art. 1(1)).",
        "UU 1/2023 (KUHP) Pasal 446; UU 21/2007 Pasal 1 angka 1",
    ),
    (
        "tppo",
        "Seorang calo membawa pergi anak berumur 16 tahun tanpa izin orang tuanya, walaupun anak itu mau ikut. "
        "Apa kata KUHP baru?",
        "A broker takes a 16-year-old away without the parents' permission, although the child is willing. What "
        "does the new Criminal Code say?",
        [
            (
                "Dapat dipidana karena melarikan anak (Pasal 454)",
                "Punishable as taking a child away (Art. 454)",
                True,
            ),
            (
                "Tidak dipidana, karena anak itu sendiri yang mau ikut dengan calo tersebut",
                "Not punishable, because the child chose to go with the broker",
                False,
            ),
            (
                "Boleh, asalkan kepala desa memberi surat keterangan untuk anak itu",
                "Allowed, as long as the village head gives the child a letter",
                False,
            ),
            (
                "Hanya dilarang bila anak dibawa ke luar negeri",
                "Only forbidden if the child is taken abroad",
                False,
            ),
        ],
        "KUHP Pasal 454 ayat (1): membawa pergi anak di luar kemauan orang tua atau walinya, walaupun anak itu "
        "setuju, untuk menguasai anak itu: penjara paling lama 7 tahun; perkara ini diproses bila anak, orang tua, "
        "atau walinya mengadu (ayat 3). Bila anak itu dibawa untuk dieksploitasi, itu perdagangan orang dan "
        "ancaman pidananya ditambah sepertiga (UU 21/2007 Pasal 17).",
        "KUHP Art. 454(1): taking a child away against the will of the parents or guardian, even with the child's "
        "consent, to gain control over the child: up to 7 years in prison; prosecuted on the complaint of the child, "
        "a parent or the guardian (para. 3). If the child is taken to be exploited, it is trafficking and the "
        "penalty is increased by one third (UU 21/2007 Art. 17).",
        "UU 1/2023 (KUHP) Pasal 454; UU 21/2007 Pasal 17",
    ),
]


def fill(apps, schema_editor):
    Topic = apps.get_model("events", "Topic")
    Question = apps.get_model("events", "Question")
    Choice = apps.get_model("events", "Choice")
    topics = {t.code: t for t in Topic.objects.all()}
    start = (Question.objects.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    for order, (topic, text, text_en, choices, explanation, explanation_en, source) in enumerate(
        QUESTIONS, start=start
    ):
        if topic not in topics or Question.objects.filter(text=text).exists():
            continue
        question = Question.objects.create(
            topic=topics[topic],
            text=text,
            text_en=text_en,
            explanation=explanation,
            explanation_en=explanation_en,
            source=source,
            order=order,
        )
        Choice.objects.bulk_create(
            [
                # Rotated so the right answer is not always the first one shown.
                Choice(
                    question=question, text=c, text_en=c_en, is_correct=ok, order=(i + order) % len(choices)
                )
                for i, (c, c_en, ok) in enumerate(choices)
            ]
        )


def unfill(apps, schema_editor):
    apps.get_model("events", "Question").objects.filter(text__in=[q[1] for q in QUESTIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0007_fill_label_en")]

    operations = [migrations.RunPython(fill, unfill)]

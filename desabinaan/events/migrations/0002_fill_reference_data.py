"""Target groups, topics, the default question bank (sources in docs/rules.md) and the default quiz template.

Data, not code: administrators edit them in the admin. Fees cite PP 45/2024 (in force 17 Dec 2024).
"""

from django.db import migrations

TARGET_GROUPS = [
    ("umum", "Masyarakat umum"),
    ("cpmi-keluarga", "Calon PMI dan keluarga"),
    ("pelajar-sma", "Pelajar SMA/SMK"),
    ("mahasiswa", "Mahasiswa"),
    ("perangkat-desa", "Perangkat desa"),
    ("tokoh-masyarakat", "Tokoh masyarakat"),
]
TOPICS = [
    ("tppo", "TPPO dan TPPM"),
    ("paspor", "Prosedur paspor"),
    ("jalur-prosedural", "Jalur prosedural bekerja ke luar negeri"),
    ("visa-overstay", "Visa dan overstay"),
    ("tempat-melapor", "Tempat melapor"),
]

# (topic, question, [(choice, correct)], explanation, source, in default template)
QUESTIONS = [
    (
        "paspor",
        "Dokumen apa yang perlu dibawa orang dewasa untuk membuat paspor baru?",
        [
            ("e-KTP, Kartu Keluarga, dan akta kelahiran/buku nikah/ijazah/surat baptis", True),
            ("Cukup e-KTP saja", False),
            ("KTP dan surat rekomendasi dari calo atau sponsor", False),
            ("Kartu BPJS dan slip gaji", False),
        ],
        "Pemohon dewasa membawa e-KTP, KK, dan salah satu dari akta kelahiran, akta/buku nikah, ijazah, atau surat "
        "baptis yang memuat nama lengkap, tempat dan tanggal lahir, serta nama orang tua. Dokumen asli diperiksa di "
        "kantor imigrasi.",
        "Persyaratan paspor biasa, kantor imigrasi",
        True,
    ),
    (
        "paspor",
        "Berapa tarif resmi paspor elektronik masa berlaku 10 tahun menurut PP 45/2024?",
        [("Rp950.000", True), ("Rp350.000", False), ("Rp650.000", False), ("Rp1.500.000", False)],
        "Sejak 17 Desember 2024 (PP 45/2024): paspor elektronik 10 tahun Rp950.000, elektronik 5 tahun Rp650.000, "
        "non-elektronik 10 tahun Rp650.000, non-elektronik 5 tahun Rp350.000. Bayar hanya lewat kode billing resmi.",
        "PP 45/2024",
        True,
    ),
    (
        "paspor",
        "Berapa tarif resmi paspor biasa non-elektronik masa berlaku 5 tahun menurut PP 45/2024?",
        [("Rp350.000", True), ("Rp650.000", False), ("Rp950.000", False), ("Gratis untuk semua orang", False)],
        "Paspor non-elektronik 5 tahun Rp350.000 (PP 45/2024). Pembayaran lewat kode billing, bukan kepada "
        "perantara.",
        "PP 45/2024",
        False,
    ),
    (
        "paspor",
        "Siapa yang dapat memperoleh paspor dengan masa berlaku 10 tahun?",
        [
            ("Pemohon berusia 17 tahun ke atas atau yang sudah menikah", True),
            ("Semua pemohon, termasuk anak-anak", False),
            ("Hanya pegawai negeri", False),
            ("Hanya yang membayar layanan percepatan", False),
        ],
        "Menurut Permenkumham 18/2022, masa berlaku 10 tahun hanya untuk pemohon berusia minimal 17 tahun atau "
        "sudah menikah; selain itu 5 tahun.",
        "Permenkumham 18/2022",
        False,
    ),
    (
        "paspor",
        "Paspor Anda hilang padahal masih berlaku. Berapa biaya tambahan di luar biaya paspor baru?",
        [
            ("Rp1.000.000, kecuali hilang karena bencana/keadaan kahar dengan surat keterangan", True),
            ("Tidak ada biaya tambahan", False),
            ("Rp100.000", False),
            ("Rp5.000.000", False),
        ],
        "Paspor hilang dikenai tambahan Rp1.000.000 dan rusak Rp500.000 (PP 45/2024). Hilang atau rusak karena "
        "bencana/keadaan kahar yang dibuktikan surat keterangan tidak dikenai tambahan. Perlu laporan kehilangan "
        "dari polisi dan pemeriksaan (BAP) oleh petugas.",
        "PP 45/2024",
        False,
    ),
    (
        "paspor",
        "Bagaimana cara resmi mengambil antrean permohonan paspor?",
        [
            ("Melalui aplikasi M-Paspor, lalu membayar kode billing dalam 2 jam", True),
            ("Menitipkan berkas kepada calo di depan kantor", False),
            ("Membayar langsung kepada petugas secara tunai", False),
            ("Mengirim berkas lewat pesan WhatsApp ke nomor tidak resmi", False),
        ],
        "Antrean paspor diambil di aplikasi M-Paspor (pilih kantor dan tanggal, unggah dokumen, bayar kode billing "
        "dalam 2 jam). Lansia 60+, penyandang disabilitas dan balita boleh datang langsung.",
        "M-Paspor, Direktorat Jenderal Imigrasi",
        False,
    ),
    (
        "paspor",
        "Anak di bawah 17 tahun dan belum menikah membuat paspor. Mana yang benar?",
        [
            ("Perlu KTP kedua orang tua, KK, akta kelahiran anak, buku nikah dan paspor orang tua; orang tua hadir", True),
            ("Anak cukup datang sendiri membawa kartu pelajar", False),
            ("Cukup surat dari sekolah", False),
            ("Anak tidak boleh memiliki paspor", False),
        ],
        "Untuk anak: e-KTP kedua orang tua, KK, akta kelahiran anak, akta nikah orang tua (atau akta cerai dan "
        "penetapan hak asuh), paspor orang tua; kedua orang tua hadir, atau salah satu dengan surat kuasa bermeterai.",
        "Persyaratan paspor anak, kantor imigrasi",
        False,
    ),
    (
        "paspor",
        "Permohonan paspor Anda ditunda karena rekomendasi Disnaker belum ada. Apa artinya?",
        [
            ("Permohonan dilanjutkan setelah dokumen yang kurang dilengkapi; penundaan bukan penolakan", True),
            ("Anda tidak akan pernah bisa membuat paspor", False),
            ("Anda harus membayar denda", False),
            ("Anda harus mengurusnya lewat calo", False),
        ],
        "Penundaan bukan penolakan: permohonan diteruskan setelah dokumen seperti rekomendasi Disnaker diserahkan. "
        "Memberi keterangan palsu dapat membuat permohonan ditangguhkan sampai 2 tahun.",
        "SE IMI-1308.GR.01.01 (2024)",
        False,
    ),
    (
        "paspor",
        "Berapa biaya paspor 24 halaman (5 tahun) bagi pekerja migran yang pertama kali membuat paspor?",
        [("Gratis (Rp0)", True), ("Rp350.000", False), ("Rp650.000", False), ("Rp950.000", False)],
        "Permenkumham 9/2020: paspor 24 halaman masa berlaku 5 tahun untuk calon pekerja migran yang pertama kali "
        "mengajukan tidak dipungut biaya.",
        "Permenkumham 9/2020",
        False,
    ),
    (
        "jalur-prosedural",
        "Untuk paspor dengan tujuan bekerja ke luar negeri, surat apa yang pada umumnya diminta kantor imigrasi?",
        [
            ("Rekomendasi paspor dari Dinas Tenaga Kerja (Disnaker)", True),
            ("Surat keterangan dari agen perjalanan", False),
            ("Surat dari majikan di luar negeri yang dikirim lewat WhatsApp", False),
            ("Tidak ada dokumen tambahan apa pun", False),
        ],
        "Calon PMI membawa dokumen umum ditambah rekomendasi paspor dari Disnaker. Catatan: SE IMI-GR.01.01-0252 "
        "(2023) menyebut rekomendasi tidak diperlukan, tetapi banyak kantor imigrasi 2023–2025 masih memintanya.",
        "SE IMI-GR.01.01-0252 (2023); praktik kantor imigrasi",
        True,
    ),
    (
        "jalur-prosedural",
        "Menurut UU 18/2017, berapa usia minimal untuk bekerja sebagai Pekerja Migran Indonesia?",
        [("18 tahun", True), ("15 tahun", False), ("17 tahun", False), ("21 tahun", False)],
        "UU 18/2017 Pasal 5: calon PMI berusia minimal 18 tahun, memiliki kompetensi, sehat, terdaftar jaminan "
        "sosial, dan dokumennya lengkap. Memalsukan umur anak agar bisa berangkat adalah tanda bahaya TPPO.",
        "UU 18/2017 Pasal 5",
        True,
    ),
    (
        "jalur-prosedural",
        "Perusahaan yang boleh menempatkan pekerja migran ke luar negeri adalah…",
        [
            ("Perusahaan Penempatan PMI (P3MI) yang memiliki izin SIP3MI", True),
            ("Lembaga Pelatihan Kerja (LPK) mana pun", False),
            ("Perorangan/sponsor yang dikenal di kampung", False),
            ("Agen perjalanan umrah", False),
        ],
        "Hanya P3MI berizin (SIP3MI) yang boleh menempatkan PMI; daftarnya diumumkan KP2MI (dahulu BP2MI). LPK "
        "tidak berwenang menempatkan pekerja.",
        "UU 18/2017; KP2MI",
        True,
    ),
    (
        "jalur-prosedural",
        "Sebuah LPK berjanji langsung memberangkatkan Anda bekerja ke luar negeri. Bagaimana menyikapinya?",
        [
            ("Waspada: LPK tidak berwenang menempatkan pekerja; cek P3MI berizin dan tanya Disnaker", True),
            ("Aman, semua LPK boleh memberangkatkan", False),
            ("Bayar biaya di muka agar cepat berangkat", False),
            ("Serahkan paspor kepada LPK untuk disimpan", False),
        ],
        "LPK hanya melatih. Janji penempatan oleh LPK adalah tanda bahaya perekrutan nonprosedural.",
        "UU 18/2017; KP2MI",
        False,
    ),
    (
        "jalur-prosedural",
        "Menurut UU 18/2017 Pasal 13, izin dari siapa yang wajib dimiliki calon PMI?",
        [
            ("Suami/istri, orang tua atau wali, diketahui kepala desa", True),
            ("Ketua RT saja", False),
            ("Sponsor atau calo", False),
            ("Tidak perlu izin siapa pun", False),
        ],
        "Dokumen calon PMI antara lain surat izin suami/istri/orang tua/wali yang diketahui kepala desa, sertifikat "
        "kompetensi, surat sehat, paspor, visa kerja, perjanjian penempatan dan perjanjian kerja.",
        "UU 18/2017 Pasal 13",
        False,
    ),
    (
        "jalur-prosedural",
        "Apa nama sistem resmi pendataan pekerja migran dari pendaftaran sampai kepulangan?",
        [("SISKOP2MI (KP2MI)", True), ("M-Paspor", False), ("Grup WhatsApp desa", False), ("SIAK Dukcapil", False)],
        "SISKOP2MI milik KP2MI wajib dipakai dari pendaftaran sampai kepulangan. M-Paspor hanya untuk antrean paspor.",
        "KP2MI",
        False,
    ),
    (
        "tppo",
        "Mana yang merupakan tanda perekrutan ilegal?",
        [
            ("Calo menjanjikan gaji tinggi, tanpa keterampilan, berangkat cepat, majikan tidak jelas", True),
            ("Ada perjanjian kerja tertulis dan rekomendasi Disnaker", False),
            ("Perusahaan terdaftar sebagai P3MI berizin", False),
            ("Terdaftar di SISKOP2MI dan BPJS Ketenagakerjaan", False),
        ],
        "Tanda bahaya: gaji tinggi tanpa keterampilan, majikan tidak jelas, berangkat cepat, uang di muka, visa "
        "turis/ziarah untuk bekerja, umur dipalsukan, penampungan, tanpa kontrak, tanpa rekomendasi Disnaker, tanpa "
        "jaminan sosial, agen tidak berizin.",
        "Indikator kantor imigrasi dan KP2MI",
        True,
    ),
    (
        "tppo",
        "Seorang calo memberi uang tunai kepada keluarga sebelum Anda berangkat. Apa risikonya?",
        [
            ("Uang itu dapat menjadi utang yang menjerat pekerja (jeratan utang)", True),
            ("Itu hadiah resmi dari pemerintah", False),
            ("Itu tanda perusahaannya pasti resmi", False),
            ("Tidak ada risiko apa pun", False),
        ],
        "Uang di muka kepada keluarga sering dijadikan utang yang dipotong dari gaji atau dipakai menahan pekerja. "
        "Jeratan utang dan pemberian bayaran untuk memperoleh persetujuan adalah 'cara' dalam TPPO (UU 21/2007).",
        "UU 21/2007 Pasal 1 angka 1",
        True,
    ),
    (
        "visa-overstay",
        "Berangkat bekerja ke luar negeri memakai visa turis, ziarah atau umrah adalah…",
        [
            ("Nonprosedural dan berisiko: bekerja memerlukan visa kerja dan perjanjian kerja", True),
            ("Cara resmi yang lebih cepat", False),
            ("Diperbolehkan asal pulang sebelum visa habis", False),
            ("Wajib bagi semua pekerja migran", False),
        ],
        "Bekerja memerlukan visa kerja serta perjanjian kerja. Tujuan turis, ziarah atau umrah yang menutupi "
        "tujuan bekerja adalah salah satu indikator yang diperiksa saat wawancara paspor.",
        "SE IMI-1308.GR.01.01 (2024)",
        True,
    ),
    (
        "visa-overstay",
        "Apa yang dimaksud dengan overstay?",
        [
            ("Tinggal di suatu negara melewati batas izin tinggal/visa", True),
            ("Kerja lembur melebihi jam kerja", False),
            ("Memperpanjang paspor sebelum habis", False),
            ("Pindah majikan secara resmi", False),
        ],
        "Overstay adalah tinggal melewati izin tinggal. Akibatnya bisa denda, penahanan, deportasi dan larangan "
        "masuk kembali ke negara itu; pekerja yang overstay juga mudah dieksploitasi.",
        "Materi penyuluhan keimigrasian",
        False,
    ),
    (
        "visa-overstay",
        "Apakah pekerja rumah tangga boleh ditempatkan pada majikan perseorangan di negara-negara Timur Tengah?",
        [
            ("Tidak; dihentikan sejak 2015 (Kepmenaker 260/2015). Ke Arab Saudi hanya lewat Sistem Penempatan Satu Kanal", True),
            ("Boleh, asal lewat calo", False),
            ("Boleh, asal memakai visa umrah", False),
            ("Boleh tanpa syarat apa pun", False),
        ],
        "Kepmenaker 260/2015 menghentikan penempatan PRT pada pengguna perseorangan di negara Timur Tengah. Untuk "
        "Arab Saudi, enam jabatan domestik hanya melalui One Channel System (Kepmenaker 291/2018) dengan syarikah.",
        "Kepmenaker 260/2015; Kepmenaker 291/2018",
        False,
    ),
    (
        "tppo",
        "Menurut UU 21/2007, tiga unsur Tindak Pidana Perdagangan Orang adalah…",
        [
            ("Proses (merekrut, mengangkut, menampung…), cara (ancaman, penipuan, jeratan utang…), tujuan eksploitasi", True),
            ("Paspor, visa, tiket", False),
            ("Gaji, kontrak, majikan", False),
            ("Umur, jenis kelamin, asal desa", False),
        ],
        "UU 21/2007 Pasal 1 angka 1: proses (perekrutan, pengangkutan, penampungan, pengiriman, pemindahan, "
        "penerimaan), cara (ancaman, kekerasan, penculikan, penyekapan, pemalsuan, penipuan, penyalahgunaan "
        "kekuasaan atau posisi rentan, jeratan utang, memberi bayaran) dan tujuan eksploitasi.",
        "UU 21/2007 Pasal 1 angka 1",
        True,
    ),
    (
        "tppo",
        "Mana yang termasuk 'cara' dalam TPPO?",
        [
            ("Penipuan, jeratan utang, penyalahgunaan posisi rentan", True),
            ("Membuat paspor di kantor imigrasi", False),
            ("Mengikuti pelatihan kerja resmi", False),
            ("Menandatangani perjanjian kerja yang dipahami", False),
        ],
        "Cara dalam TPPO: ancaman atau kekerasan, penculikan, penyekapan, pemalsuan, penipuan, penyalahgunaan "
        "kekuasaan atau posisi rentan, jeratan utang, atau memberi bayaran kepada yang menguasai korban.",
        "UU 21/2007 Pasal 1 angka 1",
        False,
    ),
    (
        "tppo",
        "Berapa ancaman pidana bagi pelaku perdagangan orang menurut UU 21/2007?",
        [
            ("Penjara 3–15 tahun dan denda Rp120–600 juta", True),
            ("Teguran lisan", False),
            ("Denda Rp1 juta", False),
            ("Tidak ada ancaman pidana", False),
        ],
        "UU 21/2007 Pasal 2 dan 4: pidana penjara 3 sampai 15 tahun dan denda Rp120 juta sampai Rp600 juta. "
        "Penempatan PMI secara ilegal diancam sampai 10 tahun dan Rp15 miliar (UU 18/2017).",
        "UU 21/2007 Pasal 2 dan 4; UU 18/2017",
        False,
    ),
    (
        "tempat-melapor",
        "Ke mana melapor bila menduga ada perekrutan ilegal atau perdagangan orang?",
        [
            ("Polisi (Satgas TPPO), Disnaker/BP3MI, kantor imigrasi melalui PIMPASA, atau pemerintah desa", True),
            ("Tidak perlu melapor, itu urusan keluarga", False),
            ("Kepada calo yang merekrut", False),
            ("Cukup mengunggah di media sosial", False),
        ],
        "Laporkan ke kepolisian (Satgas TPPO), Dinas Tenaga Kerja atau BP3MI, kantor imigrasi melalui petugas "
        "pembina desa (PIMPASA), atau perangkat desa yang meneruskannya. Gugus Tugas PP-TPPO dipimpin harian oleh "
        "Kapolri (Perpres 49/2023).",
        "Perpres 49/2023; program Desa Binaan Imigrasi",
        True,
    ),
    (
        "tempat-melapor",
        "Apa peran pemerintah desa dalam perlindungan pekerja migran menurut UU 18/2017?",
        [
            ("Memberi informasi kerja, memverifikasi dan mencatat calon PMI, memantau keberangkatan dan kepulangan", True),
            ("Memberangkatkan pekerja sendiri", False),
            ("Menerbitkan paspor", False),
            ("Tidak ada peran apa pun", False),
        ],
        "Pemerintah desa menyebarkan informasi lowongan, memverifikasi dan mencatat data calon PMI, memfasilitasi "
        "dokumen kependudukan, serta memantau keberangkatan dan kepulangan warganya.",
        "UU 18/2017 (tugas pemerintah desa)",
        False,
    ),
]


def fill(apps, schema_editor):
    TargetGroup = apps.get_model("events", "TargetGroup")
    Topic = apps.get_model("events", "Topic")
    Question = apps.get_model("events", "Question")
    Choice = apps.get_model("events", "Choice")
    QuizTemplate = apps.get_model("events", "QuizTemplate")
    for order, (code, label) in enumerate(TARGET_GROUPS):
        TargetGroup.objects.update_or_create(code=code, defaults={"label": label, "order": order})
    topics = {}
    for order, (code, label) in enumerate(TOPICS):
        topics[code], _ = Topic.objects.update_or_create(code=code, defaults={"label": label, "order": order})
    template, _ = QuizTemplate.objects.get_or_create(name="Tes standar sosialisasi", defaults={"is_default": True})
    for order, (topic, text, choices, explanation, source, in_template) in enumerate(QUESTIONS):
        question = Question.objects.create(
            topic=topics[topic], text=text, explanation=explanation, source=source, order=order
        )
        Choice.objects.bulk_create(
            [
                # Rotated so the right answer is not always the first one shown.
                Choice(question=question, text=c, is_correct=ok, order=(i + order) % len(choices))
                for i, (c, ok) in enumerate(choices)
            ]
        )
        if in_template:
            template.questions.add(question)


def unfill(apps, schema_editor):
    apps.get_model("events", "QuizTemplate").objects.filter(name="Tes standar sosialisasi").delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(fill, unfill)]

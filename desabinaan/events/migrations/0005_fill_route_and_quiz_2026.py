"""The legal route to work abroad and the placement-cost rules (data, docs/rules.md §4), and the question bank brought
up to date (checked 2026-12-03): the new KUHP (UU 1/2023, in force 2 January 2026), victims' rights (UU 21/2007),
the routes of UU 18/2017 Art. 49, free placement for ten jobs (Perban BP2MI 9/2020), and no right answer that is
simply the longest option. Choices are rewritten in place: answers already given keep pointing at the same choice.
"""

import datetime as dt

from django.db import migrations

UU18 = "UU 18/2017 tentang Pelindungan Pekerja Migran Indonesia"
PERBAN9 = "Peraturan BP2MI 9/2020 tentang Pembebasan Biaya Penempatan PMI (ditetapkan 15 Juni 2020; masa transisi s.d. 15 Juli 2021)"
FREE_JOBS = (
    "pengurus rumah tangga, pengasuh bayi, pengasuh lansia, juru masak, sopir keluarga, perawat taman, pengasuh anak, "
    "petugas kebersihan, pekerja ladang/perkebunan, dan awak kapal perikanan migran"
)
D_UU18 = dt.date(2017, 11, 22)
D_PERBAN9 = dt.date(2021, 7, 15)

# kind, order, title, who, cost, detail, citation, effective_from, to_confirm, officer_note
ROUTE = [
    (
        "step",
        1,
        "Buat akun SIAPkerja",
        "Calon PMI sendiri (dapat dibantu perangkat desa atau Disnaker)",
        "Gratis",
        "Daftar di SIAPkerja (Kementerian Ketenagakerjaan) dengan NIK. Data ini dipakai Disnaker dan KP2MI "
        "(SISKOP2MI) di langkah berikutnya.",
        "Kementerian Ketenagakerjaan, layanan SIAPkerja; KP2MI, SISKOP2MI",
        D_UU18,
        True,
        "Nama dan alur layanan daring dapat berubah; cocokkan dengan Disnaker setempat.",
    ),
    (
        "step",
        2,
        "Daftar ke Disnaker dan dapatkan ID/rekomendasi calon PMI",
        "Dinas Tenaga Kerja kabupaten/kota",
        "Gratis",
        "Bawa KTP, KK, akta lahir atau ijazah, surat izin suami/istri, orang tua, atau wali yang diketahui kepala "
        "desa, dan surat status perkawinan. Disnaker memverifikasi data dan memberi ID serta rekomendasi paspor.",
        f"{UU18} Pasal 13; {PERBAN9}",
        D_UU18,
        False,
        "",
    ),
    (
        "step",
        3,
        "Pilih jalur penempatan yang sah",
        "Pemerintah (G-to-G, lewat KP2MI), P3MI berizin (SIP3MI), atau perusahaan yang menempatkan pekerjanya "
        "sendiri untuk kepentingan usahanya",
        "Sepuluh jabatan tanpa biaya penempatan; jabatan lain lihat aturan biaya di bawah",
        "Cek izin P3MI di daftar KP2MI. Lembaga pelatihan (LPK), calo, atau sponsor perorangan tidak berwenang "
        "menempatkan pekerja.",
        f"{UU18} Pasal 49",
        D_UU18,
        False,
        "",
    ),
    (
        "step",
        4,
        "Pemeriksaan kesehatan dan psikologi",
        "Sarana kesehatan (klinik/rumah sakit) yang ditunjuk",
        "Tidak dibebankan kepada PMI untuk sepuluh jabatan bebas biaya",
        "Hasilnya menjadi surat keterangan sehat. Periksa hanya di sarana kesehatan yang ditunjuk, bukan di klinik "
        "pilihan calo.",
        f"{UU18} Pasal 5 dan 13; {PERBAN9}",
        D_UU18,
        False,
        "",
    ),
    (
        "step",
        5,
        "Buat paspor di kantor imigrasi",
        "Calon PMI di kantor imigrasi (antrean M-Paspor)",
        "Paspor pertama calon PMI: Rp0 (Permenkumham 9/2020)",
        "Bawa rekomendasi paspor dari Disnaker dan dokumen umum. Panduan paspor di situs ini menunjukkan dokumen "
        "dan biaya sesuai kantor.",
        f"{UU18} Pasal 13 (paspor); Permenkumham 9/2020; PP 45/2024",
        D_UU18,
        True,
        "Penerapan paspor Rp0 di kantor yang hanya menerbitkan paspor elektronik belum dikonfirmasi.",
    ),
    (
        "step",
        6,
        "Tanda tangani perjanjian penempatan dan perjanjian kerja",
        "Calon PMI dan P3MI; perjanjian penempatan diketahui/disetujui Disnaker",
        "Gratis; legalisasi perjanjian kerja tidak dibebankan kepada PMI (sepuluh jabatan)",
        "Baca dulu gaji, jam kerja, majikan, dan alamat kerja. Jangan tanda tangan dokumen kosong atau berbahasa "
        "yang tidak Anda pahami. Lalu urus visa kerja.",
        f"{UU18} Pasal 13; {PERBAN9}",
        D_UU18,
        False,
        "",
    ),
    (
        "step",
        7,
        "Ikuti Orientasi Pra Pemberangkatan (OPP)",
        "KP2MI/BP3MI",
        "Gratis",
        "Pembekalan tentang hak dan kewajiban, perjanjian kerja, budaya negara tujuan, dan tempat mengadu.",
        f"{UU18} (pelindungan sebelum bekerja); KP2MI",
        D_UU18,
        False,
        "",
    ),
    (
        "step",
        8,
        "Terima kartu E-PMI",
        "KP2MI/BP3MI",
        "Gratis",
        "Kartu identitas pekerja migran yang terdaftar di SISKOP2MI; tanda Anda berangkat lewat jalur resmi.",
        "KP2MI, SISKOP2MI",
        D_UU18,
        True,
        "Nama kartu mengikuti sebutan KP2MI saat ini.",
    ),
    (
        "step",
        9,
        "Layanan di LTSA atau P4MI",
        "Layanan Terpadu Satu Atap (LTSA) atau Pos P4MI di daerah",
        "Gratis",
        "Tempat mengurus dokumen dalam satu lokasi, bertanya, dan mengadu, juga saat pulang.",
        f"{UU18} (layanan terpadu satu atap); KP2MI",
        D_UU18,
        False,
        "",
    ),
    (
        "cost",
        1,
        "Sepuluh jabatan tanpa biaya penempatan",
        "Biaya ditanggung pemberi kerja, P3MI, dan pemerintah daerah (pelatihan dan sertifikasi)",
        "Rp0 bagi PMI",
        f"Jabatan: {FREE_JOBS}. Tidak boleh dibebankan: tiket berangkat dan pulang, visa kerja, legalisasi "
        "perjanjian kerja, pelatihan kerja, sertifikat kompetensi, jasa perusahaan, penggantian paspor, SKCK, jaminan "
        "sosial, pemeriksaan kesehatan dan psikologi di dalam negeri, transportasi lokal, dan akomodasi.",
        f"{PERBAN9}; {UU18} Pasal 30",
        D_PERBAN9,
        False,
        "",
    ),
    (
        "cost",
        2,
        "Jabatan lain",
        "P3MI, menurut struktur biaya resmi",
        "Hanya komponen dalam struktur biaya resmi",
        "Pekerja migran tidak dapat dibebani biaya penempatan. Untuk jabatan di luar sepuluh jabatan itu, biaya hanya "
        "boleh sebesar komponen yang ditetapkan KP2MI untuk negara dan jabatan tersebut. Minta kuitansi; jangan "
        "membayar uang di muka kepada calo atau sponsor.",
        f"{UU18} Pasal 30; {PERBAN9}",
        D_PERBAN9,
        True,
        "Struktur biaya per negara dan jabatan tidak dimuat di sistem ini; tanyakan ke BP3MI.",
    ),
]
# question text → {old choice text: new choice text}. Right answers shortened, one wrong answer made as long
# and as plausible (a common misconception), so length gives nothing away.
CHOICE_FIXES = {
    "Dokumen apa yang perlu dibawa orang dewasa untuk membuat paspor baru?": {
        "e-KTP, Kartu Keluarga, dan akta kelahiran/buku nikah/ijazah/surat baptis": (
            "e-KTP, KK, dan akta lahir, buku nikah, atau ijazah"
        ),
        "KTP dan surat rekomendasi dari calo atau sponsor": (
            "KTP dan surat rekomendasi dari calo atau sponsor yang mengurus"
        ),
    },
    "Siapa yang dapat memperoleh paspor dengan masa berlaku 10 tahun?": {
        "Pemohon berusia 17 tahun ke atas atau yang sudah menikah": "Pemohon 17 tahun ke atas atau sudah menikah",
        "Hanya yang membayar layanan percepatan": "Hanya pemohon yang membayar layanan percepatan",
    },
    "Paspor Anda hilang padahal masih berlaku. Berapa biaya tambahan di luar biaya paspor baru?": {
        "Rp1.000.000, kecuali hilang karena bencana/keadaan kahar dengan surat keterangan": (
            "Rp1.000.000, kecuali hilang karena bencana"
        ),
        "Tidak ada biaya tambahan": "Tidak ada biaya tambahan, cukup bayar paspor baru",
    },
    "Bagaimana cara resmi mengambil antrean permohonan paspor?": {
        "Melalui aplikasi M-Paspor, lalu membayar kode billing dalam 2 jam": (
            "Lewat aplikasi M-Paspor, lalu bayar tagihan dalam 2 jam"
        ),
    },
    "Anak di bawah 17 tahun dan belum menikah membuat paspor. Mana yang benar?": {
        "Perlu KTP kedua orang tua, KK, akta kelahiran anak, buku nikah dan paspor orang tua; orang tua hadir": (
            "Perlu KTP orang tua, KK, dan akta lahir anak; orang tua hadir"
        ),
        "Anak cukup datang sendiri membawa kartu pelajar": (
            "Anak cukup datang sendiri membawa kartu pelajar dan surat dari sekolah"
        ),
    },
    "Permohonan paspor Anda ditunda karena rekomendasi Disnaker belum ada. Apa artinya?": {
        "Permohonan dilanjutkan setelah dokumen yang kurang dilengkapi; penundaan bukan penolakan": (
            "Dilanjutkan setelah dokumen yang kurang dilengkapi"
        ),
        "Anda tidak akan pernah bisa membuat paspor": (
            "Permohonan ditolak dan Anda tidak akan pernah bisa membuat paspor"
        ),
    },
    "Berapa biaya paspor 24 halaman (5 tahun) bagi pekerja migran yang pertama kali membuat paspor?": {
        "Rp950.000": "Rp950.000 (tarif paspor elektronik)",
    },
    "Perusahaan yang boleh menempatkan pekerja migran ke luar negeri adalah…": {
        "Perusahaan Penempatan PMI (P3MI) yang memiliki izin SIP3MI": "P3MI yang memiliki izin SIP3MI",
        "Lembaga Pelatihan Kerja (LPK) mana pun": "Lembaga Pelatihan Kerja (LPK) mana pun yang sudah terdaftar",
    },
    "Sebuah LPK berjanji langsung memberangkatkan Anda bekerja ke luar negeri. Bagaimana menyikapinya?": {
        "Waspada: LPK tidak berwenang menempatkan pekerja; cek P3MI berizin dan tanya Disnaker": (
            "Waspada: LPK hanya melatih; tanya Disnaker"
        ),
        "Bayar biaya di muka agar cepat berangkat": "Bayar biaya di muka kepada LPK agar bisa cepat berangkat",
    },
    "Menurut UU 18/2017 Pasal 13, izin dari siapa yang wajib dimiliki calon PMI?": {
        "Suami/istri, orang tua atau wali, diketahui kepala desa": "Suami/istri, orang tua, atau wali",
        "Sponsor atau calo": "Sponsor atau calo yang membawa, diketahui ketua RT",
    },
    "Mana yang merupakan tanda perekrutan ilegal?": {
        "Calo menjanjikan gaji tinggi, tanpa keterampilan, berangkat cepat, majikan tidak jelas": (
            "Gaji tinggi tanpa keterampilan, berangkat cepat"
        ),
        "Ada perjanjian kerja tertulis dan rekomendasi Disnaker": (
            "Ada perjanjian kerja tertulis yang dibaca dulu dan rekomendasi Disnaker"
        ),
    },
    "Seorang calo memberi uang tunai kepada keluarga sebelum Anda berangkat. Apa risikonya?": {
        "Uang itu dapat menjadi utang yang menjerat pekerja (jeratan utang)": "Uang itu dapat menjadi jeratan utang",
        "Itu tanda perusahaannya pasti resmi": "Itu tanda perusahaannya pasti resmi dan gajinya besar",
    },
    "Berangkat bekerja ke luar negeri memakai visa turis, ziarah atau umrah adalah…": {
        "Nonprosedural dan berisiko: bekerja memerlukan visa kerja dan perjanjian kerja": (
            "Tidak resmi: bekerja perlu visa kerja"
        ),
        "Diperbolehkan asal pulang sebelum visa habis": (
            "Diperbolehkan asal pulang sebelum visa habis dan ada sponsor"
        ),
    },
    "Apa yang dimaksud dengan overstay?": {
        "Tinggal di suatu negara melewati batas izin tinggal/visa": "Tinggal melewati batas izin tinggal",
        "Memperpanjang paspor sebelum habis": "Memperpanjang paspor sebelum masa berlakunya habis",
    },
    "Apakah pekerja rumah tangga boleh ditempatkan pada majikan perseorangan di negara-negara Timur Tengah?": {
        "Tidak; dihentikan sejak 2015 (Kepmenaker 260/2015). Ke Arab Saudi hanya lewat Sistem Penempatan Satu "
        "Kanal": "Tidak, dihentikan sejak 2015",
        "Boleh, asal memakai visa umrah": "Boleh, asal memakai visa umrah lalu pindah ke visa kerja di sana",
    },
    "Menurut UU 21/2007, tiga unsur Tindak Pidana Perdagangan Orang adalah…": {
        "Proses (merekrut, mengangkut, menampung…), cara (ancaman, penipuan, jeratan utang…), tujuan eksploitasi": (
            "Proses, cara, dan tujuan eksploitasi"
        ),
        "Umur, jenis kelamin, asal desa": "Umur korban, jenis kelamin korban, dan asal desa korban",
    },
    "Mana yang termasuk 'cara' dalam TPPO?": {
        "Penipuan, jeratan utang, penyalahgunaan posisi rentan": "Penipuan dan jeratan utang",
        "Menandatangani perjanjian kerja yang dipahami": "Menandatangani perjanjian kerja yang dibaca dan dipahami",
    },
    "Berapa ancaman pidana bagi pelaku perdagangan orang menurut UU 21/2007?": {
        "Penjara 3–15 tahun dan denda Rp120–600 juta": "Penjara 3–15 tahun dan denda",
        "Tidak ada ancaman pidana": "Tidak ada pidana bila korban sudah setuju berangkat",
    },
    "Ke mana melapor bila menduga ada perekrutan ilegal atau perdagangan orang?": {
        "Polisi (Satgas TPPO), Disnaker/BP3MI, kantor imigrasi melalui PIMPASA, atau pemerintah desa": (
            "Polisi (110), Disnaker, BP3MI, PIMPASA, atau desa"
        ),
        "Tidak perlu melapor, itu urusan keluarga": "Tidak perlu melapor karena itu urusan keluarga masing-masing",
    },
    "Apa peran pemerintah desa dalam perlindungan pekerja migran menurut UU 18/2017?": {
        "Memberi informasi kerja, memverifikasi dan mencatat calon PMI, memantau keberangkatan dan kepulangan": (
            "Mendata calon PMI dan memantau kepulangan"
        ),
        "Memberangkatkan pekerja sendiri": "Memberangkatkan pekerja sendiri lewat sponsor yang dikenal desa",
    },
}

# Questions whose text or explanation changes with the law (old text → new text, new explanation, new source).
QUESTION_FIXES = {
    "Perusahaan yang boleh menempatkan pekerja migran ke luar negeri adalah…": (
        "Selain pemerintah (G-to-G) dan perusahaan yang menempatkan pekerjanya sendiri, siapa yang boleh menempatkan "
        "pekerja migran ke luar negeri?",
        "UU 18/2017 Pasal 49: penempatan dilakukan oleh pemerintah (G-to-G), oleh P3MI yang memiliki izin SIP3MI, "
        "atau oleh perusahaan untuk kepentingan perusahaannya sendiri. Daftar P3MI berizin diumumkan KP2MI. LPK "
        "hanya melatih dan tidak berwenang menempatkan pekerja.",
        "UU 18/2017 Pasal 49; KP2MI",
    ),
    "Ke mana melapor bila menduga ada perekrutan ilegal atau perdagangan orang?": (
        None,
        "Dalam keadaan darurat hubungi polisi di 110. Laporan juga dapat disampaikan ke Dinas Tenaga Kerja atau "
        "BP3MI, kantor imigrasi melalui petugas pembina desa (PIMPASA), atau perangkat desa yang meneruskannya. "
        "Sejak Januari 2026 sebagian Polda dan Polres memiliki unit PPA-PPO.",
        "Perpres 49/2023; program Desa Binaan Imigrasi",
    ),
}

NEW_TOPICS = [("hak-korban", "Hak korban dan kepulangan PMI")]

# (topic, question, [(choice, correct)], explanation, source)
NEW_QUESTIONS = [
    (
        "tppo",
        "Sejak 2 Januari 2026 KUHP baru (UU 1/2023) berlaku. Pasal berapa yang mengatur penyelundupan manusia?",
        [
            ("Pasal 457 KUHP", True),
            ("Pasal 5 UU 18/2017 tentang syarat usia", False),
            ("Pasal 13 UU 18/2017 tentang dokumen", False),
            ("Tidak diatur lagi sejak KUHP baru", False),
        ],
        "KUHP Pasal 457: membawa orang yang tidak berhak masuk atau keluar wilayah Indonesia, atau masuk negara lain, "
        "demi keuntungan, dengan dokumen sah, palsu, atau tanpa dokumen: penjara 5–15 tahun atau denda kategori V–VII "
        "(Rp500 juta–Rp5 miliar, Pasal 79).",
        "UU 1/2023 (KUHP) Pasal 457 dan Pasal 79",
    ),
    (
        "tppo",
        "Apa beda penyelundupan manusia dan perdagangan orang?",
        [
            ("Penyelundupan: lintas batas tidak sah; TPPO: tujuannya eksploitasi", True),
            ("Sama saja, keduanya hanya terjadi bila orang dibawa ke luar negeri dengan paksa", False),
            ("Penyelundupan hanya untuk barang, bukan manusia", False),
            ("TPPO hanya terjadi di dalam negeri", False),
        ],
        "Penyelundupan manusia (KUHP Pasal 457) adalah membawa orang melintasi batas secara tidak sah demi "
        "keuntungan. Perdagangan orang (UU 21/2007 Pasal 1 angka 1) adalah proses dan cara untuk tujuan "
        "eksploitasi, di dalam atau di luar negeri. Orang yang diselundupkan mudah menjadi korban TPPO.",
        "UU 1/2023 (KUHP) Pasal 457; UU 21/2007 Pasal 1 angka 1",
    ),
    (
        "hak-korban",
        "Korban sudah setuju berangkat bersama calo. Apakah calo tetap dapat dipidana karena TPPO?",
        [
            ("Ya, persetujuan korban tidak menghapus pidana", True),
            ("Tidak, karena korban sudah setuju dan menandatangani surat pernyataan", False),
            ("Hanya bila korban meminta uangnya kembali", False),
            ("Tidak, bila korban sudah dewasa", False),
        ],
        "UU 21/2007 Pasal 26: persetujuan korban perdagangan orang tidak menghilangkan penuntutan tindak pidana "
        "perdagangan orang.",
        "UU 21/2007 Pasal 26",
    ),
    (
        "hak-korban",
        "Korban TPPO dipaksa pelaku melakukan tindak pidana, misalnya memakai dokumen palsu. Apakah korban dipidana?",
        [
            ("Tidak dipidana", True),
            ("Dipidana seperti pelaku, karena tetap ikut memakai dokumen palsu", False),
            ("Dipidana setengahnya", False),
            ("Dipidana bila sudah berusia 18 tahun", False),
        ],
        "UU 21/2007 Pasal 18: korban yang melakukan tindak pidana karena dipaksa oleh pelaku perdagangan orang tidak "
        "dipidana.",
        "UU 21/2007 Pasal 18",
    ),
    (
        "hak-korban",
        "Apa hak korban TPPO atas kerugian yang dideritanya?",
        [
            ("Restitusi (ganti rugi) dari pelaku", True),
            ("Tidak ada; korban menanggung sendiri semua kerugian dan biaya pulangnya", False),
            ("Hanya permintaan maaf tertulis", False),
            ("Ganti rugi dari desa asal", False),
        ],
        "UU 21/2007 Pasal 48: setiap korban atau ahli warisnya berhak memperoleh restitusi, yaitu ganti kerugian "
        "atas kehilangan kekayaan atau penghasilan, penderitaan, biaya perawatan, dan kerugian lain.",
        "UU 21/2007 Pasal 48",
    ),
    (
        "hak-korban",
        "Bagaimana identitas korban TPPO diperlakukan?",
        [
            ("Wajib dirahasiakan", True),
            ("Boleh disebarkan di grup WhatsApp desa agar warga lain waspada", False),
            ("Diumumkan di balai desa", False),
            ("Dicantumkan lengkap di media sosial kantor", False),
        ],
        "UU 21/2007 Pasal 44: saksi dan korban berhak dirahasiakan identitasnya. Membuka identitas yang wajib "
        "dirahasiakan dapat dipidana (Pasal 24).",
        "UU 21/2007 Pasal 44 dan Pasal 24",
    ),
    (
        "hak-korban",
        "Bila korban perdagangan orang adalah anak, ancaman pidana bagi pelaku…",
        [
            ("Ditambah sepertiga", True),
            ("Sama saja dengan korban dewasa, tidak ada perbedaan", False),
            ("Dikurangi karena anak belum bekerja", False),
            ("Diganti dengan denda saja", False),
        ],
        "UU 21/2007 Pasal 17: bila tindak pidana perdagangan orang dilakukan terhadap anak, ancaman pidananya "
        "ditambah sepertiga.",
        "UU 21/2007 Pasal 17",
    ),
    (
        "hak-korban",
        "Warga desa pulang setelah dideportasi dari negara tempat ia bekerja. Apa yang sebaiknya dilakukan desa?",
        [
            ("Mencatat kepulangannya dan menghubungkan ke layanan", True),
            ("Melaporkannya sebagai pelaku kejahatan dan menolak kedatangannya di desa", False),
            ("Membiarkannya tanpa bantuan apa pun", False),
            ("Menyuruhnya segera berangkat lagi lewat calo", False),
        ],
        "Desa memantau keberangkatan dan kepulangan warganya (UU 18/2017). PMI yang dideportasi bisa jadi korban; "
        "korban TPPO berhak atas rehabilitasi kesehatan dan sosial, pemulangan, dan reintegrasi sosial (UU 21/2007 "
        "Pasal 51). Hubungkan dengan BP3MI, Dinas Sosial, atau UPTD PPA.",
        "UU 18/2017; UU 21/2007 Pasal 51",
    ),
    (
        "jalur-prosedural",
        "Menurut Peraturan BP2MI 9/2020, berapa biaya penempatan bagi pengurus rumah tangga atau awak kapal "
        "perikanan?",
        [
            ("Rp0, tidak dipungut biaya", True),
            ("Sebesar gaji bulan pertama sampai ketiga, dipotong agen", False),
            ("Rp5 juta dibayar di muka", False),
            ("Sesuai permintaan sponsor", False),
        ],
        f"Peraturan BP2MI 9/2020 membebaskan biaya penempatan untuk sepuluh jabatan: {FREE_JOBS}. Tiket, visa kerja, "
        "pelatihan, sertifikat kompetensi, pemeriksaan kesehatan dan psikologi, serta jasa perusahaan tidak boleh "
        "dibebankan kepada PMI.",
        "Peraturan BP2MI 9/2020; UU 18/2017 Pasal 30",
    ),
    (
        "jalur-prosedural",
        "Berapa biaya rekomendasi atau ID calon PMI dari Dinas Tenaga Kerja?",
        [
            ("Gratis", True),
            ("Rp500.000 lewat sponsor agar cepat diproses", False),
            ("Rp1.000.000", False),
            ("Sebesar tarif paspor", False),
        ],
        "Pendaftaran dan rekomendasi calon PMI di Disnaker tidak dipungut biaya. Orang yang meminta bayaran untuk "
        "itu bukan petugas resmi.",
        "UU 18/2017 Pasal 30; Peraturan BP2MI 9/2020",
    ),
    (
        "tppo",
        "Ada tawaran kerja admin daring di Kamboja atau perbatasan Myanmar–Thailand, berangkat pakai visa turis. "
        "Apa yang perlu diketahui?",
        [
            ("Tidak ada perjanjian penempatan; pola penipuan daring", True),
            ("Aman asal gaji dibayar dalam dolar dan tiket ditanggung perusahaan", False),
            ("Itu jalur resmi yang lebih cepat", False),
            ("Cukup lapor setelah tiba di sana", False),
        ],
        "Kamboja, Myanmar, Laos, Filipina, dan daerah perbatasan Thailand bukan tujuan penempatan resmi PMI; banyak "
        "warga dijebak bekerja di pusat penipuan daring dengan visa turis. Periksa tawaran ke Disnaker atau BP3MI.",
        "Laporan kasus KP2MI, Kemlu, dan Bareskrim 2022–2025 (docs/rules.md §4)",
    ),
    (
        "tppo",
        "Mahasiswa ditawari “magang” di luar negeri, tetapi ternyata bekerja sebagai buruh kasar. Ini…",
        [
            ("Modus TPPO, seperti kasus magang 2024", True),
            ("Program resmi kampus karena ada surat dari agen penyalur", False),
            ("Boleh karena mahasiswa sudah dewasa", False),
            ("Bukan masalah bila dibayar", False),
        ],
        "Pada 2024 Bareskrim mengungkap lebih dari seribu mahasiswa yang diberangkatkan dengan kedok magang "
        "(ferienjob) ke Jerman lalu dipekerjakan sebagai buruh. Tujuan belajar atau magang yang menutupi kerja "
        "berbayar adalah tanda bahaya.",
        "Bareskrim Polri, kasus ferienjob 2024 (docs/rules.md §4)",
    ),
]


def fill(apps, schema_editor):
    RouteStep = apps.get_model("events", "RouteStep")
    Topic = apps.get_model("events", "Topic")
    Question = apps.get_model("events", "Question")
    Choice = apps.get_model("events", "Choice")
    for kind, order, title, who, cost, detail, citation, since, to_confirm, note in ROUTE:
        RouteStep.objects.get_or_create(
            kind=kind,
            order=order,
            effective_from=since,
            defaults={
                "title": title,
                "who": who,
                "cost": cost,
                "detail": detail,
                "citation": citation,
                "to_confirm": to_confirm,
                "officer_note": note,
            },
        )
    for question_text, fixes in CHOICE_FIXES.items():
        for old, new in fixes.items():
            Choice.objects.filter(question__text=question_text, text=old).update(text=new)
    for old_text, (new_text, explanation, source) in QUESTION_FIXES.items():
        changes = {"explanation": explanation, "source": source}
        if new_text:
            changes["text"] = new_text
        Question.objects.filter(text=old_text).update(**changes)
    last = Topic.objects.order_by("-order").values_list("order", flat=True).first() or 0
    for i, (code, label) in enumerate(NEW_TOPICS, start=1):
        Topic.objects.get_or_create(code=code, defaults={"label": label, "order": last + i})
    topics = {t.code: t for t in Topic.objects.all()}
    start = (Question.objects.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    for order, (topic, text, choices, explanation, source) in enumerate(NEW_QUESTIONS, start=start):
        if Question.objects.filter(text=text).exists():
            continue
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


def unfill(apps, schema_editor):
    apps.get_model("events", "RouteStep").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0004_route_step")]

    operations = [migrations.RunPython(fill, unfill)]

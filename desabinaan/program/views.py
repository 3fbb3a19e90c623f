"""Pages of the program app: village list and workspace, lifecycle forms, public directory and FAQ.

Every page reads through `selectors` (which applies `scope_for`) and writes through `services`.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from desabinaan.accounts.models import Role, User
from desabinaan.core.cache import public_page
from desabinaan.core.errors import Conflict
from desabinaan.core.views import add_service_errors, page_for, require
from lib.periods import previous_quarter, quarter_of

from . import files, selectors, services
from .certificate import certificate_pdf
from .evaluation import evaluation_save, evaluation_view
from .forms import (
    ActivityForm,
    AnswerForm,
    EvaluationForm,
    ForeignerNoteForm,
    LiaisonForm,
    PimpasaForm,
    ProposalForm,
    PublicContactForm,
    QuestionForm,
    SkFileForm,
    TransitionForm,
)
from .models import DesaBinaan, Question

PAGE_SIZE = 25


# Signed-in users with a jurisdiction; partner agencies (no village scope) are refused.
program_page = page_for(selectors.can_see_program)


def village_page(view):
    """As program_page, with the scoped village (404 when outside the user's scope) passed as `db`."""

    @program_page
    @wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        db = selectors.desa_binaan_get(user=request.user, pk=pk)
        return view(request, db, *args, **kwargs)

    return wrapped


def _form_page(request, db, form, title, *, multipart=False, submit=None, intro=""):
    return render(
        request,
        "program/form.html",
        {"db": db, "form": form, "title": title, "multipart": multipart, "submit": submit, "intro": intro},
    )


# --- Lists ---------------------------------------------------------------------------------------------------------


@program_page
def village_list(request):
    q = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    if status not in DesaBinaan.Status.values:
        status = ""
    questions = "unanswered" if request.GET.get("questions") == "unanswered" else ""
    villages = selectors.desa_binaan_list(
        user=request.user, q=q, status=status, unanswered_questions=bool(questions)
    )
    page = Paginator(villages, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "program/list.html",
        {
            "page": page,
            "query": urlencode({"q": q, "status": status, "questions": questions}),
            "q": q,
            "status": status,
            "questions": questions,
            "statuses": DesaBinaan.Status.choices,
            "can_propose": selectors.is_office_writer(request.user),
        },
    )


@program_page
def candidates(request):
    return render(
        request,
        "program/candidates.html",
        {"candidates": selectors.candidates_ranked(user=request.user)[:100]},
    )


@program_page
def foreigner_notes(request):
    page = Paginator(selectors.foreigner_notes_for(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "program/foreigner_notes.html", {"page": page})


@program_page
def propose(request):
    require(selectors.is_office_writer(request.user))
    form = ProposalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            db = services.desa_binaan_propose(
                actor=request.user,
                village=form.cleaned_data["village"],
                criteria=form.ticked(),
                notes=form.cleaned_data["notes"],
            )
        except (Conflict, ValidationError) as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Usulan desa binaan tersimpan."))
            return redirect("program:detail", db.pk)
    return render(request, "program/propose.html", {"form": form})


# --- Workspace -----------------------------------------------------------------------------------------------------


@village_page
def detail(request, db):
    context = selectors.workspace(user=request.user, desa_binaan=db)
    context.update(
        db=db,
        score=selectors.proposal_score(db),
        allowed=services.TRANSITIONS.get(db.status, ()),
        now=timezone.now(),
        grace=services.edit_grace(),
        user_id=request.user.pk,
    )
    return render(request, "program/detail.html", context)


@village_page
def transition(request, db):
    require(selectors.can_manage(request.user, db))
    allowed = services.TRANSITIONS.get(db.status, ())
    form = TransitionForm(request.POST or None, request.FILES or None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.desa_binaan_transition(
                actor=request.user,
                desa_binaan=db,
                to=data["to"],
                reason=data["reason"],
                sk_number=data["sk_number"],
                sk_date=data["sk_date"],
                sk_file=data["sk_file"],
                sk_issuer=data["sk_issuer"] or None,
            )
        except (Conflict, ValidationError) as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Status desa binaan diperbarui."))
            return redirect("program:detail", db.pk)
    return _form_page(request, db, form, _("Ubah status desa binaan"), multipart=True)


@village_page
def sk_upload(request, db):
    require(selectors.can_manage(request.user, db) and db.is_fostered)
    form = SkFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.desa_binaan_sk_attach(
            actor=request.user, desa_binaan=db, sk_file=form.cleaned_data["sk_file"]
        )
        messages.success(request, _("Berkas SK tersimpan."))
        return redirect("program:detail", db.pk)
    return _form_page(request, db, form, _("Unggah SK"), multipart=True)


@village_page
def sk_file(request, db):
    # Never a public media URL: the signed decree is served only after the scope check above.
    return FileResponse(
        files.stored_file_open(db.sk_file),
        content_type="application/pdf",
        as_attachment=False,
        filename=f"SK-desa-binaan-{db.village_id}.pdf",
    )


@village_page
def certificate(request, db):
    if not db.has_certificate:
        raise Http404
    response = HttpResponse(certificate_pdf(db), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="piagam-desa-binaan-{db.village_id}.pdf"'
    return response


@village_page
def public_contact(request, db):
    require(selectors.can_manage(request.user, db) or selectors.is_liaison_of(request.user, db))
    form = PublicContactForm(
        request.POST or None,
        initial={"public_contact": db.public_contact, "public_contact_consent": db.public_contact_consent},
    )
    if request.method == "POST" and form.is_valid():
        services.desa_binaan_public_contact_set(
            actor=request.user,
            desa_binaan=db,
            contact=form.cleaned_data["public_contact"],
            consent=form.cleaned_data["public_contact_consent"],
        )
        messages.success(request, _("Kontak publik tersimpan."))
        return redirect("program:detail", db.pk)
    return _form_page(request, db, form, _("Kontak publik desa"))


# --- People --------------------------------------------------------------------------------------------------------


@village_page
def pimpasa_add(request, db):
    require(selectors.can_manage(request.user, db))
    form = PimpasaForm(
        request.POST or None,
        officers=selectors.assignable_officers(desa_binaan=db),
        initial={"valid_from": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pimpasa_assign(
                actor=request.user,
                desa_binaan=db,
                officer=form.cleaned_data["officer"],
                valid_from=form.cleaned_data["valid_from"],
                decree_number=form.cleaned_data["decree_number"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("PIMPASA ditugaskan."))
            return redirect("program:detail", db.pk)
    return _form_page(request, db, form, _("Tugaskan PIMPASA"))


@require_POST
@village_page
def pimpasa_end(request, db, assignment_pk):
    require(selectors.can_manage(request.user, db))
    assignment = selectors.assignment_get(desa_binaan=db, pk=assignment_pk)
    try:
        services.pimpasa_end(actor=request.user, assignment=assignment)
    except Conflict as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Penugasan PIMPASA diakhiri."))
    return redirect("program:detail", db.pk)


@village_page
def liaison_add(request, db):
    require(selectors.can_manage(request.user, db))
    form = LiaisonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            liaison, password = services.liaison_create(
                actor=request.user, desa_binaan=db, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            # Rendered once, in this response only; the password is stored nowhere in clear.
            return render(
                request, "program/liaison_created.html", {"db": db, "liaison": liaison, "password": password}
            )
    return _form_page(request, db, form, _("Buat akun perangkat desa / kader"))


@require_POST
@village_page
def liaison_deactivate(request, db, user_pk):
    require(selectors.can_manage(request.user, db))
    liaison = get_object_or_404(User, pk=user_pk, role=Role.LIAISON, village_id=db.village_id)
    services.liaison_deactivate(actor=request.user, desa_binaan=db, liaison=liaison)
    messages.success(request, _("Akun penghubung dinonaktifkan; riwayatnya tetap tersimpan."))
    return redirect("program:detail", db.pk)


# --- Village work --------------------------------------------------------------------------------------------------


@village_page
def activity_add(request, db):
    require(selectors.can_work(request.user, db))
    form = ActivityForm(request.POST or None, request.FILES or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.activity_create(
                actor=request.user,
                desa_binaan=db,
                kind=data["kind"],
                date=data["date"],
                place=data["place"],
                participants=data["participants"],
                notes=data["notes"],
                attachments=data["attachments"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kegiatan tersimpan."))
            return redirect("program:detail", db.pk)
    return _form_page(request, db, form, _("Catat kegiatan"), multipart=True)


@village_page
def activity_edit(request, db, activity_pk):
    activity = selectors.activity_get(desa_binaan=db, pk=activity_pk)
    require(selectors.can_work(request.user, db))
    if not services.activity_editable_by(activity, request.user):
        raise PermissionDenied(
            services.EDIT_WINDOW_CLOSED % {"hours": int(services.edit_grace().total_seconds() // 3600)}
        )
    form = ActivityForm(
        request.POST or None, request.FILES or None, instance=activity, initial={"version": activity.version}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.activity_update(
                actor=request.user,
                activity=activity,
                version=data["version"] or 0,
                attachments=data["attachments"],
                **{name: data[name] for name in services.ACTIVITY_FIELDS},
            )
        except (Conflict, ValidationError) as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kegiatan diperbarui."))
            return redirect("program:detail", db.pk)
    return _form_page(request, db, form, _("Ubah kegiatan"), multipart=True)


@village_page
def attachment_download(request, db, activity_pk, attachment_pk):
    activity = selectors.activity_get(desa_binaan=db, pk=activity_pk)
    # Excluding the empty name: an attachment whose file the retention schedule deleted has nothing to download.
    attachment = get_object_or_404(activity.attachments.exclude(file=""), pk=attachment_pk)
    return FileResponse(
        files.stored_file_open(attachment.file),
        content_type=attachment.content_type,
        filename=attachment.name,
    )


@village_page
def question_add(request, db):
    require(selectors.can_work(request.user, db))
    form = QuestionForm(request.POST or None, initial={"asked_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.question_record(actor=request.user, desa_binaan=db, **form.cleaned_data)
        messages.success(request, _("Pertanyaan warga tersimpan."))
        return redirect("program:detail", db.pk)
    return _form_page(request, db, form, _("Catat pertanyaan warga"))


@village_page
def question_answer(request, db, question_pk):
    require(selectors.can_manage(request.user, db))
    question = selectors.question_get(desa_binaan=db, pk=question_pk)
    form = AnswerForm(request.POST or None, initial={"answer": question.answer})
    if request.method == "POST" and form.is_valid():
        services.question_answer(actor=request.user, question=question, answer=form.cleaned_data["answer"])
        messages.success(request, _("Jawaban tersimpan."))
        return redirect("program:detail", db.pk)
    return _form_page(request, db, form, _("Jawab pertanyaan"), intro=question.text)


@require_POST
@village_page
def question_publish(request, db, question_pk):
    require(selectors.can_manage(request.user, db))
    question = selectors.question_get(desa_binaan=db, pk=question_pk)
    publish = request.POST.get("publish") != "0"
    try:
        services.question_publish(actor=request.user, question=question, publish=publish)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Diterbitkan di tanya-jawab publik.") if publish else _("Ditarik dari tanya-jawab publik."),
        )
    return redirect("program:detail", db.pk)


@village_page
def foreigner_add(request, db):
    require(selectors.can_work(request.user, db))
    form = ForeignerNoteForm(request.POST or None, initial={"seen_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.foreigner_note_create(actor=request.user, desa_binaan=db, **form.cleaned_data)
        messages.success(request, _("Catatan keberadaan WNA tersimpan."))
        return redirect("program:detail", db.pk)
    return _form_page(request, db, form, _("Catat keberadaan WNA"))


# --- Evaluation ----------------------------------------------------------------------------------------------------


def _quarter_from(request):
    year, quarter = quarter_of(timezone.localdate())
    try:
        year = int(request.GET.get("year", year))
        quarter = int(request.GET.get("quarter", quarter))
    except ValueError as exc:
        raise Http404 from exc
    if not (2000 <= year <= 2100 and 1 <= quarter <= 4):
        raise Http404
    return year, quarter


@village_page
def evaluation(request, db):
    year, quarter = _quarter_from(request)
    manage = selectors.can_manage(request.user, db)
    view = evaluation_view(desa_binaan=db, year=year, quarter=quarter)
    initial = {"notes": view["evaluation"].notes if view["evaluation"] else ""}
    for row in view["rows"]:
        initial[f"i_{row['indicator'].code}"] = row["value"]
    form = EvaluationForm(request.POST or None, initial=initial) if manage else None
    if request.method == "POST":
        require(manage)
        if form.is_valid():
            evaluation_save(
                actor=request.user,
                desa_binaan=db,
                year=year,
                quarter=quarter,
                manual_values=form.manual_values(),
                notes=form.cleaned_data["notes"],
            )
            messages.success(request, _("Evaluasi triwulan tersimpan."))
            return redirect(f"{request.path}?year={year}&quarter={quarter}")
    py, pq = previous_quarter(year, quarter)
    ny, nq = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return render(
        request,
        "program/evaluation.html",
        {**view, "db": db, "form": form, "prev_q": (py, pq), "next_q": (ny, nq)},
    )


# --- Public --------------------------------------------------------------------------------------------------------


@public_page("program_public")
def directory(request):
    return render(request, "program/directory.html", {"provinces": selectors.public_directory()})


def faq(request):
    topic = request.GET.get("topik", "")
    if topic not in Question.Topic.values:
        topic = ""
    return render(
        request,
        "program/faq.html",
        {"questions": selectors.public_faq(topic=topic), "topics": Question.Topic.choices, "topic": topic},
    )

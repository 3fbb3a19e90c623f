"""Admin for the learning data: the legal route to work abroad (with placement-cost rules) and the question bank."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .models import Choice, Question, RouteStep, TargetGroup, Topic

ONE_RIGHT_ANSWER = _("Soal harus memiliki tepat satu jawaban benar.")
LONGEST_IS_RIGHT = _(
    "Jawaban benar tidak boleh menjadi pilihan terpanjang: peserta akan menebak dari panjangnya. Perpendek jawaban "
    "benar atau perpanjang salah satu pilihan lain."
)


@admin.register(RouteStep)
class RouteStepAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "order", "who", "cost", "effective_from", "effective_to", "to_confirm"]
    list_filter = ["kind", "to_confirm"]
    search_fields = ["title", "citation"]


class ChoiceFormSet(BaseInlineFormSet):
    """The bank's rule (events/tests/test_quiz_bank.py): one right answer, and it is not the longest option."""

    def clean(self):
        super().clean()
        kept = [f.cleaned_data for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        right = [len(c["text"]) for c in kept if c.get("is_correct")]
        wrong = [len(c["text"]) for c in kept if not c.get("is_correct")]
        if len(right) != 1:
            raise ValidationError(ONE_RIGHT_ANSWER)
        if wrong and right[0] > max(wrong):
            raise ValidationError(LONGEST_IS_RIGHT)


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "topic", "source", "active", "order"]
    list_filter = ["topic", "active"]
    list_select_related = ["topic"]
    search_fields = ["text", "source"]
    inlines = [ChoiceInline]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "label_en", "active", "order"]


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "label_en", "active", "order"]

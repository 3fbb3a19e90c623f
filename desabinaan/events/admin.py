"""Admin for the learning data: the legal route to work abroad (with placement-cost rules) and the question bank."""

from django.contrib import admin

from .models import Choice, Question, RouteStep, Topic


@admin.register(RouteStep)
class RouteStepAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "order", "who", "cost", "effective_from", "effective_to", "to_confirm"]
    list_filter = ["kind", "to_confirm"]
    search_fields = ["title", "citation"]


class ChoiceInline(admin.TabularInline):
    model = Choice
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
    list_display = ["code", "label", "active", "order"]

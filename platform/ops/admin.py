from django.contrib import admin

from .models import JobRun


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["name", "last_enqueued_at", "last_finished_at", "last_succeeded", "runs"]
    readonly_fields = [field.name for field in JobRun._meta.fields]

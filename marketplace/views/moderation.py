"""The old moderation addresses of the marketplace now lead to the one queue at /moderatie/."""

from django.shortcuts import redirect


def queue(request):
    return redirect("moderation:queue", permanent=True)


def report_listing(request, pk: int):
    return redirect("moderation:report", kind="listing", pk=pk)

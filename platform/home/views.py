from django.conf import settings
from django.shortcuts import render
from django.views.static import serve


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that may fail again: a plain render of a self-contained page.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())


def page_not_found_preview(request):
    return page_not_found(request)


def server_error_preview(request):
    return server_error(request)


def media_rendition(request, path: str):
    """Renditions of images, from MEDIA_ROOT, when Django serves media itself (`make run`)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)

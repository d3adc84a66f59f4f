from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The dialect every app speaks: one error for "the rules say no", after-commit side effects,
    query-string filters, Dutch text normalisation and unique slugs. Imports no other app."""

    name = "core"
    verbose_name = _("Gedeelde basis")

    def ready(self):
        from django.urls import register_converter

        from .converters import IdConverter

        register_converter(IdConverter, "id")

        from django.contrib.auth.signals import user_logged_out

        from .middleware import mark_logged_out

        user_logged_out.connect(mark_logged_out, dispatch_uid="core.mark_logged_out")

        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model

        from .images import strip_uploaded_image

        pre_save.connect(
            strip_uploaded_image, sender=get_image_model(), dispatch_uid="core.strip_uploaded_image"
        )

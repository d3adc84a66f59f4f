"""Small template helpers every app may load."""

from django import template
from django.http import QueryDict
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number, query="", param="pagina"):
    """'?filters&pagina=N': a page link that keeps the list's filters.

    ``query`` is a mapping or query string of the filters to keep; empty means the current request's.
    """
    if isinstance(query, str):
        request = context.get("request")
        params = QueryDict(query) if query else (request.GET if request is not None else QueryDict())
        pairs = [(key, value) for key, values in params.lists() for value in values if key != param]
    else:
        pairs = [(key, value) for key, value in dict(query).items() if key != param and value]
    return "?" + urlencode([*pairs, (param, number)])


@register.simple_tag(takes_context=True)
def query_without(context, key, value=None):
    """'?…' of the current address without ``key`` (or only without that ``value`` of it), on page one.

    Used by the removable chips of the active filters.
    """
    request = context.get("request")
    params = request.GET if request is not None else QueryDict()
    value = None if value is None else str(value)
    pairs = [
        (name, item)
        for name, items in params.lists()
        for item in items
        if name != "pagina" and not (name == key and (value is None or item == value))
    ]
    return "?" + urlencode(pairs)


@register.filter
def choice_label(value, choices):
    """The label of ``value`` in a list of (value, label) choices; the value itself when not found."""
    return dict(choices).get(value, value)


@register.filter
def fields_with_errors(form):
    """The visible fields of a bound form that have an error, in the form's order (for an error summary)."""
    return [field for field in form.visible_fields() if field.errors]


@register.filter
def field_anchor(field) -> str:
    """The id a link to `field` jumps to: its input, or the first of its radio buttons or checkboxes."""
    if field.id_for_label:
        return field.id_for_label
    subwidgets = field.subwidgets
    return subwidgets[0].id_for_label if subwidgets else field.auto_id


@register.filter
def label_text(field) -> str:
    """The label without its closing ".", "?" or ":", so "Label: message" reads well."""
    return str(field.label).rstrip(".?:").rstrip()

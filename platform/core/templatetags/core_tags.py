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

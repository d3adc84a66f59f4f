from urllib.parse import quote, urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.text import MAX_QUERY_LENGTH

from . import selectors
from .filters import SearchFilterSet
from .models import DocType, SearchEntry

CATEGORY_MAX_LENGTH = 60


@require_GET
def search_page(request):
    query = request.GET.get("q", "").strip()
    notices = []
    if len(query) > MAX_QUERY_LENGTH:
        notices.append(_("Uw zoekvraag was erg lang. We zoeken op het begin ervan."))
        query = query[:MAX_QUERY_LENGTH]
    filterset = SearchFilterSet(
        {"soort": request.GET.get("soort", "").strip()}, queryset=SearchEntry.objects.none()
    )
    notices.extend(filterset.problems)
    doc_type = filterset.values.get("soort") or ""
    category = request.GET.get("onderwerp", "").strip()[:CATEGORY_MAX_LENGTH]
    results = None
    if query:
        results = selectors.search(
            query=query, user=request.user, types=[doc_type] if doc_type else [], category=category
        )
        if category and category not in results.category_counts:
            notices.append(_("Voor dit onderwerp vonden we niets. We tonen alle onderwerpen."))
            category = ""
            results = selectors.search(query=query, user=request.user, types=[doc_type] if doc_type else [])
    promotions = selectors.promoted(query=query) if query else []
    suggestion, fallback = selectors.help_when_needed(query=query, results=results, user=request.user)
    context = {
        "search_query": query,
        "best": selectors.best_hits(results.hits, promotions)
        if results and not (doc_type or category)
        else [],
        "pinned_keys": {hit.key for hit in promotions},
        "did_you_mean": suggestion,
        "fallback": fallback,
        "query": query,
        "notices": notices,
        "results": results,
        "groups": selectors.group_by_type(results.hits, results.type_counts) if results else [],
        "facets": _facets(results, query=query, doc_type=doc_type, category=category),
        "current_type": doc_type,
        "current_category": category,
    }
    return render(request, "search/results.html", context)


def _facets(results, *, query: str, doc_type: str, category: str) -> list[dict]:
    """The rows of filter chips: by kind, then (when the hits have any) by subject. Each chip keeps the
    query and the other row's choice; a row's first chip drops its own."""
    if not results:
        return []
    chosen = {"soort": doc_type, "onderwerp": category}

    def href(**change) -> str:
        params = {"q": query, **chosen, **change}
        return "?" + urlencode({k: v for k, v in params.items() if v}, safe="/", quote_via=quote)

    def row(name: str, label: str, all_label: str, choices) -> dict:
        """choices: (value, label, count) of every chip after the first."""
        selected = chosen[name]
        return {
            "label": label,
            "all": all_label,
            "all_href": href(**{name: ""}),
            "selected": selected,
            "chips": [(text, n, value == selected, href(**{name: value})) for value, text, n in choices],
        }

    counts = results.type_counts
    kinds = [(value, label, counts[value]) for value, label in DocType.choices if counts.get(value)]
    subjects = sorted(results.category_counts.items(), key=lambda item: (-item[1][1], item[1][0]))
    facets = [row("soort", _("Soort"), _("Alles"), kinds)]
    if subjects:
        choices = [(key, label, count) for key, (label, count) in subjects]
        facets.append(row("onderwerp", _("Onderwerp"), _("Alle onderwerpen"), choices))
    return facets


@require_GET
def suggestions(request):
    query = request.GET.get("q", "").strip()[:100]
    found = selectors.suggestions(query=query, user=request.user) if len(query) >= 2 else []
    response = JsonResponse({"suggestions": [{"text": s.text, "url": s.url} for s in found]})
    response["Cache-Control"] = "public, max-age=60"
    return response

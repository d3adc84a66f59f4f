from .titles import TITLES


def allauth_title(request):
    """`title` for the allauth page being served, from accounts.titles; nothing on any other page.

    The lookup uses the view name, which for allauth's URLs (included without a namespace) is the bare URL
    name; a namespaced URL of ours with the same bare name never matches. A view that passes `title` itself
    still wins: Django puts the view's context above what the context processors return.
    """
    match = getattr(request, "resolver_match", None)
    title = TITLES.get(match.view_name) if match else None
    return {"title": title} if title is not None else {}

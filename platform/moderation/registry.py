"""The kinds of thing the queue moderates, found through ``core.registry``.

A content app lists its kinds in ``<app>/moderated.py`` as ``KINDS`` (see ``core.registry``);
it never imports this app, as ``accounts``' privacy export finds data without importing content apps.
A kind is a plain object with:

- ``name`` (in URLs: ``listing``), ``label`` (Dutch), ``model`` and ``actions`` (a set of
  ``approve``, ``hide``, ``unhide``, ``request_changes``);
- ``get(pk)``, ``in_bulk(pks)``, ``pending()`` (first posts that wait), ``waits(obj)``;
- ``may_report(user=, obj=)``: may this user see, and so report, it;
- ``state(obj)``: ``pending``, ``visible`` or ``hidden``; ``author(obj)``, ``title(obj)``, ``text(obj)``,
  ``url(obj)`` (where the moderator looks at it; may be empty) and optionally ``review_url(obj)``;
- one method per action, ``approve(obj=, by=, reason=)`` and so on, calling the app's own services;
- optionally ``back_url(obj)`` (where a reporter returns) and ``author_sees_hidden`` (the author's
  notification about hiding links to the thing, which shows them the reason).

``core.moderated.ModeratedKind`` gives the defaults most kinds share (reading, no waiting first posts,
``is_hidden``, ``title`` and ``get_absolute_url()``).
"""

from functools import cache

from core.registry import offered


@cache
def kinds() -> dict[str, object]:
    return {kind.name: kind for kinds_of_app in offered("moderated", "KINDS") for kind in kinds_of_app}


def kind_named(name: str):
    return kinds().get(name)


def kind_of_model(model) -> object | None:
    for kind in kinds().values():
        if kind.model is model:
            return kind
    return None

"""The Wagtail admin works under its own Content-Security-Policy (a real browser, the policy enforced)."""

import pytest

from accounts import roles
from tests.e2e.conftest import log_in
from tests.factories import UserFactory
from tests.stories.factories import story_index

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_admin_runs_its_scripts_without_csp_violations(live_server, browser):
    # A superuser: the admin opens even where a flushed database lost the groups' permissions.
    editor = UserFactory(roles=[roles.REDACTIE], is_staff=True, is_superuser=True)
    index = story_index()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    log_in(context, live_server, editor)
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(message.text),
    )
    for path in ("/admin/", f"/admin/pages/add/stories/storypage/{index.pk}/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        # The sidebar is drawn by the admin's JavaScript: it only appears when the scripts ran.
        page.wait_for_selector("[data-wagtail-sidebar] nav, .sidebar", timeout=5000)
    assert violations == []
    context.close()

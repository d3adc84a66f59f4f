"""Apps offer each other things in modules with a known name; core.registry finds them by app label."""

from core import registry


def test_offered_finds_every_app_module_with_the_name_in_label_order():
    offered = registry.offered_by("services", "clear_posts_of_deleted_account")
    assert [config.label for config, _ in offered] == ["activities", "marketplace", "stories"]
    assert all(callable(cleanup) for _, cleanup in offered)


def test_a_module_without_the_name_offers_nothing():
    # core.moderated holds the base class of moderated kinds, no KINDS of its own.
    labels = [config.label for config, _ in registry.offered_by("moderated", "KINDS")]
    assert labels == ["activities", "marketplace", "notices", "stories"]
    assert registry.offered("organisation_page", "part")[0].__module__ == "activities.organisation_page"


def test_the_sections_of_mijn_come_from_the_dashboard_modules():
    keys = [section.key for section in registry.offered("dashboard", "SECTION")]
    assert keys == ["activiteiten", "marketplace", "buurtpreventie", "meldingen", "verhalen"]

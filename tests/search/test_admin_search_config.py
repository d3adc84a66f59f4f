from django.conf import settings
from django.db import connection


def test_wagtail_admin_search_reads_dutch_on_postgresql():
    config = settings.WAGTAILSEARCH_BACKENDS["default"]
    if connection.vendor == "postgresql":
        assert config["SEARCH_CONFIG"] == "dutch"
    else:
        assert "SEARCH_CONFIG" not in config

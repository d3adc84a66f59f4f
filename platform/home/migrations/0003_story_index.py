"""Create /verhalen/ under the home page, with the editors' workflow and page permissions on it.

The workflow itself comes from ``stories.0002``. On a database where the index already exists this
only makes sure the workflow and permissions are on it.
"""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
WORKFLOW_NAME = "Verhalen van bewoners"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def _encode(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _child_path(Page, parent) -> str:
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    step = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    return parent.path + _encode(step)


def create_story_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    StoryIndexPage = apps.get_model("stories.StoryIndexPage")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    home = HomePage.objects.order_by("path").first()
    index = StoryIndexPage.objects.first()
    if index is None and home is not None:
        content_type, _ = ContentType.objects.get_or_create(app_label="stories", model="storyindexpage")
        index = StoryIndexPage.objects.create(
            title="Verhalen uit de wijk",
            draft_title="Verhalen uit de wijk",
            slug="verhalen",
            content_type=content_type,
            path=_child_path(Page, home),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}verhalen/",
            locale_id=home.locale_id,
            live=True,
            intro="Bewoners van de Ruwaard vertellen. Veel verhalen staan ook in de Rucreant, het blad van de wijk.",
        )
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)
    if index is None:
        return

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})
    redactie, _ = Group.objects.get_or_create(name="redactie")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for codename in PAGE_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=page_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        GroupPagePermission.objects.get_or_create(group=redactie, page_id=index.pk, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("stories", "0002_story_index_and_workflow"),
    ]
    operations = [migrations.RunPython(create_story_index, migrations.RunPython.noop)]

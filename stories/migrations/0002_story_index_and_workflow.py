"""Create /verhalen/ under the home page, the editors' moderation workflow on it, and their permissions."""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
WORKFLOW_NAME = "Verhalen van bewoners"
TASK_NAME = "Redactie Rucreant keurt goed"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]
SNIPPET_MODELS = ["edition", "theme"]


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


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return permission


def create_index_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    StoryIndexPage = apps.get_model("stories.StoryIndexPage")
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    home = HomePage.objects.order_by("path").first()
    redactie, _ = Group.objects.get_or_create(name="redactie")

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

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(redactie)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    if index is not None:
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=redactie, page_id=index.pk,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )

    root_collection = Collection.objects.filter(depth=1).first()
    for app_label, model, codenames in COLLECTION_PERMISSIONS:
        for codename in codenames:
            permission = _permission(apps, app_label, model, codename)
            redactie.permissions.add(permission)
            if root_collection is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=redactie, collection=root_collection, permission=permission
                )
    for model in SNIPPET_MODELS:
        for action in ("add", "change", "delete", "view"):
            redactie.permissions.add(_permission(apps, "stories", model, f"{action}_{model}"))


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(create_index_and_workflow, remove_workflow)]

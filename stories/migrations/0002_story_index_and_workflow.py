"""The editors' moderation workflow for stories and their permissions.

The story index (/verhalen/) is created under the home page by ``home.0003_story_index``, which also
puts this workflow and the page permissions on it (stories never depend on home).
"""

from django.db import migrations

WORKFLOW_NAME = "Verhalen van bewoners"
TASK_NAME = "Redactie Rucreant keurt goed"
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]
SNIPPET_MODELS = ["edition", "theme"]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return permission


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    redactie, _ = Group.objects.get_or_create(name="redactie")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(redactie)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

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
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(create_workflow, remove_workflow)]

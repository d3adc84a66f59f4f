import pytest
from django.core.exceptions import ValidationError
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from stories.models import StoryIndexPage, StoryPage

from .factories import ImageFactory, make_story, story_index


class TestStoryPageTree(WagtailPageTestCase):
    def test_story_index_lives_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, StoryIndexPage)
        self.assertCanNotCreateAt(Page, StoryIndexPage)
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})

    def test_stories_live_under_the_story_index_only(self):
        self.assertCanCreateAt(StoryIndexPage, StoryPage)
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        self.assertAllowedSubpageTypes(StoryPage, set())

    def test_index_and_story_are_renderable(self):
        story = make_story()
        self.assertPageIsRenderable(story_index())
        self.assertPageIsRenderable(story)


@pytest.mark.django_db
def test_data_migration_serves_index_at_verhalen_with_redactie_workflow():
    index = story_index()
    assert index.url == "/verhalen/"
    workflow = index.get_workflow()
    assert workflow is not None and workflow.active
    task = workflow.tasks.get().specific
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == ["redactie"]
    codenames = set(
        GroupPagePermission.objects.filter(group__name="redactie", page=index).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames


@pytest.mark.django_db
def test_hero_image_without_alt_text_is_refused(index):
    story = StoryPage(
        title="Zonder alt", slug="zonder-alt", intro="Kort.", author_name="Ria", hero_image=ImageFactory()
    )
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "hero_alt" in error.value.message_dict


@pytest.mark.django_db
def test_story_without_hero_image_needs_no_alt_text(index):
    story = make_story(with_image=False)
    story.full_clean()
    assert story.hero_image is None


@pytest.mark.django_db
def test_image_block_requires_alt_text():
    from stories.blocks import ImageBlock

    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean({"image": ImageFactory(), "alt_text": "", "caption": ""})


def test_upload_limits_are_configured(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 8 * 1024 * 1024
    assert set(settings.WAGTAILIMAGES_EXTENSIONS) == {"jpg", "jpeg", "png", "webp", "avif"}

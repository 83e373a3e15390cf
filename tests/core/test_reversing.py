"""Links to articles, categories and meetings read exactly as Django's ``reverse`` writes them."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from core.reversing import SlugURL


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    set_script_prefix("/")


@pytest.mark.parametrize("view_name", ["articles:detail", "articles:category", "meetings:detail", "meetings:official"])
@pytest.mark.parametrize("slug", ["ubnd-huyen-hop-thuong-ky", "a", "slug-stand-in", "so_1-2026", "x" * 255])
def test_the_address_is_the_one_reverse_gives(view_name, slug):
    assert SlugURL(view_name)(slug) == reverse(view_name, kwargs={"slug": slug})


def test_a_portal_under_a_path_links_under_it(script_prefix):
    article_url = SlugURL("articles:detail")
    assert article_url("hop-bao") == "/tin-tuc/hop-bao/"
    script_prefix("/cong-thong-tin/")
    assert article_url("hop-bao") == "/cong-thong-tin/tin-tuc/hop-bao/" == reverse("articles:detail", args=["hop-bao"])


@pytest.mark.parametrize("slug", ["", "có-dấu", "a/b", "a b", "../admin"])
def test_a_slug_the_address_cannot_carry_is_refused_as_before(slug):
    with pytest.raises(NoReverseMatch):
        SlugURL("articles:detail")(slug)

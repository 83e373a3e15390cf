"""Server-side sanitizing of every stored rich text, whatever the editor or import sent.

The allow-list keeps what CKEditor 5 produces (headings, lists, tables, figures with
captions, links, images) and drops scripts, event handlers, styles and dangerous URL
schemes. Iframes are kept only when they point at a host in ``IFRAME_HOSTS``.
"""

import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s",
    "sub", "sup", "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "span", "div",
    "pre", "code", "iframe",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "figure": {"class"},
    "iframe": {"src", "width", "height", "title", "allowfullscreen"},
    "ol": {"start"},
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Video hosts an editor may embed; everything else in an iframe is removed.
IFRAME_HOSTS = {"www.youtube.com", "www.youtube-nocookie.com", "player.vimeo.com"}


def _filter_attribute(tag, attribute, value):
    """Drop iframes whose source is not an https URL on an allowed host."""
    if tag == "iframe" and attribute == "src":
        parts = urlsplit(value)
        if parts.scheme != "https" or parts.hostname not in IFRAME_HOSTS:
            return None
    if tag == "figure" and attribute == "class":
        allowed = {"image", "table", "media", "image-style-side", "image_resized"}
        kept = " ".join(c for c in value.split() if c in allowed)
        return kept or None
    return value


def sanitize_html(html):
    """Return ``html`` reduced to the allow-list; ``None`` and empty text stay as they are."""
    if not html:
        return html
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_filter_attribute,
        strip_comments=True,
    )
    # An iframe whose src was refused is useless: nh3 keeps the empty tag, so drop it.
    return _drop_srcless_iframes(cleaned)


_SRCLESS_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.S | re.I)


def _drop_srcless_iframes(html):
    return _SRCLESS_IFRAME.sub("", html)


class _ImageScanner(HTMLParser):
    """Collects each ``<img>`` of a text with its position and its alt text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attributes = dict(attrs)
            self.images.append((attributes.get("src") or "", attributes.get("alt") or ""))

    handle_startendtag = handle_starttag


def images_without_alt(html):
    """(position from 1, file name) of each image of ``html`` without a text alternative.

    A screen reader says nothing useful of an image without alt text, so the workflow refuses to
    submit or publish such a body; the position and file name let the editor find the image.
    """
    scanner = _ImageScanner()
    scanner.feed(html or "")
    scanner.close()
    missing = []
    for position, (src, alt) in enumerate(scanner.images, start=1):
        if not alt.strip():
            name = unquote(urlsplit(src).path.rsplit("/", 1)[-1]) or src[:40]
            missing.append((position, name))
    return missing

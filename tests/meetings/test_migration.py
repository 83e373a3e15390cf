"""Meeting papers become documents on a database that has them: same files, same links, nothing made public."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from core.uploads import protected_storage
from documents.models import Document, DocumentType
from meetings.models import MeetingDocument
from units import hosts

BEFORE = [("meetings", "0004_meetingdocument"), ("documents", "0002_external_id")]


def migrate_to(targets):
    """The database at ``targets``; the models of exactly the migrations then applied."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(list(executor.loader.applied_migrations)).apps


def migrate_forward():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_meeting_papers_become_documents_linked_to_their_meeting(unit):
    old = migrate_to(BEFORE)
    Meeting, AgendaItem = old.get_model("meetings", "Meeting"), old.get_model("meetings", "AgendaItem")
    Paper = old.get_model("meetings", "Document")
    OldType = old.get_model("documents", "DocumentType")
    OldType.objects.create(name="Báo cáo", slug="bao-cao-co-san")  # a type that exists is reused
    held = timezone.now() - timedelta(days=10)
    public = Meeting.objects.create(
        unit_id=unit.pk,
        title="Phiên họp tháng 11",
        slug="thang-11",
        starts_at=held,
        body="UBND xã Hòa Bình",
        is_public=True,
    )
    internal = Meeting.objects.create(
        unit_id=unit.pk, title="Họp nội bộ", slug="noi-bo", starts_at=held, body="UBND xã Hòa Bình", is_public=False
    )
    item = AgendaItem.objects.create(meeting=public, order=1, title="Kinh tế - xã hội")
    name = protected_storage.save("meetings/2026/11/giay-moi.pdf", ContentFile(b"%PDF-1.4 giay moi"))
    published_at = held - timedelta(days=5)
    rows = [
        (public, None, "giay-moi", "Giấy mời họp tháng 11", "published", published_at, 0),
        (public, item, "bao-cao", "Báo cáo kinh tế - xã hội", "published", published_at, 1),
        (public, None, "bien-ban", "Biên bản (nháp)", "draft", None, 2),
        (
            public,
            None,
            "thong-bao-ket-luan",
            "Kết luận, công bố ngày mai",
            "published",
            timezone.now() + timedelta(days=1),
            3,
        ),
        (internal, None, "giay-moi", "Giấy mời họp nội bộ", "published", published_at, 0),
    ]
    for meeting, agenda_item, kind, title, status, when, order in rows:
        Paper.objects.create(
            meeting=meeting,
            agenda_item=agenda_item,
            kind=kind,
            title=title,
            file=name,
            status=status,
            published_at=when,
            order=order,
        )

    migrate_forward()
    hosts.forget()

    links = MeetingDocument.objects.select_related("document__doc_type", "meeting", "agenda_item").order_by("pk")
    assert [(link.meeting.slug, link.kind, link.order, link.document.summary) for link in links] == [
        (meeting.slug, kind, order, title) for meeting, _item, kind, title, _status, _when, order in rows
    ]
    report = links.get(kind="bao-cao")
    assert report.agenda_item.title == "Kinh tế - xã hội"
    assert report.document.doc_type.slug == "bao-cao-co-san"
    assert {link.document.doc_type.name for link in links} == {"Giấy mời", "Báo cáo", "Biên bản", "Thông báo kết luận"}
    invitation = links.first().document
    assert invitation.unit == unit and invitation.issuer == "UBND xã Hòa Bình"
    assert invitation.issued_on == timezone.localtime(published_at).date()
    assert invitation.search_text == "giay moi hop thang 11\nubnd xa hoa binh"
    paper = invitation.files.get()
    assert (
        paper.file.name == name and paper.size == len(b"%PDF-1.4 giay moi") and paper.title == "Giấy mời họp tháng 11"
    )
    # Public before, public now; a draft, a paper not yet due and an internal meeting's paper stay private.
    assert [link.document.is_published for link in links] == [True, True, False, False, False]
    assert list(Document.objects.published().order_by("pk")) == [invitation, report.document]
    assert links[2].document.issued_on == timezone.localtime(held).date()
    assert len({link.document.slug for link in links}) == len(rows)
    assert DocumentType.objects.count() == 4

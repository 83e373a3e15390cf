"""Fill a database with realistic synthetic content for benchmarks: bulk inserts, minutes not hours.

For benchmark databases only (``make bench`` uses it): the content is machine-made from word
lists, not the demo district's hand-written articles, but each article is built like one: most have
a featured picture (with its list and page renditions), many have PDF attachments, approved
comments and related articles, and meetings link to the articles that covered them. A page that
shows them costs what a real one costs, which a bare row does not.
"""

import io
import random
import time
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageOps

from articles.demo_pictures import SCENES, picture
from articles.models import Article, Attachment, Category, Comment
from articles.services import THUMB_SIZE
from core.text import fold
from core.uploads import protected_storage
from meetings.models import AgendaItem, Attendee, Meeting, Official
from stats.models import DailyStats
from units.models import Unit, UnitAlias

SUBJECTS = [
    "UBND huyện", "Huyện Sông Lam", "Xã Hòa Bình", "Thị trấn Sông Lam", "Phòng Giáo dục và Đào tạo",
    "Ban Chỉ huy Quân sự huyện", "Hội Nông dân", "Đoàn Thanh niên", "Trung tâm Y tế", "Phòng Tài chính - Kế hoạch",
]  # fmt: skip
ACTIONS = [
    "tổ chức hội nghị", "triển khai kế hoạch", "kiểm tra tiến độ", "tổng kết công tác", "phát động phong trào",
    "khánh thành công trình", "tập huấn nghiệp vụ", "ra quân", "đối thoại với nhân dân về", "hướng dẫn thực hiện",
]  # fmt: skip
TOPICS = [
    "xây dựng nông thôn mới", "phòng, chống thiên tai", "cải cách hành chính", "chuyển đổi số",
    "giải ngân vốn đầu tư công", "an toàn vệ sinh thực phẩm", "tiêm chủng mở rộng", "bảo vệ môi trường",
    "phát triển sản phẩm OCOP", "giáo dục hướng nghiệp", "đường giao thông nông thôn", "thu ngân sách",
]  # fmt: skip
CATEGORY_NAMES = ["Tin tức - Sự kiện", "Hoạt động của UBND", "Kinh tế", "Văn hóa - Xã hội", "Cải cách hành chính"]
FIVE_YEARS = 5 * 365
READERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Hằng", "Hoàng Văn Dũng", "Vũ Thị Lan"]
OPINIONS = [
    "Cảm ơn UBND huyện đã thông tin kịp thời, bà con chúng tôi rất phấn khởi.",
    "Đề nghị huyện sớm công khai kế hoạch chi tiết để người dân cùng giám sát.",
    "Mong các xã vùng sâu cũng được quan tâm đầu tư như vậy.",
    "Bài viết rất hữu ích, tôi đã chia sẻ cho cả xóm cùng đọc.",
]
DOCUMENT_TITLES = ["Kế hoạch triển khai", "Báo cáo kết quả thực hiện", "Quyết định phê duyệt"]
# Files written once into the media storage and shared by every generated article.
PICTURES = 6
MEDIA_FOLDER = "load-data"
# The benchmark's province and communes: codes and host names no real unit has.
LOAD_PROVINCE_CODE = "T0"
# Consecutive rows given to one unit: a multiple of every period the rows' parts follow by number.
UNIT_RUN = 60
LOAD_DOMAIN = "tinhthu.localhost"
OFFICIALS_PER_UNIT = 10


def load_units(count):
    """The benchmark province and ``count - 1`` communes under it, created once; the province first.

    The province also serves at 127.0.0.1 and localhost (unless another unit already does), where the
    benchmark sends its requests; a commune answers at ``xa001.tinhthu.localhost`` and so on.
    """
    province, _created = Unit.objects.get_or_create(
        code=LOAD_PROVINCE_CODE,
        defaults={"name": "Ủy ban nhân dân tỉnh Thử Nghiệm", "short_name": "Tỉnh Thử Nghiệm",
                  "level": Unit.Level.PROVINCE, "host": LOAD_DOMAIN},
    )  # fmt: skip
    for host in ("127.0.0.1", "localhost"):
        if not Unit.objects.filter(host=host).exists():
            UnitAlias.objects.get_or_create(host=host, defaults={"unit": province, "redirect": False})
    units = [province]
    for number in range(1, count):
        commune, _created = Unit.objects.get_or_create(
            code=f"T0.{number:03d}",
            defaults={"name": f"Ủy ban nhân dân xã Thử Nghiệm {number}", "short_name": f"Xã Thử Nghiệm {number}",
                      "level": Unit.Level.COMMUNE, "parent": province, "host": f"xa{number:03d}.{LOAD_DOMAIN}"},
        )  # fmt: skip
        units.append(commune)
    return units


class Command(BaseCommand):
    help = (
        "Sinh dữ liệu tổng hợp cho đo hiệu năng (chỉ dùng cho cơ sở dữ liệu thử nghiệm): "
        "--articles 100000 --meetings 5000 --visits 5000000."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="Tổng số tin bài, chia đều cho các đơn vị.")
        parser.add_argument(
            "--units", type=int, default=1, help="Số đơn vị: một tỉnh và (N - 1) xã; tin bài, cuộc họp chia đều."
        )
        parser.add_argument("--meetings", type=int, default=100)
        parser.add_argument("--visits", type=int, default=100000, help="Tổng lượt truy cập, rải đều theo ngày.")
        parser.add_argument("--batch", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--days",
            type=int,
            default=FIVE_YEARS,
            help="Số ngày lịch sử mà dữ liệu trải ra (mặc định 5 năm); lịch họp kéo dài tới 1/60 số ngày đó về sau.",
        )

    def handle(self, *args, **options):
        self.random = random.Random(options["seed"])
        self.now = timezone.now()
        self.days = options["days"]
        # Meetings run from the start of the history to a little ahead of today: 30 days for five years.
        self.ahead = timedelta(days=30 * self.days / FIVE_YEARS)
        started = time.monotonic()
        self.units = load_units(max(options["units"], 1))
        self.categories = {
            unit.pk: [Category.objects.get_or_create(unit=unit, name=name)[0] for name in CATEGORY_NAMES]
            for unit in self.units
        }
        self.pictures, self.documents = shared_media_files()
        self.article_ids = {unit.pk: [] for unit in self.units}
        self.generate_articles(options["articles"], options["batch"])
        self.generate_meetings(options["meetings"], options["batch"])
        self.generate_visits(options["visits"])
        self.refresh_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sinh {options['articles']} tin bài, {options['meetings']} cuộc họp cho {len(self.units)} đơn vị, "
                f"{options['visits']} lượt truy cập trong {time.monotonic() - started:.1f} giây."
            )
        )

    @staticmethod
    def refresh_statistics():
        """What autovacuum would do within the hour, done now so that the first benchmark sees the real plans.

        On PostgreSQL, VACUUM also marks the fresh pages all-visible, which lets counts use index-only
        scans (it cannot run inside a transaction, as in tests); ANALYZE gives the planner the new row counts.
        """
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")

    def moment_in_the_past(self):
        return self.now - timedelta(seconds=self.random.randint(60, self.days * 86400))

    def title(self):
        pick = self.random.choice
        return f"{pick(SUBJECTS)} {pick(ACTIONS)} {pick(TOPICS)}"

    def unit_of(self, number):
        """Rows go round the units in runs, so each unit's share spans the whole history, as a real portal's does.

        A run of consecutive numbers per unit, not one number each: the kind, status, picture and
        attachments of a row follow its number, and with one number each a unit would hold only one
        kind of row (every hundredth row: all drafts of announcements).
        """
        return self.units[(number // self.run) % len(self.units)]

    def runs_for(self, count):
        """Runs of UNIT_RUN rows, shorter when ``count`` rows would not give every unit one."""
        self.run = max(1, min(UNIT_RUN, count // len(self.units)))

    def generate_articles(self, count, batch):
        self.runs_for(count)
        start = Article.objects.count()
        # Rows in the order of publication, as a real archive grows: pages that walk the newest
        # articles then read neighbouring rows, not one table page per article.
        moments = sorted(self.moment_in_the_past() for _ in range(count))
        for offset in range(0, count, batch):
            rows = []
            for number in range(start + offset, start + min(offset + batch, count)):
                title = f"{self.title()} (số {number})"
                lead = f"{self.title().capitalize()} trong năm nay, với nhiều kết quả tích cực."
                body = "".join(
                    f"<p>{self.title().capitalize()}, theo báo cáo của cơ quan chuyên môn.</p>" for _ in range(4)
                )
                unit = self.unit_of(number)
                rows.append(
                    Article(
                        **self.featured_image(number),
                        unit=unit,
                        title=title,
                        slug=f"tai-{number}",
                        lead=lead,
                        body=body,
                        category=self.random.choice(self.categories[unit.pk]),
                        kind=Article.Kind.ANNOUNCEMENT if number % 10 == 0 else Article.Kind.NEWS,
                        status=Article.Status.DRAFT if number % 20 == 0 else Article.Status.PUBLISHED,
                        published_at=moments[number - start],
                        view_count=self.random.randint(0, 5000),
                        search_title=fold(title),
                        search_text=" ".join(
                            fold(part) for part in (title, lead, body.replace("<p>", " ").replace("</p>", " "))
                        ),
                    )
                )
            with transaction.atomic():
                articles = Article.objects.bulk_create(rows, batch_size=batch)
                self.add_article_parts(articles, batch)
            for article in articles:
                if article.status == Article.Status.PUBLISHED:
                    self.article_ids[article.unit_id].append(article.pk)
            self.stdout.write(f"  tin bài: {start + min(offset + batch, count)}")

    def featured_image(self, number):
        """Three articles in four have a picture, with its renditions, as the editors' articles do."""
        if number % 4 == 3:
            return {}
        original, thumb, large = self.pictures[number % len(self.pictures)]
        return {
            "image": original,
            "image_thumb": thumb,
            "image_large": large,
            "image_caption": f"Quang cảnh {self.random.choice(TOPICS)}",
            "image_alt": "Đại biểu và người dân tại buổi lễ, phía sau là băng rôn đỏ",
        }

    def add_article_parts(self, articles, batch):
        """Attachments, reader comments and related articles of one batch, in a few bulk inserts."""
        attachments, comments, related = [], [], []
        Related = Article.related.through
        for position, article in enumerate(articles):
            if position % 2 == 0:
                attachments += [
                    Attachment(
                        article=article, title=f"{title} {self.random.choice(TOPICS)}", file=document, order=order
                    )
                    for order, (title, document) in enumerate(
                        zip(DOCUMENT_TITLES[: 1 + position % 3], self.documents, strict=False)
                    )
                ]
            if position % 3 != 1:
                comments += [
                    Comment(article=article, name=self.random.choice(READERS), body=self.random.choice(OPINIONS),
                            approved=index < 3)
                    for index in range(1 + position % 4)
                ]  # fmt: skip
            related += [
                Related(from_article_id=article.pk, to_article_id=other.pk)
                for other in articles[max(position - 2, 0) : position]
            ]
        Attachment.objects.bulk_create(attachments, batch_size=batch)
        Comment.objects.bulk_create(comments, batch_size=batch)
        Related.objects.bulk_create(related, batch_size=batch)

    def generate_meetings(self, count, batch):
        if not count:
            return
        self.runs_for(count)
        officials = {
            unit.pk: list(Official.objects.of(unit).filter(slug__startswith="can-bo-tai-")) for unit in self.units
        }
        missing = [unit for unit in self.units if not officials[unit.pk]]
        for official in Official.objects.bulk_create(
            Official(unit=unit, name=f"Cán bộ thử nghiệm {i}", slug=f"can-bo-tai-{i}", position="Trưởng phòng",
                     office=self.random.choice(SUBJECTS), order=i)
            for unit in missing
            for i in range(OFFICIALS_PER_UNIT)
        ):  # fmt: skip
            officials[official.unit_id].append(official)
        start = Meeting.objects.count()
        moments = sorted(self.moment_in_the_past() + self.ahead for _ in range(count))  # in order, as articles
        for offset in range(0, count, batch):
            with transaction.atomic():
                meetings = Meeting.objects.bulk_create(
                    Meeting(
                        unit=self.unit_of(number),
                        title=f"Phiên họp về {self.random.choice(TOPICS)} (số {number})",
                        slug=f"hop-tai-{number}",
                        kind=self.random.choice(Meeting.Kind.values),
                        body=self.unit_of(number).short_name,
                        starts_at=(starts := moments[number - start]),
                        ends_at=starts + timedelta(hours=3),
                        location="Phòng họp số 1",
                        status=Meeting.Status.HELD if starts < self.now else Meeting.Status.SCHEDULED,
                        summary=f"Bàn về {self.random.choice(TOPICS)}.",
                        conclusion=f"<p>Giao các phòng thực hiện {self.random.choice(TOPICS)}.</p>",
                    )
                    for number in range(start + offset, start + min(offset + batch, count))
                )
                attendees = Attendee.objects.bulk_create(
                    Attendee(meeting=meeting, official=official, name=official.name, position=official.position,
                             office=official.office, role="chair" if index == 0 else "member", order=index)
                    for meeting in meetings
                    for index, official in enumerate(self.random.sample(officials[meeting.unit_id], 8))
                )  # fmt: skip
                AgendaItem.objects.bulk_create(
                    AgendaItem(meeting=meeting, order=index, number=str(index + 1), title=self.title(),
                               presenter=attendees[position * 8 + index + 1])
                    for position, meeting in enumerate(meetings)
                    for index in range(4)
                )  # fmt: skip
                self.link_covering_articles(meetings)
            self.stdout.write(f"  cuộc họp: {start + min(offset + batch, count)}")

    def link_covering_articles(self, meetings):
        """One or two published articles covered each meeting (the "Cuộc họp được đưa tin" links)."""
        for unit_id, ids in self.article_ids.items():
            if not ids:
                ids += Article.objects.published().filter(unit_id=unit_id).values_list("pk", flat=True)[:10_000]
        Covered = Meeting.articles.through
        Covered.objects.bulk_create(
            Covered(meeting_id=meeting.pk, article_id=article_id)
            for meeting in meetings
            for ids in [self.article_ids[meeting.unit_id]]
            for article_id in self.random.sample(ids, min(1 + meeting.pk % 2, len(ids)))
        )

    def generate_visits(self, total):
        today = timezone.localdate()
        days = [today - timedelta(days=offset) for offset in range(self.days)]
        weights = [self.random.uniform(0.5, 1.5) for _ in days]
        scale = total / sum(weights)
        existing = set(DailyStats.objects.filter(day__in=days).values_list("day", flat=True))
        DailyStats.objects.bulk_create(
            (DailyStats(day=day, visits=int(weight * scale)) for day, weight in zip(days, weights, strict=True)
             if day not in existing),
            batch_size=2000,
        )  # fmt: skip


def shared_media_files():
    """A few real pictures (original, list and page renditions) and small PDFs, written once per storage.

    Every generated article points at one of them, so a hundred thousand articles cost a few hundred
    kilobytes of media, and the files exist for whoever follows the links.
    """
    pictures = []
    for index in range(PICTURES):
        names = [f"{MEDIA_FOLDER}/articles/{part}anh-{index}{suffix}.jpg"
                 for part, suffix in (("", ""), ("thumbs/", "-thumb"), ("large/", "-large"))]  # fmt: skip
        if not default_storage.exists(names[0]):
            photo = picture(list(SCENES)[index % len(SCENES)], index)
            thumb = io.BytesIO()
            ImageOps.fit(Image.open(io.BytesIO(photo)), THUMB_SIZE).save(thumb, format="JPEG", quality=80)
            for name, content in zip(names, (photo, thumb.getvalue(), photo), strict=True):
                default_storage.save(name, ContentFile(content))
        pictures.append(names)
    documents = []
    for index, title in enumerate(DOCUMENT_TITLES):
        name = f"{MEDIA_FOLDER}/attachments/tai-lieu-{index}.pdf"
        if not protected_storage.exists(name):  # attachments are served by the permission check
            page = Image.new("RGB", (595, 842), "white")
            ImageDraw.Draw(page).text((60, 60), title, fill="black")
            pdf = io.BytesIO()
            page.save(pdf, format="PDF")
            protected_storage.save(name, ContentFile(pdf.getvalue()))
        documents.append(name)
    return pictures, documents


def realistic_article(unit=None):
    """The newest published news article (of ``unit``, the benchmark's province by default) with every part
    this command gives one, for benchmarks to time.

    Picture, attachments, approved comments, related articles and a meeting that covered it: the
    page costs what an editor's article costs, not what a bare row does.
    """
    unit = unit or Unit.objects.filter(code=LOAD_PROVINCE_CODE).first()
    return (
        Article.objects.of(unit)
        .published()
        .news()
        .exclude(image="")
        .filter(attachments__isnull=False, comments__approved=True, meetings__isnull=False, related__isnull=False)
        .distinct()
        .order_by("-published_at")
        .first()
    )

"""Which documents answer which item of the list of information a unit must disclose.

Plans, budgets, procurement and the other items of Law 104/2016 Art. 17 and Law 10/2022 Art. 11
are documents like any other; they are told apart by their type (DocumentType, a list administrators
edit). This is the one place that says which type names count for which item: the disclosure page and
the compliance check (compliance/registry.py) and the demo (documents/demo.py) all read it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DocumentKind:
    key: str
    label: str
    type_names: tuple[str, ...]


PLANS = DocumentKind("plans", _("Chiến lược, chương trình, kế hoạch"), ("Kế hoạch", "Chương trình", "Chiến lược"))
BUDGET = DocumentKind(
    "budget",
    _("Dự toán, quyết toán ngân sách"),
    ("Dự toán ngân sách", "Quyết toán ngân sách", "Báo cáo tài chính"),
)
INVESTMENT = DocumentKind("investment", _("Dự án đầu tư công"), ("Dự án đầu tư", "Quyết định chủ trương đầu tư"))
PROCUREMENT = DocumentKind(
    "procurement", _("Mua sắm công, lựa chọn nhà thầu"), ("Kế hoạch lựa chọn nhà thầu", "Kết quả lựa chọn nhà thầu")
)
REPORTS = DocumentKind("reports", _("Báo cáo, số liệu thống kê"), ("Báo cáo", "Báo cáo thống kê"))
# Law 10/2022 Art. 11: what a commune publishes beside the above.
LAND = DocumentKind(
    "land", _("Quy hoạch, kế hoạch sử dụng đất; thu hồi, bồi thường"), ("Kế hoạch sử dụng đất", "Quy hoạch")
)
SOCIAL_SUPPORT = DocumentKind(
    "social-support", _("Danh sách được hỗ trợ, hưởng chính sách xã hội"), ("Danh sách hỗ trợ xã hội",)
)
CONTRIBUTIONS = DocumentKind(
    "contributions", _("Các khoản huy động, đóng góp của Nhân dân"), ("Thông báo huy động đóng góp",)
)

DOCUMENT_KINDS = (PLANS, BUDGET, INVESTMENT, PROCUREMENT, REPORTS, LAND, SOCIAL_SUPPORT, CONTRIBUTIONS)

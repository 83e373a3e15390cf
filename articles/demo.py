"""Demo news and announcements of the fictional province of Sông Lam and its communes, written by the team.

NEWS is the portal of the former district of Sông Lam, abolished on 1 July 2025: the demo imports it into
the district's archived unit as ``import_articles`` would, with its original dates, authors and view counts.

The province's and communes' news name a scene of ``demo_pictures`` for their featured image (and a
``Figure`` may add one between paragraphs): the drawing's own words are the alt text, and each caption
says the picture is an illustration ("Hình minh họa"), never a photograph of the event.
"""

import datetime
import json
from dataclasses import dataclass
from html import escape

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from accounts.names import full_name
from articles import demo_pictures
from articles.demo_calendar import publication_times
from articles.importer import import_lines
from articles.models import Article, Category, Offer
from articles.services import accept_offer, offer_article, update_image_renditions
from core.text import slugify_vi
from core.uploads import DatedUploadTo

CATEGORIES = (
    ("Tin tức - Sự kiện", 1, True),
    ("Hoạt động của UBND", 2, True),
    ("Kinh tế", 3, True),
    ("Văn hóa - Xã hội", 4, True),
    ("Cải cách hành chính", 5, True),
    # Announcements have their own menu entry and the THÔNG BÁO box, not a category block.
    ("Thông báo", 6, False),
)


@dataclass(frozen=True)
class Figure:
    """A picture inside an article's body, between its paragraphs: a scene of ``demo_pictures`` and its caption."""

    scene: str
    caption: str


OFFICE_VHTT = "Phòng Văn hóa và Thông tin"
OFFICE_VP = "Văn phòng HĐND và UBND huyện"
OFFICE_NN = "Phòng Nông nghiệp và Phát triển nông thôn"
OFFICE_GD = "Phòng Giáo dục và Đào tạo"
OFFICE_YT = "Trung tâm Y tế huyện"
OFFICE_TP = "Phòng Tư pháp"

# The former district's news (title, category, lead, body paragraphs, author, source): its old portal's
# export kept no pictures.
NEWS = (
    (
        "UBND huyện Sông Lam họp phiên thường kỳ tháng 10",
        "Hoạt động của UBND",
        "Sáng nay, UBND huyện Sông Lam tổ chức phiên họp thường kỳ để đánh giá tình hình kinh tế - xã hội "
        "tháng 10 và bàn nhiệm vụ trọng tâm những tháng cuối năm.",
        (
            "Chủ trì phiên họp là đồng chí Chủ tịch UBND huyện; tham dự có các Phó Chủ tịch, thủ trưởng các "
            "phòng, ban chuyên môn và Chủ tịch UBND các xã, thị trấn.",
            "Tại phiên họp, lãnh đạo Phòng Tài chính - Kế hoạch trình bày báo cáo thu ngân sách; Phòng Nông "
            "nghiệp báo cáo tiến độ thu hoạch lúa vụ hè thu. Các đại biểu tập trung thảo luận về giải ngân vốn "
            "đầu tư công và công tác chuẩn bị phòng chống lụt bão.",
            "Kết luận phiên họp, Chủ tịch UBND huyện yêu cầu Phòng Nông nghiệp kiểm tra toàn bộ hệ thống kênh "
            "mương trước mùa mưa, Phòng Tài chính - Kế hoạch rà soát các công trình chậm giải ngân.",
        ),
        "Văn Bình",
        OFFICE_VP,
    ),
    (
        "Khởi công tuyến đường giao thông nông thôn xã Hòa Bình",
        "Tin tức - Sự kiện",
        "Tuyến đường dài 3,2 km nối trung tâm xã Hòa Bình với quốc lộ được khởi công, dự kiến hoàn thành "
        "trước Tết Nguyên đán.",
        (
            "Công trình có tổng mức đầu tư gần 9 tỷ đồng từ ngân sách huyện và đóng góp của nhân dân. Mặt đường "
            "rộng 5 m, được bê tông hóa, có rãnh thoát nước hai bên.",
            "Hơn 60 hộ dân đã tự nguyện hiến đất, tháo dỡ tường rào để mở rộng đường. Khi hoàn thành, tuyến "
            "đường giúp bà con vận chuyển nông sản thuận lợi hơn và góp phần giữ vững tiêu chí giao thông "
            "của xã nông thôn mới nâng cao.",
        ),
        "Thu Hằng",
        OFFICE_VHTT,
    ),
    (
        "Nông dân Sông Lam thu hoạch lúa hè thu đạt năng suất cao",
        "Kinh tế",
        "Vụ hè thu năm nay, toàn huyện gieo cấy hơn 4.500 ha lúa, năng suất bình quân ước đạt 58 tạ/ha, "
        "cao hơn cùng kỳ năm trước.",
        (
            "Nhờ sử dụng giống lúa ngắn ngày và lịch thời vụ hợp lý, phần lớn diện tích được thu hoạch trước "
            "mùa mưa bão. Các hợp tác xã đã bố trí máy gặt đập liên hợp, giúp bà con giảm chi phí nhân công.",
            "Phòng Nông nghiệp khuyến cáo bà con khẩn trương làm đất, chuẩn bị cho vụ đông, ưu tiên các loại "
            "cây có giá trị như ngô ngọt, khoai lang và rau màu.",
        ),
        "Văn Bình",
        OFFICE_NN,
    ),
    (
        "Huyện Sông Lam đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính",
        "Cải cách hành chính",
        "Tỷ lệ hồ sơ nộp trực tuyến tại Bộ phận Một cửa của huyện đã vượt 70%, người dân không phải đi lại nhiều lần.",
        (
            "Bộ phận Một cửa bố trí cán bộ hướng dẫn người dân tạo tài khoản định danh điện tử và nộp hồ sơ "
            "qua Cổng dịch vụ công. Kết quả được trả qua bưu điện hoặc nhận trực tiếp theo lựa chọn.",
            "UBND huyện yêu cầu các phòng chuyên môn không để hồ sơ trễ hạn và công khai xin lỗi người dân "
            "khi chậm giải quyết.",
        ),
        "Minh Châu",
        OFFICE_VP,
    ),
    (
        "Trường Tiểu học Thị trấn Sông Lam đạt chuẩn quốc gia mức độ 2",
        "Văn hóa - Xã hội",
        "Sau ba năm đầu tư cơ sở vật chất và nâng cao chất lượng dạy học, nhà trường được công nhận đạt "
        "chuẩn quốc gia mức độ 2.",
        (
            "Trường có 24 lớp học kiên cố, thư viện thân thiện, phòng tin học và sân chơi an toàn. Đội ngũ "
            "giáo viên đạt chuẩn trình độ đào tạo, nhiều thầy cô đạt giải giáo viên dạy giỏi cấp huyện.",
            "Phòng Giáo dục và Đào tạo đề nghị nhà trường tiếp tục duy trì các tiêu chí, chia sẻ kinh nghiệm "
            "với các trường trong huyện.",
        ),
        "Thu Hằng",
        OFFICE_GD,
    ),
    (
        "Ra quân tiêm vắc xin sởi cho trẻ em trên địa bàn huyện",
        "Văn hóa - Xã hội",
        "Trung tâm Y tế huyện phối hợp với các trạm y tế xã tổ chức tiêm bổ sung vắc xin sởi cho hơn 3.000 "
        "trẻ từ 1 đến 5 tuổi.",
        (
            "Các điểm tiêm được bố trí tại trạm y tế và trường mầm non, bảo đảm khám sàng lọc trước tiêm và "
            "theo dõi sau tiêm 30 phút.",
            "Phụ huynh được khuyến cáo mang theo sổ tiêm chủng và thông báo cho cán bộ y tế nếu trẻ đang sốt "
            "hoặc có bệnh mạn tính.",
        ),
        "Minh Châu",
        OFFICE_YT,
    ),
    (
        "Lễ hội đua thuyền truyền thống trên sông Lam thu hút hàng nghìn người xem",
        "Văn hóa - Xã hội",
        "Mười hai đội thuyền của các xã ven sông tranh tài trong lễ hội đua thuyền truyền thống, một nét văn "
        "hóa lâu đời của vùng sông nước.",
        (
            "Mỗi thuyền có 22 tay chèo, thi đấu trên đường đua dài 1.200 m. Tiếng trống, tiếng hò reo cổ vũ "
            "vang khắp đôi bờ.",
            "Ban tổ chức trao giải nhất cho đội xã Thanh Xuân. Lễ hội góp phần giữ gìn bản sắc văn hóa và quảng "
            "bá du lịch của huyện.",
        ),
        "Văn Bình",
        OFFICE_VHTT,
    ),
    (
        "Xã Thanh Xuân về đích nông thôn mới nâng cao",
        "Tin tức - Sự kiện",
        "UBND tỉnh đã có quyết định công nhận xã Thanh Xuân đạt chuẩn nông thôn mới nâng cao, là xã thứ năm "
        "của huyện đạt mức này.",
        (
            "Thu nhập bình quân đầu người của xã đạt trên 60 triệu đồng một năm; tỷ lệ hộ nghèo còn dưới 1%. "
            "Các tuyến đường thôn xóm đều được bê tông hóa và có điện chiếu sáng.",
            "Xã đặt mục tiêu tiếp tục xây dựng các khu dân cư kiểu mẫu và phát triển sản phẩm OCOP từ cam và mật ong.",
        ),
        "Thu Hằng",
        OFFICE_NN,
    ),
    (
        "Hội nghị đối thoại giữa Chủ tịch UBND huyện với nông dân",
        "Hoạt động của UBND",
        "Hơn 200 hội viên nông dân đã trực tiếp nêu kiến nghị về vốn vay, giá vật tư và tiêu thụ nông sản "
        "tại hội nghị đối thoại.",
        (
            "Các ý kiến tập trung vào thủ tục vay vốn ưu đãi, việc cấp giấy chứng nhận quyền sử dụng đất và "
            "hỗ trợ bao tiêu sản phẩm.",
            "Chủ tịch UBND huyện đã trả lời trực tiếp nhiều kiến nghị và giao các phòng chuyên môn trả lời "
            "bằng văn bản các ý kiến còn lại trong 15 ngày.",
        ),
        "Văn Bình",
        OFFICE_VP,
    ),
    (
        "Hợp tác xã cam Sông Lam có sản phẩm đạt chuẩn OCOP 4 sao",
        "Kinh tế",
        "Sản phẩm cam đường của Hợp tác xã Nông nghiệp Hòa Bình vừa được công nhận đạt chuẩn OCOP 4 sao.",
        (
            "Hợp tác xã canh tác 35 ha cam theo quy trình VietGAP, có mã vùng trồng và truy xuất nguồn gốc "
            "bằng mã QR trên từng thùng hàng.",
            "Sản phẩm đã có mặt tại nhiều siêu thị trong tỉnh, giúp giá bán cao hơn 20% so với trước.",
        ),
        "Minh Châu",
        OFFICE_NN,
    ),
    (
        "Tập huấn phòng, chống thiên tai cho lực lượng xung kích các xã",
        "Tin tức - Sự kiện",
        "Ban Chỉ huy Phòng thủ dân sự huyện tổ chức tập huấn kỹ năng cứu hộ, cứu nạn cho 150 thành viên "
        "đội xung kích.",
        (
            "Học viên được hướng dẫn sử dụng áo phao, xuồng máy, cách sơ cứu người đuối nước và sơ tán dân "
            "khỏi vùng ngập sâu.",
            "Buổi thực hành diễn ra tại bến sông Hòa Bình với tình huống giả định nước lũ lên nhanh trong đêm.",
        ),
        "Văn Bình",
        OFFICE_VP,
    ),
    (
        "Khai giảng lớp xóa mù chữ cho phụ nữ vùng bãi ngang",
        "Văn hóa - Xã hội",
        "Lớp học buổi tối dành cho 28 phụ nữ xã Bãi Ngang được mở với sự hỗ trợ của Hội Liên hiệp Phụ nữ huyện.",
        (
            "Giáo viên tiểu học trong xã tình nguyện đứng lớp ba buổi mỗi tuần. Học viên được phát sách vở "
            "và kính đọc sách miễn phí.",
            "Sau khóa học, các chị có thể tự đọc giấy tờ, ghi chép sổ sách buôn bán nhỏ.",
        ),
        "Thu Hằng",
        OFFICE_GD,
    ),
    (
        "Huyện Sông Lam giải ngân vốn đầu tư công đạt 75% kế hoạch",
        "Kinh tế",
        "Tính đến cuối tháng 10, huyện đã giải ngân hơn 180 tỷ đồng vốn đầu tư công, cao hơn mức bình quân của tỉnh.",
        (
            "Các công trình trọng điểm như trường học, trạm y tế và đường liên xã đều bảo đảm tiến độ. Một số "
            "dự án chậm do vướng mặt bằng đang được tháo gỡ.",
            "UBND huyện yêu cầu chủ đầu tư lập kế hoạch giải ngân theo tuần và báo cáo kịp thời khó khăn.",
        ),
        "Minh Châu",
        OFFICE_VP,
    ),
    (
        "Tiếp nhận hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        "Cải cách hành chính",
        "Văn phòng Đăng ký đất đai chi nhánh huyện rút ngắn thời gian cấp giấy chứng nhận lần đầu xuống còn "
        "15 ngày làm việc.",
        (
            "Người dân có thể nộp hồ sơ tại Bộ phận Một cửa của huyện hoặc qua dịch vụ công trực tuyến, tra "
            "cứu tình trạng hồ sơ bằng mã số trên phiếu hẹn.",
            "Cán bộ địa chính xã có trách nhiệm hướng dẫn người dân chuẩn bị giấy tờ đầy đủ ngay từ đầu.",
        ),
        "Văn Bình",
        OFFICE_VP,
    ),
    (
        "Ngày hội đọc sách của học sinh huyện Sông Lam",
        "Văn hóa - Xã hội",
        "Hơn 1.500 học sinh tham gia Ngày hội đọc sách với các hoạt động kể chuyện, vẽ tranh và trao đổi sách cũ.",
        (
            "Các trường mang đến những gian trưng bày sách do học sinh tự trang trí. Nhiều em đã kể lại câu "
            "chuyện yêu thích bằng tranh vẽ và tiểu phẩm.",
            "Phòng Giáo dục và Đào tạo phát động phong trào mỗi học sinh đọc ít nhất một cuốn sách mỗi tháng.",
        ),
        "Thu Hằng",
        OFFICE_GD,
    ),
    (
        "Kiểm tra an toàn thực phẩm tại các bếp ăn trường học",
        "Tin tức - Sự kiện",
        "Đoàn kiểm tra liên ngành của huyện đã kiểm tra 18 bếp ăn bán trú, yêu cầu khắc phục ngay các thiếu sót.",
        (
            "Đoàn kiểm tra nguồn gốc thực phẩm, việc lưu mẫu thức ăn và giấy khám sức khỏe của nhân viên nhà bếp.",
            "Hầu hết các bếp ăn bảo đảm vệ sinh; hai trường được nhắc nhở bổ sung sổ kiểm thực ba bước.",
        ),
        "Minh Châu",
        OFFICE_YT,
    ),
    (
        "Trao tặng 50 ngôi nhà đại đoàn kết cho hộ nghèo",
        "Tin tức - Sự kiện",
        "Ủy ban Mặt trận Tổ quốc huyện phối hợp với các nhà hảo tâm bàn giao 50 ngôi nhà đại đoàn kết cho "
        "hộ nghèo, hộ có hoàn cảnh khó khăn.",
        (
            "Mỗi ngôi nhà rộng khoảng 50 m², được hỗ trợ 60 triệu đồng, phần còn lại do gia đình, dòng họ và "
            "hàng xóm góp công.",
            "Niềm vui hiện rõ trên gương mặt các gia đình khi được ở trong căn nhà vững chãi trước mùa mưa bão.",
        ),
        "Văn Bình",
        OFFICE_VHTT,
    ),
    (
        "Phát triển mô hình nuôi tôm công nghệ cao ở xã ven biển",
        "Kinh tế",
        "Mô hình nuôi tôm trong nhà màng với hệ thống sục khí và lọc nước tuần hoàn cho năng suất gấp ba lần "
        "ao đất truyền thống.",
        (
            "Sau hai vụ nuôi thử nghiệm, các hộ tham gia đạt lợi nhuận khá, hạn chế được dịch bệnh và ô nhiễm "
            "môi trường.",
            "Huyện hỗ trợ một phần lãi suất vay vốn cho hộ đầu tư mô hình mới theo chương trình phát triển "
            "nông nghiệp công nghệ cao.",
        ),
        "Thu Hằng",
        OFFICE_NN,
    ),
    (
        "Tuyên truyền pháp luật về hòa giải ở cơ sở",
        "Cải cách hành chính",
        "Phòng Tư pháp tổ chức tập huấn kỹ năng hòa giải cho hơn 300 hòa giải viên ở các thôn, tổ dân phố.",
        (
            "Các tình huống thực tế về tranh chấp ranh giới đất, mâu thuẫn gia đình được phân tích để hòa "
            "giải viên biết cách lắng nghe và thuyết phục.",
            "Năm qua, các tổ hòa giải đã hòa giải thành công hơn 80% vụ việc, góp phần giữ gìn tình làng nghĩa xóm.",
        ),
        "Minh Châu",
        OFFICE_TP,
    ),
    (
        "Khánh thành trạm y tế xã Hòa Bình",
        "Hoạt động của UBND",
        "Trạm y tế mới có 12 phòng chức năng, được trang bị máy siêu âm và máy xét nghiệm cơ bản, phục vụ "
        "gần 9.000 người dân.",
        (
            "Công trình được xây dựng trong 10 tháng với tổng kinh phí 5,5 tỷ đồng. Trạm có khu khám bệnh, "
            "khu tiêm chủng riêng và phòng lưu bệnh nhân.",
            "Người dân xã không còn phải đi xa để khám bệnh thông thường và khám thai định kỳ.",
        ),
        "Văn Bình",
        OFFICE_YT,
    ),
)

# --- The province and its communes today (written for the demo; the district's news above is the archive) ---

OFFICE_TT = "Trung tâm Truyền thông tỉnh"
OFFICE_VPT = "Văn phòng UBND tỉnh"
OFFICE_SNN = "Sở Nông nghiệp và Môi trường"
OFFICE_SGD = "Sở Giáo dục và Đào tạo"
OFFICE_SKH = "Sở Khoa học và Công nghệ"

PROVINCE_NEWS = (
    (
        "UBND tỉnh Sông Lam họp phiên thường kỳ tháng 11",
        "Hoạt động của UBND",
        "UBND tỉnh họp phiên thường kỳ, nghe báo cáo tình hình kinh tế - xã hội của 86 xã, phường sau "
        "năm đầu vận hành chính quyền hai cấp.",
        (
            "Đồng chí Chủ tịch UBND tỉnh chủ trì phiên họp; dự họp có các Phó Chủ tịch, giám đốc các sở và "
            "chủ tịch UBND một số xã, phường dự trực tuyến từ điểm cầu cơ sở.",
            "Các sở báo cáo tiến độ thu ngân sách, giải ngân vốn đầu tư công và việc sắp xếp trụ sở dôi dư. "
            "Chủ tịch UBND tỉnh giao Sở Tài chính hướng dẫn các xã bàn giao tài sản trước cuối năm.",
        ),
        "Hình minh họa: phiên họp thường kỳ của UBND tỉnh, kết nối trực tuyến với các xã, phường",
        "meeting-online",
        "Hải Yến",
        OFFICE_VPT,
    ),
    (
        "Tỉnh Sông Lam hoàn thành kết nối dịch vụ công tới 86 xã, phường",
        "Cải cách hành chính",
        "Mọi xã, phường trong tỉnh đã tiếp nhận và trả kết quả hồ sơ trên hệ thống thông tin giải quyết "
        "thủ tục hành chính dùng chung của tỉnh.",
        (
            "Người dân có thể nộp hồ sơ tại bất kỳ trung tâm phục vụ hành chính công nào trong tỉnh, không "
            "phụ thuộc nơi cư trú, với hơn 300 thủ tục.",
            Figure("phone", "Hình minh họa: hồ sơ cũng nộp được trên điện thoại qua Cổng dịch vụ công"),
            "Sở Khoa học và Công nghệ cử cán bộ hỗ trợ tại chỗ trong ba tháng đầu cho các xã miền núi.",
        ),
        "Hình minh họa: quầy tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công",
        "counter",
        "Quốc Khánh",
        OFFICE_SKH,
    ),
    (
        "Sông Lam khởi công cầu vượt sông nối hai bờ phía nam",
        "Tin tức - Sự kiện",
        "Cây cầu dài 640 m nối xã Thanh Xuân với phường Cửa Lam được khởi công, rút ngắn quãng đường hai bờ "
        "hơn 15 km.",
        (
            "Công trình có bốn làn xe và lối đi bộ hai bên, dự kiến thông xe sau 24 tháng. Nhà thầu cam kết "
            "không thi công vào ban đêm ở đoạn gần khu dân cư.",
            "Hai xã, phường đã hoàn thành bàn giao mặt bằng nhờ sự đồng thuận của 48 hộ dân.",
        ),
        "Hình minh họa: thi công đường dẫn lên cầu",
        "road",
        "Hải Yến",
        OFFICE_TT,
    ),
    (
        "Vụ lúa mùa toàn tỉnh được mùa, giá bán ổn định",
        "Kinh tế",
        "Toàn tỉnh thu hoạch gần 38.000 ha lúa mùa, năng suất bình quân ước đạt 56 tạ/ha.",
        (
            "Nhiều hợp tác xã liên kết với doanh nghiệp bao tiêu, nên giá thóc không giảm dù được mùa.",
            Figure("rice-farmers", "Hình minh họa: nông dân thăm ruộng lúa chín trước ngày gặt"),
            "Sở Nông nghiệp và Môi trường khuyến cáo các xã ven biển chuẩn bị cây vụ đông chịu mặn.",
        ),
        "Hình minh họa: máy gặt thu hoạch lúa mùa",
        "harvest",
        "Đức Anh",
        OFFICE_SNN,
    ),
    (
        "Học sinh Sông Lam đoạt bốn giải tại kỳ thi học sinh giỏi quốc gia",
        "Văn hóa - Xã hội",
        "Đội tuyển của tỉnh giành một giải Nhì, một giải Ba và hai giải Khuyến khích.",
        ("Các em được Sở Giáo dục và Đào tạo tuyên dương và trao học bổng, cùng các thầy cô trực tiếp bồi dưỡng.",),
        "Hình minh họa: lễ tuyên dương học sinh đoạt giải",
        "stage",
        "Đức Anh",
        OFFICE_SGD,
    ),
    (
        "Lễ hội Sông nước Sông Lam năm nay có thêm đêm nhạc trên bến",
        "Văn hóa - Xã hội",
        "Lễ hội thường niên của tỉnh diễn ra trong ba ngày, với đua thuyền, chợ quê và đêm nhạc trên bến sông.",
        (
            "Ban tổ chức dành riêng một khu trưng bày sản phẩm OCOP của các xã, phường.",
            Figure("market", "Hình minh họa: gian hàng nông sản của các xã, phường trong lễ hội"),
            "Khách tham quan được khuyến khích đi xe buýt miễn phí từ trung tâm tỉnh để giảm ùn tắc.",
        ),
        "Hình minh họa: đua thuyền, hoạt động chính của lễ hội",
        "boat-race",
        "Hải Yến",
        OFFICE_TT,
    ),
    (
        "Tỉnh Sông Lam ra mắt cổng thông tin chung cho các xã, phường",
        "Tin tức - Sự kiện",
        "Cổng thông tin mỗi xã, phường nay là trang thành phần của Cổng thông tin điện tử tỉnh, cùng một "
        "hệ thống và cùng một cách tra cứu.",
        (
            "Mỗi xã, phường có địa chỉ riêng dạng tenxa.songlam.gov.vn, do cán bộ của xã tự cập nhật tin bài.",
            "Nội dung cổng của các huyện cũ được lưu trữ nguyên vẹn, vẫn tra cứu được.",
        ),
        "Hình minh họa: trang chủ cổng thông tin xã trên điện thoại",
        "phone",
        "Quốc Khánh",
        OFFICE_SKH,
    ),
    (
        "Sở Nông nghiệp và Môi trường kiểm tra đê biển trước mùa bão",
        "Hoạt động của UBND",
        "Đoàn kiểm tra đi dọc 22 km đê biển qua ba xã ven biển, chỉ ra bốn vị trí cần gia cố ngay.",
        ("Các xã được yêu cầu chuẩn bị sẵn vật tư, bao tải cát và phân công lực lượng canh đê 24/24 giờ khi có bão.",),
        "Hình minh họa: đoàn kiểm tra trên mặt đê biển",
        "dike",
        "Đức Anh",
        OFFICE_SNN,
    ),
)

PROVINCE_ANNOUNCEMENTS = (
    (
        "Lịch tiếp công dân của Chủ tịch UBND tỉnh tháng 12",
        True,
        None,
        "Chủ tịch UBND tỉnh tiếp công dân định kỳ vào ngày 20 hằng tháng tại Ban Tiếp công dân tỉnh.",
        ("Công dân đăng ký trước qua số điện thoại của Ban Tiếp công dân hoặc tại quầy tiếp nhận.",),
    ),
    (
        "Thông báo thi tuyển công chức cấp xã năm nay",
        False,
        30,
        "UBND tỉnh thông báo thi tuyển 120 công chức làm việc tại các xã, phường trong tỉnh.",
        ("Chỉ tiêu, điều kiện dự tuyển và mẫu phiếu đăng ký đăng tại mục Văn bản của Cổng thông tin tỉnh.",),
    ),
    (
        "Thông báo lấy ý kiến dự thảo quy hoạch mạng lưới trường học",
        False,
        14,
        "Sở Giáo dục và Đào tạo lấy ý kiến người dân về dự thảo quy hoạch mạng lưới trường học đến năm 2035.",
        ("Ý kiến gửi bằng thư điện tử hoặc trực tiếp tại bộ phận một cửa của các xã, phường.",),
    ),
)

PROVINCE_UNPUBLISHED = (
    (
        "Dự thảo kế hoạch tổ chức Hội báo Xuân cấp tỉnh",
        Article.Status.DRAFT,
        "Bản nháp kế hoạch Hội báo Xuân của tỉnh, chưa đăng.",
    ),
    (
        "Tỉnh Sông Lam sơ kết một năm vận hành chính quyền hai cấp",
        Article.Status.PENDING,
        "Bài đang chờ Trưởng ban biên tập duyệt về hội nghị sơ kết một năm vận hành chính quyền hai cấp.",
    ),
)

# Each commune's or ward's own news: (title, category, lead, paragraphs, caption, scene, author, source).
COMMUNE_NEWS = {
    "hoabinh": (
        (
            "UBND xã Hòa Bình họp phiên thường kỳ tháng 11",
            "Hoạt động của UBND",
            "UBND xã Hòa Bình họp đánh giá công tác tháng 11, tập trung vào thu hoạch cam và giữ vệ sinh môi trường.",
            ("Chủ tịch UBND xã giao các thôn hoàn thành thu gom rác thải ở bãi tập kết trước ngày 15 tháng sau.",),
            "Hình minh họa: phiên họp thường kỳ của UBND xã",
            "meeting",
            "Ngọc Mai",
            "Văn phòng HĐND và UBND xã",
        ),
        (
            "Cam Hòa Bình vào vụ, thương lái đặt hàng sớm",
            "Kinh tế",
            "Hơn 200 ha cam của xã bắt đầu cho thu hoạch, nhiều thương lái đặt cọc từ đầu vụ.",
            (
                "Hợp tác xã dán tem truy xuất nguồn gốc cho từng thùng cam, giúp giá bán cao hơn năm trước.",
                Figure("market", "Hình minh họa: cam Hòa Bình bày bán cùng rau xanh ở chợ"),
            ),
            "Hình minh họa: thu hoạch cam trong vườn",
            "orchard",
            "Ngọc Mai",
            "Hợp tác xã Nông nghiệp Hòa Bình",
        ),
        (
            "Thôn Đồng Tâm làm đường hoa dài 2 km",
            "Văn hóa - Xã hội",
            "Người dân thôn Đồng Tâm góp công trồng hoa mười giờ và dâm bụt dọc tuyến đường trục thôn.",
            ("Mỗi hộ chăm sóc đoạn hoa trước nhà mình; chi đoàn thanh niên tưới nước vào mỗi sáng Chủ nhật.",),
            "Hình minh họa: đường hoa dọc trục thôn",
            "flower-road",
            "Văn Hậu",
            "Ban công tác Mặt trận thôn Đồng Tâm",
        ),
        (
            "Xã Hòa Bình trả kết quả thủ tục hành chính tại nhà cho người cao tuổi",
            "Cải cách hành chính",
            "Người từ 80 tuổi trở lên được cán bộ xã mang kết quả thủ tục đến tận nhà, không mất phí.",
            ("Trong tháng đầu, bộ phận một cửa của xã đã trả 37 hồ sơ tại nhà.",),
            "Hình minh họa: cán bộ xã đến nhà người cao tuổi trả kết quả hồ sơ",
            "house",
            "Văn Hậu",
            "Văn phòng HĐND và UBND xã",
        ),
    ),
    "thanhxuan": (
        (
            "Xã Thanh Xuân tổ chức hội nghị đối thoại với nhân dân",
            "Hoạt động của UBND",
            "Hơn 150 người dân dự hội nghị đối thoại, nêu kiến nghị về đường nội đồng và nước sạch.",
            ("Chủ tịch UBND xã trả lời tại chỗ 12 ý kiến; các ý kiến còn lại được trả lời bằng văn bản.",),
            "Hình minh họa: bàn chủ tọa hội nghị đối thoại",
            "meeting",
            "Thảo Vy",
            "Văn phòng HĐND và UBND xã",
        ),
        (
            "Bến Đình có chợ phiên nông sản mỗi sáng Chủ nhật",
            "Kinh tế",
            "Chợ phiên giúp các hộ trồng rau sạch bán trực tiếp cho người mua, không qua trung gian.",
            ("Xã bố trí mái che, điểm rửa tay và thùng rác phân loại tại chợ.",),
            "Hình minh họa: chợ phiên nông sản dưới mái che",
            "market",
            "Thảo Vy",
            "Hội Nông dân xã",
        ),
        (
            "Trường Mầm non Thanh Xuân khánh thành phòng học mới",
            "Văn hóa - Xã hội",
            "Bốn phòng học mới đưa vào sử dụng, bảo đảm chỗ học cho toàn bộ trẻ từ ba đến năm tuổi trong xã.",
            (
                "Công trình do ngân sách tỉnh và xã cùng đầu tư, hoàn thành sớm một tháng.",
                Figure("classroom", "Hình minh họa: giờ học trong một phòng học mới"),
            ),
            "Hình minh họa: ngôi trường với dãy phòng học mới",
            "school",
            "Minh Tú",
            "Trường Mầm non Thanh Xuân",
        ),
        (
            "Thanh Xuân ra mắt tổ công nghệ số cộng đồng ở 9 thôn",
            "Cải cách hành chính",
            "Mỗi thôn có một tổ công nghệ số giúp người dân cài ứng dụng định danh và nộp hồ sơ trực tuyến.",
            ("Các tổ gồm đoàn viên thanh niên, trưởng thôn và giáo viên, sinh hoạt vào tối thứ Bảy.",),
            "Hình minh họa: cài ứng dụng định danh trên điện thoại",
            "phone",
            "Minh Tú",
            "Đoàn Thanh niên xã",
        ),
    ),
    "cualam": (
        (
            "UBND phường Cửa Lam triển khai nhiệm vụ quý IV",
            "Hoạt động của UBND",
            "Phường đặt mục tiêu hoàn thành chỉnh trang vỉa hè ba tuyến phố chính trước Tết.",
            ("Các tổ dân phố được giao vận động hộ kinh doanh không lấn chiếm lòng đường.",),
            "Hình minh họa: hội nghị triển khai nhiệm vụ quý IV",
            "meeting",
            "Thanh Hương",
            "Văn phòng HĐND và UBND phường",
        ),
        (
            "Phố đi bộ ven biển Cửa Lam mở cửa các tối cuối tuần",
            "Kinh tế",
            "Tuyến phố ven biển dài 800 m dành cho người đi bộ từ 18 giờ đến 23 giờ tối thứ Sáu, thứ Bảy và Chủ nhật.",
            ("Hơn 40 hộ kinh doanh đăng ký gian hàng ẩm thực và đồ lưu niệm.",),
            "Hình minh họa: phố đi bộ lên đèn buổi tối",
            "night-street",
            "Thanh Hương",
            "Phòng Kinh tế, Hạ tầng và Đô thị phường",
        ),
        (
            "Phường Cửa Lam ra quân làm sạch bãi biển",
            "Văn hóa - Xã hội",
            "Gần 500 người dân, học sinh và chiến sĩ biên phòng thu gom hơn 3 tấn rác trên bãi biển.",
            ("Phường đặt thêm 60 thùng rác phân loại dọc bờ biển và trên phố đi bộ.",),
            "Hình minh họa: người dân nhặt rác trên bãi biển",
            "beach",
            "Quang Huy",
            "Ủy ban MTTQ Việt Nam phường",
        ),
        (
            "Bộ phận một cửa phường Cửa Lam làm việc sáng thứ Bảy",
            "Cải cách hành chính",
            "Từ tháng này, bộ phận một cửa của phường tiếp nhận hồ sơ cả sáng thứ Bảy cho người đi làm trong tuần.",
            ("Các thủ tục về hộ tịch và chứng thực được ưu tiên giải quyết ngay trong buổi.",),
            "Hình minh họa: quầy một cửa của phường",
            "counter",
            "Quang Huy",
            "Văn phòng HĐND và UBND phường",
        ),
    ),
}

COMMUNE_ANNOUNCEMENTS = {
    key: (
        (
            f"Lịch tiếp công dân của Chủ tịch UBND {label} tháng 12",
            True,
            None,
            f"Chủ tịch UBND {label} tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở.",
            ("Công dân mang theo giấy tờ tùy thân và tài liệu liên quan đến nội dung phản ánh.",),
        ),
        (
            f"Thông báo lịch tiêm chủng mở rộng tại trạm y tế {label}",
            False,
            10,
            "Trạm y tế tiêm vắc xin cho trẻ dưới 5 tuổi vào ngày 25 hằng tháng.",
            ("Phụ huynh mang theo sổ tiêm chủng của trẻ.",),
        ),
    )
    for key, label in (("hoabinh", "xã Hòa Bình"), ("thanhxuan", "xã Thanh Xuân"), ("cualam", "phường Cửa Lam"))
}

COMMUNE_UNPUBLISHED = {
    key: ((f"Dự thảo kế hoạch tổng vệ sinh {label} dịp Tết", Article.Status.DRAFT, "Bản nháp, chưa đăng."),)
    for key, label in (("hoabinh", "xã Hòa Bình"), ("thanhxuan", "xã Thanh Xuân"), ("cualam", "phường Cửa Lam"))
}


User = get_user_model()


_editor_upload_to = DatedUploadTo("editor")  # where the editor's uploads go (articles.views)


def _body(parts, *, seed=""):
    """Paragraphs, and a ``Figure`` stored as an editor's upload would be, with its alt text and caption."""
    html = []
    for number, part in enumerate(parts):
        if isinstance(part, Figure):
            picture = demo_pictures.picture(part.scene, f"{seed}-{number}")
            name = default_storage.save(_editor_upload_to(None, f"{seed}-{number}.jpg"), ContentFile(picture))
            html.append(
                f'<figure class="image"><img src="{default_storage.url(name)}" '
                f'alt="{escape(demo_pictures.alt_text(part.scene))}" width="{demo_pictures.WIDTH}" '
                f'height="{demo_pictures.HEIGHT}"><figcaption>{part.caption}</figcaption></figure>'
            )
        else:
            html.append(f"<p>{part}</p>")
    return "".join(html)


def seed_categories(unit):
    """The unit's categories, once; a unit's categories are its own, with the same names on every unit."""
    categories = {}
    for name, order, in_menu in CATEGORIES:
        categories[name], _created = Category.objects.get_or_create(
            unit=unit, slug=slugify_vi(name), defaults={"name": name, "order": order, "show_in_menu": in_menu}
        )
    return categories


@transaction.atomic
def seed_articles(unit, *, news, announcements=(), unpublished=(), writer=None, chief=None):
    """Create ``unit``'s demo categories and articles; articles that already exist are left as they are.

    ``writer`` and ``chief`` are the unit's press officer and editor-in-chief, recorded as the authors of
    the edits, so that the admin's history shows who did what on each unit. Each unit's news and
    announcements went out on working days, in office hours (``demo_calendar``).
    """
    categories = seed_categories(unit)
    now = timezone.now()
    created = []
    articles = Article.objects.of(unit)

    published = publication_times(len(news), seed=f"{unit.code}-news", now=now)
    for index, (title, category, lead, paragraphs, caption, scene, author, source) in enumerate(news):
        slug = slugify_vi(title)
        if articles.filter(slug=slug).exists():
            continue
        article = Article.objects.create(
            unit=unit,
            slug=slug,
            title=title,
            category=categories[category],
            lead=lead,
            body=_body(paragraphs, seed=f"{unit.code}-{slug}"),
            image_caption=caption,
            image_alt=demo_pictures.alt_text(scene),
            author=author,
            source=source,
            status=Article.Status.PUBLISHED,
            published_at=published[index],
            view_count=40 + (index * 37) % 400,
            created_by=writer,
            updated_by=chief,
        )
        picture = demo_pictures.picture(scene, f"{unit.code}-{index}")
        article.image.save(f"{slug}.jpg", ContentFile(picture), save=True)
        update_image_renditions(article=article)
        created.append(article)

    shown = publication_times(len(announcements), seed=f"{unit.code}-announcements", now=now)
    for index, (title, pinned, days_shown, lead, paragraphs) in enumerate(announcements):
        show_until = now + timezone.timedelta(days=days_shown) if days_shown is not None else None
        _article, is_new = articles.get_or_create(
            slug=slugify_vi(title),
            defaults={
                "unit": unit,
                "title": title,
                "category": categories["Thông báo"],
                "kind": Article.Kind.ANNOUNCEMENT,
                "pinned": pinned,
                "show_until": show_until,
                "lead": lead,
                "body": _body(paragraphs),
                "author": "",
                "source": unit.name,
                "status": Article.Status.PUBLISHED,
                "published_at": shown[index],
                "created_by": writer,
                "updated_by": chief,
            },
        )
        if is_new:
            created.append(_article)

    for title, status, lead in unpublished:
        _article, is_new = articles.get_or_create(
            slug=slugify_vi(title),
            defaults={
                "unit": unit,
                "title": title,
                "category": categories["Tin tức - Sự kiện"],
                "lead": lead,
                "body": _body((lead,)),
                "author": full_name(writer) if writer else "",
                "status": status,
                "created_by": writer,
                "updated_by": writer,
            },
        )
        if is_new:
            created.append(_article)

    # Related articles: each news item points to the next two of the same unit's list.
    if created:
        published = list(articles.published().news().order_by("-published_at")[:20])
        for position, article in enumerate(published):
            article.related.add(*published[position + 1 : position + 3])
    return created


# The former district's portal stopped at the end of 30 June 2025; its articles keep the dates it gave them.
ARCHIVE_CLOSED = datetime.datetime(2025, 6, 30, 17, 0)


def archive_export():
    """The former district's news as its old portal exported it: JSON Lines, one article a line."""
    lines = []
    closed = timezone.make_aware(ARCHIVE_CLOSED)
    moments = publication_times(len(NEWS), seed="huyen-song-lam", now=closed, gaps=(4, 12))
    for index, (title, category, lead, paragraphs, author, source) in enumerate(NEWS):
        published = timezone.localtime(moments[index])
        record = {
            "external_id": f"SL-{2400 - index * 17}",
            "title": title,
            "summary": lead,
            "body_html": _body(paragraphs),
            "category": category,
            "published_at": published.isoformat(),
            "author": author,
            "source": source,
            "views": 900 + (index * 173) % 2600,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def seed_archive(unit):
    """Import the former district's news into its archived unit, once, as ``import_articles`` does."""
    if Article.objects.of(unit).exists():
        return None
    return import_lines(archive_export(), unit=unit)


def seed_offers(*, communes, province_chief):
    """Each commune's chief offers its newest news to the province; the province takes all but the last.

    So the province's “Tin từ xã, phường” block has news on first run, and one offer still waits for
    its editor-in-chief. Each commune's chief is ``truongban.<key>`` as the demo accounts name them.
    """
    pending = communes[-1]
    for key, unit in communes:
        if Offer.objects.filter(article__unit=unit).exists():
            continue
        newest = Article.objects.of(unit).published().news().first()
        chief = User.objects.get(username=f"truongban.{key}")
        offer = offer_article(article=newest, by=chief, unit=unit)
        if (key, unit) != pending:
            accept_offer(offer=offer, by=province_chief, unit=unit.province)

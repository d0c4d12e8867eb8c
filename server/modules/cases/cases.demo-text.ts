/**
 * The words of the demo's reports, petitions and proposals (issue 10): a few templates per category with variable
 * parts ({road}, {hamlet}, {landmark}, {n}), the agencies' answers and progress notes, refusal reasons and the
 * citizens' rating comments. Invented sample text in the way Tây Ninh's 1022 and iHanoi posts read — no real case.
 */

/** Roads and streets that sound like a Tây Ninh commune's (invented per commune by the seed, not a gazetteer). */
export const ROADS: readonly string[] = [
  'đường 30/4',
  'đường Cách Mạng Tháng Tám',
  'đường Trưng Nữ Vương',
  'đường Điện Biên Phủ',
  'đường Nguyễn Văn Rốp',
  'đường Lê Duẩn',
  'đường Huỳnh Tấn Phát',
  'đường Bời Lời',
  'đường tỉnh 781',
  'đường tỉnh 784',
  'đường tỉnh 785',
  'đường huyện 8',
  'đường liên ấp',
  'Quốc lộ 22B',
  'đường Phạm Văn Đồng',
  'đường Hoàng Lê Kha',
  'đường Tua Hai',
  'đường Võ Văn Truyện',
];

export const LANDMARKS: readonly string[] = [
  'trường tiểu học',
  'chợ xã',
  'trạm y tế',
  'nhà văn hóa ấp',
  'chùa',
  'cây xăng',
  'UBND xã',
  'trường mầm non',
  'cầu kênh Đông',
  'ngã ba',
  'nhà thờ',
  'sân bóng',
];

export interface CaseTemplate {
  /** The citizen's words; {road}, {hamlet}, {landmark} and {n} are filled in by the seed. */
  text: string;
  /** Open311 attribute answers the category asks for (e.g. the kind of road damage). */
  attributes?: Record<string, string>;
}

/** Reports (with a place) per category code. */
export const REPORT_TEMPLATES: Readonly<Record<string, readonly CaseTemplate[]>> = {
  roads: [
    {
      text: 'Mặt {road} đoạn gần {landmark} có nhiều ổ gà lớn, trời mưa đọng nước, xe máy đi qua rất dễ té ngã.',
      attributes: { hazard: 'pothole' },
    },
    {
      text: 'Đoạn {road} qua {hamlet} bị sụt lún khoảng {n} mét, đã có người đặt cây làm dấu nhưng ban đêm rất nguy hiểm.',
      attributes: { hazard: 'subsidence' },
    },
    {
      text: 'Biển báo khúc cua trên {road} gần {landmark} bị gãy đổ, đề nghị thay mới.',
      attributes: { hazard: 'sign' },
    },
    {
      text: 'Cống thoát nước ngang {road} tại {hamlet} bị bể nắp, hố sâu ngay lề đường, trẻ em đi học ngang qua hàng ngày.',
      attributes: { hazard: 'bridge' },
    },
  ],
  traffic_safety: [
    {
      text: 'Đèn tín hiệu giao thông tại ngã tư {road} không hoạt động từ sáng nay, xe cộ lưu thông lộn xộn.',
    },
    {
      text: 'Cây xanh lớn ven {road} gần {landmark} che khuất tầm nhìn tại khúc cua, đã xảy ra {n} vụ va chạm.',
    },
    {
      text: 'Có đống cát, đá vật liệu xây dựng đổ lấn ra lòng {road} đoạn qua {hamlet}, ban đêm không có đèn báo.',
    },
  ],
  street_lighting: [
    { text: 'Dãy đèn đường trên {road} đoạn qua {hamlet} bị tắt hơn một tuần nay, khu vực rất tối.' },
    { text: 'Đèn chiếu sáng gần {landmark} sáng cả ban ngày, lãng phí điện.' },
    { text: 'Trụ đèn số {n} trên {road} chập chờn, lúc sáng lúc tắt, có tiếng nổ lách tách khi trời mưa.' },
  ],
  waste: [
    { text: 'Bãi rác tự phát cạnh {landmark} ở {hamlet} ngày càng lớn, bốc mùi hôi, ruồi nhặng nhiều.' },
    { text: 'Xe thu gom rác không đến {hamlet} đã {n} ngày, rác ứ đọng trước nhà dân dọc {road}.' },
    { text: 'Có người đổ xà bần và rác thải xây dựng xuống mương ven {road} vào ban đêm.' },
  ],
  water_drainage: [
    { text: 'Mỗi lần mưa lớn, đoạn {road} trước {landmark} ngập sâu khoảng {n}0 cm, nước rút rất chậm.' },
    { text: 'Ống nước máy bị bể trên {road} gần {hamlet}, nước chảy lênh láng ra đường mấy ngày nay.' },
    { text: 'Nước máy ở {hamlet} yếu và có màu đục vàng từ đầu tuần, bà con phải mua nước bình để dùng.' },
  ],
  pollution: [
    { text: 'Cơ sở sản xuất bột mì gần {hamlet} xả nước thải có mùi hôi ra kênh, cá chết nổi nhiều.' },
    { text: 'Khói từ lò đốt rác gần {landmark} bay vào khu dân cư mỗi tối, người già và trẻ nhỏ bị ho.' },
    { text: 'Quán karaoke trên {road} mở nhạc lớn đến khuya, ảnh hưởng giấc ngủ của người dân.' },
  ],
  urban_order: [
    {
      text: 'Vỉa hè {road} đoạn trước {landmark} bị các quầy hàng lấn chiếm hết, người đi bộ phải đi xuống lòng đường.',
    },
    { text: 'Nhiều xe tải đậu dọc {road} qua {hamlet} suốt đêm, che lối ra vào của các hộ dân.' },
    { text: 'Bảng quảng cáo dán tràn lan trên trụ điện, tường nhà dọc {road}.' },
  ],
  construction: [
    {
      text: 'Công trình nhà ở tại {hamlet} xây lấn ra hành lang an toàn của {road}, chưa thấy giấy phép treo tại công trình.',
    },
    {
      text: 'Công trình thi công trên {road} gần {landmark} để vật liệu ngổn ngang, không có rào chắn, bụi mù mịt.',
    },
  ],
  security: [
    { text: 'Khu vực gần {landmark} ở {hamlet} thường có nhóm thanh niên tụ tập, đua xe lúc nửa đêm.' },
    {
      text: 'Tại {hamlet} liên tiếp xảy ra {n} vụ mất trộm xe máy trong tháng, đề nghị tăng cường tuần tra.',
    },
  ],
  power: [
    {
      text: 'Dây điện trên {road} gần {landmark} bị chùng võng sát đầu người, rất nguy hiểm khi trời mưa gió.',
    },
    { text: 'Khu vực {hamlet} mất điện nhiều lần trong ngày mà không có thông báo trước.' },
    { text: 'Trụ điện trước {landmark} bị nghiêng sau trận mưa giông tối qua, có nguy cơ đổ.' },
  ],
  mobile_internet: [
    {
      text: 'Sóng điện thoại ở {hamlet} rất yếu, trong nhà gần như không gọi được, không dùng được ứng dụng VNeID.',
      attributes: { carrier: 'viettel' },
    },
    {
      text: 'Internet cáp quang khu vực gần {landmark} chập chờn buổi tối, học sinh học trực tuyến bị ngắt liên tục.',
      attributes: { carrier: 'vnpt' },
    },
  ],
  online_services: [
    { text: 'Không nộp được hồ sơ trên Cổng dịch vụ công, đến bước ký số thì báo lỗi, đã thử {n} lần.' },
    { text: 'Ứng dụng của tỉnh báo lỗi khi đăng nhập bằng tài khoản VNeID từ hôm qua.' },
  ],
  online_scam: [
    {
      text: 'Nhiều người ở {hamlet} nhận cuộc gọi giả danh công an yêu cầu cài ứng dụng lạ để "cập nhật định danh".',
    },
    { text: 'Có trang mạng xã hội giả mạo UBND xã đăng tin tuyển dụng, thu phí hồ sơ của người dân.' },
  ],
  health_food: [
    {
      text: 'Xe bán đồ ăn sáng trước {landmark} không đảm bảo vệ sinh, nhiều học sinh bị đau bụng sau khi ăn.',
    },
    { text: 'Ở {hamlet} có nhiều ca sốt xuất huyết, đề nghị phun thuốc diệt muỗi và phát quang bụi rậm.' },
  ],
  other: [
    { text: 'Cây dầu lớn trước {landmark} có nhiều nhánh khô, mùa mưa có thể gãy đổ trúng người đi đường.' },
    { text: 'Chó thả rông nhiều ở {hamlet}, đã có người bị cắn khi đi ngang {road}.' },
  ],
};

/** Petitions (kiến nghị, no place) per category code. */
export const PETITION_TEMPLATES: Readonly<Record<string, readonly CaseTemplate[]>> = {
  social_welfare: [
    {
      text: 'Kiến nghị xem xét hỗ trợ hộ cận nghèo ở {hamlet}: gia đình có người bệnh nặng, hồ sơ đã nộp {n} tháng chưa có kết quả.',
    },
    {
      text: 'Đề nghị rà soát lại danh sách người cao tuổi nhận trợ cấp tại {hamlet}, có cụ đủ tuổi nhưng chưa được nhận.',
    },
  ],
  procedures: [
    {
      text: 'Hồ sơ cấp giấy chứng nhận quyền sử dụng đất của tôi đã trễ hẹn {n} tuần, đề nghị cho biết lý do.',
    },
    {
      text: 'Kiến nghị bố trí thêm buổi làm thủ tục vào sáng thứ Bảy cho người lao động làm việc ở khu công nghiệp.',
    },
  ],
  waste: [{ text: 'Kiến nghị bố trí thêm điểm tập kết rác và tăng số chuyến thu gom cho {hamlet}.' }],
  water_drainage: [
    { text: 'Kiến nghị kéo đường ống nước sạch về {hamlet}, hiện bà con vẫn dùng nước giếng nhiễm phèn.' },
  ],
  mobile_internet: [
    { text: 'Đề nghị các nhà mạng lắp thêm trạm phát sóng cho {hamlet}, vùng này sóng yếu từ lâu.' },
  ],
  online_services: [
    {
      text: 'Kiến nghị hướng dẫn rõ hơn cách thanh toán lệ phí trực tuyến, nhiều người lớn tuổi không tự làm được.',
    },
  ],
  health_food: [{ text: 'Kiến nghị trạm y tế xã bố trí khám bệnh ngoài giờ hành chính một buổi mỗi tuần.' }],
  other: [{ text: 'Kiến nghị lắp đặt thêm camera an ninh ở các tuyến đường chính của {hamlet}.' }],
};

/** The agency's answer per category; the generic list covers the rest. */
export const ANSWERS: Readonly<Record<string, readonly string[]>> = {
  roads: [
    'Đơn vị quản lý đường bộ đã vá ổ gà, hoàn trả mặt đường và lắp biển cảnh báo. Cảm ơn người dân đã phản ánh.',
    'Đã khảo sát hiện trường; đoạn sụt lún được gia cố tạm thời và đưa vào kế hoạch sửa chữa quý tới.',
  ],
  street_lighting: ['Đã thay bóng và sửa tủ điện chiếu sáng; toàn tuyến hoạt động bình thường từ tối qua.'],
  waste: ['Đã thu dọn bãi rác, đặt biển cấm đổ rác và giao ấp theo dõi; xe thu gom chạy lại theo lịch.'],
  water_drainage: ['Đơn vị cấp nước đã thay đoạn ống bể, áp lực nước đã ổn định trở lại.'],
  power: ['Điện lực đã căng lại dây, thay trụ nghiêng và kiểm tra an toàn lưới điện khu vực.'],
  traffic_safety: ['Đã sửa đèn tín hiệu và phối hợp cắt tỉa cây che khuất tầm nhìn tại nút giao.'],
  urban_order: ['Tổ trật tự đô thị đã nhắc nhở, lập biên bản các trường hợp lấn chiếm; sẽ kiểm tra định kỳ.'],
  online_scam: [
    'Công an tỉnh đã tiếp nhận, cảnh báo trên các kênh chính thức; người dân không cài ứng dụng lạ, không chuyển tiền.',
  ],
};
export const GENERIC_ANSWERS: readonly string[] = [
  'Cơ quan xử lý đã kiểm tra thực tế và khắc phục xong. Trân trọng cảm ơn người dân đã phản ánh.',
  'Nội dung phản ánh đúng; đơn vị đã xử lý theo thẩm quyền và sẽ tiếp tục theo dõi.',
  'Đã làm việc với các bên liên quan; vụ việc được giải quyết, kết quả đã thông báo đến ấp, khu phố.',
];

export const PUBLIC_UPDATES: readonly string[] = [
  'Đã cử cán bộ xuống kiểm tra hiện trường.',
  'Đơn vị đang lập phương án khắc phục, dự kiến hoàn thành trong tuần.',
  'Đã liên hệ đơn vị thi công, vật tư đang được chuẩn bị.',
  'Đang phối hợp với UBND xã xác minh thêm thông tin.',
];
export const INTERNAL_NOTES: readonly string[] = [
  'Gọi điện cho người phản ánh để xác nhận vị trí.',
  'Chuyển tổ kỹ thuật khảo sát, chờ báo giá vật tư.',
  'Trùng khu vực đã xử lý tháng trước, cần kiểm tra kỹ nguyên nhân.',
];

export const REFUSAL_REASONS: readonly { text: string; notCompetent: boolean }[] = [
  {
    text: 'Nội dung không đủ thông tin để xác minh (không rõ vị trí, không có hình ảnh).',
    notCompetent: false,
  },
  {
    text: 'Vụ việc là tranh chấp dân sự giữa các hộ gia đình, đề nghị liên hệ tổ hòa giải ở cơ sở.',
    notCompetent: true,
  },
  {
    text: 'Nội dung đang được tòa án giải quyết, không thuộc phạm vi tiếp nhận phản ánh.',
    notCompetent: true,
  },
  { text: 'Phản ánh trùng với vụ việc đã trả lời, không có thông tin mới.', notCompetent: false },
];

export const EXTENSION_REASONS: readonly string[] = [
  'Cần chờ vật tư thay thế từ nhà cung cấp.',
  'Phải phối hợp nhiều đơn vị, cần thêm thời gian khảo sát.',
  'Thời tiết mưa kéo dài, chưa thể thi công.',
];

/** What citizens say when they rate an answer, by stars. */
export const RATING_COMMENTS: Readonly<Record<number, readonly string[]>> = {
  5: ['Xử lý rất nhanh, cảm ơn các anh chị.', 'Đường đã sửa xong, bà con rất vui.', ''],
  4: ['Đã xử lý, tuy hơi chậm.', 'Cảm ơn, mong duy trì thường xuyên.', ''],
  3: ['Mới khắc phục tạm thời.', ''],
  2: ['Xử lý chưa triệt để, vài hôm lại như cũ.'],
  1: ['Chưa thấy ai xuống kiểm tra thực tế.'],
};

export const DISPUTE_REASONS: readonly string[] = [
  'Thực tế chưa khắc phục xong, ổ gà vẫn còn.',
  'Câu trả lời chưa đúng với nội dung tôi phản ánh.',
];

/** Teams' difficulties and proposals (kind 'proposal'), one per theme, with the official answer the seed gives. */
export const PROPOSALS: readonly {
  theme: string;
  title: string;
  text: string;
  outcome: 'accepted' | 'in_progress' | 'answered' | 'closed' | 'refused';
  answer?: string;
  progress?: string[];
  reason?: string;
}[] = [
  {
    theme: 'proposal_devices',
    title: 'Đề nghị hỗ trợ máy tính bảng cho tổ',
    text: 'Tổ chỉ có điện thoại cá nhân của thành viên, hướng dẫn người cao tuổi rất khó. Đề nghị hỗ trợ 2 máy tính bảng.',
    outcome: 'in_progress',
    progress: [
      'Tỉnh Đoàn đã tổng hợp nhu cầu thiết bị của các tổ.',
      'Đã gửi Sở Khoa học và Công nghệ đề xuất kinh phí.',
    ],
  },
  {
    theme: 'proposal_training',
    title: 'Cần tài liệu hướng dẫn VNeID mức 2 bản in',
    text: 'Người dân lớn tuổi muốn có tờ hướng dẫn in sẵn để xem lại ở nhà. Đề nghị cấp tài liệu in cho tổ.',
    outcome: 'answered',
    answer: 'Tỉnh Đoàn đã in và gửi 200 tờ hướng dẫn về UBND xã; tổ nhận tại văn phòng Đoàn xã.',
  },
  {
    theme: 'proposal_coverage',
    title: 'Khu vực cuối ấp không có sóng 4G',
    text: 'Khoảng 40 hộ cuối ấp không có sóng 4G, tổ không thể hướng dẫn cài đặt ứng dụng tại nhà.',
    outcome: 'accepted',
  },
  {
    theme: 'proposal_platform',
    title: 'Ứng dụng báo lỗi khi ghi nhận hỗ trợ ngoại tuyến',
    text: 'Khi mất sóng, ghi nhận hỗ trợ lưu trên máy nhưng đồng bộ lại báo lỗi trùng.',
    outcome: 'closed',
    answer: 'Đã chuyển nhóm phát triển; bản cập nhật mới đã sửa lỗi đồng bộ. Đề nghị tổ cập nhật ứng dụng.',
  },
  {
    theme: 'proposal_funding',
    title: 'Đề nghị hỗ trợ chi phí đi lại cho thành viên tổ',
    text: 'Thành viên tổ đi hỗ trợ tại nhà dân ở xa, đề nghị xem xét hỗ trợ xăng xe hằng tháng.',
    outcome: 'refused',
    reason: 'Chưa có nguồn kinh phí cho nội dung này trong năm; Tỉnh Đoàn sẽ đề xuất trong kế hoạch năm sau.',
  },
  {
    theme: 'proposal_training',
    title: 'Đề nghị mở lớp tập huấn nhận diện lừa đảo trực tuyến',
    text: 'Tổ muốn được tập huấn kỹ hơn về các thủ đoạn lừa đảo mới để hướng dẫn bà con.',
    outcome: 'in_progress',
    progress: ['Đã phối hợp Công an tỉnh lên lịch tập huấn theo cụm xã.'],
  },
  {
    theme: 'proposal_other',
    title: 'Đề nghị cấp áo đồng phục cho tổ',
    text: 'Người dân chưa quen tổ, đề nghị có áo đồng phục hoặc thẻ để dễ nhận biết khi đến nhà.',
    outcome: 'answered',
    answer: 'Tỉnh Đoàn sẽ cấp thẻ tổ viên trong tháng tới; áo đồng phục do Đoàn xã vận động tài trợ.',
  },
];

export const FAMILY_NAMES: readonly string[] = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Phan',
  'Trương',
  'Đặng',
  'Bùi',
];
export const MIDDLE_NAMES: readonly string[] = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hữu', 'Kim', 'Quốc'];
export const GIVEN_NAMES: readonly string[] = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Tâm',
  'Thảo',
  'Tuấn',
];

/**
 * The words of the Q&A demo (questions.demo.ts): per topic, a few question templates and the answers the network
 * gives. `{…}` marks a variable part, filled from VARIABLES (or `{xa}`: the question's commune), so ~300 questions
 * read differently while staying on a handful of real subjects.
 */

export interface TopicText {
  topic: string;
  /** Relative share of the questions. */
  weight: number;
  questions: readonly { title: string; body: string }[];
  answers: readonly string[];
}

export const VARIABLES: Record<string, readonly string[]> = {
  nguoi: ['mẹ tôi', 'bố tôi', 'ông nội tôi', 'bà ngoại tôi', 'vợ tôi', 'chồng tôi', 'con gái tôi', 'tôi'],
  tuoi: ['58 tuổi', '65 tuổi', '70 tuổi', '74 tuổi', '81 tuổi'],
  dt: ['điện thoại Android', 'iPhone cũ', 'điện thoại Samsung', 'máy tính bảng', 'điện thoại mượn của con'],
  nh: ['Agribank', 'Vietcombank', 'BIDV', 'VietinBank', 'Sacombank', 'MB Bank'],
  sp: ['gạo ST25', 'khô cá lóc', 'trái cây sấy', 'mật ong rừng', 'bánh tráng', 'nước mắm nhĩ', 'rau sạch'],
  kenh: ['Zalo', 'Facebook', 'tin nhắn SMS', 'cuộc gọi điện thoại', 'Messenger'],
  tien: ['2 triệu', '5 triệu', '15 triệu', '500 nghìn', '30 triệu'],
  luc: ['hôm qua', 'sáng nay', 'tuần trước', 'mấy hôm nay', 'tối qua'],
  loi: ['báo lỗi hệ thống', 'quay mãi không vào được', 'báo sai thông tin', 'không nhận được mã OTP'],
  vi: ['MoMo', 'ZaloPay', 'VNPT Money', 'Viettel Money', 'ShopeePay'],
  cho: ['Shopee', 'TikTok Shop', 'Lazada', 'Postmart', 'Voso'],
};

const T = (title: string, body: string) => ({ title, body });

export const TOPIC_TEXTS: readonly TopicText[] = [
  {
    topic: 'service.vneid_level2',
    weight: 22,
    questions: [
      T(
        'Đăng ký định danh điện tử mức 2 cho {nguoi} ở đâu?',
        '{nguoi} {tuoi}, đã có căn cước gắn chip. Cho hỏi đăng ký VNeID mức 2 ở công an xã hay phải lên huyện, cần mang giấy tờ gì?',
      ),
      T(
        'Tài khoản VNeID {loi} khi đăng nhập',
        'Tôi cài VNeID trên {dt} nhưng {luc} đăng nhập thì {loi}. Đã gỡ ra cài lại vẫn vậy, nhờ mọi người chỉ giúp.',
      ),
      T(
        'Quên mật khẩu VNeID thì lấy lại thế nào?',
        '{nguoi} quên mật khẩu ứng dụng VNeID, số điện thoại đăng ký vẫn dùng. Làm sao đặt lại mật khẩu mà không phải ra công an?',
      ),
      T(
        'Đổi số điện thoại đăng ký VNeID cho {nguoi}',
        'Số cũ của {nguoi} đã mất, giờ dùng số mới. Muốn đổi số điện thoại trên tài khoản định danh điện tử thì làm ở đâu ạ?',
      ),
      T(
        'Xác thực khuôn mặt VNeID trên {dt} không được',
        'Đến bước chụp khuôn mặt thì ứng dụng báo không khớp, thử nhiều lần {luc}. {nguoi} {tuoi}, mắt kém, có cách nào khác không?',
      ),
    ],
    answers: [
      'Bạn mang căn cước gắn chip và điện thoại có số chính chủ đến công an xã, phường nơi cư trú để đăng ký mức 2; cán bộ sẽ chụp ảnh chân dung, lấy vân tay và kích hoạt ngay tại chỗ. Tổ công nghệ số cộng đồng ở ấp có thể đi cùng hướng dẫn.',
      'Trên màn hình đăng nhập, chọn "Quên mật khẩu", nhập số định danh cá nhân và số điện thoại, rồi nhập mã OTP gửi về máy. Nếu không nhận được OTP, kiểm tra số điện thoại đã đăng ký đúng chủ thuê bao chưa.',
      'Việc đổi số điện thoại phải làm trực tiếp tại công an xã, phường. Khi đi nhớ mang căn cước và điện thoại lắp số mới; sau khi cập nhật, đăng nhập lại ứng dụng bằng số mới.',
      'Lỗi đăng nhập thường do ứng dụng cũ: hãy cập nhật VNeID lên bản mới nhất, bật kết nối mạng ổn định và thử lại. Nếu vẫn lỗi, liên hệ tổng đài 1900 0368 hoặc nhờ tổ công nghệ số hỗ trợ.',
    ],
  },
  {
    topic: 'service.public_service_full',
    weight: 14,
    questions: [
      T(
        'Đăng ký khai sinh trực tuyến cho con như thế nào?',
        'Vợ tôi mới sinh bé ở bệnh viện tỉnh. Tôi muốn đăng ký khai sinh online trên Cổng dịch vụ công để khỏi lên {xa}, cần chuẩn bị giấy tờ gì?',
      ),
      T(
        'Đăng ký khai tử cho {nguoi} làm online được không?',
        'Gia đình có người mất {luc}. Cho hỏi thủ tục đăng ký khai tử có nộp trực tuyến được không, bao lâu thì có trích lục?',
      ),
      T(
        'Nộp hồ sơ dịch vụ công trực tuyến bị {loi}',
        'Tôi nộp hồ sơ trên Cổng dịch vụ công quốc gia bằng tài khoản VNeID nhưng {loi}. Hồ sơ đã lưu chưa hay phải làm lại từ đầu?',
      ),
      T(
        'Xin cấp phiếu lý lịch tư pháp online ở {xa}',
        'Con tôi cần phiếu lý lịch tư pháp để đi làm. Có thể xin qua mạng và nhận kết quả qua bưu điện không, lệ phí bao nhiêu?',
      ),
      T(
        'Đăng ký thường trú cho {nguoi} qua dịch vụ công',
        '{nguoi} chuyển về sống cùng gia đình ở {xa}. Đăng ký thường trú trực tuyến cần chủ hộ đồng ý như thế nào?',
      ),
    ],
    answers: [
      'Thủ tục liên thông đăng ký khai sinh – thường trú – cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi được làm toàn trình trên Cổng dịch vụ công: đăng nhập bằng VNeID, chọn "Liên thông khai sinh", tải ảnh giấy chứng sinh và làm theo hướng dẫn. Kết quả trả về tài khoản và qua bưu điện nếu bạn chọn.',
      'Khai tử được nộp trực tuyến trong 15 ngày kể từ ngày mất; cần giấy báo tử của cơ sở y tế hoặc xác nhận của công an xã. UBND xã giải quyết trong ngày làm việc khi hồ sơ đủ, trích lục gửi về tài khoản dịch vụ công.',
      'Hồ sơ đang soạn được lưu ở mục "Hồ sơ của tôi" trên Cổng; bạn mở lại, kiểm tra tệp đính kèm (dưới 10 MB, định dạng PDF hoặc JPG) rồi nộp lại. Nếu vẫn lỗi, gọi tổng đài 18001096.',
      'Phiếu lý lịch tư pháp xin được trên VNeID (mục Dịch vụ khác) hoặc Cổng dịch vụ công, nhận qua bưu điện; lệ phí 200.000 đồng, sinh viên và người có công được giảm.',
    ],
  },
  {
    topic: 'service.public_service_partial',
    weight: 6,
    questions: [
      T(
        'Cấp đổi giấy phép lái xe trên dịch vụ công cần khám sức khỏe không?',
        '{nguoi} cần đổi bằng lái xe máy hết hạn. Nghe nói làm online được nhưng vẫn phải đi khám sức khỏe, có đúng không?',
      ),
      T(
        'Chứng thực bản sao điện tử từ bản chính ở {xa}',
        'Tôi cần bản sao chứng thực điện tử để nộp hồ sơ online. Phải mang bản chính lên UBND xã hay làm tại nhà được?',
      ),
      T(
        'Hồ sơ nộp trực tuyến một phần thì bao giờ phải lên nộp bản giấy?',
        'Tôi nộp hồ sơ trên mạng {luc}, hệ thống báo dịch vụ công một phần. Vậy bao giờ phải mang giấy tờ gốc lên đối chiếu?',
      ),
    ],
    answers: [
      'Với dịch vụ công một phần, bạn nộp hồ sơ trực tuyến rồi mang bản gốc đến đối chiếu khi nhận kết quả; giấy hẹn ghi ngày cụ thể trong mục theo dõi hồ sơ.',
      'Chứng thực bản sao điện tử làm tại bộ phận một cửa UBND xã: mang bản chính, cán bộ quét và ký số, bản điện tử được gửi vào kho dữ liệu cá nhân trên Cổng dịch vụ công để dùng lại nhiều lần.',
    ],
  },
  {
    topic: 'service.payment_vietqr',
    weight: 9,
    questions: [
      T(
        'Tạo mã QR nhận tiền bán {sp} ở chợ thế nào?',
        'Tôi bán {sp} ở chợ {xa}, khách hay hỏi chuyển khoản. Làm sao có mã QR in ra dán ở sạp, có mất phí không?',
      ),
      T(
        'Quét mã QR thanh toán tiền điện bị trừ tiền hai lần',
        'Tôi quét mã VietQR trên hóa đơn tiền điện bằng ứng dụng {nh}, {luc} tài khoản bị trừ hai lần. Phải báo ai để lấy lại tiền?',
      ),
      T(
        'Mã QR dán ở quầy bị tráo thì làm sao biết?',
        'Nghe nói có người dán đè mã QR giả lên quầy hàng. Người bán như tôi kiểm tra thế nào để khách không chuyển nhầm?',
      ),
    ],
    answers: [
      'Mở ứng dụng ngân hàng, chọn "Mã QR nhận tiền" rồi lưu ảnh hoặc đến chi nhánh xin bảng in sẵn; nhận tiền qua VietQR không mất phí. Nên bật thông báo biến động số dư để thấy tiền về ngay.',
      'Liên hệ tổng đài ngân hàng để tra soát giao dịch, cung cấp thời gian và số tiền; nếu trừ trùng, tiền được hoàn trong 3–7 ngày làm việc. Giữ lại ảnh chụp màn hình giao dịch.',
      'Khi khách quét, màn hình phải hiện đúng tên tài khoản của bạn trước khi xác nhận. Định kỳ kiểm tra mã dán ở quầy và dùng loa thông báo tiền về để phát hiện chuyển nhầm.',
    ],
  },
  {
    topic: 'service.payment_bank_app',
    weight: 6,
    questions: [
      T(
        'Cài ứng dụng {nh} cho {nguoi} {tuoi} có an toàn không?',
        '{nguoi} muốn nhận lương hưu qua tài khoản và chuyển tiền cho con. Cài app ngân hàng trên {dt} có sợ bị lừa không, cần cài đặt gì?',
      ),
      T(
        'Ứng dụng {nh} bắt xác thực sinh trắc học',
        '{luc} ứng dụng {nh} bắt xác thực khuôn mặt với căn cước gắn chip mới cho chuyển tiền. Làm trên {dt} không đọc được chip.',
      ),
    ],
    answers: [
      'Chỉ tải ứng dụng từ CH Play hoặc App Store, đặt mật khẩu riêng, bật xác thực vân tay hoặc khuôn mặt và hạn mức chuyển tiền thấp. Tuyệt đối không đọc mã OTP cho ai, kể cả người xưng là nhân viên ngân hàng.',
      'Từ 1/1/2025 giao dịch trên 10 triệu hoặc tổng trên 20 triệu/ngày phải xác thực sinh trắc học. Nếu điện thoại không có NFC, mang căn cước ra quầy giao dịch của ngân hàng để cập nhật.',
    ],
  },
  {
    topic: 'service.payment_ewallet',
    weight: 4,
    questions: [
      T(
        'Liên kết ví {vi} với tài khoản ngân hàng',
        'Tôi mới mở ví {vi} để đóng tiền học cho con, làm sao liên kết với tài khoản {nh}, có mất phí nạp tiền không?',
      ),
      T(
        'Ví {vi} bị khóa sau khi chuyển tiền',
        'Ví {vi} của tôi bị tạm khóa {luc} sau khi chuyển {tien}. Phải làm gì để mở lại?',
      ),
    ],
    answers: [
      'Vào mục "Liên kết ngân hàng" trong ví, chọn ngân hàng và nhập số căn cước đúng với tài khoản; nạp tiền từ tài khoản liên kết thường miễn phí.',
      'Ví tạm khóa khi nghi giao dịch bất thường. Gọi tổng đài của ví từ số điện thoại đăng ký, xác minh thông tin là được mở lại; đừng gọi các số "hỗ trợ" tìm thấy trên mạng xã hội.',
    ],
  },
  {
    topic: 'service.online_safety',
    weight: 13,
    questions: [
      T(
        'Nhận {kenh} báo trúng thưởng, yêu cầu chuyển phí',
        '{nguoi} nhận được {kenh} báo trúng thưởng xe máy, bảo chuyển {tien} phí nhận giải. Có phải lừa đảo không, báo cho ai?',
      ),
      T(
        'Có người gọi xưng công an bảo cập nhật định danh điện tử',
        '{luc} có người gọi cho {nguoi}, xưng công an phường, bảo cài ứng dụng theo đường link để cập nhật VNeID mức 2. Có nên làm theo không?',
      ),
      T(
        'Bị lừa chuyển {tien} qua mạng, có lấy lại được không?',
        '{nguoi} bị người quen giả mạo trên {kenh} hỏi mượn tiền, đã chuyển {tien} {luc}. Giờ trình báo ở đâu, ngân hàng có phong tỏa được không?',
      ),
      T(
        'Tin nhắn giả mạo ngân hàng {nh} gửi đường link lạ',
        'Điện thoại nhận tin nhắn tên {nh} báo tài khoản bị khóa, bấm vào link để mở. Làm sao nhận biết tin thật hay giả?',
      ),
    ],
    answers: [
      'Đây là thủ đoạn lừa đảo quen thuộc: cơ quan, doanh nghiệp không bao giờ yêu cầu chuyển phí để nhận thưởng. Không chuyển tiền, chặn số và báo qua ứng dụng Tín Nhiệm Mạng hoặc công an xã.',
      'Công an không gọi điện hướng dẫn cài ứng dụng qua đường link. VNeID chỉ tải từ CH Play hoặc App Store. Hãy cúp máy và báo công an xã.',
      'Gọi ngay tổng đài ngân hàng đề nghị phong tỏa, rồi trình báo công an xã kèm ảnh chụp tin nhắn và sao kê giao dịch. Báo càng sớm càng có cơ hội giữ lại tiền.',
      'Ngân hàng không gửi đường link yêu cầu đăng nhập qua tin nhắn. Không bấm vào link, không cung cấp OTP; nếu lỡ nhập thông tin, đổi mật khẩu và gọi tổng đài ngân hàng ngay.',
    ],
  },
  {
    topic: 'service.health_book',
    weight: 5,
    questions: [
      T(
        'Xem sổ sức khỏe điện tử của {nguoi} trên VNeID',
        'Tôi muốn xem lịch sử khám bệnh và tiêm chủng của {nguoi} trên sổ sức khỏe điện tử, vào mục nào trong VNeID?',
      ),
      T(
        'Dùng VNeID thay thẻ bảo hiểm y tế khi đi khám',
        '{nguoi} đi khám ở trạm y tế {xa}, chỉ mang điện thoại có VNeID mức 2. Có dùng thay thẻ BHYT giấy được không?',
      ),
      T(
        'Thẻ BHYT của {nguoi} hết hạn, gia hạn online được không?',
        'Thẻ bảo hiểm y tế hộ gia đình của {nguoi} hết hạn {luc}. Có đóng tiền gia hạn qua ứng dụng VssID hay ngân hàng được không?',
      ),
    ],
    answers: [
      'Đăng nhập VNeID mức 2, chọn "Sổ sức khỏe điện tử"; thông tin khám chữa bệnh được cơ sở y tế đồng bộ lên sau mỗi lần khám. Người thân có thể được thêm vào mục "Thành viên hộ gia đình".',
      'Được: các cơ sở khám chữa bệnh BHYT chấp nhận căn cước gắn chip hoặc VNeID mức 2 thay thẻ giấy. Nhớ mang theo căn cước phòng khi mạng yếu.',
      'BHYT hộ gia đình gia hạn được qua VssID, ví điện tử hoặc ứng dụng ngân hàng (mục thanh toán BHYT), hoặc qua đại lý thu ở xã.',
    ],
  },
  {
    topic: 'service.province_app',
    weight: 5,
    questions: [
      T(
        'Ứng dụng công dân số của tỉnh dùng để làm gì?',
        'Cán bộ xã {xa} giới thiệu cài ứng dụng công dân số của tỉnh. Ứng dụng này khác gì VNeID, có gửi phản ánh được không?',
      ),
      T(
        'Gửi phản ánh đường hư qua ứng dụng của tỉnh',
        'Đường vào ấp ở {xa} bị sạt lở. Gửi phản ánh kèm ảnh qua ứng dụng của tỉnh thì ai tiếp nhận, bao lâu có trả lời?',
      ),
    ],
    answers: [
      'Ứng dụng của tỉnh tập trung tin tức, phản ánh hiện trường, tra cứu hồ sơ và các dịch vụ địa phương; đăng nhập bằng VNeID nên không cần tài khoản riêng.',
      'Phản ánh được chuyển tới UBND xã và cơ quan phụ trách lĩnh vực; bạn theo dõi tiến độ bằng mã phản ánh. Thời hạn tiếp nhận là 1 ngày làm việc.',
    ],
  },
  {
    topic: 'service.ecommerce_stall',
    weight: 5,
    questions: [
      T(
        'Mở gian hàng bán {sp} trên {cho} cần giấy tờ gì?',
        'Hợp tác xã ở {xa} muốn bán {sp} trên {cho}. Có cần đăng ký kinh doanh không, phí sàn bao nhiêu?',
      ),
      T(
        'Chụp ảnh sản phẩm {sp} thế nào cho đẹp để bán online?',
        'Tôi tự bán {sp} trên {cho} bằng {dt}, ảnh chụp tối và mờ. Có ai chỉ cách chụp đơn giản không?',
      ),
      T(
        'Bán hàng online có phải nộp thuế không?',
        'Tôi bán {sp} qua {cho} và livestream, mỗi tháng vài triệu. Có phải kê khai thuế không, khai ở đâu?',
      ),
    ],
    answers: [
      'Hộ kinh doanh cần giấy chứng nhận đăng ký hộ kinh doanh và căn cước; sàn thu phí cố định và phí thanh toán theo từng đơn. Tổ công nghệ số có thể hướng dẫn đăng ký gian hàng và đưa sản phẩm OCOP lên sàn.',
      'Chụp ở chỗ sáng tự nhiên, nền trơn, lau sạch ống kính và chụp nhiều góc; dùng chế độ chân dung và chỉnh sáng nhẹ ngay trong điện thoại.',
      'Cá nhân bán hàng online có doanh thu trên 100 triệu đồng/năm phải kê khai nộp thuế; từ 2025 sàn thương mại điện tử khấu trừ thuế thay. Hỏi chi cục thuế khu vực để được hướng dẫn cụ thể.',
    ],
  },
  {
    topic: 'service.ecommerce_shopping',
    weight: 4,
    questions: [
      T(
        'Mua hàng trên {cho} nhận hàng không đúng mô tả',
        '{nguoi} đặt mua hàng trên {cho}, nhận về hàng khác mô tả. Trả hàng và lấy lại tiền thế nào?',
      ),
      T(
        'Có nên thanh toán trước khi mua hàng qua {kenh}?',
        'Người bán trên {kenh} bảo chuyển khoản trước {tien} mới giao hàng. Làm sao để mua an toàn?',
      ),
    ],
    answers: [
      'Trong thời hạn đổi trả, vào đơn hàng chọn "Trả hàng/Hoàn tiền", quay video lúc mở hàng làm bằng chứng; sàn giữ tiền và hoàn lại khi xác nhận.',
      'Nên mua trên sàn có bảo vệ người mua hoặc nhận hàng rồi mới trả tiền. Không chuyển khoản trước cho tài khoản cá nhân lạ.',
    ],
  },
  {
    topic: 'procedures',
    weight: 8,
    questions: [
      T(
        'Trích lục hộ tịch bản sao xin ở đâu?',
        'Tôi cần bản sao trích lục khai sinh của {nguoi} để làm hồ sơ. Xin ở UBND {xa} hay làm online, bao lâu có?',
      ),
      T(
        'Xác nhận tình trạng hôn nhân cho {nguoi}',
        '{nguoi} cần giấy xác nhận tình trạng hôn nhân để vay vốn. Thủ tục ở {xa} thế nào, có làm qua mạng được không?',
      ),
      T(
        'Đăng ký kết hôn cần chuẩn bị giấy tờ gì?',
        'Chúng tôi muốn đăng ký kết hôn ở {xa}, một người thường trú tỉnh khác. Cần những giấy tờ gì, có phải cả hai cùng có mặt?',
      ),
    ],
    answers: [
      'Bản sao trích lục hộ tịch xin tại bất kỳ UBND xã nào đã có dữ liệu điện tử, hoặc trên Cổng dịch vụ công; trả trong ngày, lệ phí 8.000 đồng/bản.',
      'Xác nhận tình trạng hôn nhân nộp trực tuyến được; UBND xã nơi thường trú giải quyết trong 3 ngày làm việc, nhận kết quả điện tử hoặc bản giấy.',
      'Cần tờ khai đăng ký kết hôn và căn cước của hai người; người thường trú tỉnh khác cần xác nhận tình trạng hôn nhân. Cả hai phải có mặt khi nhận giấy chứng nhận kết hôn.',
    ],
  },
  {
    topic: 'skill.online_safety',
    weight: 4,
    questions: [
      T(
        'Đặt mật khẩu thế nào để khó bị lộ?',
        '{nguoi} dùng chung một mật khẩu cho Zalo, Facebook và ngân hàng. Nên đặt mật khẩu thế nào cho an toàn mà vẫn nhớ được?',
      ),
      T(
        'Tài khoản {kenh} bị chiếm, bạn bè nhận tin mượn tiền',
        'Tài khoản {kenh} của {nguoi} bị người lạ chiếm {luc}, họ nhắn mượn tiền người quen. Lấy lại tài khoản thế nào?',
      ),
    ],
    answers: [
      'Dùng cụm từ dài từ 12 ký tự, mỗi tài khoản một mật khẩu, bật xác thực hai lớp; có thể ghi vào sổ cất kỹ ở nhà thay vì lưu trong điện thoại.',
      'Dùng chức năng khôi phục tài khoản bằng số điện thoại hoặc email, đổi mật khẩu và bật xác thực hai lớp; báo ngay cho bạn bè để không ai chuyển tiền.',
    ],
  },
  {
    topic: 'other',
    weight: 3,
    questions: [
      T(
        'Tổ công nghệ số cộng đồng ở {xa} hỗ trợ vào giờ nào?',
        'Tôi muốn nhờ tổ công nghệ số hướng dẫn {nguoi} dùng điện thoại thông minh. Tổ ở {xa} hỗ trợ giờ nào, có đến nhà không?',
      ),
      T(
        'Điện thoại cũ của {nguoi} có dùng được ứng dụng không?',
        '{nguoi} dùng {dt} mua từ lâu. Có cài được VNeID và ứng dụng ngân hàng không hay phải mua máy mới?',
      ),
    ],
    answers: [
      'Tổ công nghệ số cộng đồng hỗ trợ tại nhà văn hóa ấp vào cuối tuần và đến tận nhà người cao tuổi khi có yêu cầu; bạn có thể gửi yêu cầu hỗ trợ ngay trên Cộng Đồng Số.',
      'VNeID cần Android 7 hoặc iOS 13 trở lên; máy cũ hơn thì nên nhờ tổ công nghệ số kiểm tra trước khi mua máy mới.',
    ],
  },
];

export const CLARIFICATIONS: readonly string[] = [
  'Cảm ơn, cho hỏi thêm là có cần mang theo sổ hộ khẩu cũ không ạ?',
  'Tôi đã làm theo hướng dẫn và được rồi, cảm ơn tổ công nghệ số.',
  'Nếu không có điện thoại thông minh thì nhờ người thân làm giúp được không?',
  'Cho hỏi làm vào thứ Bảy có được không?',
];

export const ASKER_NAMES: readonly string[] = [
  'Cô Ba',
  'Chú Tư',
  'Anh Hải',
  'Chị Thảo',
  'Bác Sáu',
  'Minh Thư',
  'Anh Khoa',
  'Chị Diễm',
  'Ông Năm',
  'Bạn Ngọc',
];

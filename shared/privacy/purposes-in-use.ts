import type { ProcessingPurpose } from './register-types';

/**
 * The purposes of the modules that exist today. Each list of data mirrors what the tables hold (server/db/schema.ts):
 * when a module starts keeping a new kind of personal data, its line here changes in the same change.
 */

export const accountsPurpose: ProcessingPurpose = {
  id: 'accounts',
  status: 'in_use',
  name: { vi: 'Tài khoản đăng nhập', en: 'Sign-in accounts' },
  description: {
    vi: 'Để thành viên tổ và cán bộ đăng nhập, làm đúng phần việc được giao, và để mọi thay đổi đều biết ai đã làm.',
    en: 'So that team members and officers can sign in and do the work they are given, and every change shows who made it.',
  },
  data: [
    { vi: 'Họ và tên', en: 'Full name' },
    {
      vi: 'Địa chỉ e-mail hoặc số điện thoại dùng để đăng nhập',
      en: 'The e-mail address or phone number used to sign in',
    },
    {
      vi: 'Mật khẩu, chỉ lưu ở dạng đã mã hóa một chiều, không ai đọc lại được',
      en: 'The password, stored only as a one-way hash that nobody can read back',
    },
    {
      vi: 'Vai trò và đơn vị được giao (tỉnh, xã, ấp)',
      en: 'Role and assigned area (province, commune, hamlet)',
    },
    {
      vi: 'Phiên đăng nhập: địa chỉ IP, trình duyệt, lần đăng nhập gần nhất',
      en: 'Sign-in sessions: IP address, browser, time of the last sign-in',
    },
    { vi: 'Nhật ký thay đổi: ai đã làm gì, khi nào', en: 'Audit log: who did what, and when' },
  ],
  basis: {
    kind: 'contract',
    explanation: {
      vi: 'Cần để cấp và duy trì tài khoản mà bạn đã nhận lời mời và đồng ý sử dụng.',
      en: 'Needed to provide and keep the account you accepted an invitation for and agreed to use.',
    },
  },
  recipients: [
    {
      vi: 'Cán bộ quản trị của tỉnh và cán bộ xã quản lý tài khoản trong phạm vi của họ',
      en: 'Province administrators and commune officers who manage accounts in their area',
    },
    {
      vi: 'Nhà cung cấp dịch vụ thư điện tử mà tỉnh dùng để gửi lời mời và thư đặt lại mật khẩu',
      en: 'The e-mail provider the province uses to send invitations and password-reset messages',
    },
  ],
  retention: {
    amount: 12,
    unit: 'months',
    text: {
      vi: 'Trong thời gian tài khoản còn dùng và 12 tháng sau khi tài khoản bị khóa; phiên đăng nhập tự hết hạn sau 14 ngày (mặc định). Nhật ký thay đổi được giữ lâu dài để mọi thay đổi luôn truy được người thực hiện.',
      en: 'While the account is in use and for 12 months after it is disabled; sign-in sessions expire by themselves after 14 days (by default). The audit log is kept for as long as the platform runs, so every change can always be traced to whoever made it.',
    },
  },
  withdrawal: {
    vi: 'Tài khoản không dựa trên sự đồng ý. Bạn có thể đề nghị khóa tài khoản: bạn không đăng nhập được nữa, thông tin liên lạc được xoá khi hết thời hạn lưu trữ, còn những việc bạn đã ghi nhận vẫn được giữ.',
    en: 'Accounts do not rest on consent. You can ask for your account to be disabled: you can no longer sign in, your contact details are deleted when the retention period ends, and the work you recorded is kept.',
  },
};

export const teamMembershipPurpose: ProcessingPurpose = {
  id: 'team_membership',
  status: 'in_use',
  name: {
    vi: 'Thành viên Tổ công nghệ số cộng đồng',
    en: 'Membership of community digital technology teams',
  },
  description: {
    vi: 'Để xã quản lý tổ: ai là thành viên, giữ vai trò gì, từ khi nào; và để người dân tìm được tổ ở ấp, khu phố của mình.',
    en: 'So that the commune can run its teams (who the members are, their roles, since when) and residents can find the team of their hamlet.',
  },
  data: [
    {
      vi: 'Họ và tên, vai trò trong tổ (tổ trưởng, tổ phó, thành viên)',
      en: 'Name and role in the team (leader, deputy, member)',
    },
    {
      vi: 'Thành phần tham gia (đoàn viên, trưởng ấp, công an khu vực, doanh nghiệp viễn thông…) và cơ quan, đơn vị',
      en: 'Affiliation (Youth Union, hamlet head, area police, telecom business…) and organisation',
    },
    { vi: 'Số điện thoại và địa chỉ e-mail', en: 'Phone number and e-mail address' },
    { vi: 'Ngày bắt đầu và ngày thôi tham gia tổ', en: 'The dates of joining and leaving the team' },
  ],
  basis: {
    kind: 'public_task',
    explanation: {
      vi: 'Ủy ban nhân dân xã thành lập và quản lý tổ theo chỉ đạo của Chính phủ về chuyển đổi số (Quyết định 411/QĐ-TTg năm 2022, Quyết định 1690/QĐ-TTg năm 2023). Riêng việc hiện số điện thoại của thành viên trong danh bạ công khai thì cần chính thành viên đồng ý.',
      en: "The commune People's Committee establishes and runs the teams under the Government's digital transformation programme (Decision 411/QĐ-TTg of 2022, Decision 1690/QĐ-TTg of 2023). Showing a member's own phone number in the public directory needs that member's consent.",
    },
  },
  consent: {
    version: '2026-12-05',
    text: {
      vi: 'Tôi đồng ý để số điện thoại của tôi hiện công khai trong danh bạ tổ, để người dân gọi nhờ hỗ trợ. Tôi có thể tắt bất cứ lúc nào.',
      en: 'I agree that my phone number is shown publicly in the team directory, so that residents can call me for help. I can switch this off at any time.',
    },
  },
  recipients: [
    {
      vi: 'Tổ trưởng, cán bộ xã và cán bộ tỉnh phụ trách trong phạm vi của họ',
      en: 'The team leader, and the commune and province officers in charge of the area',
    },
    {
      vi: 'Mọi người: tên tổ, lịch hỗ trợ và số điện thoại liên hệ của tổ; số điện thoại của thành viên chỉ khi người đó đồng ý',
      en: "Everyone: the team's name, support schedule and contact phone; a member's own phone only if that member agrees",
    },
  ],
  retention: {
    amount: 24,
    unit: 'months',
    text: {
      vi: 'Trong thời gian tham gia tổ và 24 tháng sau khi thôi tham gia, để đối chiếu kết quả các đợt; sau đó số điện thoại và e-mail được xoá.',
      en: 'While you are in the team and for 24 months after you leave, to check the results of past campaigns; then the phone number and e-mail address are deleted.',
    },
  },
  withdrawal: {
    vi: 'Khi bạn rút lại đồng ý, số điện thoại của bạn được ẩn khỏi danh bạ công khai ngay. Việc quản lý thành viên tổ không dựa trên sự đồng ý; bạn có thể xin thôi tham gia tổ.',
    en: 'When you withdraw consent, your phone number is removed from the public directory at once. Running the teams does not rest on consent; you can ask to leave the team.',
  },
};

/** The consent wording is the one members read aloud on the capture page (web/features/support/messages.ts). */
export const supportRecordsPurpose: ProcessingPurpose = {
  id: 'support_records',
  status: 'in_use',
  name: { vi: 'Ghi nhận lượt hỗ trợ', en: 'Support records' },
  description: {
    vi: 'Để đếm kết quả phổ cập kỹ năng số: tổ đã giúp bao nhiêu người, giúp việc gì, ở đâu.',
    en: 'To count the results of the digital skills campaign: how many people the teams helped, with what, and where.',
  },
  data: [
    {
      vi: 'Nhóm tuổi, giới tính và ấp, khu phố của người được hỗ trợ; không ghi tên, số điện thoại hay số giấy tờ',
      en: 'Age band, gender and hamlet of the person helped; never their name, phone number or ID number',
    },
    { vi: 'Việc đã hỗ trợ, kết quả và thời gian', en: 'What was helped with, the outcome and the time' },
    {
      vi: 'Chỉ khi người dân đồng ý: ghi chú ngắn và vị trí nơi hỗ trợ',
      en: 'Only if the citizen agrees: a short note and the place where help was given',
    },
    { vi: 'Thành viên tổ đã ghi nhận', en: 'The team member who recorded it' },
  ],
  basis: {
    kind: 'consent',
    explanation: {
      vi: 'Thành viên tổ đọc lời đồng ý cho người dân trước khi ghi. Không có đồng ý thì không lưu ghi chú và vị trí, chỉ giữ các con số thống kê không chỉ ra ai.',
      en: 'The team member reads the consent text to the citizen before recording. Without consent no note or location is kept, only counts that point to nobody.',
    },
  },
  consent: {
    version: '2026-12-05',
    text: {
      vi: 'Tổ ghi lại lượt hỗ trợ này (độ tuổi, giới tính, ấp, nội dung hỗ trợ) để thống kê kết quả chuyển đổi số. Không ghi tên, số điện thoại hay giấy tờ của bác/anh/chị.',
      en: 'The team records this support (age band, gender, hamlet, what we helped with) to count the results of digital transformation. We do not record your name, phone number or papers.',
    },
  },
  recipients: [
    {
      vi: 'Tổ trưởng (người duyệt), cán bộ xã và cán bộ tỉnh trong phạm vi của họ',
      en: 'The team leader (who reviews it), and commune and province officers in their area',
    },
    {
      vi: 'Mọi người: chỉ số liệu tổng hợp, không bao giờ có dữ liệu của từng người',
      en: 'Everyone: only aggregated figures, never data about one person',
    },
  ],
  retention: {
    amount: 36,
    unit: 'months',
    text: {
      vi: 'Giữ 36 tháng kể từ ngày hỗ trợ để theo dõi kết quả qua các năm; sau đó ghi chú và vị trí được xoá, chỉ còn số liệu thống kê.',
      en: 'Kept for 36 months from the day of the support, to follow results over the years; then the note and location are deleted and only the counts remain.',
    },
  },
  withdrawal: {
    vi: 'Ghi chú và vị trí của lượt hỗ trợ được xoá. Lượt hỗ trợ vẫn được đếm trong số liệu chung, vì không còn gì chỉ ra bạn là ai.',
    en: 'The note and location of the record are deleted. The support still counts in the totals, since nothing in it points to you any more.',
  },
};

export const notificationsPurpose: ProcessingPurpose = {
  id: 'notifications',
  status: 'in_use',
  name: { vi: 'Thông báo', en: 'Notifications' },
  description: {
    vi: 'Để báo cho người có tài khoản những việc cần làm (lượt chờ duyệt, lời mời, thay đổi) trong ứng dụng và qua e-mail.',
    en: 'To tell account holders about work waiting for them (records to review, invitations, changes) in the app and by e-mail.',
  },
  data: [
    {
      vi: 'Các thông báo gửi cho bạn và thời điểm bạn đã đọc',
      en: 'The notifications sent to you and when you read them',
    },
    {
      vi: 'Lựa chọn nhận thông báo của bạn (trong ứng dụng, e-mail, thư tóm tắt hằng ngày)',
      en: 'Your notification choices (in the app, by e-mail, daily digest)',
    },
    { vi: 'Địa chỉ e-mail nhận thư', en: 'The e-mail address mail is sent to' },
  ],
  basis: {
    kind: 'contract',
    explanation: {
      vi: 'Là một phần của tài khoản bạn đã đồng ý sử dụng; bạn tự chọn nhận thông báo qua kênh nào.',
      en: 'Part of the account you agreed to use; you choose the channels notifications reach you by.',
    },
  },
  recipients: [
    { vi: 'Chỉ bạn, người có tài khoản', en: 'Only you, the account holder' },
    {
      vi: 'Nhà cung cấp dịch vụ thư điện tử và hệ thống nhắn tin mà tỉnh kết nối (nếu có) để chuyển thông báo',
      en: 'The e-mail provider and the messaging system the province connects (if any), to deliver them',
    },
  ],
  retention: {
    amount: 6,
    unit: 'months',
    text: {
      vi: 'Thông báo trong ứng dụng được giữ 6 tháng; bản sao thư đã gửi được xoá sau 30 ngày (mặc định).',
      en: 'Notifications in the app are kept for 6 months; copies of sent e-mails are deleted after 30 days (by default).',
    },
  },
  withdrawal: {
    vi: 'Bạn tự tắt từng loại thông báo trong phần cài đặt thông báo của tài khoản. Thư cần cho việc đăng nhập (như đặt lại mật khẩu) vẫn được gửi khi bạn yêu cầu.',
    en: 'You switch each kind of notification off in your account’s notification settings. Messages needed to sign in (such as a password reset) are still sent when you ask for them.',
  },
};

/**
 * The case engine (issue 10). Handling a report is a public task; being told of its progress by phone or e-mail is
 * optional and rests on the consent text below (server/modules/cases/cases.consent.ts records it and honours its
 * withdrawal). The retention period is the default; a province may set its own (case_settings.retention_months).
 */
export const reportsPurpose: ProcessingPurpose = {
  id: 'reports',
  status: 'in_use',
  name: { vi: 'Phản ánh, kiến nghị hiện trường', en: 'On-the-spot reports and petitions' },
  description: {
    vi: 'Để tiếp nhận phản ánh của người dân, chuyển đến cơ quan có thẩm quyền, giải quyết và trả lời; và để các tổ gửi khó khăn, đề xuất lên cấp trên.',
    en: 'To receive residents’ reports, pass them to the competent agency, handle and answer them; and for teams to send their difficulties and proposals upwards.',
  },
  data: [
    {
      vi: 'Họ tên và số điện thoại hoặc e-mail của người phản ánh (không bắt buộc)',
      en: 'The name and phone number or e-mail address of the person reporting (optional)',
    },
    {
      vi: 'Nội dung phản ánh, ảnh, vị trí trên bản đồ hoặc xã, ấp và địa chỉ',
      en: 'What is reported, photos, the place on the map or the commune, hamlet and address',
    },
    { vi: 'Mức độ hài lòng với câu trả lời', en: 'How satisfied you are with the answer' },
    {
      vi: 'E-mail của người theo dõi một phản ánh, chỉ để báo tiến độ',
      en: 'The e-mail address of someone following a report, only to tell them of its progress',
    },
  ],
  basis: {
    kind: 'public_task',
    explanation: {
      vi: 'Cơ quan nhà nước có nhiệm vụ tiếp nhận, phân loại, chuyển và trả lời phản ánh, kiến nghị (Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 92/2017/NĐ-CP; Điều 43 Quyết định 31/2021/QĐ-TTg). Riêng việc nhắn tin, gửi e-mail báo tiến độ cho bạn thì cần bạn đồng ý.',
      en: 'State bodies have the task of receiving, classifying, passing on and answering reports and petitions (Decree 20/2008/NĐ-CP as amended by Decree 92/2017/NĐ-CP; Article 43 of Decision 31/2021/QĐ-TTg). Telling you of progress by message or e-mail needs your consent.',
    },
  },
  consent: {
    version: '2026-12-05',
    text: {
      vi: 'Tôi đồng ý để cơ quan tiếp nhận dùng số điện thoại hoặc e-mail này để báo cho tôi tiến độ và kết quả xử lý phản ánh, và liên hệ khi cần làm rõ. Thông tin liên lạc không được công khai.',
      en: 'I agree that the receiving agency uses this phone number or e-mail address to tell me of the progress and outcome of my report, and to contact me when something needs clarifying. My contact details are never published.',
    },
  },
  recipients: [
    {
      vi: 'Cán bộ tiếp nhận và cơ quan có thẩm quyền xử lý phản ánh (việc xem số điện thoại đầy đủ được ghi lại)',
      en: 'The receiving officers and the agency competent to handle the report (each look at the full phone number is logged)',
    },
    {
      vi: 'Mọi người: nội dung phản ánh, ảnh và câu trả lời, không kèm số điện thoại hay e-mail; tên chỉ khi bạn chọn hiện tên',
      en: 'Everyone: the report, its photos and its answer, without the phone number or e-mail address; the name only if you chose to show it',
    },
  ],
  retention: {
    amount: 12,
    unit: 'months',
    text: {
      vi: 'Tên, số điện thoại và e-mail của người phản ánh và người theo dõi được giữ đến 12 tháng sau khi phản ánh được đóng hoặc bị từ chối (tỉnh có thể quy định thời hạn khác), rồi được xoá; nội dung và câu trả lời đã công khai vẫn được giữ.',
      en: 'The name, phone number and e-mail address of the person reporting and of followers are kept until 12 months after the report is closed or refused (a province may set another period), then deleted; the published report and answer stay.',
    },
  },
  withdrawal: {
    vi: 'Khi bạn rút lại đồng ý, số điện thoại và e-mail của bạn được xoá khỏi phản ánh ngay và bạn không nhận tin báo tiến độ nữa; phản ánh vẫn được xử lý. Người theo dõi có thể ngừng theo dõi bằng đường dẫn trong mỗi e-mail.',
    en: 'When you withdraw consent, your phone number and e-mail address are removed from the report at once and you get no more progress messages; the report is still handled. Followers can stop following with the link in every e-mail.',
  },
};

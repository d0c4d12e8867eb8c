import type { ProcessingPurpose } from './register-types';

/**
 * Purposes of modules not built yet (product.md §4–7). They are declared before those modules store a single phone
 * number, so the privacy page is complete from the start and each module is built to what is promised here.
 */

export const helpRequestsPurpose: ProcessingPurpose = {
  id: 'help_requests',
  // Built (issue 11: server/modules/help-requests/); stays in this file so the other helpers' edits do not collide.
  status: 'in_use',
  name: { vi: 'Yêu cầu hỗ trợ', en: 'Help requests' },
  description: {
    vi: 'Để người dân, hoặc người thân, nhờ tổ ở ấp, khu phố của mình đến giúp, và để tổ liên lạc hẹn giờ.',
    en: 'So that residents, or their relatives, can ask the team of their hamlet for help, and the team can call to arrange a time.',
  },
  data: [
    {
      vi: 'Tên người cần hỗ trợ hoặc người gửi yêu cầu',
      en: 'The name of the person who needs help, or of the person asking',
    },
    {
      vi: 'Số điện thoại hoặc e-mail để tổ liên lạc lại',
      en: 'A phone number or e-mail address for the team to get back to you',
    },
    {
      vi: 'Ấp, khu phố; địa chỉ nhà nếu cần tổ đến tận nơi',
      en: 'The hamlet; the home address if the team is to come to you',
    },
    { vi: 'Việc cần giúp và thời gian thuận tiện', en: 'What help is needed and convenient times' },
  ],
  basis: {
    kind: 'consent',
    explanation: {
      vi: 'Bạn đồng ý khi gửi yêu cầu. Khi thành viên tổ ghi yêu cầu qua điện thoại hoặc gặp trực tiếp, họ đọc lời đồng ý cho bạn và ghi lại rằng bạn đã đồng ý.',
      en: 'You agree when you send the request. When a team member takes it down over the phone or in person, they read you the consent text and record that you agreed.',
    },
  },
  consent: {
    version: '2026-12-05',
    text: {
      vi: 'Tôi đồng ý để Tổ công nghệ số cộng đồng ở ấp, khu phố của tôi dùng tên, số điện thoại hoặc e-mail và địa chỉ này để liên lạc và hỗ trợ tôi. Thông tin chỉ dùng cho yêu cầu này.',
      en: 'I agree that the community digital technology team of my hamlet uses this name, phone number or e-mail address and address to contact me and help me. The information is used for this request only.',
    },
  },
  recipients: [
    {
      vi: 'Thành viên tổ công nghệ số ở ấp, khu phố nơi cần hỗ trợ',
      en: 'The members of the digital technology team of the hamlet concerned',
    },
    {
      vi: 'Cán bộ xã phụ trách, khi cần điều phối giữa các tổ',
      en: 'The commune officer in charge, when requests have to be shared out between teams',
    },
  ],
  // The default; a province may set its own period (help_request_settings, help-requests.privacy.ts).
  retention: {
    amount: 90,
    unit: 'days',
    text: {
      vi: 'Thông tin liên lạc được giữ đến 90 ngày (hoặc thời hạn tỉnh quy định) sau khi yêu cầu hoàn thành, không liên lạc được hoặc bị hủy, rồi được xoá; việc đã hỗ trợ vẫn được đếm như một lượt hỗ trợ.',
      en: 'Contact details are kept until 90 days (or the period the province sets) after the request is done, could not be reached or is cancelled, then deleted; the help given still counts as a support record.',
    },
  },
  withdrawal: {
    vi: 'Yêu cầu còn đang chờ thì được hủy, thông tin liên lạc được xoá ngay và tổ không liên lạc với bạn nữa.',
    en: 'A request still waiting is cancelled, the contact details are deleted at once and the team does not contact you again.',
  },
};

export const questionsPurpose: ProcessingPurpose = {
  id: 'questions',
  // Built (issue 11: server/modules/questions/); stays in this file so the other helpers' edits do not collide.
  status: 'in_use',
  name: { vi: 'Hỏi – đáp trực tuyến', en: 'Online questions and answers' },
  description: {
    vi: 'Để người dân đặt câu hỏi và nhận câu trả lời của thành viên tổ, cán bộ; câu hỏi hay được đưa vào mục hỏi đáp chung.',
    en: 'So that residents can ask questions and get answers from team members and officers; useful questions join the public FAQ.',
  },
  data: [
    { vi: 'Câu hỏi và chủ đề', en: 'The question and its topic' },
    {
      vi: 'Tên hiển thị, không cần là tên thật',
      en: 'A display name, which need not be your real name',
    },
    {
      vi: 'Số điện thoại hoặc e-mail, chỉ khi bạn muốn được báo lúc có câu trả lời',
      en: 'A phone number or e-mail address, only if you want to be told when there is an answer',
    },
    {
      vi: 'Xã, phường (không bắt buộc), để câu hỏi đến đúng người trả lời',
      en: 'Your commune (optional), so the question reaches the right people',
    },
  ],
  basis: {
    kind: 'consent',
    explanation: {
      vi: 'Bạn tự gửi câu hỏi và đồng ý để câu hỏi cùng câu trả lời được công khai.',
      en: 'You send the question yourself and agree that it is published with its answer.',
    },
  },
  consent: {
    version: '2026-12-05',
    text: {
      vi: 'Tôi đồng ý để câu hỏi của tôi và câu trả lời được đăng công khai cùng tên hiển thị tôi chọn. Số điện thoại hoặc e-mail (nếu có) chỉ dùng để báo cho tôi khi có câu trả lời và không được công khai.',
      en: 'I agree that my question and its answer are published with the display name I chose. My phone number or e-mail address (if given) is used only to tell me about the answer and is never published.',
    },
  },
  recipients: [
    {
      vi: 'Thành viên tổ và cán bộ trả lời, kiểm duyệt câu hỏi',
      en: 'The team members and officers who answer and moderate questions',
    },
    {
      vi: 'Mọi người: câu hỏi, câu trả lời và tên hiển thị; không bao giờ có số điện thoại hay e-mail',
      en: 'Everyone: the question, the answer and the display name; never the phone number or e-mail address',
    },
  ],
  retention: {
    amount: 12,
    unit: 'months',
    text: {
      vi: 'Số điện thoại, e-mail được xoá 12 tháng sau khi câu hỏi có câu trả lời; câu hỏi và câu trả lời vẫn công khai, không kèm thông tin liên lạc.',
      en: 'The phone number or e-mail address is deleted 12 months after the question is answered; the question and answer stay public without contact details.',
    },
  },
  withdrawal: {
    vi: 'Câu hỏi được gỡ khỏi trang công khai hoặc chuyển sang ẩn danh, và số điện thoại, e-mail được xoá.',
    en: 'The question is taken off the public pages or made anonymous, and the phone number or e-mail address is deleted.',
  },
};

export const quizzesPurpose: ProcessingPurpose = {
  id: 'quizzes',
  status: 'planned',
  name: { vi: 'Bài kiểm tra và cuộc thi', en: 'Quizzes and contests' },
  description: {
    vi: 'Để người dân tự kiểm tra kỹ năng số, để đoàn viên dự thi, xếp hạng theo tổ, theo xã và nhận giấy chứng nhận.',
    en: 'So that residents can test their digital skills, and youth members can take part in contests, be ranked by team and commune, and receive certificates.',
  },
  data: [
    { vi: 'Họ và tên', en: 'Full name' },
    { vi: 'Xã, phường và tổ (khi dự thi)', en: 'Commune and team (for contests)' },
    { vi: 'Bài làm, điểm và thời gian làm bài', en: 'Answers, score and time taken' },
    {
      vi: 'Số điện thoại hoặc e-mail, chỉ để nhận giấy chứng nhận hoặc giải thưởng',
      en: 'A phone number or e-mail address, only to receive a certificate or a prize',
    },
  ],
  basis: {
    kind: 'consent',
    explanation: {
      vi: 'Tham gia là tự nguyện; bạn đồng ý trước khi bắt đầu làm bài.',
      en: 'Taking part is voluntary; you agree before you start.',
    },
  },
  consent: {
    version: '2026-12-05',
    text: {
      vi: 'Tôi đồng ý để ban tổ chức lưu tên, xã, tổ, bài làm và điểm của tôi để chấm điểm, xếp hạng và cấp giấy chứng nhận. Bảng xếp hạng công khai chỉ hiện kết quả theo tổ và theo xã.',
      en: 'I agree that the organisers keep my name, commune, team, answers and score to mark, rank and award certificates. Public rankings show results by team and commune only.',
    },
  },
  recipients: [
    {
      vi: 'Ban tổ chức (Đoàn Thanh niên, sở phụ trách chuyển đổi số)',
      en: 'The organisers (the Youth Union, the department in charge of digital transformation)',
    },
    { vi: 'Mọi người: bảng xếp hạng theo tổ và theo xã', en: 'Everyone: rankings by team and by commune' },
  ],
  retention: {
    amount: 24,
    unit: 'months',
    text: {
      vi: 'Giữ 24 tháng sau khi cuộc thi kết thúc để giải đáp thắc mắc và cấp lại giấy chứng nhận; sau đó chỉ còn điểm tổng hợp theo tổ, theo xã.',
      en: 'Kept for 24 months after the contest ends, to answer queries and reissue certificates; then only the totals by team and commune remain.',
    },
  },
  withdrawal: {
    vi: 'Bài làm và điểm của bạn được xoá và không còn tính vào bảng xếp hạng; giấy chứng nhận đã cấp vẫn có giá trị.',
    en: 'Your answers and score are deleted and no longer count in the rankings; certificates already issued stay valid.',
  },
};

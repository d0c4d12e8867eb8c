/**
 * The privacy page's own words (namespace "privacy"): headings and links only. Everything about the purposes, the
 * controller and the rights comes from the register (shared/privacy/register.ts), so it is never written twice.
 */
export const namespace = 'privacy';

export const vi = {
  title: 'Quyền riêng tư và dữ liệu cá nhân',
  lead: 'Trang này cho biết Cộng Đồng Số thu thập dữ liệu cá nhân nào, để làm gì, ai được xem, giữ trong bao lâu và bạn có những quyền gì, theo {{laws}}.',
  updated: 'Cập nhật ngày {{date}}.',
  neverAsked: {
    title: 'Không ai được hỏi bạn những thứ này',
    body: 'Thành viên tổ, cán bộ hay bất kỳ ai trên Cộng Đồng Số đều không được hỏi:',
    after: 'Nếu có người hỏi, đừng đưa và hãy báo cho trưởng ấp, khu phố hoặc công an khu vực.',
  },
  controller: {
    title: 'Ai chịu trách nhiệm về dữ liệu của bạn',
    name: 'Bên kiểm soát dữ liệu',
    address: 'Địa chỉ',
    contact: 'Liên hệ',
  },
  purposes: {
    title: 'Dữ liệu được dùng vào những việc gì',
    intro: 'Mỗi việc dưới đây chỉ dùng dữ liệu cho đúng mục đích đã nêu và chỉ thu thập những gì cần thiết.',
    contents: 'Các việc có dùng dữ liệu cá nhân',
    planned: 'Sắp có',
    plannedNote: 'Chức năng này đang được xây dựng. Khi có, dữ liệu sẽ được xử lý đúng như dưới đây.',
    data: 'Dữ liệu được thu thập',
    basis: 'Căn cứ pháp lý',
    consent: 'Lời đồng ý (phiên bản ngày {{date}})',
    recipients: 'Ai được xem',
    retention: 'Giữ trong bao lâu',
    withdrawal: 'Khi bạn rút lại đồng ý hoặc phản đối',
  },
  rights: {
    title: 'Quyền của bạn',
    intro: 'Với dữ liệu cá nhân của mình, bạn có quyền:',
    deadline: 'Yêu cầu của bạn được trả lời trong vòng {{days}} ngày làm việc.',
    howToNow:
      'Để gửi yêu cầu, hãy liên hệ: {{contact}}. Khi gửi, bạn chỉ cần cho biết tên và cách liên lạc; đừng gửi ảnh giấy tờ tùy thân.',
    requestLink: 'Gửi yêu cầu về dữ liệu cá nhân',
  },
  reveal: {
    button: 'Xem số',
    buttonFor: 'Xem số đầy đủ của {{name}}',
    title: 'Xem số điện thoại đầy đủ',
    body: 'Số điện thoại là dữ liệu cá nhân. Chỉ xem khi cần liên hệ. Lý do của bạn được ghi vào nhật ký truy cập mà quản trị viên tỉnh xem được.',
    reason: 'Lý do cần xem số',
    reasonHint: 'Ví dụ: gọi hẹn lịch hỗ trợ',
    reasonTooShort: 'Hãy ghi lý do (ít nhất 5 ký tự).',
    confirm: 'Xem số',
    cancel: 'Huỷ',
    call: 'Gọi {{phone}}',
  },
};

export const en: typeof vi = {
  title: 'Privacy and personal data',
  lead: 'This page tells you which personal data Cộng Đồng Số collects, what for, who sees it, how long it is kept and what your rights are, under {{laws}}.',
  updated: 'Updated on {{date}}.',
  neverAsked: {
    title: 'Nobody may ask you for these',
    body: 'No team member, officer or anyone else on Cộng Đồng Số may ask you for:',
    after: 'If someone asks, do not give it, and tell your hamlet head or the area police.',
  },
  controller: {
    title: 'Who is responsible for your data',
    name: 'Data controller',
    address: 'Address',
    contact: 'Contact',
  },
  purposes: {
    title: 'What the data is used for',
    intro: 'Each use below takes data only for the purpose stated, and collects only what is needed.',
    contents: 'Uses of personal data',
    planned: 'Coming soon',
    plannedNote:
      'This service is being built. Once it exists, data will be handled exactly as described below.',
    data: 'Data collected',
    basis: 'Legal basis',
    consent: 'Consent text (version of {{date}})',
    recipients: 'Who sees it',
    retention: 'How long it is kept',
    withdrawal: 'If you withdraw consent or object',
  },
  rights: {
    title: 'Your rights',
    intro: 'For your personal data, you have the right to:',
    deadline: 'Your request is answered within {{days}} working days.',
    howToNow:
      'To make a request, contact: {{contact}}. You only need to give your name and how to reach you; do not send pictures of identity documents.',
    requestLink: 'Make a request about your personal data',
  },
  reveal: {
    button: 'Show number',
    buttonFor: 'Show the full number of {{name}}',
    title: 'Show the full phone number',
    body: 'A phone number is personal data. Look at it only when you need to get in touch. Your reason is written to the access log that province administrators can read.',
    reason: 'Why you need the number',
    reasonHint: 'For example: call to arrange a visit',
    reasonTooShort: 'Give a reason (at least 5 characters).',
    confirm: 'Show number',
    cancel: 'Cancel',
    call: 'Call {{phone}}',
  },
};

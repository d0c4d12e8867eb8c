/** Strings of the app shell (namespace "app", the default namespace). */
export const namespace = 'app';

export const vi = {
  productName: 'Cộng Đồng Số',
  skipLink: 'Bỏ qua, đến nội dung chính',
  nav: {
    label: 'Điều hướng chính',
    menu: 'Menu',
    adminGroup: 'Quản trị',
    bottomLabel: 'Điều hướng nhanh',
    more: 'Thêm',
    moreTitle: 'Các mục khác',
    accountTools: 'Tài khoản và ngôn ngữ',
    sections: {
      field: 'Công việc tại địa bàn',
      teams: 'Tổ và địa bàn',
      admin: 'Quản trị',
    },
  },
  language: {
    label: 'Ngôn ngữ:',
  },
  account: {
    signIn: 'Đăng nhập',
  },
  status: {
    offline: 'Bạn đang ngoại tuyến. Những gì cần mạng sẽ chạy lại khi có kết nối.',
    updateReady: 'Đã có phiên bản mới của ứng dụng.',
    offlineReady: 'Ứng dụng đã sẵn sàng để mở cả khi không có mạng.',
    reload: 'Tải lại',
    dismiss: 'Để sau',
    understood: 'Đã hiểu',
    loadingPage: 'Đang mở trang…',
  },
  footer: {
    about: 'Nền tảng mở phục vụ Tổ công nghệ số cộng đồng và người dân.',
    home: 'Trang chủ',
    apiDocs: 'Tài liệu API cho nhà phát triển',
    privacy: 'Quyền riêng tư và dữ liệu cá nhân',
    linksLabel: 'Liên kết cuối trang',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Địa chỉ này không có trang nào. Có thể đường dẫn bị gõ sai hoặc trang đã được chuyển đi.',
    home: 'Về trang chủ',
  },
  error: {
    title: 'Đã có lỗi xảy ra',
    body: 'Trang này không hiển thị được. Vui lòng tải lại trang; nếu vẫn lỗi, hãy thử lại sau ít phút.',
    chunkTitle: 'Không tải được trang',
    chunkBody: 'Có thể mạng đang yếu hoặc ứng dụng vừa được cập nhật. Vui lòng tải lại trang.',
    reload: 'Tải lại trang',
    home: 'Về trang chủ',
  },
  forbidden: {
    title: 'Bạn chưa có quyền xem trang này',
    body: 'Tài khoản của bạn không có quyền này. Nếu bạn cần, hãy liên hệ cán bộ quản lý để được cấp quyền.',
  },
  unreachable: {
    title: 'Chưa kết nối được máy chủ',
    body: 'Không kiểm tra được tài khoản của bạn vì mất kết nối. Vui lòng thử lại khi có mạng.',
    retry: 'Thử lại',
  },
  errors: {
    unexpected: 'Đã có lỗi bất ngờ. Vui lòng thử lại.',
  },
};

export const en: typeof vi = {
  productName: 'Cộng Đồng Số',
  skipLink: 'Skip to main content',
  nav: {
    label: 'Main navigation',
    menu: 'Menu',
    adminGroup: 'Administration',
    bottomLabel: 'Quick navigation',
    more: 'More',
    moreTitle: 'More destinations',
    accountTools: 'Account and language',
    sections: {
      field: 'Field work',
      teams: 'Teams and places',
      admin: 'Administration',
    },
  },
  language: {
    label: 'Language:',
  },
  account: {
    signIn: 'Sign in',
  },
  status: {
    offline: 'You are offline. Anything that needs the network will run again once you are connected.',
    updateReady: 'A new version of the app is available.',
    offlineReady: 'The app is ready to open even without a connection.',
    reload: 'Reload',
    dismiss: 'Later',
    understood: 'Got it',
    loadingPage: 'Opening the page…',
  },
  footer: {
    about: 'An open platform for community digital technology teams and the people they help.',
    home: 'Home',
    apiDocs: 'API documentation for developers',
    privacy: 'Privacy and personal data',
    linksLabel: 'Footer links',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address. The link may be mistyped or the page may have moved.',
    home: 'Go to the home page',
  },
  error: {
    title: 'Something went wrong',
    body: 'This page could not be shown. Please reload it; if the problem persists, try again in a few minutes.',
    chunkTitle: 'The page could not be loaded',
    chunkBody: 'The connection may be weak or the app was just updated. Please reload the page.',
    reload: 'Reload the page',
    home: 'Go to the home page',
  },
  forbidden: {
    title: 'You do not have access to this page',
    body: 'Your account does not have this permission. If you need it, ask the officer who manages your account.',
  },
  unreachable: {
    title: 'Cannot reach the server',
    body: 'Your account could not be checked because the connection is down. Please try again when you are online.',
    retry: 'Try again',
  },
  errors: {
    unexpected: 'Something unexpected went wrong. Please try again.',
  },
};

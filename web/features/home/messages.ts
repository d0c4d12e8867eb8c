/** The public home page (namespace "home"), in plain words for citizens. */
export const namespace = 'home';

export const vi = {
  nav: {
    home: 'Trang chủ',
  },
  pageTitle: 'Trang chủ',
  hero: {
    eyebrow: 'Tổ công nghệ số cộng đồng',
    title: 'Cùng nhau dùng công nghệ số, không ai bị bỏ lại phía sau',
    lead: 'Ở mỗi ấp, khu phố đều có Tổ công nghệ số cộng đồng: những người hàng xóm sẵn lòng giúp bà con dùng điện thoại thông minh, làm thủ tục qua mạng và trả tiền không dùng tiền mặt. Hoàn toàn miễn phí.',
    signIn: 'Đăng nhập cho thành viên tổ',
    welcome: 'Xin chào {{name}}!',
  },
  skills: {
    title: 'Tổ công nghệ số giúp bạn điều gì?',
    intro: 'Năm kỹ năng số cơ bản mà tổ hướng dẫn cho từng gia đình:',
    publicServices: {
      title: 'Dịch vụ công trực tuyến',
      body: 'Làm giấy tờ, nộp hồ sơ qua mạng bằng tài khoản định danh điện tử VNeID, không phải xếp hàng chờ.',
    },
    shopping: {
      title: 'Mua bán trên mạng',
      body: 'Mua hàng an toàn trên sàn thương mại điện tử, và mở gian hàng để bán nông sản của gia đình.',
    },
    payments: {
      title: 'Thanh toán không dùng tiền mặt',
      body: 'Dùng ứng dụng ngân hàng, ví điện tử, quét mã QR để trả tiền điện, tiền nước, học phí.',
    },
    safety: {
      title: 'An toàn trên mạng',
      body: 'Nhận biết tin nhắn, cuộc gọi lừa đảo; giữ kín mật khẩu và mã OTP; đặt tài khoản an toàn.',
    },
    localPlatforms: {
      title: 'Ứng dụng của địa phương',
      body: 'Dùng ứng dụng của tỉnh để hỏi đáp, gửi phản ánh, xem tin tức và sổ sức khỏe điện tử.',
    },
  },
  help: {
    title: 'Làm sao để được hỗ trợ?',
    ask: 'Gửi yêu cầu để tổ gọi lại',
    step1:
      'Tìm tổ công nghệ số ở ấp, khu phố của bạn: hỏi trưởng ấp, trưởng khu phố hoặc Ủy ban nhân dân xã, phường.',
    step2:
      'Liên hệ tổ: gọi điện, nhắn tin hoặc đến buổi hỗ trợ của tổ. Người lớn tuổi, người đi lại khó khăn có thể nhờ tổ đến tận nhà.',
    step3:
      'Mang theo điện thoại và căn cước công dân. Thành viên tổ hướng dẫn từng bước; bạn tự nhập mật khẩu của mình.',
    safetyTitle: 'Hãy cảnh giác',
    safetyBody:
      'Thành viên tổ không bao giờ hỏi mật khẩu, mã OTP hay nhờ chuyển tiền. Nếu ai đó hỏi, đừng cung cấp và báo ngay cho trưởng ấp hoặc công an khu vực.',
  },
  services: {
    title: 'Dịch vụ trên Cộng Đồng Số',
  },
  members: {
    title: 'Dành cho thành viên tổ và cán bộ',
    body: 'Đăng nhập để ghi nhận lượt hỗ trợ, quản lý tổ và theo dõi tiến độ, kể cả khi không có mạng. Chưa có tài khoản? Tổ trưởng hoặc cán bộ xã sẽ gửi lời mời cho bạn.',
    signIn: 'Đăng nhập',
    signedIn: 'Bạn đang đăng nhập. Xem hồ sơ và vai trò của bạn tại trang hồ sơ.',
    profile: 'Hồ sơ của tôi',
  },
};

export const en: typeof vi = {
  nav: {
    home: 'Home',
  },
  pageTitle: 'Home',
  hero: {
    eyebrow: 'Community digital technology teams',
    title: 'Going digital together, leaving no one behind',
    lead: 'Every hamlet and neighbourhood has a community digital technology team: neighbours who gladly help people use a smartphone, do paperwork online and pay without cash. Completely free of charge.',
    signIn: 'Sign in for team members',
    welcome: 'Hello {{name}}!',
  },
  skills: {
    title: 'What can the team help you with?',
    intro: 'The five basic digital skills the teams bring to every household:',
    publicServices: {
      title: 'Online public services',
      body: 'Do paperwork and file applications online with your VNeID electronic identity, without queueing.',
    },
    shopping: {
      title: 'Buying and selling online',
      body: 'Shop safely on e-commerce sites, and open an online stall to sell your family’s farm produce.',
    },
    payments: {
      title: 'Paying without cash',
      body: 'Use a bank app, an e-wallet or a QR code to pay electricity, water and school fees.',
    },
    safety: {
      title: 'Staying safe online',
      body: 'Spot scam messages and calls; keep passwords and OTP codes secret; secure your accounts.',
    },
    localPlatforms: {
      title: 'Local digital platforms',
      body: 'Use the province’s app to ask questions, report problems, read news and see your electronic health book.',
    },
  },
  help: {
    title: 'How do I get help?',
    ask: 'Ask a team to call you back',
    step1:
      'Find the digital technology team of your hamlet or neighbourhood: ask the hamlet head or the commune People’s Committee.',
    step2:
      'Contact the team: call, send a message or come to one of its help sessions. Elderly people and those who cannot travel can ask the team to come to their home.',
    step3:
      'Bring your phone and your citizen ID card. A team member guides you step by step; you type your own passwords.',
    safetyTitle: 'Stay alert',
    safetyBody:
      'Team members never ask for your password or OTP code, and never ask you to transfer money. If someone does, do not give it and tell the hamlet head or the local police.',
  },
  services: {
    title: 'Services on Cộng Đồng Số',
  },
  members: {
    title: 'For team members and officers',
    body: 'Sign in to log the help you give, manage your team and follow progress, even without a connection. No account yet? Your team leader or commune officer will send you an invitation.',
    signIn: 'Sign in',
    signedIn: 'You are signed in. See your details and roles on your profile page.',
    profile: 'My profile',
  },
};

/** The service catalogue screen (namespace "services"): the five basic digital skills and their services. */
export const namespace = 'services';

export const vi = {
  nav: { services: 'Danh mục dịch vụ' },
  page: {
    title: 'Danh mục dịch vụ',
    description:
      'Các dịch vụ mà tổ công nghệ số hướng dẫn người dân, xếp theo năm kỹ năng số cơ bản. Mã dịch vụ là cố định: dịch vụ không còn dùng thì ngừng sử dụng, không xoá.',
    count_one: '{{count}} dịch vụ',
    count_other: '{{count}} dịch vụ',
    empty: 'Chưa có dịch vụ nào thuộc kỹ năng này.',
    loadFailed: 'Không tải được danh mục dịch vụ.',
    retry: 'Thử lại',
    unknownError: 'Đã có lỗi. Vui lòng thử lại sau.',
  },
  skills: {
    public_services: 'Sử dụng dịch vụ công trực tuyến',
    online_shopping: 'Mua sắm trực tuyến',
    online_payment: 'Thanh toán trực tuyến',
    online_safety: 'Bảo vệ bản thân trên không gian mạng',
    local_platforms: 'Sử dụng các nền tảng số của địa phương',
  },
  columns: {
    code: 'Mã',
    name: 'Tên tiếng Việt',
    nameEn: 'Tên tiếng Anh',
    status: 'Trạng thái',
    actions: 'Thao tác',
  },
  status: { active: 'Đang dùng', retired: 'Ngừng sử dụng' },
  actions: {
    edit: 'Sửa tên',
    retire: 'Ngừng sử dụng',
    reactivate: 'Dùng lại',
    cancel: 'Huỷ',
  },
  form: {
    code: 'Mã dịch vụ',
    codeHint: 'Chữ thường không dấu, chữ số và dấu "_", từ 2 đến 48 ký tự, bắt đầu bằng chữ cái. Ví dụ: vneid_muc_2. Mã không đổi được sau khi tạo.',
    codeInvalid: 'Mã chỉ gồm chữ thường không dấu, chữ số và dấu "_" (2–48 ký tự), bắt đầu bằng chữ cái.',
    name: 'Tên tiếng Việt',
    nameEn: 'Tên tiếng Anh',
    nameRequired: 'Vui lòng nhập tên (2–160 ký tự).',
    skill: 'Kỹ năng số',
    skillPlaceholder: '— Chọn kỹ năng —',
    skillRequired: 'Vui lòng chọn kỹ năng số.',
  },
  add: {
    title: 'Thêm dịch vụ',
    submit: 'Thêm dịch vụ',
    done: 'Đã thêm dịch vụ "{{name}}".',
  },
  edit: {
    title: 'Sửa dịch vụ {{code}}',
    submit: 'Lưu thay đổi',
    done: 'Đã lưu dịch vụ "{{name}}".',
  },
  retire: {
    title: 'Ngừng sử dụng "{{name}}"?',
    body: 'Mã {{code}} vẫn được giữ và các lượt hỗ trợ đã ghi vẫn hiện tên dịch vụ, nhưng không ghi thêm được lượt hỗ trợ mới cho dịch vụ này. Có thể dùng lại sau.',
    done: 'Đã ngừng sử dụng dịch vụ "{{name}}".',
  },
  reactivate: { done: 'Đã dùng lại dịch vụ "{{name}}".' },
};

export const en: typeof vi = {
  nav: { services: 'Service catalogue' },
  page: {
    title: 'Service catalogue',
    description:
      'The services community digital technology teams help people with, grouped by the five basic digital skills. Service codes are permanent: a service no longer offered is retired, never deleted.',
    count_one: '{{count}} service',
    count_other: '{{count}} services',
    empty: 'No services under this skill yet.',
    loadFailed: 'The service catalogue could not be loaded.',
    retry: 'Try again',
    unknownError: 'Something went wrong. Please try again later.',
  },
  skills: {
    public_services: 'Use online public services',
    online_shopping: 'Shop online',
    online_payment: 'Pay online',
    online_safety: 'Stay safe in cyberspace',
    local_platforms: 'Use the locality’s digital platforms',
  },
  columns: {
    code: 'Code',
    name: 'Vietnamese name',
    nameEn: 'English name',
    status: 'Status',
    actions: 'Actions',
  },
  status: { active: 'Active', retired: 'Retired' },
  actions: {
    edit: 'Edit names',
    retire: 'Retire',
    reactivate: 'Re-activate',
    cancel: 'Cancel',
  },
  form: {
    code: 'Service code',
    codeHint:
      'Lower-case letters, digits and "_", 2 to 48 characters, starting with a letter. Example: vneid_level_2. The code cannot be changed once created.',
    codeInvalid: 'Use lower-case letters, digits and "_" only (2–48 characters), starting with a letter.',
    name: 'Vietnamese name',
    nameEn: 'English name',
    nameRequired: 'Please enter a name (2–160 characters).',
    skill: 'Digital skill',
    skillPlaceholder: '— Choose a skill —',
    skillRequired: 'Please choose a digital skill.',
  },
  add: {
    title: 'Add a service',
    submit: 'Add service',
    done: 'Service "{{name}}" added.',
  },
  edit: {
    title: 'Edit service {{code}}',
    submit: 'Save changes',
    done: 'Service "{{name}}" saved.',
  },
  retire: {
    title: 'Retire "{{name}}"?',
    body: 'The code {{code}} is kept and support records already made still show the service, but no new support records can use it. It can be re-activated later.',
    done: 'Service "{{name}}" retired.',
  },
  reactivate: { done: 'Service "{{name}}" re-activated.' },
};

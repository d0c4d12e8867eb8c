/** Strings of the design-system primitives (namespace "ui"); collected by web/app/i18n.ts. */
export const namespace = 'ui';

export const vi = {
  loading: 'Đang tải…',
  working: 'Đang xử lý…',
  optional: '(không bắt buộc)',
  errorPrefix: 'Lỗi:',
  showPasswordLabel: 'Hiện mật khẩu',
  on: 'Bật',
  off: 'Tắt',
  close: 'Đóng',
  loadMore: 'Xem thêm',
  allShown: 'Đã hiển thị tất cả.',
  shownCount: 'Đang hiển thị {{count}} mục.',
  previousPage: 'Trang trước',
  nextPage: 'Trang sau',
  pageNumber: 'Trang {{page}}',
  errorSummaryTitle: 'Vui lòng sửa các lỗi sau',
  alert: {
    info: 'Thông tin:',
    success: 'Thành công:',
    warning: 'Lưu ý:',
    error: 'Lỗi:',
  },
};

export const en: typeof vi = {
  loading: 'Loading…',
  working: 'Working…',
  optional: '(optional)',
  errorPrefix: 'Error:',
  showPasswordLabel: 'Show password',
  on: 'On',
  off: 'Off',
  close: 'Close',
  loadMore: 'Show more',
  allShown: 'Everything is shown.',
  shownCount: 'Showing {{count}} items.',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageNumber: 'Page {{page}}',
  errorSummaryTitle: 'Please fix the following',
  alert: {
    info: 'Information:',
    success: 'Success:',
    warning: 'Note:',
    error: 'Error:',
  },
};

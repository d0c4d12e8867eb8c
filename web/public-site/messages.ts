/**
 * Strings of the public pages' own frame (namespace "public-site"); the pages bring their features' namespaces. The
 * header's links are named here, not read from the home and teams features, so the frame needs no page's messages.
 */
export const namespace = 'public-site';

export const vi = {
  nav: {
    label: 'Trang công khai',
    home: 'Trang chủ',
    directory: 'Tìm tổ công nghệ số',
    report: 'Phản ánh',
    reports: 'Danh sách phản ánh',
  },
  account: {
    workspace: 'Trang làm việc',
  },
};

export const en: typeof vi = {
  nav: {
    label: 'Public pages',
    home: 'Home',
    directory: 'Find a digital team',
    report: 'Report a problem',
    reports: 'Reports',
  },
  account: {
    workspace: 'My work',
  },
};

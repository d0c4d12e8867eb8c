/** Strings of the public pages' own frame (namespace "public-site"); the pages bring their features' namespaces. */
export const namespace = 'public-site';

export const vi = {
  nav: {
    label: 'Trang công khai',
  },
  account: {
    workspace: 'Trang làm việc',
  },
};

export const en: typeof vi = {
  nav: {
    label: 'Public pages',
  },
  account: {
    workspace: 'My work',
  },
};

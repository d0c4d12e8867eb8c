import {
  accountsPurpose,
  notificationsPurpose,
  reportsPurpose,
  supportRecordsPurpose,
  teamMembershipPurpose,
} from './purposes-in-use';
import { helpRequestsPurpose, questionsPurpose, quizzesPurpose } from './purposes-planned';
import type { LegalBasisKind, LocalizedText, ProcessingPurpose, PurposeId } from './register-types';

/**
 * The register of processing purposes (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): for each purpose, the personal
 * data collected, the legal basis or the consent text with its version, who receives it, how long it is kept and
 * what withdrawal does. It is the single source of the public privacy page (/privacy) and, as modules are built,
 * of consent records (purpose + version), the retention job and data-subject requests, so the promise and the
 * behaviour cannot drift apart. Isomorphic: no Node, no DOM.
 */

export * from './register-types';

/** The date the register was last reviewed (YYYY-MM-DD); shown on the privacy page. */
export const REGISTER_UPDATED_ON = '2026-12-05';

export const PRIVACY_LAWS: LocalizedText = {
  vi: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP, có hiệu lực từ ngày 01/01/2026',
  en: 'the Law on Personal Data Protection No. 91/2025/QH15 and Decree 356/2025/NĐ-CP, in force since 1 January 2026',
};

/**
 * Who decides why and how the data is processed. Phrased for any province, since each province runs its own
 * installation; a province that wants its exact seat and hotline here adds them when it deploys.
 */
export const CONTROLLER: { name: LocalizedText; address: LocalizedText; contact: LocalizedText } = {
  name: {
    vi: 'Ủy ban nhân dân tỉnh (đơn vị vận hành hệ thống này)',
    en: "The Provincial People's Committee (operator of this installation)",
  },
  address: {
    vi: 'Trụ sở Ủy ban nhân dân tỉnh nơi triển khai hệ thống',
    en: "The seat of the Provincial People's Committee that runs this installation",
  },
  contact: {
    vi: 'Sở phụ trách chuyển đổi số của tỉnh (Sở Khoa học và Công nghệ), hoặc Ủy ban nhân dân xã, phường nơi bạn ở',
    en: "The province's department in charge of digital transformation (Department of Science and Technology), or the People's Committee of your commune",
  },
};

/** In the order the privacy page shows them: the modules people meet first, then the ones built later. */
export const PROCESSING_PURPOSES: readonly ProcessingPurpose[] = [
  accountsPurpose,
  teamMembershipPurpose,
  supportRecordsPurpose,
  helpRequestsPurpose,
  reportsPurpose,
  questionsPurpose,
  quizzesPurpose,
  notificationsPurpose,
];

export function findPurpose(id: PurposeId): ProcessingPurpose {
  const purpose = PROCESSING_PURPOSES.find((p) => p.id === id);
  if (!purpose) throw new Error(`No processing purpose "${id}" in the register`);
  return purpose;
}

export const LEGAL_BASIS_NAMES: Record<LegalBasisKind, LocalizedText> = {
  consent: { vi: 'Sự đồng ý của bạn', en: 'Your consent' },
  contract: { vi: 'Thực hiện thỏa thuận với bạn', en: 'Carrying out an agreement with you' },
  legal_obligation: { vi: 'Nghĩa vụ theo quy định của pháp luật', en: 'An obligation under the law' },
  public_task: {
    vi: 'Nhiệm vụ của cơ quan nhà nước theo quy định của pháp luật',
    en: 'A task of a state body under the law',
  },
};

/** The kinds of data-subject request; the request form and POST /api/v1/privacy/requests use the same list. */
export const DATA_SUBJECT_RIGHTS = [
  'access',
  'correction',
  'deletion',
  'restriction',
  'withdrawal',
  'objection',
] as const;
export type DataSubjectRight = (typeof DATA_SUBJECT_RIGHTS)[number];

export const DATA_SUBJECT_RIGHT_TEXTS: Record<
  DataSubjectRight,
  { name: LocalizedText; description: LocalizedText }
> = {
  access: {
    name: { vi: 'Biết và xem dữ liệu', en: 'Know and see your data' },
    description: {
      vi: 'Biết dữ liệu nào về bạn đang được xử lý và nhận một bản sao.',
      en: 'Know which data about you is processed, and get a copy.',
    },
  },
  correction: {
    name: { vi: 'Sửa dữ liệu', en: 'Correct your data' },
    description: {
      vi: 'Yêu cầu sửa dữ liệu sai hoặc chưa đầy đủ.',
      en: 'Have wrong or incomplete data put right.',
    },
  },
  deletion: {
    name: { vi: 'Xoá dữ liệu', en: 'Delete your data' },
    description: {
      vi: 'Yêu cầu xoá dữ liệu của bạn; các con số thống kê không chỉ ra bạn vẫn được giữ.',
      en: 'Have your data deleted; counts that do not point to you are kept.',
    },
  },
  restriction: {
    name: { vi: 'Hạn chế xử lý', en: 'Restrict processing' },
    description: {
      vi: 'Yêu cầu tạm ngừng dùng dữ liệu, ví dụ trong lúc kiểm tra lại dữ liệu có đúng không.',
      en: 'Have the use of your data paused, for example while its accuracy is checked.',
    },
  },
  withdrawal: {
    name: { vi: 'Rút lại sự đồng ý', en: 'Withdraw consent' },
    description: {
      vi: 'Rút lại đồng ý bất cứ lúc nào; việc đã làm trước đó vẫn hợp pháp.',
      en: 'Withdraw your consent at any time; what was done before stays lawful.',
    },
  },
  objection: {
    name: { vi: 'Phản đối xử lý', en: 'Object to processing' },
    description: {
      vi: 'Phản đối việc dùng dữ liệu của bạn vào một mục đích, kể cả khi mục đích đó không dựa trên sự đồng ý.',
      en: 'Object to the use of your data for a purpose, even one that does not rest on consent.',
    },
  },
};

/** Requests from data subjects are answered within this many working days (domain.md §5). */
export const REQUEST_ANSWER_WORKING_DAYS = 2;

/**
 * Sensitive data nobody on this platform may ask for, in any form or field (domain.md §5): the free-text warning
 * (pii-detect.ts) and the team's safety advice repeat it.
 */
export const NEVER_ASKED: readonly LocalizedText[] = [
  {
    vi: 'Ảnh chụp căn cước, chứng minh nhân dân hay giấy tờ tùy thân',
    en: 'Photos of an identity card or any other identity document',
  },
  {
    vi: 'Tên đăng nhập, mật khẩu hay mã OTP của tài khoản VNeID, ngân hàng, ví điện tử',
    en: 'The login, password or one-time code (OTP) of a VNeID, bank or e-wallet account',
  },
];

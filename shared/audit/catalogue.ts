/**
 * The audit trail in words: every action the server records and every kind of object it records it about, in
 * Vietnamese and English. The audit page reads its pick lists and labels from here, so an administrator reads
 * "Đăng nhập" instead of `auth.signed_in`. server/modules/accounts/audit.catalogue.test.ts fails when the server
 * records an action or an object kind missing here: a module that adds one adds its words with it.
 */
export interface AuditWords {
  vi: string;
  en: string;
}

export const AUDIT_ACTIONS = {
  'auth.signed_in': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.signed_out_everywhere': { vi: 'Đăng xuất khỏi mọi thiết bị', en: 'Signed out everywhere' },
  'auth.password_reset_requested': { vi: 'Yêu cầu đặt lại mật khẩu', en: 'Asked to reset a password' },
  'auth.password_reset': { vi: 'Đặt lại mật khẩu', en: 'Reset a password' },
  'user.created': { vi: 'Tạo tài khoản', en: 'Created an account' },
  'user.updated': { vi: 'Sửa tài khoản', en: 'Changed an account' },
  'user.profile_updated': { vi: 'Sửa hồ sơ cá nhân', en: 'Changed their profile' },
  'user.password_changed': { vi: 'Đổi mật khẩu', en: 'Changed their password' },
  'user.administrator_reset': { vi: 'Đặt lại quản trị viên tỉnh', en: 'Reset the province administrator' },
  'grant.created': { vi: 'Giao vai trò', en: 'Gave a role' },
  'grant.deleted': { vi: 'Thu hồi vai trò', en: 'Took a role away' },
  'invitation.created': { vi: 'Gửi lời mời', en: 'Sent an invitation' },
  'invitation.accepted': { vi: 'Nhận lời mời', en: 'Accepted an invitation' },
  'api_key.created': { vi: 'Tạo khoá API', en: 'Created an API key' },
  'api_key.revoked': { vi: 'Thu hồi khoá API', en: 'Revoked an API key' },
  'notification.read': { vi: 'Đọc thông báo', en: 'Read a notification' },
  'notifications.read_all': { vi: 'Đánh dấu đã đọc mọi thông báo', en: 'Marked every notification read' },
  'notifications.preferences_updated': { vi: 'Đổi cách nhận thông báo', en: 'Changed notification settings' },
  'hamlet.created': { vi: 'Thêm ấp, khu phố', en: 'Added a hamlet' },
  'hamlet.renamed': { vi: 'Đổi tên ấp, khu phố', en: 'Renamed a hamlet' },
  'hamlet.updated': { vi: 'Sửa ấp, khu phố', en: 'Changed a hamlet' },
  'hamlet.merged': { vi: 'Sáp nhập ấp, khu phố', en: 'Merged a hamlet' },
  'hamlet.retired': { vi: 'Ngừng dùng ấp, khu phố', en: 'Retired a hamlet' },
  'hamlet.imported': { vi: 'Nhập ấp, khu phố từ tệp', en: 'Imported a hamlet from a file' },
  'hamlets.imported': { vi: 'Nhập danh sách ấp, khu phố', en: 'Imported a list of hamlets' },
  'team.created': { vi: 'Thành lập tổ', en: 'Founded a team' },
  'team.renamed': { vi: 'Đổi tên tổ', en: 'Renamed a team' },
  'team.updated': { vi: 'Sửa thông tin tổ', en: 'Changed a team' },
  'team.merged': { vi: 'Sáp nhập tổ', en: 'Merged a team' },
  'team.dissolved': { vi: 'Giải thể tổ', en: 'Dissolved a team' },
  'team.member_added': { vi: 'Thêm thành viên tổ', en: 'Added a team member' },
  'team.member_updated': { vi: 'Sửa thành viên tổ', en: 'Changed a team member' },
  'team.member_ended': { vi: 'Thành viên thôi tham gia tổ', en: 'Ended a member’s time in a team' },
  'team.member_linked': { vi: 'Gắn thành viên với tài khoản', en: 'Linked a member to an account' },
  'service.created': { vi: 'Thêm nội dung hỗ trợ', en: 'Added a kind of help' },
  'service.updated': { vi: 'Sửa nội dung hỗ trợ', en: 'Changed a kind of help' },
  'service.retired': { vi: 'Ngừng dùng nội dung hỗ trợ', en: 'Retired a kind of help' },
  'service.reactivated': { vi: 'Dùng lại nội dung hỗ trợ', en: 'Brought back a kind of help' },
  'support_record.created': { vi: 'Ghi nhận lượt hỗ trợ', en: 'Recorded a support' },
  'support_record.retracted': { vi: 'Rút lượt hỗ trợ', en: 'Withdrew a support record' },
  'support_record.consent_withdrawn': { vi: 'Người dân rút đồng ý', en: 'The person withdrew consent' },
  'support_records.synced': {
    vi: 'Đồng bộ lượt hỗ trợ từ điện thoại',
    en: 'Synced support records from a phone',
  },
  'support_records.reviewed': { vi: 'Duyệt lượt hỗ trợ', en: 'Approved support records' },
  'support_records.flagged': { vi: 'Đánh dấu lượt hỗ trợ cần xem lại', en: 'Flagged support records' },
  'calendar.hours.updated': { vi: 'Sửa giờ làm việc', en: 'Changed the working hours' },
  'calendar.day.set': { vi: 'Đặt ngày nghỉ hoặc ngày làm bù', en: 'Set a day off or a working day' },
  'calendar.day.removed': { vi: 'Bỏ một ngày đặc biệt', en: 'Removed a special day' },
  'privacy.breach_recorded': { vi: 'Ghi nhận sự cố dữ liệu cá nhân', en: 'Recorded a personal-data breach' },
  'privacy.breach_updated': { vi: 'Cập nhật sự cố dữ liệu cá nhân', en: 'Updated a personal-data breach' },
  'privacy.breach_notified': {
    vi: 'Đã báo cáo sự cố dữ liệu cá nhân',
    en: 'Reported a personal-data breach',
  },
  'privacy.breach_closed': { vi: 'Đóng sự cố dữ liệu cá nhân', en: 'Closed a personal-data breach' },
  'privacy.request_verified': {
    vi: 'Xác nhận yêu cầu về dữ liệu cá nhân',
    en: 'Verified a personal-data request',
  },
  'privacy.request_in_progress': { vi: 'Bắt đầu xử lý yêu cầu', en: 'Started on a personal-data request' },
  'privacy.request_completed': { vi: 'Hoàn tất yêu cầu', en: 'Completed a personal-data request' },
  'privacy.request_rejected': { vi: 'Từ chối yêu cầu', en: 'Refused a personal-data request' },
  'privacy.request_erased': { vi: 'Xoá dữ liệu theo yêu cầu', en: 'Erased data on request' },
  'privacy.request_consent_withdrawn': { vi: 'Rút đồng ý theo yêu cầu', en: 'Withdrew consent on request' },
  'privacy.retention_applied': { vi: 'Xoá dữ liệu quá hạn lưu giữ', en: 'Cleared data past its retention' },
  'demo.seeded': { vi: 'Tạo dữ liệu mẫu', en: 'Loaded the demo data' },
  'demo.teams_seeded': { vi: 'Tạo tổ mẫu', en: 'Loaded the demo teams' },
  'demo.support_seeded': { vi: 'Tạo lượt hỗ trợ mẫu', en: 'Loaded the demo support records' },
  'agency.created': { vi: 'Thêm cơ quan xử lý', en: 'Added an agency' },
  'agency.updated': { vi: 'Sửa cơ quan xử lý', en: 'Changed an agency' },
  'case_routing.updated': { vi: 'Sửa quy tắc chuyển phản ánh', en: 'Changed a routing rule' },
  'case_template.created': { vi: 'Thêm mẫu trả lời', en: 'Added a reply template' },
  'case_template.updated': { vi: 'Sửa mẫu trả lời', en: 'Changed a reply template' },
  'case_settings.updated': { vi: 'Sửa thời hạn và cài đặt phản ánh', en: 'Changed the case settings' },
  'case_category.created': { vi: 'Thêm lĩnh vực phản ánh', en: 'Added a case category' },
  'case_category.updated': { vi: 'Sửa lĩnh vực phản ánh', en: 'Changed a case category' },
  'demo.agencies_seeded': { vi: 'Tạo cơ quan xử lý mẫu', en: 'Loaded the demo agencies' },
  'demo.cases_seeded': { vi: 'Tạo phản ánh, kiến nghị mẫu', en: 'Loaded the demo reports and petitions' },
  'demo.help_requests_seeded': { vi: 'Tạo yêu cầu hỗ trợ mẫu', en: 'Loaded the demo help requests' },
  // The handlers' side of the case engine (server/modules/cases/case-handling.*).
  'case.accepted': { vi: 'Tiếp nhận phản ánh', en: 'Accepted a case' },
  'case.refused': { vi: 'Từ chối phản ánh', en: 'Refused a case' },
  'case.assigned': { vi: 'Chuyển phản ánh cho cơ quan xử lý', en: 'Assigned a case to an agency' },
  'case.reassigned': { vi: 'Chuyển phản ánh sang cơ quan khác', en: 'Reassigned a case' },
  'case.started': { vi: 'Bắt đầu xử lý phản ánh', en: 'Started on a case' },
  'case.answered': { vi: 'Trả lời phản ánh', en: 'Answered a case' },
  'case.closed': { vi: 'Đóng phản ánh', en: 'Closed a case' },
  'case.merged': { vi: 'Gộp phản ánh trùng', en: 'Merged a duplicate case' },
  'case.note_added': { vi: 'Thêm ghi chú nội bộ', en: 'Added an internal note' },
  'case.public_update': { vi: 'Cập nhật tiến độ công khai', en: 'Posted a public update' },
  'case.answer_photos_added': { vi: 'Thêm ảnh kết quả xử lý', en: 'Added photos to an answer' },
  'case.extension_requested': { vi: 'Đề nghị gia hạn xử lý', en: 'Asked for more time' },
  'case.extension_decided': { vi: 'Quyết định gia hạn xử lý', en: 'Decided on more time' },
  'case.moderated': { vi: 'Kiểm duyệt phản ánh', en: 'Moderated a case' },
  'case.sender_blocked': { vi: 'Chặn người gửi', en: 'Blocked a sender' },
  // The citizens' side (server/modules/cases/case-intake.service.ts, case-citizen.service.ts).
  'case.submitted': { vi: 'Gửi phản ánh, kiến nghị', en: 'Filed a case' },
  'case.rated': { vi: 'Đánh giá câu trả lời', en: 'Rated an answer' },
  'case.disputed': { vi: 'Khiếu nại câu trả lời, mở lại phản ánh', en: 'Disputed an answer (case reopened)' },
  'case.commented': { vi: 'Người dân bình luận qua Open311', en: 'A citizen commented through Open311' },
  'case.followed': { vi: 'Theo dõi phản ánh qua e-mail', en: 'Followed a case by e-mail' },
  'case.unfollowed': { vi: 'Ngừng theo dõi phản ánh', en: 'Stopped following a case' },
  // Help requests (issue 11): server/modules/help-requests.
  'help_request.created': { vi: 'Gửi yêu cầu hỗ trợ', en: 'Sent a help request' },
  'help_request.filed_by_staff': {
    vi: 'Ghi yêu cầu hỗ trợ qua điện thoại / trực tiếp',
    en: 'Recorded a help request by phone / in person',
  },
  'help_request.assigned': { vi: 'Giao yêu cầu hỗ trợ', en: 'Assigned a help request' },
  'help_request.scheduled': { vi: 'Hẹn thời gian hỗ trợ', en: 'Arranged a visit for a help request' },
  'help_request.not_reached': {
    vi: 'Không liên lạc được người yêu cầu',
    en: 'Could not reach the requester',
  },
  'help_request.cancelled': { vi: 'Hủy yêu cầu hỗ trợ', en: 'Cancelled a help request' },
  'help_request.completed': {
    vi: 'Hoàn thành yêu cầu hỗ trợ (có lượt hỗ trợ)',
    en: 'Completed a help request (support record linked)',
  },
  'help_request.rated': { vi: 'Đánh giá lần hỗ trợ', en: 'Rated the help' },
  'help_request.settings_updated': { vi: 'Sửa cài đặt yêu cầu hỗ trợ', en: 'Changed help-request settings' },
  // The online Q&A (server/modules/questions/).
  'question.asked': { vi: 'Đặt câu hỏi', en: 'Asked a question' },
  'question.answered': { vi: 'Trả lời câu hỏi', en: 'Answered a question' },
  'question.answer_edited': { vi: 'Sửa câu trả lời', en: 'Edited an answer' },
  'question.edited': { vi: 'Sửa câu hỏi', en: 'Edited a question' },
  'question.redacted': {
    vi: 'Xoá thông tin cá nhân khỏi hỏi – đáp',
    en: 'Edited personal data out of a Q&A',
  },
  'question.commented': { vi: 'Hỏi thêm, làm rõ câu hỏi', en: 'Added a clarification' },
  'question.answer_accepted': { vi: 'Chấp nhận câu trả lời', en: 'Accepted an answer' },
  'question.published': { vi: 'Duyệt đăng câu hỏi', en: 'Published a question' },
  'question.hidden': { vi: 'Ẩn câu hỏi', en: 'Hid a question' },
  'question.rejected': { vi: 'Không duyệt câu hỏi', en: 'Rejected a question' },
  'question.auto_hidden': { vi: 'Tự động ẩn do bị báo cáo nhiều lần', en: 'Hidden after several flags' },
  'question.locked': { vi: 'Khoá câu hỏi', en: 'Locked a question' },
  'question.unlocked': { vi: 'Mở khoá câu hỏi', en: 'Unlocked a question' },
  'question.closed': { vi: 'Đóng câu hỏi', en: 'Closed a question' },
  'question.reopened': { vi: 'Mở lại câu hỏi', en: 'Reopened a question' },
  'question.merged': { vi: 'Gộp câu hỏi trùng', en: 'Merged a duplicate question' },
  'question.answer_hidden': { vi: 'Ẩn câu trả lời', en: 'Hid an answer' },
  'question.answer_published': { vi: 'Hiện lại câu trả lời', en: 'Showed an answer again' },
  'question.flags_dismissed': { vi: 'Bỏ qua báo cáo vi phạm', en: 'Dismissed flags' },
  'question.faq_promoted': { vi: 'Đưa vào hỏi đáp thường gặp', en: 'Added to the FAQ' },
  'question.faq_demoted': { vi: 'Bỏ khỏi hỏi đáp thường gặp', en: 'Removed from the FAQ' },
  'question.faq_reordered': { vi: 'Sắp xếp hỏi đáp thường gặp', en: 'Reordered the FAQ' },
  'question_settings.updated': { vi: 'Đổi cài đặt hỏi – đáp', en: 'Changed the Q&A settings' },
} as const satisfies Record<string, AuditWords>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ENTITY_KINDS = {
  user: { vi: 'Tài khoản', en: 'Account' },
  grant: { vi: 'Vai trò', en: 'Role' },
  invitation: { vi: 'Lời mời', en: 'Invitation' },
  api_key: { vi: 'Khoá API', en: 'API key' },
  notification: { vi: 'Thông báo', en: 'Notification' },
  province: { vi: 'Tỉnh', en: 'Province' },
  hamlet: { vi: 'Ấp, khu phố', en: 'Hamlet' },
  hamlet_import: { vi: 'Tệp nhập ấp, khu phố', en: 'Hamlet import' },
  team: { vi: 'Tổ công nghệ số', en: 'Team' },
  team_member: { vi: 'Thành viên tổ', en: 'Team member' },
  service: { vi: 'Nội dung hỗ trợ', en: 'Kind of help' },
  support_record: { vi: 'Lượt hỗ trợ', en: 'Support record' },
  sync_batch: { vi: 'Lượt đồng bộ', en: 'Sync' },
  working_hours: { vi: 'Giờ làm việc', en: 'Working hours' },
  calendar_day: { vi: 'Ngày trong lịch', en: 'Calendar day' },
  personal_data_breach: { vi: 'Sự cố dữ liệu cá nhân', en: 'Personal-data breach' },
  data_subject_request: { vi: 'Yêu cầu về dữ liệu cá nhân', en: 'Personal-data request' },
  purpose: { vi: 'Mục đích xử lý dữ liệu', en: 'Processing purpose' },
  agency: { vi: 'Cơ quan xử lý', en: 'Agency' },
  case_routing_rule: { vi: 'Quy tắc chuyển phản ánh', en: 'Routing rule' },
  case_reply_template: { vi: 'Mẫu trả lời', en: 'Reply template' },
  case_settings: { vi: 'Cài đặt phản ánh', en: 'Case settings' },
  case_category: { vi: 'Lĩnh vực phản ánh', en: 'Case category' },
  case: { vi: 'Phản ánh, kiến nghị', en: 'Case' },
  case_extension: { vi: 'Đề nghị gia hạn', en: 'Extension request' },
  case_blocked_sender: { vi: 'Người gửi bị chặn', en: 'Blocked sender' },
  help_request: { vi: 'Yêu cầu hỗ trợ', en: 'Help request' },
  help_request_settings: { vi: 'Cài đặt yêu cầu hỗ trợ', en: 'Help-request settings' },
  question: { vi: 'Câu hỏi', en: 'Question' },
  question_answer: { vi: 'Câu trả lời', en: 'Answer' },
  question_settings: { vi: 'Cài đặt hỏi – đáp', en: 'Q&A settings' },
} as const satisfies Record<string, AuditWords>;

export type AuditEntityKind = keyof typeof AUDIT_ENTITY_KINDS;

function wordsIn(words: AuditWords | undefined, language: string): string | null {
  if (!words) return null;
  return language.startsWith('en') ? words.en : words.vi;
}

/** "Đăng nhập" for `auth.signed_in`; an action older than the catalogue falls back to its code. */
export function auditActionLabel(action: string, language: string): string {
  return wordsIn((AUDIT_ACTIONS as Record<string, AuditWords>)[action], language) ?? action;
}

/** "Tài khoản" for `user`; an unknown kind falls back to its code. */
export function auditEntityKindLabel(kind: string, language: string): string {
  return wordsIn((AUDIT_ENTITY_KINDS as Record<string, AuditWords>)[kind], language) ?? kind;
}

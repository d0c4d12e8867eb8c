import type { Role } from '../../../shared/rules/permissions';
import type { OutgoingMail } from '../../platform/mail/outbox';

const ROLE_LABELS: Record<Role, [vi: string, en: string]> = {
  province_admin: ['Quản trị viên tỉnh', 'province administrator'],
  department_officer: ['Cán bộ Sở / Ban chỉ đạo chuyển đổi số', 'department officer'],
  youth_union_coordinator: ['Cán bộ Đoàn Thanh niên', 'Youth Union coordinator'],
  commune_officer: ['Cán bộ UBND xã, phường', 'commune officer'],
  agency_handler: ['Cán bộ cơ quan xử lý phản ánh', 'agency handler'],
  team_leader: ['Tổ trưởng Tổ công nghệ số cộng đồng', 'community digital technology team leader'],
  team_member: ['Thành viên Tổ công nghệ số cộng đồng', 'community digital technology team member'],
};

/** Both languages in one mail: the address says nothing about which one the reader prefers. */
export function composePasswordResetMail(to: { email: string; name: string }, link: string): OutgoingMail {
  return {
    to: to.email,
    subject: 'Đặt lại mật khẩu Cộng Đồng Số / Reset your Cộng Đồng Số password',
    text: [
      `Xin chào ${to.name},`,
      '',
      `Có yêu cầu đặt lại mật khẩu cho tài khoản ${to.email} trên Cộng Đồng Số.`,
      'Mở liên kết sau trong vòng 1 giờ để đặt mật khẩu mới (liên kết chỉ dùng được một lần):',
      link,
      '',
      'Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn không thay đổi.',
      '',
      '---',
      '',
      `Hello ${to.name},`,
      '',
      `Someone asked to reset the password of ${to.email} on Cộng Đồng Số.`,
      'Open this link within 1 hour to choose a new password (it works once):',
      link,
      '',
      'If it was not you, ignore this e-mail; your password stays the same.',
    ].join('\n'),
  };
}

export function composeInvitationMail(invite: {
  email: string;
  name: string;
  inviterName: string | null;
  role: Role;
  unitName: string;
  link: string;
  expiresAt: string;
}): OutgoingMail {
  const [roleVi, roleEn] = ROLE_LABELS[invite.role];
  const day = invite.expiresAt.slice(0, 10);
  const byVi = invite.inviterName ? `${invite.inviterName} mời bạn` : 'Bạn được mời';
  const byEn = invite.inviterName ? `${invite.inviterName} invites you` : 'You are invited';
  return {
    to: invite.email,
    subject: 'Lời mời tham gia Cộng Đồng Số / Invitation to Cộng Đồng Số',
    text: [
      `Xin chào ${invite.name},`,
      '',
      `${byVi} tham gia Cộng Đồng Số với vai trò ${roleVi} tại ${invite.unitName}.`,
      `Mở liên kết sau để nhận lời mời (hiệu lực đến ngày ${day}):`,
      invite.link,
      '',
      '---',
      '',
      `Hello ${invite.name},`,
      '',
      `${byEn} to join Cộng Đồng Số as ${roleEn} at ${invite.unitName}.`,
      `Open this link to accept (valid until ${day}):`,
      invite.link,
    ].join('\n'),
  };
}

/** The SMS / Zalo text of an invitation sent to a phone number: short, Vietnamese, the link last. */
export function composeInvitationPhoneText(invite: {
  inviterName: string | null;
  role: Role;
  unitName: string;
  link: string;
  expiresAt: string;
}): string {
  const [roleVi] = ROLE_LABELS[invite.role];
  const by = invite.inviterName ? `${invite.inviterName} mời bạn` : 'Bạn được mời';
  return `${by} tham gia Cộng Đồng Số (${roleVi}, ${invite.unitName}). Nhận lời mời trước ngày ${invite.expiresAt.slice(0, 10)}: ${invite.link}`;
}

/** The SMS / Zalo text of a password reset asked for by phone number. */
export function composePasswordResetPhoneText(link: string): string {
  return `Cộng Đồng Số: đặt lại mật khẩu (hiệu lực 1 giờ): ${link} . Nếu bạn không yêu cầu, hãy bỏ qua tin này.`;
}

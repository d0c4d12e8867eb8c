/** In-app notifications and each person's delivery preferences. */
import type { Generated } from 'kysely';

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read_at: string | null;
  created_at: string;
  /** 0004: 0 when the user turned the in-app channel off; the row still feeds the webhook and the digest. */
  in_app: Generated<number>;
  /** 0004: 1 while the row waits for the user's next daily digest e-mail. */
  digest_pending: Generated<number>;
  digested_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  in_app: number;
  email: number;
  webhook: number;
  /** 1: e-mails of this kind wait for the daily digest instead of going out at once. */
  digest: number;
  updated_at: string;
}

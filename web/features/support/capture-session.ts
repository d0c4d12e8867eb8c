import type { MeResponse } from '../../../shared/contracts/accounts';
import type { SessionStatus } from '../../app/session';

/**
 * Who is capturing, as the capture page's own small session client reads it (GET /api/v1/me). The capture views
 * take it as a prop, so they need neither the app's router nor its query cache.
 */
export interface CaptureSession {
  me: MeResponse | null;
  status: SessionStatus;
}

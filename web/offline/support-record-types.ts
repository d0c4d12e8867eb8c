/**
 * Wire types of support records, from the shared contract. Type-only imports: the capture page must not pull
 * Zod into its first load.
 */
export type { SupportRecordInput as SupportRecordBody, SyncResult } from '../../shared/contracts/support';

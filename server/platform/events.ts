import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../../shared/ids';
import type { DB } from '../db/schema';

export interface DomainEvent {
  /** Past tense, dotted: "hamlet.created", "user.invited". */
  type: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
}

/**
 * Outbox: an event row written in the same transaction as the change it reports. The events.dispatch job
 * hands it to the subscribed handlers afterwards, so a crash between the two never loses a side effect.
 */
export async function recordEvent(
  db: Kysely<DB> | Transaction<DB>,
  event: DomainEvent,
  at: string,
): Promise<string> {
  const [id] = await recordEvents(db, [event], at);
  return id!;
}

/** Several events in one statement, in order (the sync path's group commit). Returns their ids. */
export async function recordEvents(
  db: Kysely<DB> | Transaction<DB>,
  events: readonly DomainEvent[],
  at: string,
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({
    id: uuidv7(),
    type: event.type,
    entity_type: event.entityType,
    entity_id: event.entityId,
    payload_json: JSON.stringify(event.payload),
    occurred_at: at,
    dispatched_at: null,
  }));
  await db.insertInto('events').values(rows).execute();
  return rows.map((r) => r.id);
}

/**
 * Key of the PostgreSQL advisory lock that makes the outbox relay a single writer: only the holder
 * moves outbox rows to their consumers, so changes to one entity are published in commit order even
 * with several worker processes. The full reindex takes it too, while it swaps indexes.
 * (Advisory locks are per database, so test databases never contend.)
 */
export const OUTBOX_RELAY_LOCK_KEY = 7_315_001;

/**
 * Key of the advisory lock of the outbox relay's event lane (OutboxEventLane): one worker at a time queues
 * notifying events as they are inserted, apart from the search sync's lock so neither waits on the other.
 */
export const OUTBOX_EVENTS_LOCK_KEY = 7_315_002;

/**
 * Key of the PostgreSQL advisory lock that makes the outbox relay a single writer: only the holder
 * moves outbox rows to their consumers, so changes to one entity are published in commit order even
 * with several worker processes. The full reindex takes it too, while it swaps indexes.
 * (Advisory locks are per database, so test databases never contend.)
 */
export const OUTBOX_RELAY_LOCK_KEY = 7_315_001;

import { createHmac } from 'node:crypto';
import { Meilisearch } from 'meilisearch';

/**
 * The two Meilisearch keys the processes use, made from the master key (which does nothing else).
 * Fixed uids: Meilisearch derives a key from its uid and the master key (HMAC-SHA256), so running this
 * again, on any machine with the same master key, gives the same keys.
 */
export const MEILI_KEY_UIDS = {
  search: '5b0e3c1e-6a1f-4c55-9d43-0f3f6f1c2a01',
  admin: '5b0e3c1e-6a1f-4c55-9d43-0f3f6f1c2a02',
} as const;

export interface MeiliKeys {
  /** For the API: `search` on this install's indexes only. */
  search: string;
  /** For the worker: documents, settings and indexes of this install's indexes; no key management. */
  admin: string;
}

/** What Meilisearch answers for a key uid: hex(HMAC-SHA256(master key, uid)) — computable offline. */
export function deriveMeiliKey(masterKey: string, uid: string): string {
  return createHmac('sha256', masterKey).update(uid).digest('hex');
}

export function deriveMeiliKeys(masterKey: string): MeiliKeys {
  return {
    search: deriveMeiliKey(masterKey, MEILI_KEY_UIDS.search),
    admin: deriveMeiliKey(masterKey, MEILI_KEY_UIDS.admin),
  };
}

/** Creates the keys when missing (idempotent) and answers their values. */
export async function ensureMeiliKeys(url: string, masterKey: string, indexPrefix: string): Promise<MeiliKeys> {
  const meili = new Meilisearch({ host: url, apiKey: masterKey });
  const indexes = [`${indexPrefix}*`];
  const wanted = {
    search: { actions: ['search'], description: 'PilotLink API: search only' },
    admin: {
      actions: ['search', 'documents.*', 'indexes.*', 'settings.*', 'tasks.*', 'stats.*', 'version'],
      description: 'PilotLink worker: index writes',
    },
  };
  const keys: Partial<MeiliKeys> = {};
  for (const role of ['search', 'admin'] as const) {
    const uid = MEILI_KEY_UIDS[role];
    const existing = await meili.getKey(uid).catch((error: { response?: { status?: number } }) => {
      if (error.response?.status === 404) return null;
      throw error;
    });
    const key =
      existing ??
      (await meili.createKey({
        uid,
        name: `pilotlink-${role}`,
        indexes,
        expiresAt: null,
        ...wanted[role],
      }));
    keys[role] = key.key;
  }
  return keys as MeiliKeys;
}

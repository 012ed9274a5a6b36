import type { WrittenNotification } from '../inbox/inbox.service';

/**
 * The inbox rows of a batch whose webhook is to be queued: those of orgs with an enabled endpoint, less
 * those already delivered. A row this run created cannot have been delivered, so only rows found from an
 * earlier run (a dispatch re-run after a crash between the insert and the queueing) need the delivery log.
 */
export function webhookTargets(
  written: readonly WrittenNotification[],
  orgsWithEndpoint: ReadonlySet<string>,
  delivered: ReadonlySet<string>,
): WrittenNotification[] {
  return written.filter((row) => orgsWithEndpoint.has(row.recipientOrgId) && (row.created || !delivered.has(row.id)));
}

/** The rows found (not created) among those that may get a webhook: the ones to look up in the delivery log. */
export function foundBefore(written: readonly WrittenNotification[], orgsWithEndpoint: ReadonlySet<string>): string[] {
  return written.filter((row) => !row.created && orgsWithEndpoint.has(row.recipientOrgId)).map((row) => row.id);
}

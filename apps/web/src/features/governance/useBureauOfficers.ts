import { api, Schema } from '../../shared/api';
import { useSession } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';

/** The signed-in bureau's active accounts: who can be named officer (专人跟踪) of a key project. */
export function useBureauOfficers() {
  const orgId = useSession()?.org.id;
  const members = useLoad(
    () =>
      orgId
        ? api<Schema<'UserPageDto'>>(`/orgs/${orgId}/members`, { query: { limit: 100 } })
        : Promise.resolve(undefined),
    [orgId],
  );
  const officers = (members.data?.items ?? []).filter((m) => m.isActive);
  return { loading: members.loading, options: officers.map((m) => ({ value: m.id, label: m.displayName })) };
}

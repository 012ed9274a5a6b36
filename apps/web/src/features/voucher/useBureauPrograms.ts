import { api } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';
import type { ProgramPage } from '../../shared/api-types';

/** The bureau's own programs (every status). */
export function useBureauPrograms() {
  return useLoad(() => api<ProgramPage>('/voucher-programs', { query: { limit: 100 } }), []);
}

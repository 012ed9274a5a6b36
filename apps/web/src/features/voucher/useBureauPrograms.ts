import { api, Page } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';
import { ProgramDetail } from './program-form';

/** The bureau's own programs (every status). */
export function useBureauPrograms() {
  return useLoad(() => api<Page<ProgramDetail>>('/voucher-programs', { query: { limit: 100 } }), []);
}

import { listItems } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';

/** The bureau's own programs (every status, every page: tables and pickers look names up in it). */
export function useBureauPrograms() {
  return useLoad(async () => ({ items: await listItems<'ProgramPageDto'>('/voucher-programs') }), []);
}

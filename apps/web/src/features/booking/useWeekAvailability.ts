import { api } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';
import { Availability, instant, dayStart, DAY_MS } from './schedule';

/** The week's availability (from the API) of an instrument; `monday` is a China date. */
export function useWeekAvailability(instrumentId: string, monday: string) {
  return useLoad(
    () =>
      api<Availability>(`/equipment/${instrumentId}/availability`, {
        query: { from: instant(dayStart(monday)), to: instant(dayStart(monday) + 7 * DAY_MS) },
      }),
    [instrumentId, monday],
  );
}

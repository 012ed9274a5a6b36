import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';
import { chinaDay, dayStart, DAY_MS, HOLDING, instant, Instrument, mondayOf, percent, Reservation } from './schedule';
import { WeekView } from './WeekView';
import { WeekNav } from './WeekNav';
import { useWeekAvailability } from './useWeekAvailability';
import { RulesSummary } from './RulesSummary';
import { BlockForm } from './BlockForm';
import { Blocks } from './Blocks';
import { Reservations } from './Reservations';
import { RulesModal } from './RulesModal';

/** GET /equipment/:id/utilisation: reservations starting in the period, hours and rates (basis points). */
type Utilisation = Schema<'UtilisationResponseDto'>;

const hours = (h: number) => h.toLocaleString('zh-CN', { maximumFractionDigits: 1 });

/**
 * The instrument's reservations up to `until`: the API lists them by start time, 100 a page, without
 * a date filter, so pages are read until one reaches `until` (at most 20 pages).
 */
async function reservationsUntil(instrumentId: string, until: number): Promise<Reservation[]> {
  const all: Reservation[] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await api<Schema<'ReservationPageDto'>>(`/equipment/${instrumentId}/reservations`, {
      query: { limit: 100, page },
    });
    all.push(...res.items);
    const last = res.items[res.items.length - 1];
    if (!last || all.length >= res.total || Date.parse(last.startsAt) >= until) break;
  }
  return all;
}

/**
 * Platform: one instrument's week — opening hours, free time, maintenance blocks and reservations —
 * with maintenance blocks to add or remove, the reservations to check in, complete, mark as no-show
 * or cancel, and the booking rules. Reservations are confirmed at once when the slot is free (the
 * API has no accept/refuse step): the platform cancels one it cannot honour, without a fee.
 */
export function InstrumentCalendar({ instrument, onClose }: { instrument: Instrument; onClose?: () => void }) {
  const [monday, setMonday] = useState(() => mondayOf(chinaDay(Date.now())));
  const availability = useWeekAvailability(instrument.id, monday);
  const blocks = useLoad(
    () => api<Schema<'BlockPageDto'>>(`/equipment/${instrument.id}/blocks`, { query: { limit: 100 } }),
    [instrument.id],
  );
  const weekEnd = dayStart(monday) + 7 * DAY_MS;
  const reservations = useLoad(() => reservationsUntil(instrument.id, weekEnd), [instrument.id, weekEnd]);
  const usage = useLoad(
    () =>
      api<Utilisation>(`/equipment/${instrument.id}/utilisation`, {
        query: { from: instant(dayStart(monday)), to: instant(weekEnd) },
      }),
    [instrument.id, monday],
  );
  const [editingRules, setEditingRules] = useState(false);
  const reload = () => {
    availability.reload();
    blocks.reload();
    reservations.reload();
    usage.reload();
  };
  const rules = availability.data?.rules;
  // The week's reservations (any that overlap it), whatever their state.
  const rows = (reservations.data ?? []).filter(
    (r) => Date.parse(r.endsAt) > dayStart(monday) && Date.parse(r.startsAt) < weekEnd,
  );
  return (
    <Card
      size="small"
      title={`预约日历：${instrument.name}`}
      data-testid="instrument-calendar"
      extra={
        onClose && (
          <Button size="small" onClick={onClose}>
            收起
          </Button>
        )
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {rules && <RulesSummary rules={rules} onEdit={() => setEditingRules(true)} />}
        <WeekNav monday={monday} onChange={setMonday} />
        {availability.error && <Alert type="error" message={availability.error} />}
        {usage.data && (
          <Typography.Text type="secondary" data-testid="week-usage">
            {`本周：预约 ${usage.data.reservations} 次，计划 ${hours(usage.data.scheduledHours)} 小时，` +
              `实际使用 ${hours(usage.data.usedHours)} 小时，利用率 ${percent(usage.data.utilisationRateBp)}，` +
              `共享率 ${percent(usage.data.sharingRateBp)}`}
          </Typography.Text>
        )}
        <WeekView
          monday={monday}
          rules={rules}
          free={availability.data?.free ?? []}
          blocks={blocks.data?.items ?? []}
          reservations={rows.filter((r) => HOLDING.includes(r.status))}
        />
        <BlockForm instrumentId={instrument.id} onAdded={reload} />
        <Blocks instrumentId={instrument.id} blocks={blocks} onChanged={reload} />
        <Reservations rows={rows} loading={reservations.loading} error={reservations.error} onChanged={reload} />
      </Space>
      {editingRules && rules && (
        <RulesModal
          instrumentId={instrument.id}
          rules={rules}
          onClose={(done) => {
            setEditingRules(false);
            if (done) reload();
          }}
        />
      )}
    </Card>
  );
}

import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useSession } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { useWeekAvailability } from './useWeekAvailability';
import { cancellationRule, chinaDay, Instrument, mondayOf, percent, Reservation, span } from './schedule';
import { WeekView } from './WeekView';
import { WeekNav } from './WeekNav';
import { ReserveModal } from './ReserveModal';
import { MyReservations } from './MyReservations';

/** Conflicts that mean the picked time is no longer bookable: the week is reloaded. */
export const SLOT_CODES = ['SLOT_TAKEN', 'SLOT_BLOCKED', 'OUTSIDE_OPENING_HOURS'];

/**
 * Public instrument page part: the week's free time as the API answers it; a signed-in SME (or
 * another platform) picks a free slot and reserves it, sees its reservations and cancels them under
 * the platform's stated rule.
 */
export function InstrumentBooking({ instrument, onClose }: { instrument: Instrument; onClose?: () => void }) {
  const session = useSession();
  const canBook = session?.org.kind === 'SME' || session?.org.kind === 'PLATFORM_OPERATOR';
  const [monday, setMonday] = useState(() => mondayOf(chinaDay(Date.now())));
  const availability = useWeekAvailability(instrument.id, monday);
  const mine = useLoad(
    () =>
      canBook
        ? api<Schema<'ReservationPageDto'>>(`/equipment/${instrument.id}/reservations`, { query: { limit: 100 } })
        : Promise.resolve(undefined),
    [instrument.id, canBook],
  );
  const [picked, setPicked] = useState<{ date: string; start: number; end: number }>();
  const [made, setMade] = useState<Reservation>();
  const rules = availability.data?.rules;
  const reload = () => {
    availability.reload();
    mine.reload();
  };
  return (
    <Card
      size="small"
      title={`仪器预约：${instrument.name}`}
      data-testid="instrument-booking"
      extra={
        onClose && (
          <Button size="small" onClick={onClose}>
            收起
          </Button>
        )
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {rules && (
          <Space wrap size={[16, 4]} data-testid="booking-rules">
            <span>机时费 {yuan(rules.hourlyRateFen)}/小时（按刻钟计费）</span>
            <span>取消规则：{cancellationRule(rules)}</span>
            <span>未到场收取预约费用的 {percent(rules.noShowFeeBp)}</span>
          </Space>
        )}
        {made && (
          <Alert
            type="success"
            showIcon
            closable
            data-testid="reservation-made"
            onClose={() => setMade(undefined)}
            message={`预约成功：${span(made)}，费用 ${yuan(made.priceFen)}`}
          />
        )}
        <WeekNav monday={monday} onChange={setMonday} />
        {availability.error && <Alert type="error" message={availability.error} />}
        {!session && <Typography.Text type="secondary">登录后可选择空闲时段预约（绿色为可预约时段）。</Typography.Text>}
        {canBook && <Typography.Text type="secondary">点击绿色的空闲时段进行预约。</Typography.Text>}
        {availability.data && availability.data.free.length === 0 && (
          <Alert type="info" showIcon message="本周没有可预约的空闲时段，请查看下一周。" />
        )}
        <WeekView
          monday={monday}
          rules={rules}
          free={availability.data?.free ?? []}
          onPickFree={canBook ? (date, slot) => setPicked({ date, ...slot }) : undefined}
        />
        {canBook && (
          <MyReservations
            rows={mine.data?.items ?? []}
            loading={mine.loading}
            error={mine.error}
            rules={rules}
            onChanged={reload}
          />
        )}
      </Space>
      {picked && (
        <ReserveModal
          instrument={instrument}
          slot={picked}
          onTaken={availability.reload}
          onClose={(reservation) => {
            setPicked(undefined);
            if (reservation) {
              setMade(reservation);
              reload();
            }
          }}
        />
      )}
    </Card>
  );
}

import { Button, Space, Tag, Typography } from 'antd';
import { label } from '../../shared/labels';
import { RESERVATION_STATUS, WEEKDAY_LABEL } from '../../shared/labels/booking';
import {
  addDays,
  BookingRules,
  chinaDay,
  clip,
  clock,
  MaintenanceBlock,
  Reservation,
  TimeSlot,
  WEEKDAYS,
} from './schedule';

interface Entry {
  key: string;
  start: number;
  node: JSX.Element;
}

/**
 * Seven day columns (wrapping on narrow screens): each day's opening hours, the free time the API
 * answered (green; `onPickFree` makes it a button), maintenance blocks (orange) and reservations
 * (blue). Every row is clipped to its day.
 */
export function WeekView({
  monday,
  rules,
  free,
  blocks = [],
  reservations = [],
  onPickFree,
}: {
  monday: string;
  rules?: BookingRules;
  free: TimeSlot[];
  blocks?: MaintenanceBlock[];
  reservations?: Reservation[];
  onPickFree?: (date: string, slot: { start: number; end: number }) => void;
}) {
  const today = chinaDay(Date.now());
  return (
    <div
      data-testid="week-view"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }}
    >
      {WEEKDAYS.map((weekday, i) => {
        const date = addDays(monday, i);
        const [, mm, dd] = date.split('-');
        const hours = rules?.openingHours[weekday] ?? [];
        const entries: Entry[] = [];
        free.forEach((s, n) => {
          const part = clip(s, date);
          if (!part) return;
          const text = `空闲 ${clock(part.start)}–${clock(part.end, date)}`;
          entries.push({
            key: `free-${n}`,
            start: part.start,
            node: onPickFree ? (
              <Button
                size="small"
                type="dashed"
                style={{ color: '#389e0d', borderColor: '#95de64', width: '100%' }}
                onClick={() => onPickFree(date, part)}
              >
                {text}
              </Button>
            ) : (
              <Tag color="green">{text}</Tag>
            ),
          });
        });
        blocks.forEach((b) => {
          const part = clip(b, date);
          if (!part) return;
          entries.push({
            key: `block-${b.id}`,
            start: part.start,
            node: (
              <Tag color="orange" style={{ whiteSpace: 'normal' }}>
                维护 {clock(part.start)}–{clock(part.end, date)} {b.reason}
              </Tag>
            ),
          });
        });
        reservations.forEach((r) => {
          const part = clip(r, date);
          if (!part) return;
          entries.push({
            key: `reservation-${r.id}`,
            start: part.start,
            node: (
              <Tag color={r.internal ? 'purple' : 'blue'} style={{ whiteSpace: 'normal' }}>
                {r.internal ? '自用' : '预约'} {clock(part.start)}–{clock(part.end, date)}（
                {label(RESERVATION_STATUS, r.status)}）
              </Tag>
            ),
          });
        });
        entries.sort((a, b) => a.start - b.start);
        return (
          <div
            key={date}
            data-testid={`day-${date}`}
            style={{
              border: '1px solid #f0f0f0',
              borderRadius: 6,
              padding: 8,
              background: date === today ? '#e6f4ff' : '#fff',
              minWidth: 0,
            }}
          >
            <Typography.Text strong>
              {WEEKDAY_LABEL[weekday]} {Number(mm)}/{Number(dd)}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {hours.length ? `开放 ${hours.map(([a, b]) => `${a}–${b}`).join('，')}` : '不开放'}
              </Typography.Text>
            </div>
            <Space direction="vertical" size={4} style={{ width: '100%', marginTop: 4 }}>
              {entries.map((e) => (
                <div key={e.key}>{e.node}</div>
              ))}
            </Space>
          </div>
        );
      })}
    </div>
  );
}

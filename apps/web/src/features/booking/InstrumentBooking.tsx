import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, ApiError, Page } from '../../shared/api';
import { yuan } from '../../shared/money';
import { applyApiErrors, errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { RESERVATION_STATUS } from '../../shared/labels/booking';
import { useSession } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { useWeekAvailability } from './InstrumentCalendar';
import {
  BookingRules,
  cancellationRule,
  chinaDay,
  clock,
  HOUR_MS,
  instant,
  Instrument,
  mondayOf,
  percent,
  QUARTER_MS,
  Reservation,
  span,
} from './schedule';
import { WeekNav, WeekView } from './WeekView';

/** Conflicts that mean the picked time is no longer bookable: the week is reloaded. */
const SLOT_CODES = ['SLOT_TAKEN', 'SLOT_BLOCKED', 'OUTSIDE_OPENING_HOURS'];

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
        ? api<Page<Reservation>>(`/equipment/${instrument.id}/reservations`, { query: { limit: 100 } })
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

function ReserveModal({
  instrument,
  slot,
  onTaken,
  onClose,
}: {
  instrument: Instrument;
  slot: { date: string; start: number; end: number };
  onTaken: () => void;
  onClose: (made?: Reservation) => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const start = Form.useWatch('start', form) as number | undefined;
  // Quarter hours inside the free interval the API answered: any aligned part of it is bookable.
  const points: number[] = [];
  for (let t = slot.start; t <= slot.end; t += QUARTER_MS) points.push(t);
  const option = (t: number) => ({ value: t, label: clock(t, slot.date) });
  const submit = async (v: { start: number; end: number; purpose?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const made = await api<Reservation>(`/equipment/${instrument.id}/reservations`, {
        method: 'POST',
        body: { startsAt: instant(v.start), endsAt: instant(v.end), purpose: v.purpose || undefined },
      });
      onClose(made);
    } catch (e) {
      // A 409's details name the fields as plain strings, not field errors: only a 400 goes beside the fields.
      if (e instanceof ApiError && SLOT_CODES.includes(e.code)) {
        setError(`${errorText(e)}（空闲时段已刷新）`);
        onTaken();
      } else setError(applyApiErrors(form, e, { startsAt: 'start', endsAt: 'end' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`预约 ${instrument.name}`} onCancel={() => onClose()} footer={null} destroyOnClose>
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="reserve-error" />
      )}
      <Typography.Paragraph>
        空闲时段：{span({ startsAt: instant(slot.start), endsAt: instant(slot.end) })}
        <br />
        <Typography.Text type="secondary">
          机时费 {yuan(instrument.hourlyRateFen)}/小时，按每刻钟计费，以平台确认的金额为准。
        </Typography.Text>
      </Typography.Paragraph>
      <Form
        form={form}
        name="reserve"
        layout="vertical"
        onFinish={submit}
        initialValues={{ start: slot.start, end: Math.min(slot.end, slot.start + HOUR_MS) }}
      >
        <Space wrap>
          <Form.Item name="start" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 110 }}
              options={points.slice(0, -1).map(option)}
              onChange={(value: number) => {
                if ((form.getFieldValue('end') as number) <= value) form.setFieldValue('end', value + QUARTER_MS);
              }}
            />
          </Form.Item>
          <Form.Item name="end" label="结束时间" rules={[{ required: true, message: '请选择结束时间' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 110 }}
              options={points.filter((t) => t > (start ?? slot.start)).map(option)}
            />
          </Form.Item>
        </Space>
        <Form.Item name="purpose" label="用途">
          <Input.TextArea rows={2} placeholder="如：石墨烯薄膜截面形貌观察" maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认预约
        </Button>
      </Form>
    </Modal>
  );
}

function MyReservations({
  rows,
  loading,
  error,
  rules,
  onChanged,
}: {
  rows: Reservation[];
  loading: boolean;
  error?: string;
  rules?: BookingRules;
  onChanged: () => void;
}) {
  const { message } = AntApp.useApp();
  const cancel = async (r: Reservation) => {
    try {
      const done = await api<Reservation>(`/reservations/${r.id}/cancel`, { method: 'POST', body: {} });
      message.success(done.feeFen > 0 ? `预约已取消，需支付违约金 ${yuan(done.feeFen)}` : '预约已取消，无需支付费用');
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const feeNow = (r: Reservation) => {
    if (!rules) return '';
    const free = (Date.parse(r.startsAt) - Date.now()) / HOUR_MS >= rules.freeCancellationHours;
    return free || rules.lateCancellationFeeBp === 0
      ? '现在取消免费。'
      : `已不足 ${rules.freeCancellationHours} 小时，取消将收取预约费用的 ${percent(rules.lateCancellationFeeBp)}。`;
  };
  return (
    <Card size="small" type="inner" title="我的预约">
      {error && <Alert type="error" message={error} />}
      <List
        data-testid="my-reservations"
        size="small"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description="您还没有预约该仪器" /> }}
        renderItem={(r) => (
          <List.Item
            actions={
              r.status === 'CONFIRMED' && Date.parse(r.startsAt) > Date.now()
                ? [
                    <Popconfirm
                      key="cancel"
                      title="取消该预约？"
                      description={
                        <span>
                          {rules ? `${cancellationRule(rules)}。` : ''}
                          {feeNow(r)}
                        </span>
                      }
                      okText="确认取消"
                      cancelText="不取消"
                      onConfirm={() => cancel(r)}
                    >
                      <Button size="small" danger>
                        取消预约
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap size={[8, 2]}>
              <span>{span(r)}</span>
              <Tag>{label(RESERVATION_STATUS, r.status)}</Tag>
              <span>费用 {yuan(r.priceFen)}</span>
              {r.feeFen > 0 && <Typography.Text type="warning">违约金 {yuan(r.feeFen)}</Typography.Text>}
              {r.purpose && <Typography.Text type="secondary">{r.purpose}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

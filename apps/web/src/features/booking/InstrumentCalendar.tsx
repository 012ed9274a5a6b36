import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, Page } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useAction } from '../../shared/actions';
import { applyApiErrors, errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { RESERVATION_STATUS } from '../../shared/labels/booking';
import { useLoad } from '../../shared/useLoad';
import {
  at,
  Availability,
  BookingRules,
  cancellationRule,
  chinaDay,
  dayStart,
  DAY_MS,
  HOLDING,
  instant,
  Instrument,
  MaintenanceBlock,
  mondayOf,
  percent,
  QUARTERS,
  Reservation,
  span,
  WEEKDAYS,
} from './schedule';
import { WEEKDAY_LABEL } from '../../shared/labels/booking';
import { WeekNav, WeekView } from './WeekView';
import { LoadedTable } from '../../shared/LoadedTable';

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

/** GET /equipment/:id/utilisation: reservations starting in the period, hours and rates (basis points). */
interface Utilisation {
  reservations: number;
  openHours: number;
  scheduledHours: number;
  usedHours: number;
  externalHours: number;
  sharingRateBp: number;
  utilisationRateBp: number;
}

const hours = (h: number) => h.toLocaleString('zh-CN', { maximumFractionDigits: 1 });

/**
 * The instrument's reservations up to `until`: the API lists them by start time, 100 a page, without
 * a date filter, so pages are read until one reaches `until` (at most 20 pages).
 */
async function reservationsUntil(instrumentId: string, until: number): Promise<Reservation[]> {
  const all: Reservation[] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await api<Page<Reservation>>(`/equipment/${instrumentId}/reservations`, {
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
    () => api<Page<MaintenanceBlock>>(`/equipment/${instrument.id}/blocks`, { query: { limit: 100 } }),
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

function RulesSummary({ rules, onEdit }: { rules: BookingRules; onEdit: () => void }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} data-testid="booking-rules">
      <Descriptions.Item label="机时费">{`${yuan(rules.hourlyRateFen)}/小时（按刻钟计）`}</Descriptions.Item>
      <Descriptions.Item label="取消规则">{cancellationRule(rules)}</Descriptions.Item>
      <Descriptions.Item label="未到场">
        {`收取预约费用的 ${percent(rules.noShowFeeBp)}`}{' '}
        <Button size="small" type="link" onClick={onEdit}>
          修改预约规则
        </Button>
      </Descriptions.Item>
    </Descriptions>
  );
}

function BlockForm({ instrumentId, onAdded }: { instrumentId: string; onAdded: () => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { date: Dayjs; start: string; end: string; reason: string }) => {
    const date = v.date.format('YYYY-MM-DD');
    setBusy(true);
    setError(undefined);
    try {
      await api(`/equipment/${instrumentId}/blocks`, {
        method: 'POST',
        body: { startsAt: instant(at(date, v.start)), endsAt: instant(at(date, v.end)), reason: v.reason },
      });
      message.success('已添加维护时段');
      form.resetFields(['reason']);
      onAdded();
    } catch (e) {
      // A 409's details name the fields as plain strings, not field errors: only a 400 goes beside the fields.
      if (e instanceof ApiError && e.code === 'SLOT_TAKEN') setError('该时段已有预约，请先取消这些预约再安排维护');
      else if (e instanceof ApiError && e.statusCode === 409) setError(errorText(e));
      else setError(applyApiErrors(form, e, { startsAt: 'start', endsAt: 'end' }));
    } finally {
      setBusy(false);
    }
  };
  const options = QUARTERS.map((q) => ({ value: q, label: q }));
  return (
    <Card size="small" type="inner" title="安排维护（该时段不可预约）">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Form
        form={form}
        name="block"
        layout="inline"
        onFinish={submit}
        style={{ rowGap: 8 }}
        initialValues={{ date: dayjs().add(1, 'day'), start: '08:30', end: '12:00' }}
      >
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="start" label="开始" rules={[{ required: true, message: '请选择开始时间' }]}>
          <Select showSearch options={options.slice(0, 96)} style={{ width: 96 }} />
        </Form.Item>
        <Form.Item
          name="end"
          label="结束"
          dependencies={['start']}
          rules={[
            { required: true, message: '请选择结束时间' },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || value > (getFieldValue('start') as string)
                  ? Promise.resolve()
                  : Promise.reject(new Error('结束须晚于开始')),
            }),
          ]}
        >
          <Select showSearch options={options.slice(1)} style={{ width: 96 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="原因"
          rules={[{ required: true, min: 2, message: '请填写原因（至少 2 个字）' }]}
        >
          <Input placeholder="如：年度校准" style={{ width: 180 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          添加维护
        </Button>
      </Form>
    </Card>
  );
}

function Blocks({
  instrumentId,
  blocks,
  onChanged,
}: {
  instrumentId: string;
  blocks: { data?: Page<MaintenanceBlock>; loading: boolean; error?: string };
  onChanged: () => void;
}) {
  const run = useAction();
  const remove = async (b: MaintenanceBlock) => {
    if (await run(() => api(`/equipment/${instrumentId}/blocks/${b.id}`, { method: 'DELETE' }), '已删除维护时段')) {
      onChanged();
    }
  };
  return (
    <>
      <LoadedTable
        load={blocks}
        rows={blocks.data?.items ?? []}
        empty="没有安排维护"
        data-testid="maintenance-blocks"
        title={() => '维护时段（当前及以后）'}
        columns={[
          { title: '时间', render: (_: unknown, b: MaintenanceBlock) => span(b) },
          { title: '原因', dataIndex: 'reason' },
          {
            title: '操作',
            render: (_: unknown, b: MaintenanceBlock) => (
              <Popconfirm title="删除该维护时段？删除后该时段重新开放预约。" onConfirm={() => remove(b)}>
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}

function Reservations({
  rows,
  loading,
  error,
  onChanged,
}: {
  rows: Reservation[];
  loading: boolean;
  error?: string;
  onChanged: () => void;
}) {
  const run = useAction();
  const [completing, setCompleting] = useState<Reservation>();
  const act = async (r: Reservation, action: 'check-in' | 'no-show' | 'cancel', done: string) => {
    if (await run(() => api(`/reservations/${r.id}/${action}`, { method: 'POST', body: {} }), done)) onChanged();
  };
  const now = Date.now();
  return (
    <>
      {error && <Alert type="error" message={error} />}
      <Table
        rowKey="id"
        size="small"
        data-testid="instrument-reservations"
        title={() => '本周预约（时段空闲即自动确认；无法履约时可由平台免费取消）'}
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: <Empty description="本周暂无预约" /> }}
        columns={[
          { title: '时间', render: (_: unknown, r: Reservation) => span(r) },
          {
            title: '预约方',
            render: (_: unknown, r: Reservation) =>
              r.internal ? (
                <Tag color="purple">本平台自用</Tag>
              ) : r.orderId ? (
                <Link to={`/orders/${r.orderId}`}>外部预约（订单）</Link>
              ) : (
                '外部预约'
              ),
          },
          { title: '用途', dataIndex: 'purpose', render: (p: string) => p || '—' },
          {
            title: '费用',
            render: (_: unknown, r: Reservation) => (
              <Space direction="vertical" size={0}>
                <span>{yuan(r.priceFen)}</span>
                {r.feeFen > 0 && <Typography.Text type="warning">违约金 {yuan(r.feeFen)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r: Reservation) => (
              <Space direction="vertical" size={0}>
                <Tag>{label(RESERVATION_STATUS, s)}</Tag>
                {r.actualMinutes !== null && r.status === 'COMPLETED' && <span>实际 {r.actualMinutes} 分钟</span>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_: unknown, r: Reservation) => {
              const start = Date.parse(r.startsAt);
              const end = Date.parse(r.endsAt);
              return (
                <Space wrap size={4}>
                  {r.status === 'CONFIRMED' && now >= start - 3_600_000 && now < end && (
                    <Button size="small" type="primary" onClick={() => act(r, 'check-in', '已签到')}>
                      签到
                    </Button>
                  )}
                  {r.status === 'CONFIRMED' && now >= start && (
                    <Popconfirm
                      title="标记为未到场？将按规则收取未到场费用。"
                      onConfirm={() => act(r, 'no-show', '已标记未到场')}
                    >
                      <Button size="small">未到场</Button>
                    </Popconfirm>
                  )}
                  {r.status === 'CHECKED_IN' && (
                    <Button size="small" type="primary" onClick={() => setCompleting(r)}>
                      完成使用
                    </Button>
                  )}
                  {r.status === 'CONFIRMED' && (
                    <Popconfirm
                      title="取消该预约？平台取消不收取费用，关联订单一并取消。"
                      onConfirm={() => act(r, 'cancel', '预约已取消')}
                    >
                      <Button size="small" danger>
                        取消
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {completing && (
        <CompleteModal
          reservation={completing}
          onClose={(done) => {
            setCompleting(undefined);
            if (done) onChanged();
          }}
        />
      )}
    </>
  );
}

function CompleteModal({ reservation, onClose }: { reservation: Reservation; onClose: (done: boolean) => void }) {
  const run = useAction();
  const since = reservation.checkedInAt
    ? Math.max(0, Math.ceil((Date.now() - Date.parse(reservation.checkedInAt)) / 60_000))
    : 0;
  const [minutes, setMinutes] = useState<number | null>(since);
  const submit = async () => {
    const body = minutes === null ? {} : { actualMinutes: minutes };
    if (await run(() => api(`/reservations/${reservation.id}/complete`, { method: 'POST', body }), '已记录实际使用')) {
      onClose(true);
    }
  };
  return (
    <Modal open title="完成使用" onCancel={() => onClose(false)} onOk={submit} okText="确认完成" destroyOnClose>
      <Space direction="vertical" style={{ width: '100%' }}>
        <span>预约时段：{span(reservation)}</span>
        <Space>
          实际使用（分钟）
          <InputNumber min={0} max={7 * 24 * 60} value={minutes} onChange={(v) => setMinutes(v)} />
        </Space>
        <Typography.Text type="secondary">留空则按签到至今的时长记录。</Typography.Text>
      </Space>
    </Modal>
  );
}

/** "08:30-12:00, 13:30-17:30" ⇄ [["08:30","12:00"],["13:30","17:30"]] */
const windowsText = (windows: [string, string][] = []) => windows.map(([a, b]) => `${a}-${b}`).join(', ');
const parseWindows = (text = ''): string[][] =>
  text
    .split(/[,，;；\s]+/)
    .filter(Boolean)
    .map((w) => w.split(/[-–~～]/).map((t) => t.trim()));

function RulesModal({
  instrumentId,
  rules,
  onClose,
}: {
  instrumentId: string;
  rules: BookingRules;
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const submit = async (
    v: Record<string, string> & { freeCancellationHours: number; latePct: number; noShowPct: number },
  ) => {
    setError(undefined);
    try {
      await api(`/equipment/${instrumentId}/booking-rules`, {
        method: 'PUT',
        body: {
          openingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, parseWindows(v[d])])),
          freeCancellationHours: v.freeCancellationHours,
          lateCancellationFeeBp: Math.round(v.latePct * 100),
          noShowFeeBp: Math.round(v.noShowPct * 100),
        },
      });
      onClose(true);
    } catch (e) {
      // Opening-hours problems come per window (openingHours.MON.0): one Chinese hint beside the day.
      const fields = e instanceof ApiError && Array.isArray(e.details.fields) ? e.details.fields : [];
      const days = new Set(fields.map((f) => /^openingHours\.([A-Z]{3})/.exec(f?.field ?? '')?.[1]).filter(Boolean));
      form.setFields(
        [...days].map((day) => ({
          name: day as string,
          errors: ['须为整刻钟的“开始-结束”时段（如 08:30-12:00），按先后顺序且不重叠'],
        })),
      );
      setError(errorText(e));
    }
  };
  return (
    <Modal open title="预约规则" onCancel={() => onClose(false)} footer={null} destroyOnClose width={560}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="rules"
        layout="horizontal"
        labelCol={{ span: 8 }}
        onFinish={submit}
        initialValues={{
          ...Object.fromEntries(WEEKDAYS.map((d) => [d, windowsText(rules.openingHours[d])])),
          freeCancellationHours: rules.freeCancellationHours,
          latePct: rules.lateCancellationFeeBp / 100,
          noShowPct: rules.noShowFeeBp / 100,
        }}
      >
        <Typography.Paragraph type="secondary">
          开放时间按北京时间填写，如“08:30-12:00, 13:30-17:30”，须为整刻钟；留空表示当天不开放。
        </Typography.Paragraph>
        {WEEKDAYS.map((d) => (
          <Form.Item key={d} name={d} label={`${WEEKDAY_LABEL[d]}开放时间`}>
            <Input placeholder="不开放" />
          </Form.Item>
        ))}
        <Form.Item
          name="freeCancellationHours"
          label="免费取消（开始前小时）"
          rules={[{ required: true, message: '必填' }]}
        >
          <InputNumber min={0} max={720} />
        </Form.Item>
        <Form.Item name="latePct" label="逾时取消费用（%）" rules={[{ required: true, message: '必填' }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="noShowPct" label="未到场费用（%）" rules={[{ required: true, message: '必填' }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          保存规则
        </Button>
      </Form>
    </Modal>
  );
}

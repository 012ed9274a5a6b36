import { Alert, App as AntApp, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { RESERVATION_STATUS } from '../../shared/labels/booking';
import { BookingRules, cancellationRule, HOUR_MS, percent, Reservation, span } from './schedule';

export function MyReservations({
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

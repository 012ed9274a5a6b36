import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { api } from '../../shared/api';
import type { VoucherPage } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';
import { SurvivingHolds } from './SurvivingHolds';
import { label } from '../../shared/labels';
import { VOUCHER_STATUS } from '../../shared/labels/voucher';

export function VoucherWallet() {
  const wallet = useLoad(() => api<VoucherPage>('/vouchers', { query: { limit: 50 } }), []);
  return (
    <Card title="服务券钱包" size="small" data-testid="voucher-wallet">
      {wallet.error && <Alert type="error" message={wallet.error} />}
      <Spin spinning={wallet.loading}>
        <List
          dataSource={wallet.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无服务券。可向科技主管部门申请中试服务券。" /> }}
          renderItem={(v) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{v.code}</Typography.Text>
                  <Tag color={v.status === 'ACTIVE' ? 'green' : 'default'}>{label(VOUCHER_STATUS, v.status)}</Tag>
                  {v.status === 'ACTIVE' && v.daysLeft !== null && (
                    <Tag color={v.daysLeft <= 30 ? 'orange' : 'blue'}>剩余 {v.daysLeft} 天到期</Tag>
                  )}
                </Space>
                <Typography.Text>
                  面额 {yuan(v.faceValueFen)} · 可用 {yuan(v.availableFen)} · 冻结 {yuan(v.heldFen)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  有效期 {v.validFrom} 至 {v.validUntil}
                </Typography.Text>
                <SurvivingHolds voucher={v} />
              </Space>
            </List.Item>
          )}
        />
      </Spin>
    </Card>
  );
}

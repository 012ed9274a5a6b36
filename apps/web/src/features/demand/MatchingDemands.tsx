import { Alert, Empty, List, Modal, Space, Tag } from 'antd';
import { api, Schema } from '../../shared/api';
import { yuan } from '../../shared/money';
import { label } from '../../shared/labels';
import { STAGE, CONFIDENTIALITY } from '../../shared/labels/demand';
import { useLoad } from '../../shared/useLoad';
import { ServiceRow } from '../catalogue/types';

export function MatchingDemands({ service, onClose }: { service: ServiceRow; onClose: () => void }) {
  const demands = useLoad(
    () =>
      api<Schema<'FittingDemandsDto'>>(`/services/${service.id}/matching-demands`, {
        query: { limit: 20 },
      }),
    [service.id],
  );
  return (
    <Modal open title={`与“${service.title}”匹配的需求`} onCancel={onClose} footer={null} width={680}>
      {demands.error && <Alert type="error" message={demands.error} />}
      <List
        data-testid="matching-demands"
        loading={demands.loading}
        dataSource={demands.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无匹配的开放需求" /> }}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {d.title}
                  <Tag color="blue">匹配度 {Math.round(d.score * 100)}%</Tag>
                </Space>
              }
              description={
                <Space wrap size={4}>
                  <Tag>{label(STAGE, d.stage)}</Tag>
                  <Tag>{CONFIDENTIALITY[d.confidentiality]?.label ?? d.confidentiality}</Tag>
                  {d.budgetMaxFen ? <span>预算至 {yuan(d.budgetMaxFen)}</span> : null}
                  {d.description && <span>{d.description}</span>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}

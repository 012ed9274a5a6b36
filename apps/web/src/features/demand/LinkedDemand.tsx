import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../shared/api';
import type { Demand } from '../../shared/api-types';
import { label } from '../../shared/labels';
import { CONFIDENTIALITY, STAGE } from '../../shared/labels/demand';
import { useLoad } from '../../shared/useLoad';

/**
 * Platform: the demand a notification is about (`/platform?demand=<id>`), above the hall — what the platform
 * may see of it, with 报价. Shown only when the link names one.
 */
export function LinkedDemand({ canQuote, onQuote }: { canQuote: boolean; onQuote: (d: Demand) => void }) {
  const [params, setParams] = useSearchParams();
  const id = params.get('demand');
  const demand = useLoad(() => (id ? api<Demand>(`/demands/${id}`) : Promise.resolve(undefined)), [id]);
  if (!id) return null;
  const close = () => setParams((p) => (p.delete('demand'), p));
  if (demand.error) return <Alert type="warning" closable onClose={close} message={demand.error} />;
  const d = demand.data;
  return (
    <Card
      size="small"
      type="inner"
      title="消息中的需求"
      loading={demand.loading}
      data-testid="linked-demand"
      extra={
        <Button size="small" type="link" onClick={close}>
          关闭
        </Button>
      }
    >
      {d && (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong>{d.title}</Typography.Text>
          <Space wrap size={4}>
            <Tag>{label(STAGE, d.stage)}</Tag>
            <Tag>{CONFIDENTIALITY[d.confidentiality]?.label ?? d.confidentiality}</Tag>
          </Space>
          {d.description && <Typography.Paragraph ellipsis={{ rows: 3 }}>{d.description}</Typography.Paragraph>}
          {d.status === 'OPEN' && (
            <Button type="primary" size="small" disabled={!canQuote} onClick={() => onQuote(d)}>
              报价
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}

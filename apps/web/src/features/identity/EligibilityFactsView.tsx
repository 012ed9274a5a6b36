import { Descriptions, Space, Tag, Typography } from 'antd';
import type { RequestedFacts, Shareholder } from './api';

function Shareholders({ holders }: { holders: Shareholder[] }) {
  if (!holders.length) return <Typography.Text type="secondary">未填报</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {holders.map((h) => (
        <span key={h.holderKey}>
          {h.holderName}（{(h.shareBp / 100).toFixed(2)}%）
        </span>
      ))}
    </Space>
  );
}

/**
 * An org's eligibility facts: 科技型中小企业, 法定代表人, 主要股东. With `only` set, just the facts a correction
 * request names (those it changes).
 */
export function EligibilityFactsView({ facts, only = false }: { facts: RequestedFacts; only?: boolean }) {
  const show = (key: keyof RequestedFacts) => !only || facts[key] !== undefined;
  return (
    <Descriptions size="small" column={1} bordered>
      {show('techSme') && (
        <Descriptions.Item label="科技型中小企业">
          {facts.techSme ? <Tag color="green">是（已入库）</Tag> : <Tag>否</Tag>}
        </Descriptions.Item>
      )}
      {show('legalRepresentative') && (
        <Descriptions.Item label="法定代表人">{facts.legalRepresentative || '未填报'}</Descriptions.Item>
      )}
      {show('shareholders') && (
        <Descriptions.Item label="主要股东">
          <Shareholders holders={facts.shareholders ?? []} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

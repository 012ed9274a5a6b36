import { Card, Space, Tag } from 'antd';
import { useMemo } from 'react';
import type { Schema } from '../../shared/api';
import { FieldNode, useIndustryFields } from '../../shared/fieldTree';
import { LoadedTable } from '../../shared/LoadedTable';

type Adopter = Schema<'AdopterMatchDto'>;

function namesOf(nodes: FieldNode[] = [], into = new Map<string, string>()): Map<string, string> {
  for (const node of nodes) {
    into.set(node.code, node.name);
    namesOf(node.children ?? [], into);
  }
  return into;
}

/** 潜在承接企业: SMEs whose subscriptions fit the result (the institute's view only), with why. */
export function AdopterTable({ load, adopters }: { load: { loading: boolean; error?: string }; adopters: Adopter[] }) {
  const fields = useIndustryFields();
  const names = useMemo(() => namesOf(fields.data), [fields.data]);
  return (
    <Card title="潜在承接企业" size="small" style={{ marginTop: 16 }}>
      <LoadedTable<Adopter>
        data-testid="result-adopters"
        load={load}
        rows={adopters}
        rowKey={(a) => a.orgId}
        empty="暂无订阅该领域的企业：企业订阅相关领域或关键词后会出现在这里"
        columns={[
          { title: '#', dataIndex: 'rank', width: 48 },
          {
            title: '企业',
            render: (_, a) => (
              <Space>
                {a.name}
                {a.techSme && <Tag color="blue">科技型中小企业</Tag>}
              </Space>
            ),
          },
          {
            title: '匹配理由',
            render: (_, a) => (
              <Space size={[0, 4]} wrap>
                {a.reasons.fields.map((code) => (
                  <Tag key={code} color="green">
                    订阅领域：{names.get(code) ?? code}
                  </Tag>
                ))}
                {a.reasons.keywords.map((word) => (
                  <Tag key={word}>关键词：{word}</Tag>
                ))}
              </Space>
            ),
          },
          { title: '匹配度', render: (_, a) => `${Math.round(a.score * 100)}%`, width: 80 },
        ]}
      />
    </Card>
  );
}

import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useAction } from '../../shared/actions';
import { label } from '../../shared/labels';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { LoadedTable } from '../../shared/LoadedTable';
import { SERVICE_CATEGORY, SERVICE_STATUS } from '../../shared/labels/catalogue';
import { ServiceRow } from './types';
import { MatchingDemands } from '../demand/MatchingDemands';
import { ServiceModal } from './ServiceModal';

export function Services({ platformId }: { platformId: string }) {
  const run = useAction();
  const services = usePagedLoad<'ServicePageDto'>(`/platforms/${platformId}/services`);
  const rows = services.rows;
  const [editing, setEditing] = useState<ServiceRow | 'new'>();
  const [matching, setMatching] = useState<ServiceRow>();
  const act = async (s: ServiceRow, action: 'publish' | 'archive') => {
    if (
      await run(
        () => api(`/services/${s.id}/${action}`, { method: 'POST' }),
        action === 'publish' ? '服务已发布' : '服务已归档',
      )
    )
      services.reload();
  };
  return (
    <>
      <Button type="primary" size="small" onClick={() => setEditing('new')} style={{ marginBottom: 8 }}>
        新增服务
      </Button>
      <LoadedTable
        load={services}
        rows={rows}
        empty="还没有服务。点击「新增服务」登记服务，发布后企业即可搜索和下单"
        data-testid="my-services"
        scroll={{ x: 760 }}
        columns={[
          { title: '服务', dataIndex: 'title' },
          { title: '类别', dataIndex: 'category', render: (c: string) => label(SERVICE_CATEGORY, c) },
          {
            title: '价格',
            render: (_: unknown, s: ServiceRow) =>
              s.pricingKind === 'QUOTE' ? '面议' : `${yuan(s.priceFen)}${s.unitName ? ` / ${s.unitName}` : ''}`,
          },
          { title: '周期', dataIndex: 'leadTimeDays', render: (n: number) => `${n} 天` },
          {
            title: '状态',
            dataIndex: 'status',
            render: (st: string, s: ServiceRow) => (
              <Space size={2}>
                <Tag>{label(SERVICE_STATUS, st)}</Tag>
                {s.voucherEligible && <Tag color="green">可用服务券</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_: unknown, s: ServiceRow) => (
              <Space wrap size={4}>
                <Button size="small" onClick={() => setEditing(s)}>
                  编辑
                </Button>
                {s.status !== 'PUBLISHED' && (
                  <Button size="small" type="primary" onClick={() => act(s, 'publish')}>
                    发布
                  </Button>
                )}
                {s.status === 'PUBLISHED' && (
                  <>
                    <Button size="small" onClick={() => setMatching(s)}>
                      匹配需求
                    </Button>
                    <Button size="small" onClick={() => act(s, 'archive')}>
                      归档
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ServiceModal
          platformId={platformId}
          service={editing === 'new' ? undefined : editing}
          onClose={(done) => {
            setEditing(undefined);
            if (done) services.reload();
          }}
        />
      )}
      {matching && <MatchingDemands service={matching} onClose={() => setMatching(undefined)} />}
    </>
  );
}

import { Card, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import type { Demand, DemandPage } from '../../shared/api-types';
import { label } from '../../shared/labels';
import { DEMAND_STATUS, STAGE } from '../../shared/labels/demand';
import { LoadedTable } from '../../shared/LoadedTable';
import { useLoad } from '../../shared/useLoad';

/** SME: its demands (揭榜挂帅 marked) with their quote counts, each linking to its page (quotes, matches, award). */
export function MyDemands() {
  const demands = useLoad(() => api<DemandPage>('/demands', { query: { limit: 50 } }), []);
  return (
    <Card title="我的需求" size="small">
      <LoadedTable
        load={demands}
        rows={demands.data?.items ?? []}
        empty="还没有需求，点击右上角发布"
        scroll={{ x: 480 }}
        columns={[
          {
            title: '需求',
            dataIndex: 'title',
            render: (t: string, d: Demand) => (
              <>
                <Link to={`/sme/demands/${d.id}`}>{t}</Link>
                {d.mode === 'CHALLENGE' && (
                  <Tag color="volcano" style={{ marginLeft: 6 }}>
                    揭榜挂帅
                  </Tag>
                )}
              </>
            ),
          },
          { title: '报价/方案', dataIndex: 'quoteCount', render: (n: number) => `${n} 份` },
          { title: '阶段', dataIndex: 'stage', render: (s: string) => label(STAGE, s) },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(DEMAND_STATUS, s)}</Tag> },
        ]}
      />
    </Card>
  );
}

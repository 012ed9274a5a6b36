import { Button, Card, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Demand } from '../../shared/api-types';
import { label } from '../../shared/labels';
import { DEMAND_STATUS, STAGE } from '../../shared/labels/demand';
import { LoadedTable } from '../../shared/LoadedTable';
import { usePagedLoad } from '../../shared/usePagedLoad';

/** SME: its demands (揭榜挂帅 marked) with their quote counts, a page at a time, each linking to its page (quotes, matches, award). */
export function MyDemands() {
  const demands = usePagedLoad<'DemandPageDto'>('/demands');
  return (
    <Card title="我的需求" size="small" data-testid="my-demands">
      <LoadedTable
        load={demands}
        rows={demands.rows}
        empty="还没有需求。发布中试需求后，匹配的平台会来报价"
        emptyAction={
          <Link to="/sme/demands/new">
            <Button type="primary">发布第一个需求</Button>
          </Link>
        }
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

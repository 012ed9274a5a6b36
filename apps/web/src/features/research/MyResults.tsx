import { Button, Card, Popconfirm, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { label } from '../../shared/labels';
import { RESULT_CONFIDENTIALITY, RESULT_STAGE, RESULT_STATUS } from '../../shared/labels/research';
import { LoadedTable } from '../../shared/LoadedTable';
import { usePagedLoad } from '../../shared/usePagedLoad';

type Result = Schema<'ResultResponseDto'>;

/** Institute: its results in every state, with the moves the state table allows the institute. */
export function MyResults() {
  const results = usePagedLoad<'ResultPageDto'>('/results');
  const act = useAction();
  const move = (r: Result, path: string, done: string) => async () => {
    if (await act(() => api(`/results/${r.id}/${path}`, { method: 'POST', body: {} }), done)) results.reload();
  };
  return (
    <Card title="我的科技成果" size="small">
      <LoadedTable
        load={results}
        rows={results.rows}
        empty="还没有成果，点击右上角发布"
        scroll={{ x: 640 }}
        data-testid="my-results"
        columns={[
          {
            title: '成果',
            dataIndex: 'title',
            render: (t: string, r: Result) => <Link to={`/results/${r.id}`}>{t}</Link>,
          },
          { title: '阶段', dataIndex: 'stageReached', render: (s: string) => label(RESULT_STAGE, s) },
          {
            title: '保密',
            dataIndex: 'confidentiality',
            render: (c: string) => RESULT_CONFIDENTIALITY[c]?.label ?? c,
          },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(RESULT_STATUS, s)}</Tag> },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, r: Result) => (
              <Space size={4}>
                {r.status === 'DRAFT' && (
                  <Button size="small" type="primary" onClick={move(r, 'publish', '已发布')}>
                    发布
                  </Button>
                )}
                {r.status === 'PUBLISHED' && (
                  <Button size="small" onClick={move(r, 'start-pilot', '已标记为中试验证中')}>
                    进入中试
                  </Button>
                )}
                {(r.status === 'PUBLISHED' || r.status === 'IN_PILOT') && (
                  <Button size="small" onClick={move(r, 'transfer', '已标记为已转化')}>
                    已转化
                  </Button>
                )}
                {['DRAFT', 'PUBLISHED', 'IN_PILOT'].includes(r.status) && (
                  <Popconfirm title="撤回后成果将不再对外展示，确定撤回？" onConfirm={move(r, 'withdraw', '已撤回')}>
                    <Button size="small" danger>
                      撤回
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

import { Button, Popconfirm } from 'antd';
import { api, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { MaintenanceBlock, span } from './schedule';
import { LoadedTable } from '../../shared/LoadedTable';

export function Blocks({
  instrumentId,
  blocks,
  onChanged,
}: {
  instrumentId: string;
  blocks: { data?: Schema<'BlockPageDto'>; loading: boolean; error?: string };
  onChanged: () => void;
}) {
  const run = useAction();
  const remove = async (b: MaintenanceBlock) => {
    if (await run(() => api(`/equipment/${instrumentId}/blocks/${b.id}`, { method: 'DELETE' }), '已删除维护时段')) {
      onChanged();
    }
  };
  return (
    <>
      <LoadedTable
        load={blocks}
        rows={blocks.data?.items ?? []}
        empty="没有安排维护"
        data-testid="maintenance-blocks"
        title={() => '维护时段（当前及以后）'}
        columns={[
          { title: '时间', render: (_: unknown, b: MaintenanceBlock) => span(b) },
          { title: '原因', dataIndex: 'reason' },
          {
            title: '操作',
            render: (_: unknown, b: MaintenanceBlock) => (
              <Popconfirm title="删除该维护时段？删除后该时段重新开放预约。" onConfirm={() => remove(b)}>
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}

import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useAction } from '../../shared/actions';
import { InstrumentCalendar } from '../booking/InstrumentCalendar';
import type { Instrument } from '../booking/schedule';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { LoadedTable } from '../../shared/LoadedTable';
import { EquipmentModal } from './EquipmentModal';

export function Equipment({ platformId }: { platformId: string }) {
  const run = useAction();
  const equipment = usePagedLoad<'EquipmentPageDto'>(`/platforms/${platformId}/equipment`);
  const rows = equipment.rows;
  const [editing, setEditing] = useState<Instrument | 'new'>();
  const [calendar, setCalendar] = useState<Instrument>();
  const retire = async (e: Instrument, status: string) => {
    if (
      await run(
        () => api(`/equipment/${e.id}`, { method: 'PATCH', body: { status } }),
        status === 'RETIRED' ? '已停用' : '已启用',
      )
    )
      equipment.reload();
  };
  return (
    <>
      <Button type="primary" size="small" onClick={() => setEditing('new')} style={{ marginBottom: 8 }}>
        新增设备
      </Button>
      <LoadedTable
        load={equipment}
        rows={rows}
        empty="还没有登记仪器设备。登记后企业可按时段预约"
        data-testid="my-equipment"
        scroll={{ x: 820 }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '型号',
            render: (_: unknown, e: Instrument) => [e.maker, e.model].filter(Boolean).join(' ') || '—',
          },
          { title: '类别', dataIndex: 'category' },
          { title: '主要指标', dataIndex: 'keySpecs' },
          { title: '机时费', dataIndex: 'hourlyRateFen', render: (f: number) => `${yuan(f)}/小时` },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag>{s === 'ACTIVE' ? '在用' : '已停用'}</Tag>,
          },
          {
            title: '操作',
            render: (_: unknown, e: Instrument) => (
              <Space wrap size={4}>
                <Button
                  size="small"
                  type={calendar?.id === e.id ? 'primary' : 'default'}
                  onClick={() => setCalendar(e)}
                >
                  预约日历
                </Button>
                <Button size="small" onClick={() => setEditing(e)}>
                  编辑
                </Button>
                <Button size="small" onClick={() => retire(e, e.status === 'ACTIVE' ? 'RETIRED' : 'ACTIVE')}>
                  {e.status === 'ACTIVE' ? '停用' : '启用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {calendar && (
        <div style={{ marginTop: 12 }}>
          <InstrumentCalendar key={calendar.id} instrument={calendar} onClose={() => setCalendar(undefined)} />
        </div>
      )}
      {editing && (
        <EquipmentModal
          platformId={platformId}
          equipment={editing === 'new' ? undefined : editing}
          onClose={(done) => {
            setEditing(undefined);
            if (done) equipment.reload();
          }}
        />
      )}
    </>
  );
}

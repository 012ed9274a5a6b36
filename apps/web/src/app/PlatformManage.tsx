import { Alert, Button, Card, Empty, Select, Space, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { api, Schema } from '../shared/api';
import { label } from '../shared/labels';
import { PLATFORM_STATUS } from '../shared/labels/catalogue';
import { useLoad } from '../shared/useLoad';
import { PlatformEditor } from '../features/catalogue/PlatformEditor';
import { CreatePlatformModal } from '../features/catalogue/CreatePlatformModal';
import { Services } from '../features/catalogue/Services';
import { Equipment } from '../features/catalogue/Equipment';
import { Reviews } from '../features/booking/Reviews';
import { RecognitionApply } from '../features/governance/RecognitionApply';

/** Operator: its platforms — profile, services, equipment, ratings and recognition. */
export function PlatformManage() {
  const platforms = useLoad(
    () => api<Schema<'PlatformPageDto'>>('/platforms', { query: { mine: true, limit: 50 } }),
    [],
  );
  const [id, setId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const created = (newId?: string) => {
    setCreating(false);
    if (newId) {
      setId(newId);
      platforms.reload();
    }
  };
  useEffect(() => {
    if (!id && platforms.data?.items.length) setId(platforms.data.items[0].id);
  }, [platforms.data, id]);
  const platform = platforms.data?.items.find((p) => p.id === id);
  return (
    <Card
      size="small"
      title="我的平台"
      data-testid="my-platform"
      extra={
        <Space wrap>
          <Select
            size="small"
            style={{ minWidth: 220 }}
            value={id}
            onChange={setId}
            loading={platforms.loading}
            placeholder="暂无平台"
            options={(platforms.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${label(PLATFORM_STATUS, p.status)}）`,
            }))}
          />
          <Button size="small" type="primary" onClick={() => setCreating(true)}>
            创建平台
          </Button>
        </Space>
      }
    >
      {platforms.error && <Alert type="error" message={platforms.error} />}
      {!platform && !platforms.loading && (
        <Empty description="您还没有平台：创建平台并添加资质，提交审核，上架后即可发布服务、查看需求并报价">
          <Button type="primary" onClick={() => setCreating(true)}>
            创建平台
          </Button>
        </Empty>
      )}
      {creating && <CreatePlatformModal onClose={created} />}
      {platform && (
        <Tabs
          destroyInactiveTabPane
          // Until it is listed, what matters is its profile and review (提交审核, the bureau's outcome).
          defaultActiveKey={platform.status === 'LISTED' ? 'services' : 'profile'}
          items={[
            { key: 'services', label: '服务', children: <Services platformId={platform.id} /> },
            {
              key: 'profile',
              label: '平台信息',
              children: <PlatformEditor platform={platform} onChanged={platforms.reload} />,
            },
            { key: 'equipment', label: '仪器设备', children: <Equipment platformId={platform.id} /> },
            { key: 'reviews', label: '用户评价', children: <Reviews platform={platform} /> },
            { key: 'recognition', label: '认定申请', children: <RecognitionApply platformId={platform.id} /> },
          ]}
        />
      )}
    </Card>
  );
}

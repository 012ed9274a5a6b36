import { Alert, App as AntApp, Button, Card, Form, Popconfirm, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { api, RequestBody, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { applyApiErrors } from '../../shared/errors';
import { fieldTree, TreeNode, useIndustryFields } from '../../shared/fieldTree';
import { LoadedTable } from '../../shared/LoadedTable';
import { options } from '../../shared/labels';
import { SERVICE_CATEGORY } from '../../shared/labels/catalogue';
import { time } from '../../shared/dates';
import { useLoad } from '../../shared/useLoad';
import { REGION_OPTIONS, RegionOption } from '../catalogue/regions';

type Subscription = Schema<'SubscriptionResponseDto'>;
type NewSubscription = RequestBody<'CreateSubscriptionDto'>;

const regionTree = (nodes: RegionOption[]): TreeNode[] =>
  nodes.map((n) => ({ value: n.value, title: n.label, children: n.children && regionTree(n.children) }));

/** Names of codes in a tree (fields, regions), for showing a subscription's criteria. */
function namesIn(nodes: TreeNode[], into = new Map<string, string>()) {
  for (const n of nodes) {
    into.set(n.value, n.title);
    if (n.children) namesIn(n.children, into);
  }
  return into;
}

/**
 * 订阅: the org hears of demands (a platform) or services (an SME) that fit its fields, service categories,
 * keywords and regions — every criterion given must match; at least one is needed.
 */
export function SubscriptionsCard() {
  const fields = useIndustryFields();
  const subscriptions = useLoad(
    () => api<Schema<'SubscriptionPageDto'>>('/subscriptions', { query: { limit: 100 } }),
    [],
  );
  const run = useAction();
  const fieldOptions = fieldTree(fields.data);
  const regionOptions = regionTree(REGION_OPTIONS);
  const names = namesIn([...fieldOptions, ...regionOptions]);
  const remove = async (s: Subscription) => {
    if (await run(() => api(`/subscriptions/${s.id}`, { method: 'DELETE' }), '订阅已删除')) subscriptions.reload();
  };
  const tags = (codes: string[], color?: string) =>
    codes.map((c) => (
      <Tag key={c} color={color}>
        {names.get(c) ?? SERVICE_CATEGORY[c] ?? c}
      </Tag>
    ));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="subscriptions">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        有符合订阅条件的需求发布时，您会在消息中心（以及已设置的
        Webhook）收到通知。一条订阅的各项条件须同时满足，未填的条件不限。
      </Typography.Paragraph>
      <LoadedTable<Subscription>
        load={subscriptions}
        rows={subscriptions.data?.items ?? []}
        empty="还没有订阅：在下方选择行业领域、服务类别、关键词或地区，添加第一条订阅"
        scroll={{ x: 640 }}
        columns={[
          { title: '行业领域', render: (_, s) => tags(s.fieldCodes, 'blue') },
          { title: '服务类别', render: (_, s) => tags(s.categories, 'purple') },
          { title: '关键词', render: (_, s) => tags(s.keywords) },
          { title: '地区', render: (_, s) => tags(s.regionCodes, 'green') },
          { title: '创建时间', render: (_, s) => time(s.createdAt) },
          {
            title: '操作',
            render: (_, s) => (
              <Popconfirm title="删除这条订阅？" okText="删除" cancelText="取消" onConfirm={() => remove(s)}>
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <NewSubscriptionForm fieldOptions={fieldOptions} regionOptions={regionOptions} onAdded={subscriptions.reload} />
    </Space>
  );
}

function NewSubscriptionForm({
  fieldOptions,
  regionOptions,
  onAdded,
}: {
  fieldOptions: TreeNode[];
  regionOptions: TreeNode[];
  onAdded: () => void;
}) {
  const [form] = Form.useForm<NewSubscription>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  // The server judges the criteria (at least one, each keyword's length…) and names the field it refuses.
  const submit = async (values: NewSubscription) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('/subscriptions', { method: 'POST', body: values });
      message.success('订阅已添加');
      form.resetFields();
      onAdded();
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="添加订阅">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="fieldCodes" label="行业领域" extra="选大类即包含其下所有细分领域">
          <TreeSelect
            multiple
            treeData={fieldOptions}
            showSearch
            treeNodeFilterProp="title"
            placeholder="不限"
            allowClear
          />
        </Form.Item>
        <Form.Item name="categories" label="服务类别">
          <Select mode="multiple" options={options(SERVICE_CATEGORY)} placeholder="不限" allowClear />
        </Form.Item>
        <Form.Item name="keywords" label="关键词" extra="输入后按回车添加；命中任一关键词即可（每个不超过 50 字）">
          <Select mode="tags" open={false} tokenSeparators={[',', '，']} placeholder="如：石墨烯、导热膜" />
        </Form.Item>
        <Form.Item name="regionCodes" label="地区" extra="选市即包含其下各区县">
          <TreeSelect multiple treeData={regionOptions} placeholder="不限" allowClear treeDefaultExpandAll />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          添加订阅
        </Button>
      </Form>
    </Card>
  );
}

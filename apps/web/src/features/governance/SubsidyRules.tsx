import { Alert, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, getSession, listItems, Schema } from '../../shared/api';
import { label } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { pct } from '../../shared/money';
import { RULE_KIND } from '../../shared/labels/governance';
import { ruleSummary } from './rule-form';
import type { SubsidyRuleRow } from './rule-form';
import { RuleModal } from './RuleModal';

export type Me = Schema<'MeResponseDto'>;

/** Bureau: its region's subsidy rules as data — list, add and change. */
export function SubsidyRules() {
  const me = useLoad(() => api<Me>('/me'), []);
  const region = me.data?.org.regionCode;
  const rules = useLoad(
    () => (region ? listItems<'SubsidyRulePageDto'>('/subsidy-rules', { regionCode: region }) : Promise.resolve([])),
    [region],
  );
  const [editing, setEditing] = useState<SubsidyRuleRow | 'new'>();
  // Admins see the rules; only a bureau keeps them (the API says so too).
  const mayEdit = getSession()?.org.kind === 'BUREAU';
  return (
    <Card
      size="small"
      title="平台补贴规则"
      data-testid="subsidy-rule-admin"
      extra={
        mayEdit && (
          <Button size="small" type="primary" disabled={!me.data} onClick={() => setEditing('new')}>
            新增规则
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        规则按数据保存：修改后对之后的补贴测算生效，已完成的测算保留当时所用的规则。同一“就高不重复分组”内的规则只取最高一项。
      </Typography.Paragraph>
      {(me.error || rules.error) && <Alert type="error" message={me.error ?? rules.error} />}
      <Table
        rowKey="id"
        size="small"
        data-testid="subsidy-rule-list"
        loading={me.loading || rules.loading}
        dataSource={rules.data ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description="本地区尚未配置补贴规则" /> }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 150 },
          { title: '名称', dataIndex: 'name', width: 180 },
          { title: '类型', dataIndex: 'kind', width: 150, render: (k: string) => label(RULE_KIND, k) },
          {
            title: '规则内容',
            render: (_: unknown, r: SubsidyRuleRow) => (
              <>
                {ruleSummary(r.kind, r.rule)}
                {r.interpretation && <Typography.Paragraph type="secondary">{r.interpretation}</Typography.Paragraph>}
              </>
            ),
          },
          {
            title: '就高不重复分组',
            width: 120,
            render: (_: unknown, r: SubsidyRuleRow) => r.rule.overlapGroup ?? '—',
          },
          {
            title: '出资分担',
            width: 150,
            render: (_: unknown, r: SubsidyRuleRow) =>
              r.rule.funders.map((f) => `${f.name} ${pct(f.shareBp)}`).join(' / '),
          },
          {
            title: '状态',
            dataIndex: 'active',
            width: 70,
            render: (a: boolean, r: SubsidyRuleRow) =>
              a ? (
                <Tag color="green">启用</Tag>
              ) : r.unsetParameters?.length ? (
                <Tag color="orange">待设定比例</Tag>
              ) : (
                <Tag>停用</Tag>
              ),
          },
          {
            title: '操作',
            width: 70,
            render: (_: unknown, r: SubsidyRuleRow) =>
              r.regionCode !== region ? (
                <Typography.Text type="secondary">上级规则</Typography.Text>
              ) : mayEdit ? (
                <Button size="small" onClick={() => setEditing(r)}>
                  编辑
                </Button>
              ) : null,
          },
        ]}
      />
      {editing && me.data && (
        <RuleModal
          rule={editing === 'new' ? undefined : editing}
          me={me.data}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) rules.reload();
          }}
        />
      )}
    </Card>
  );
}

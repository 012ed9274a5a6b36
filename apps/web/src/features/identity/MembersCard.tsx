import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, RequestBody, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { applyApiErrors } from '../../shared/errors';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { ROLE_TEXT, useMyRole, UserRole } from './roles';

type Member = Schema<'UserResponseDto'>;

type NewMember = RequestBody<'AddMemberDto'>;

/** Roles an org of this kind hands out: REVIEWER and PAYER are bureau duties. */
function rolesFor(orgKind: string | undefined): UserRole[] {
  return orgKind === 'BUREAU' ? ['REVIEWER', 'PAYER', 'MEMBER', 'OWNER'] : ['MEMBER', 'OWNER'];
}

/**
 * 人员与权限: the org's accounts and their roles. The owner adds accounts, changes roles and removes accounts (not their own),
 * so that in a bureau the one who approves a claim and the one who pays it are different people.
 */
export function MembersCard({ orgId }: { orgId: string }) {
  const { userId, orgKind, can } = useMyRole();
  const isOwner = can('OWNER');
  const run = useAction();
  const members = usePagedLoad<'UserPageDto'>(`/orgs/${orgId}/members`);
  const options = rolesFor(orgKind).map((r) => ({ value: r, label: ROLE_TEXT[r] }));
  const changeRole = async (member: Member, role: UserRole) => {
    const done = await run(
      () => api(`/orgs/${orgId}/members/${member.id}`, { method: 'PATCH', body: { role } }),
      `已将 ${member.displayName} 设为${ROLE_TEXT[role]}`,
    );
    if (done) members.reload();
  };
  const remove = async (member: Member) => {
    const done = await run(
      () => api(`/orgs/${orgId}/members/${member.id}`, { method: 'DELETE' }),
      `已移除 ${member.displayName}`,
    );
    if (done) members.reload();
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="members">
      <Card size="small" title="人员与权限">
        {orgKind === 'BUREAU' && (
          <Typography.Paragraph type="secondary">
            审核员办理申请、兑付、异议、抽查和机构认证；拨付员办理拨付；成员只能查看。项目开启“审批与拨付分离”时，
            批准兑付的人员不能拨付该笔兑付。
          </Typography.Paragraph>
        )}
        {members.error && <Alert type="error" message={members.error} />}
        <Table
          rowKey="id"
          size="small"
          loading={members.loading}
          dataSource={members.rows}
          pagination={members.pagination}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty description="暂无人员：负责人可在下方添加账号" /> }}
          columns={[
            { title: '姓名', dataIndex: 'displayName' },
            { title: '邮箱', dataIndex: 'email' },
            {
              title: '角色',
              dataIndex: 'role',
              render: (role: UserRole, m: Member) =>
                isOwner && m.id !== userId ? (
                  <Select
                    size="small"
                    value={role}
                    options={options}
                    style={{ width: 140 }}
                    aria-label={`${m.displayName}的角色`}
                    onChange={(next: UserRole) => changeRole(m, next)}
                  />
                ) : (
                  <Tag>{ROLE_TEXT[role] ?? role}</Tag>
                ),
            },
            ...(isOwner
              ? [
                  {
                    title: '操作',
                    key: 'remove',
                    render: (_: unknown, m: Member) =>
                      m.id === userId ? (
                        <Typography.Text type="secondary">本人</Typography.Text>
                      ) : (
                        <Popconfirm
                          title={`移除 ${m.displayName}？`}
                          description="移除后该账号不能再登录，其操作记录保留。"
                          okText="移除"
                          cancelText="取消"
                          onConfirm={() => remove(m)}
                        >
                          <Button size="small" danger aria-label={`移除${m.displayName}`}>
                            移除
                          </Button>
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {/* The new member's default role depends on the org's kind (审核员 in a bureau): the form mounts once it is known,
          or its initial value would stay the pre-load default. */}
      {isOwner && orgKind && <AddMemberCard orgId={orgId} options={options} onAdded={members.reload} />}
    </Space>
  );
}

function AddMemberCard({
  orgId,
  options,
  onAdded,
}: {
  orgId: string;
  options: { value: UserRole; label: string }[];
  onAdded: () => void;
}) {
  const [form] = Form.useForm<NewMember>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async (values: NewMember) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/orgs/${orgId}/members`, { method: 'POST', body: { ...values, email: values.email.trim() } });
      message.success(`已添加 ${values.displayName}`);
      form.resetFields();
      onAdded();
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="添加人员">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={{ role: options[0].value }}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="email" label="邮箱" rules={[{ required: true, type: 'email', message: '请填写有效邮箱' }]}>
          <Input style={{ width: 220 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, min: 10, message: '至少 10 个字符' }]}>
          <Input.Password style={{ width: 180 }} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select options={options} style={{ width: 140 }} aria-label="新人员的角色" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          添加
        </Button>
      </Form>
    </Card>
  );
}

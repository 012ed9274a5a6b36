import { Alert, App as AntApp, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError, listItems, Schema } from '../../shared/api';
import { yuan, fromFen, toFen } from '../../shared/money';
import { errorText } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import { useMyPlatform } from './useMyPlatform';
import { yearOptions } from './common';

export type DeclarationRow = Schema<'EquipmentDeclarationResponseDto'>;

interface DeclarationForm {
  year: number;
  nonFiscalYuan: number;
  newYuan: number;
  evidence: string;
}

/** Where the API names a field, the form's item and the Chinese for it. */
const FIELD_SPOTS: Record<string, [string, string]> = {
  nonFiscalEquipmentFen: ['nonFiscalYuan', '金额须为 0 至 100 亿元'],
  newEquipmentFen: ['newYuan', '当年新增中试设备不能超过非财政资金购置总额'],
  evidence: ['evidence', '请用 2 至 4000 个字说明佐证材料'],
  year: ['year', '年度须在 2000 至 2100 之间'],
};

/**
 * Operator: declare a year's equipment and software bought with non-fiscal money (and the new pilot
 * equipment among it), with its evidence, for the bureau's subsidy assessment; and see what it declared.
 */
export function EquipmentDeclarations() {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const { platforms, id, setId } = useMyPlatform();
  const declarations = useLoad(
    () =>
      id ? listItems<'EquipmentDeclarationPageDto'>(`/platforms/${id}/equipment-declarations`) : Promise.resolve([]),
    [id],
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: DeclarationForm) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/platforms/${id}/equipment-declarations/${v.year}`, {
        method: 'PUT',
        body: {
          nonFiscalEquipmentFen: toFen(v.nonFiscalYuan),
          newEquipmentFen: toFen(v.newYuan),
          evidence: v.evidence,
        },
      });
      message.success(`已申报 ${v.year} 年设备投入`);
      declarations.reload();
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(
          (e.details.fields ?? [])
            .filter((f) => FIELD_SPOTS[f.field])
            .map((f) => ({ name: FIELD_SPOTS[f.field][0], errors: [FIELD_SPOTS[f.field][1]] })),
        );
      }
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const edit = (d: DeclarationRow) =>
    form.setFieldsValue({
      year: d.year,
      nonFiscalYuan: fromFen(d.nonFiscalEquipmentFen),
      newYuan: fromFen(d.newEquipmentFen),
      evidence: d.evidence,
    });
  const items = platforms.data?.items ?? [];
  return (
    <Card
      size="small"
      title="设备投入申报（平台补贴测算依据）"
      data-testid="equipment-declarations"
      extra={
        items.length > 1 ? (
          <Select
            size="small"
            style={{ minWidth: 200 }}
            value={id}
            onChange={setId}
            options={items.map((p) => ({ value: p.id, label: p.name }))}
          />
        ) : undefined
      }
    >
      {(platforms.error || declarations.error) && (
        <Alert type="error" message={platforms.error ?? declarations.error} />
      )}
      {!platforms.loading && items.length === 0 ? (
        <Empty description="您还没有平台" />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={10}>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ year: new Date().getFullYear() - 1 }}
            >
              <Form.Item name="year" label="申报年度" rules={[{ required: true, message: '请选择年度' }]}>
                <Select options={yearOptions()} />
              </Form.Item>
              <Form.Item
                name="nonFiscalYuan"
                label="非财政资金购置设备及软件（元）"
                rules={[{ required: true, message: '请填写金额（没有则填 0）' }]}
              >
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="newYuan"
                label="其中当年新增中试设备（元）"
                extra="是上一项的一部分，不能超过上一项"
                rules={[{ required: true, message: '请填写金额（没有则填 0）' }]}
              >
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="evidence"
                label="佐证材料"
                extra="采购合同、发票、付款凭证的份数与编号；同一年度再次申报将覆盖之前的申报"
                rules={[{ required: true, message: '请说明佐证材料' }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} disabled={!id} block>
                提交申报
              </Button>
            </Form>
          </Col>
          <Col xs={24} lg={14}>
            <Table
              rowKey="year"
              size="small"
              data-testid="my-declarations"
              loading={declarations.loading}
              dataSource={declarations.data ?? []}
              pagination={false}
              scroll={{ x: 560 }}
              locale={{ emptyText: <Empty description="尚未申报设备投入" /> }}
              columns={[
                { title: '年度', dataIndex: 'year', width: 60 },
                { title: '非财政资金购置', dataIndex: 'nonFiscalEquipmentFen', render: (f: number) => yuan(f) },
                { title: '其中新增', dataIndex: 'newEquipmentFen', render: (f: number) => yuan(f) },
                { title: '佐证材料', dataIndex: 'evidence' },
                {
                  title: '申报时间',
                  dataIndex: 'updatedAt',
                  width: 100,
                  render: (d: string) => dayjs(d).format('YYYY-MM-DD'),
                },
                {
                  title: '',
                  width: 60,
                  render: (_: unknown, d: DeclarationRow) => (
                    <Button size="small" onClick={() => edit(d)}>
                      修改
                    </Button>
                  ),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

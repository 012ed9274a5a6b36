import { Alert, App as AntApp, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { api, ApiError, RequestBody, listItems } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import { useMyPlatform } from './useMyPlatform';
import { yearOptions } from './common';
import { toFen } from '../../shared/money';
import { REVENUE_FIELD_SPOTS } from './revenue';
import { RevenueTable } from './RevenueTable';

interface RevenueForm {
  year: number;
  revenueYuan: number;
  evidence: string;
}

/**
 * Operator: declare a year's 服务性收入 (on and off PilotLink) with evidence for the operating subsidy
 * (晋江 "按年度服务性收入的 30% 给予运营主体补助"); the bureau accepts or returns it. Each year is shown
 * beside the marketplace's own completed-order revenue.
 */
export function RevenueDeclarations() {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RevenueForm>();
  const { platforms, id, setId } = useMyPlatform();
  const rows = useLoad(
    () => (id ? listItems<'RevenueDeclarationPageDto'>(`/platforms/${id}/revenue-declarations`) : Promise.resolve([])),
    [id],
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: RevenueForm) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/platforms/${id}/revenue-declarations/${v.year}`, {
        method: 'PUT',
        body: {
          serviceRevenueFen: toFen(v.revenueYuan),
          evidence: v.evidence,
        } satisfies RequestBody<'DeclareRevenueDto'>,
      });
      message.success(`已申报 ${v.year} 年服务性收入，等待局方受理`);
      rows.reload();
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(
          (e.details.fields ?? [])
            .filter((f) => REVENUE_FIELD_SPOTS[f.field])
            .map((f) => ({
              name: REVENUE_FIELD_SPOTS[f.field][0] as keyof RevenueForm,
              errors: [REVENUE_FIELD_SPOTS[f.field][1]],
            })),
        );
      }
      setError(
        e instanceof ApiError && e.code === 'INVALID_STATE_TRANSITION'
          ? '该年度申报已被受理，不能再修改'
          : errorText(e),
      );
    } finally {
      setBusy(false);
    }
  };
  const items = platforms.data?.items ?? [];
  return (
    <Card
      size="small"
      title="服务性收入申报（运营补助测算依据）"
      data-testid="revenue-declarations"
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
      {(platforms.error || rows.error) && <Alert type="error" message={platforms.error ?? rows.error} />}
      {!platforms.loading && items.length === 0 ? (
        <Empty description="您还没有平台" />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={10}>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
            <Form
              name="revenue"
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ year: new Date().getFullYear() - 1 }}
            >
              <Form.Item name="year" label="收入年度" rules={[{ required: true, message: '请选择年度' }]}>
                <Select options={yearOptions()} />
              </Form.Item>
              <Form.Item
                name="revenueYuan"
                label="年度服务性收入（元）"
                extra="含平台外取得的服务收入；局方受理后用于运营补助测算"
                rules={[{ required: true, message: '请填写金额（没有则填 0）' }]}
              >
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="evidence"
                label="收入佐证材料"
                extra="审计报告、服务合同、发票的份数与编号；被退回或待受理的年度可重新申报"
                rules={[{ required: true, message: '请说明佐证材料' }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} disabled={!id} block>
                提交收入申报
              </Button>
            </Form>
          </Col>
          <Col xs={24} lg={14}>
            <RevenueTable rows={rows.data ?? []} loading={rows.loading} testId="my-revenue" />
          </Col>
        </Row>
      )}
    </Card>
  );
}

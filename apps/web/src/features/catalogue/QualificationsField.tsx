import { Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { options } from '../../shared/labels';
import { QUALIFICATION_KIND } from '../../shared/labels/catalogue';

/**
 * The platform's qualifications (资质: CMA, CNAS, ISO 17025 …) as a list inside a platform form: kind,
 * certificate number, accredited scope and expiry. Saving replaces the whole list. The API keeps no
 * certificate scans (it has no upload route for them), so none is asked for here.
 */
export function QualificationsField() {
  return (
    <Form.List name="qualifications">
      {(items, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="qualifications">
          <Typography.Text strong>资质证书</Typography.Text>
          {items.length === 0 && (
            <Typography.Text type="secondary">暂无资质，可添加 CMA、CNAS 等资质证书</Typography.Text>
          )}
          {items.map((item) => (
            <Card
              key={item.key}
              size="small"
              title={`资质 ${item.name + 1}`}
              extra={
                <Button size="small" type="link" danger onClick={() => remove(item.name)}>
                  删除
                </Button>
              }
            >
              <Space wrap align="start">
                <Form.Item
                  name={[item.name, 'kind']}
                  label="资质类型"
                  rules={[{ required: true, message: '请选择资质类型' }]}
                >
                  <Select style={{ width: 220 }} options={options(QUALIFICATION_KIND)} />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'certificateNo']}
                  label="证书编号"
                  rules={[{ required: true, message: '请填写证书编号' }]}
                >
                  <Input style={{ width: 200 }} maxLength={60} />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'validUntil']}
                  label="有效期至"
                  rules={[{ required: true, message: '请选择有效期' }]}
                >
                  <DatePicker />
                </Form.Item>
              </Space>
              <Form.Item name={[item.name, 'accreditedScope']} label="认可范围" style={{ marginBottom: 0 }}>
                <Input.TextArea rows={2} maxLength={2000} placeholder="如：纺织品 色牢度、断裂强力、透湿量检测" />
              </Form.Item>
            </Card>
          ))}
          <Button onClick={() => add({ kind: 'CMA' })}>添加资质</Button>
        </Space>
      )}
    </Form.List>
  );
}

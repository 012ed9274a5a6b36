import { Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { options } from '../../shared/labels';
import { QUALIFICATION_KIND } from '../../shared/labels/catalogue';
import { CertificateUpload } from './CertificateUpload';
import type { Platform } from './platform-form';

/**
 * The platform's qualifications (资质: CMA, CNAS, ISO 17025 …) as a list inside a platform form: kind,
 * certificate number, accredited scope and expiry. Saving replaces the list; a saved qualification keeps
 * its id (and its certificate scan). Editing a saved platform, each saved qualification takes its scan.
 */
export function QualificationsField({
  platform,
  disabled,
  onUploaded,
}: {
  platform?: Platform;
  disabled?: boolean;
  onUploaded?: () => void;
}) {
  const form = Form.useFormInstance();
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
              <Form.Item name={[item.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={[item.name, 'accreditedScope']} label="认可范围">
                <Input.TextArea rows={2} maxLength={2000} placeholder="如：纺织品 色牢度、断裂强力、透湿量检测" />
              </Form.Item>
              {(() => {
                const id = form.getFieldValue(['qualifications', item.name, 'id']) as string | undefined;
                const saved = platform?.qualifications.find((q) => q.id === id);
                return platform && saved ? (
                  <CertificateUpload
                    platformId={platform.id}
                    qualification={saved}
                    disabled={disabled}
                    onUploaded={onUploaded ?? (() => undefined)}
                  />
                ) : (
                  <Typography.Text type="secondary">保存后可上传该资质的证书扫描件（PDF、JPG 或 PNG）</Typography.Text>
                );
              })()}
            </Card>
          ))}
          <Button onClick={() => add({ kind: 'CMA' })}>添加资质</Button>
        </Space>
      )}
    </Form.List>
  );
}

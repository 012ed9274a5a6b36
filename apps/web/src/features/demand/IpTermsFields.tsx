import { Form, Input, InputNumber, Select } from 'antd';

const OWNERSHIP_OPTIONS = [
  { value: 'BUYER', label: '归委托方（需求方）所有' },
  { value: 'PLATFORM', label: '归平台所有' },
  { value: 'SHARED', label: '双方共有（按比例）' },
  { value: 'PER_CONTRACT', label: '按合同约定' },
];

/** The quote's IP terms: who owns what the pilot produces, the buyer's share when shared, the benefit note. */
export function IpTermsFields() {
  const ownership = Form.useWatch('ipOwnership') as string | undefined;
  return (
    <>
      <Form.Item name="ipOwnership" label="知识产权归属" extra="中试产生的知识产权归谁所有（谁投入谁获益）">
        <Select options={OWNERSHIP_OPTIONS} />
      </Form.Item>
      {ownership === 'SHARED' && (
        <Form.Item
          name="ipBuyerSharePct"
          label="委托方占比（%）"
          rules={[{ required: true, message: '请填写委托方占比' }]}
        >
          <InputNumber min={0.01} max={99.99} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="benefitSharingNote" label="收益分配约定">
        <Input.TextArea rows={2} placeholder="如：成果转化收益按投入比例分配" />
      </Form.Item>
    </>
  );
}

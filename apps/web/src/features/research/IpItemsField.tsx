import { Button, Input, Select, Space, Form } from 'antd';
import { options } from '../../shared/labels';
import { IP_KIND } from '../../shared/labels/research';

/** The result's IP (知识产权): one row per patent, software copyright or know-how; errors show on the row's field. */
export function IpItemsField() {
  return (
    <Form.List name="ipItems">
      {(rows, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {rows.map((row) => (
            <Space key={row.key} align="start" wrap data-testid="ip-item">
              <Form.Item name={[row.name, 'kind']} rules={[{ required: true, message: '请选择类型' }]}>
                <Select options={options(IP_KIND)} placeholder="类型" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[row.name, 'number']}>
                <Input placeholder="专利号/登记号（技术秘密可不填）" style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name={[row.name, 'title']} rules={[{ required: true, message: '请填写名称' }]}>
                <Input placeholder="名称" style={{ width: 240 }} />
              </Form.Item>
              <Button onClick={() => remove(row.name)}>删除</Button>
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ kind: 'INVENTION_PATENT' })}>
            添加知识产权
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

import { Col, Form, InputNumber, Row, Select } from 'antd';
import { RULE_LEVELS } from './common';
import { options } from '../../shared/labels';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';

export function LevelAmounts({ name, what, required }: { name: string; what: string; required?: boolean }) {
  return (
    <Form.Item label={what} required={required} style={{ marginBottom: 0 }}>
      <Row gutter={8}>
        {RULE_LEVELS.map((level) => (
          <Col xs={24} sm={8} key={level}>
            <Form.Item name={[name, level]} label={`${RECOGNITION_LEVEL[level]}（元）`}>
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} placeholder="不适用则留空" />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form.Item>
  );
}

export const levelSelect = (
  <Select
    mode="multiple"
    allowClear
    placeholder="不限级别"
    options={options(RECOGNITION_LEVEL, ['CITY', 'PROVINCE', 'NATIONAL', 'NONE'])}
  />
);

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, InputNumber, Row, Typography } from 'antd';
import { PercentInput } from '../../shared/PercentInput';
import { TierValues, toFen } from './program-form';

/** Marginal tiers: each row's ratio applies to the part of the contract amount up to its limit; the last row has none. */
export function TierEditor() {
  return (
    <Form.List
      name="tiers"
      rules={[
        {
          validator: async (_, tiers: TierValues[] | undefined) => {
            if (!tiers?.length) throw new Error('至少需要一档');
            let previous = 0;
            for (const [i, t] of tiers.slice(0, -1).entries()) {
              const upto = toFen(t?.uptoYuan) ?? 0;
              if (upto <= previous) throw new Error(`第 ${i + 1} 档上限须高于上一档`);
              previous = upto;
            }
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <div data-testid="tiers" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            分档累进：每档比例只适用于合同金额落在该档内的部分，最后一档为超出部分（不设上限）。
          </Typography.Paragraph>
          {rows.map((row, i) => {
            const last = i === rows.length - 1;
            return (
              <Row gutter={8} key={row.key} align="top">
                <Col flex="64px" style={{ lineHeight: '32px' }}>
                  第 {i + 1} 档
                </Col>
                <Col flex="auto">
                  {last ? (
                    <div style={{ lineHeight: '32px', marginBottom: 24 }}>{i === 0 ? '全部金额' : '超出以上部分'}</div>
                  ) : (
                    <Form.Item name={[row.name, 'uptoYuan']} rules={[{ required: true, message: '请填写该档上限' }]}>
                      <InputNumber
                        aria-label={`第 ${i + 1} 档上限（元）`}
                        addonBefore="合同金额至"
                        addonAfter="元"
                        min={0.01}
                        precision={2}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  )}
                </Col>
                <Col flex="150px">
                  <Form.Item name={[row.name, 'ratioPercent']} rules={[{ required: true, message: '请填写比例' }]}>
                    <PercentInput aria-label={`第 ${i + 1} 档比例（%）`} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button
                    aria-label={`删除第 ${i + 1} 档`}
                    icon={<DeleteOutlined />}
                    disabled={rows.length <= 1}
                    onClick={() => remove(row.name)}
                  />
                </Col>
              </Row>
            );
          })}
          <Button
            icon={<PlusOutlined />}
            disabled={rows.length >= 10}
            onClick={() => add({ uptoYuan: undefined, ratioPercent: undefined }, Math.max(rows.length - 1, 0))}
          >
            添加一档
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}

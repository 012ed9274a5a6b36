import { Button, Form, InputNumber, Select, Space } from 'antd';
import { PercentInput } from '../../shared/PercentInput';
import { options } from '../../shared/labels';
import { EQUIPMENT_BASIS, GRADE } from '../../shared/labels/governance';
import { LevelAmounts, levelSelect } from './LevelAmounts';

/** The kind's own fields. */
export function KindFields({ kind, editing }: { kind: string; editing: boolean }) {
  const requiresItem = (
    <Form.Item
      name="requiresRecognition"
      label="适用平台级别"
      extra={editing ? '已设置的级别限制只能修改、不能清空' : '留空则不限认定级别'}
    >
      {levelSelect}
    </Form.Item>
  );
  const basisItem = (
    <Form.Item name="basis" label="计算基数" rules={[{ required: true, message: '请选择计算基数' }]}>
      <Select options={options(EQUIPMENT_BASIS)} />
    </Form.Item>
  );
  switch (kind) {
    case 'EQUIPMENT_RATIO':
      return (
        <>
          {basisItem}
          <Form.Item name="ratioPct" label="补贴比例" rules={[{ required: true, message: '请填写补贴比例' }]}>
            <PercentInput />
          </Form.Item>
          <Form.Item name="capYuan" label="补助上限（元）" extra="留空表示不设统一上限（可按级别设置）">
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <LevelAmounts name="capByLevel" what="按平台级别的上限（优先于统一上限）" />
          {requiresItem}
        </>
      );
    case 'OPERATING_RATIO':
      return (
        <>
          <Form.Item
            name="ratioPct"
            label="补贴比例（占年度服务性收入）"
            rules={[{ required: true, message: '请填写补贴比例' }]}
          >
            <PercentInput />
          </Form.Item>
          <Form.Item name="capYuan" label="多年累计上限（元）" rules={[{ required: true, message: '请填写累计上限' }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="windowYears"
            label="连续年限（年）"
            extra="在连续的这些年内累计不超过上限"
            rules={[{ required: true, message: '请填写年限' }]}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {requiresItem}
        </>
      );
    case 'RECOGNITION_AWARD':
      return <LevelAmounts name="amountByLevel" what="按新认定级别的奖励金额" required />;
    case 'INVESTMENT_TIER_AWARD':
      return (
        <>
          {basisItem}
          <Form.List name="tiers">
            {(fields, { add, remove }) => (
              <Form.Item label="分档比例（最后一档不设上限）" required>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'uptoYuan']} label="本档至（元）">
                      <InputNumber
                        min={0.01}
                        precision={2}
                        disabled={index === fields.length - 1}
                        placeholder={index === fields.length - 1 ? '不设上限' : undefined}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'ratioPct']} label="比例">
                      <PercentInput style={{}} />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(field.name)}>删除</Button>}
                  </Space>
                ))}
                <Button onClick={() => add({ ratioPct: undefined }, Math.max(0, fields.length - 1))}>增加一档</Button>
              </Form.Item>
            )}
          </Form.List>
          <LevelAmounts name="capByLevel" what="按新认定级别的上限" required />
        </>
      );
    case 'GRADE_AWARD':
      return (
        <>
          <Form.Item name="grade" label="评价等级" rules={[{ required: true, message: '请选择等级' }]}>
            <Select options={options(GRADE, ['EXCELLENT', 'GOOD', 'PASS'])} />
          </Form.Item>
          <Form.Item name="amountYuan" label="奖励金额（元）" rules={[{ required: true, message: '请填写奖励金额' }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="oncePerYears" label="每几年最多奖励一次" rules={[{ required: true, message: '请填写年限' }]}>
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

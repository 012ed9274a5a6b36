import { InputNumber } from 'antd';
import type { InputNumberProps } from 'antd';

/**
 * A percentage with two decimals, 0.01–100 % (the forms turn it into basis points). Full width unless a
 * style is given; Form.Item's value and onChange pass through.
 */
export function PercentInput({ style = { width: '100%' }, ...props }: InputNumberProps<number>) {
  return <InputNumber<number> min={0.01} max={100} precision={2} addonAfter="%" style={style} {...props} />;
}

import { Descriptions } from 'antd';
import { yuan } from '../../shared/money';
import { label } from '../../shared/labels';
import { GRADE } from '../../shared/labels/governance';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { AssessmentInputs } from './assessment';

export function InputsList({ inputs }: { inputs: AssessmentInputs }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} title="测算依据">
      <Descriptions.Item label="平台级别">{label(RECOGNITION_LEVEL, inputs.platformLevel)}</Descriptions.Item>
      <Descriptions.Item label="当年新认定">{label(RECOGNITION_LEVEL, inputs.newlyRecognisedLevel)}</Descriptions.Item>
      <Descriptions.Item label="当年评价">{label(GRADE, inputs.gradeThisYear)}</Descriptions.Item>
      <Descriptions.Item label="非财政资金购置设备">{yuan(inputs.nonFiscalEquipmentFen)}</Descriptions.Item>
      <Descriptions.Item label="其中新增中试设备">{yuan(inputs.newEquipmentFen)}</Descriptions.Item>
      <Descriptions.Item label="年度服务性收入">
        {yuan(inputs.serviceRevenueFen)}
        {inputs.serviceRevenueSource === 'DECLARED' ? '（局方受理的申报）' : '（平台内完成订单收入）'}
      </Descriptions.Item>
      <Descriptions.Item label="运营补助起始年度">
        {inputs.operatingFirstYear ? `${inputs.operatingFirstYear} 年起算` : '尚未获得运营补助'}
      </Descriptions.Item>
      <Descriptions.Item label="累计已获运营补助">{yuan(inputs.operatingPaidInWindowFen)}</Descriptions.Item>
    </Descriptions>
  );
}

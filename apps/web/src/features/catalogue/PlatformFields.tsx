import { Cascader, Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import { options } from '../../shared/labels';
import { OPERATING_MODEL, PLATFORM_TYPE } from '../../shared/labels/catalogue';
import { fieldTree, useIndustryFields } from '../../shared/fieldTree';
import { REGION_OPTIONS } from './regions';

/**
 * The platform's own fields (SPEC §3) inside a platform form: name, type, operating model, industry
 * fields from the taxonomy, region by name, address, description and contact. Item names are the API's
 * field names, so its validation errors land next to them.
 */
export function PlatformFields() {
  const fields = useIndustryFields();
  return (
    <>
      <Form.Item name="name" label="平台名称" rules={[{ required: true, message: '请填写平台名称' }]}>
        <Input maxLength={200} placeholder="如：晋江市功能性纺织面料中试服务平台" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="type" label="平台类型" rules={[{ required: true, message: '请选择平台类型' }]}>
            <Select options={options(PLATFORM_TYPE)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="operatingModel"
            label="运营模式"
            rules={[{ required: true, message: '请选择运营模式' }]}
            extra="领航型：行业龙头牵头；专业型：聚焦细分领域；综合型：多领域综合服务"
          >
            <Select options={options(OPERATING_MODEL)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="fieldCodes"
        label="服务行业领域"
        rules={[{ required: true, message: '请选择至少一个行业领域' }]}
        extra="可多选，最多 10 个"
      >
        <TreeSelect
          multiple
          treeData={fieldTree(fields.data)}
          loading={fields.loading}
          showSearch
          treeNodeFilterProp="title"
          placeholder="选择行业领域"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="regionCode" label="所在地区" rules={[{ required: true, message: '请选择所在地区' }]}>
            <Cascader options={REGION_OPTIONS} changeOnSelect placeholder="省 / 市 / 区县" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="address" label="详细地址">
            <Input maxLength={200} placeholder="如：福建省晋江市五里工业园区" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label="平台简介">
        <Input.TextArea rows={3} maxLength={5000} placeholder="依托单位、服务能力、主要设备与服务对象" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="contactName" label="联系人">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="contactPhone" label="联系电话">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

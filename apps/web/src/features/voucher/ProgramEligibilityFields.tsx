import { Checkbox, Col, Divider, Form, Select, Switch, TreeSelect, Row } from 'antd';
import { listItems } from '../../shared/api';
import { fieldTree, useIndustryFields } from '../../shared/fieldTree';
import {
  EXCLUDABLE_PURPOSE_OPTIONS,
  MIN_RECOGNITION_OPTIONS,
  SERVICE_CATEGORY_OPTIONS,
} from '../../shared/labels/voucher';
import { useLoad } from '../../shared/useLoad';

/** The program form's conditions on the applying SME and on the services and platforms a voucher pays for. */
export function ProgramEligibilityFields() {
  const fields = useIndustryFields();
  // Every listed platform (a province may list more than a page of them).
  const platforms = useLoad(
    async () => ({ items: await listItems<'PlatformPageDto'>('/platforms', { status: 'LISTED' }) }),
    [],
  );
  return (
    <>
      <Divider orientation="left" plain>
        申报企业条件
      </Divider>
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Form.Item name="smeTechOnly" label="仅限科技型中小企业" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="smeTeamsAllowed" label="接受创业团队申报" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="smeRegionCodes" label="企业所在地区（行政区划代码）" extra="如 350582（晋江市）；留空不限">
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="输入代码后回车" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="smeFieldCodes" label="行业领域" extra="留空不限">
        <TreeSelect
          multiple
          allowClear
          showSearch
          treeNodeFilterProp="title"
          loading={fields.loading}
          treeData={fieldTree(fields.data)}
          placeholder="不限"
        />
      </Form.Item>

      <Divider orientation="left" plain>
        可用服务与服务机构
      </Divider>
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item name="eligibleCategories" label="服务类别" extra="留空不限">
            <Select mode="multiple" allowClear options={SERVICE_CATEGORY_OPTIONS} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="excludedPurposes" label="排除用途">
            <Checkbox.Group options={EXCLUDABLE_PURPOSE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="minRecognitionLevel" label="服务机构最低认定级别" extra="服务机构须为已上架平台">
            <Select options={MIN_RECOGNITION_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="platformIds" label="指定服务机构（服务机构库）" extra="留空：所有符合条件的已上架平台">
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              loading={platforms.loading}
              placeholder="不限"
              options={(platforms.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

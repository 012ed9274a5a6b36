import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { api, RequestBody, Schema } from '../../shared/api';
import { options } from '../../shared/labels';
import { KEY_PROJECT_STAGE, KEY_PROJECT_SUBJECT } from '../../shared/labels/governance';
import { useDialogSubmit } from '../../shared/useDialogSubmit';
import { useLoad } from '../../shared/useLoad';
import { useBureauOfficers } from './useBureauOfficers';

type Values = RequestBody<'CreateKeyProjectDto'>;
type SubjectType = Values['subjectType'];

/** Bureau: mark a result, demand or order of its jurisdiction as a key project and name its officer. */
export function KeyProjectMarkModal({ onClose }: { onClose: (saved: boolean) => void }) {
  const officers = useBureauOfficers();
  const [subjectType, setSubjectType] = useState<SubjectType>('DEMAND');
  const [q, setQ] = useState('');
  const candidates = useLoad(
    () =>
      api<Schema<'KeyProjectCandidateListDto'>>('/key-projects/candidates', {
        query: { subjectType, ...(q && { q }) },
      }),
    [subjectType, q],
  );
  const { form, error, busy, submit } = useDialogSubmit<Values>(
    (values) => api('/key-projects', { method: 'POST', body: values }),
    () => onClose(true),
  );
  return (
    <Modal
      open
      title="标记重点项目"
      okText="列入重点项目"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      width={640}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ subjectType: 'DEMAND', stage: 'CONCEPT' }}>
        <Form.Item name="subjectType" label="对象类型">
          <Radio.Group
            options={options(KEY_PROJECT_SUBJECT)}
            optionType="button"
            onChange={(e) => {
              setSubjectType(e.target.value as SubjectType);
              form.setFieldValue('subjectId', undefined);
            }}
          />
        </Form.Item>
        <Form.Item
          name="subjectId"
          label="跟踪对象"
          rules={[{ required: true, message: '请选择辖区内的成果、需求或订单' }]}
          extra={subjectType === 'ORDER' ? '按合同编号搜索' : '按标题搜索；只列出辖区内机构已发布的对象'}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={candidates.loading}
            notFoundContent={candidates.loading ? '加载中…' : '辖区内没有可选对象'}
            options={(candidates.data?.items ?? []).map((c) => ({
              value: c.id,
              label: c.tracked ? `${c.title}（已在跟踪）` : c.title,
              disabled: c.tracked,
            }))}
          />
        </Form.Item>
        <Form.Item name="officerUserId" label="跟踪人" rules={[{ required: true, message: '请指定跟踪人' }]}>
          <Select loading={officers.loading} options={officers.options} placeholder="本单位人员" />
        </Form.Item>
        <Form.Item name="stage" label="当前阶段">
          <Select options={options(KEY_PROJECT_STAGE)} />
        </Form.Item>
        <Form.Item name="note" label="内部备注" extra="仅本单位可见，不向企业或机构展示">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

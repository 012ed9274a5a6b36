import { Form } from 'antd';
import { useState } from 'react';
import { applyApiErrors } from './errors';

/**
 * A dialog's form that saves through the API: the AntD form instance, the submitting flag and the
 * error above the form. `submit` runs `work`; when it worked, `onDone` (the dialog closes, its opener
 * reloads); when not, the API's field errors land on the form's fields (`rename` maps an API field
 * onto a form field) and the rest shows as the error.
 */
export function useDialogSubmit<V>(
  work: (values: V) => Promise<unknown>,
  onDone: () => void,
  rename?: Record<string, string>,
) {
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    setError(undefined);
    try {
      await work(values);
      onDone();
    } catch (e) {
      setError(applyApiErrors(form, e, rename));
    } finally {
      setBusy(false);
    }
  };
  return { form, error, busy, submit };
}

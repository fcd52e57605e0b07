import { Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../../app/problem-alert.tsx';

interface FormDialogProps<T> {
  title: string;
  okText: string;
  open: boolean;
  onClose: () => void;
  /** The request; a refusal keeps the dialog open with everything typed. */
  onSubmit: (values: T) => Promise<unknown>;
  /** Field names a problem's JSON Pointer may name (others show in the message). */
  fields: readonly string[];
  initialValues?: Partial<T>;
  children: ReactNode;
}

/**
 * A dialog with a form whose server problems show beside their fields (by JSON Pointer) or above
 * the form with their code. A failed request keeps every typed value; success closes it.
 */
export function FormDialog<T extends object>(props: FormDialogProps<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ message: string; code?: string }>();

  async function finish(values: T): Promise<void> {
    setPending(true);
    setFailure(undefined);
    try {
      await props.onSubmit(values);
      props.onClose();
    } catch (error) {
      const shown = showProblem(form, error, t, props.fields);
      if (shown.message) setFailure({ message: shown.message, ...(shown.code ? { code: shown.code } : {}) });
    } finally {
      setPending(false);
    }
  }

  return (
    <Modal
      title={props.title}
      open={props.open}
      okText={props.okText}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={pending}
      destroyOnHidden
      afterClose={() => setFailure(undefined)}
      width={560}
    >
      {failure && <ProblemAlert message={failure.message} code={failure.code} />}
      <Form<T>
        form={form}
        layout="vertical"
        onFinish={(values) => void finish(values)}
        initialValues={props.initialValues}
        requiredMark={false}
      >
        {props.children}
        {/* Enter in a text field submits, as in any form; the dialog's OK button is the visible one. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

/** The props of a dialog that creates something and hands it back. */
export interface CreateDialogProps<T> {
  open: boolean;
  onClose: () => void;
  onCreated: (created: T) => void;
}

/** The FormDialog props of a "new …" dialog of a console section (its texts and its open state). */
export function creating(
  t: (key: string) => string,
  section: 'users' | 'groups' | 'tokens',
  props: Pick<CreateDialogProps<unknown>, 'open' | 'onClose'>,
) {
  return {
    title: t(`console:${section}.createTitle`),
    okText: t(`console:${section}.create`),
    open: props.open,
    onClose: props.onClose,
  };
}

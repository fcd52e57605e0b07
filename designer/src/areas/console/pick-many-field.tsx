import { Form, Select } from 'antd';

/** A form field that picks several of a list by name (searchable, clearable). */
export function PickManyField(props: {
  label: string;
  name: string;
  loading: boolean;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <Form.Item label={props.label} name={props.name}>
      <Select
        mode="multiple"
        allowClear
        loading={props.loading}
        optionFilterProp="label"
        options={[...props.options]}
      />
    </Form.Item>
  );
}

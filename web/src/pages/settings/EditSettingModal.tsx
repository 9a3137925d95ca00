import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { type SettingEntry, type SettingField, type SettingValue, settingsApi } from '../../api/settings';
import { FormError } from '../../components/FormError';
import { applyServerError } from '../../forms/server-errors';
import { formatField, LEVEL_LABEL } from './setting-format';

interface Values {
  value: SettingValue;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * What is saved for the region: every required field, and the others only where they differ from what the region
 * inherits — a field equal to the level above is left to it and follows its later changes (SPEC §3).
 */
export function valueToSave(entry: SettingEntry, form: SettingValue): SettingValue {
  const out: SettingValue = {};
  for (const f of entry.fields) {
    const v = typeof form[f.name] === 'string' ? (form[f.name] as string).trim() : form[f.name];
    if (f.required) out[f.name] = v ?? (f.kind === 'months' ? [] : v);
    else if (!blank(v) && !same(v, entry.inherited[f.name])) out[f.name] = v;
  }
  return out;
}

function rulesOf(f: SettingField): Rule[] {
  const rules: Rule[] = [];
  if (f.required && f.kind !== 'months') rules.push({ required: true, message: `请填写${f.label}` });
  if (f.kind === 'integer' || f.kind === 'number') {
    rules.push({ type: 'number', min: f.min, max: f.max, message: `应在 ${f.min}–${f.max} 之间` });
  }
  if (f.kind === 'share') rules.push({ type: 'number', min: 0.0001, max: 1, message: '应为大于0、不超过1的比例' });
  if (f.kind === 'amount') rules.push({ type: 'number', min: 0.01, max: f.max, message: '应为正的金额' });
  if (f.kind === 'months') {
    rules.push({
      validator: async (_, v: unknown) => {
        if (Array.isArray(v) && v.some((m) => typeof m !== 'string' || !MONTH.test(m))) {
          throw new Error('月份应为 YYYY-MM，如 2026-03');
        }
      },
    });
  }
  return rules;
}

/**
 * The input of one field; Form.Item passes `id`, `value` and `onChange` through to it. No min/max on the input: it
 * would clamp silently, where the rules below say what is wrong.
 */
function FieldInput({ f, ...control }: { f: SettingField; id?: string; value?: never; onChange?: never }) {
  if (f.kind === 'text') return <Input {...control} maxLength={f.maxLength} allowClear />;
  if (f.kind === 'choice') return <Select {...control} style={{ maxWidth: 320 }} options={f.options ?? []} />;
  if (f.kind === 'months') {
    return (
      <Select
        {...control}
        mode="tags"
        tokenSeparators={[',', '，', ' ']}
        placeholder="输入月份后回车，如 2026-03"
        open={false}
      />
    );
  }
  return (
    <InputNumber<number>
      {...control}
      style={{ width: 220 }}
      step={f.kind === 'share' ? 0.05 : f.kind === 'amount' ? 1000 : 1}
      precision={f.kind === 'integer' ? 0 : undefined}
      suffix={f.unit}
    />
  );
}

/** The help under a field: the default, the value above it, and the bound a lower level may not loosen. */
function fieldHelp(entry: SettingEntry, f: SettingField): string {
  const parts = [`默认 ${formatField(f, entry.default[f.name])}`];
  const source = entry.fieldSources[f.name];
  if (source && source.level !== 'default' && !same(entry.inherited[f.name], entry.default[f.name])) {
    parts.push(`上级设定 ${formatField(f, entry.inherited[f.name])}`);
  }
  const bound = entry.bounds[f.name];
  if (bound) {
    parts.push(
      `只能从严：不得${f.tighter === 'lower' ? '高于' : '低于'}${LEVEL_LABEL[bound.level]}${bound.regionName ?? ''}设定的 ${formatField(f, bound.value)}`,
    );
  } else if (f.tighter) {
    parts.push(`下级只能${f.tighter === 'lower' ? '调低' : '调高'}（从严）`);
  }
  if (f.kind === 'share') parts.push('填 0 至 1 之间的小数，0.5 即 50%');
  return parts.join('；');
}

/**
 * 修改参数 for one region (SPEC §3): the form holds the value in force; saving stores what differs from the level
 * above (and every required field). The server checks each field, that nothing is looser than above, and that no
 * region below becomes looser or contradictory; its message is shown under the field it names.
 */
export function EditSettingModal({
  entry,
  region,
  onClose,
  onSaved,
}: {
  entry: SettingEntry | undefined;
  region: { code: string; name: string };
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = async (value: SettingValue, done: string) => {
    if (!entry) return;
    setBusy(true);
    setError(undefined);
    try {
      await settingsApi.set(entry.key, region.code, value);
      message.success(done);
      onSaved();
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!entry) return;
    const v = await form.validateFields();
    await save(valueToSave(entry, v.value ?? {}), `已保存${region.name}的${entry.name}`);
  };

  const canReset = entry?.fields.every((f) => !f.required) && entry.own !== null && Object.keys(entry.own).length > 0;
  const reset = () =>
    entry &&
    modal.confirm({
      title: `清除${region.name}自己的${entry.name}？`,
      content: '清除后该区划使用上级（或默认）的设定；原设定保留在历史中。',
      okText: '清除',
      onOk: () => save({}, `${region.name}的${entry.name}已改为继承上级`),
    });

  return (
    <Modal
      title={entry ? `修改参数：${entry.name}（${region.name}）` : ''}
      open={entry !== undefined}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && setError(undefined)}
      footer={
        <Space>
          {canReset && (
            <Button danger onClick={reset} disabled={busy}>
              清除本级设定
            </Button>
          )}
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => void submit().catch(() => undefined)}>
            保存
          </Button>
        </Space>
      }
    >
      {entry && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={entry.description}
            description={
              entry.fields.some((f) => !f.required)
                ? '与上级相同的项不单独保存，随上级设定变化。'
                : '对本区划及其下未单独设定的区划生效。'
            }
          />
          <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ value: entry.value }}>
            {entry.fields.map((f) => (
              <Form.Item
                key={f.name}
                name={['value', f.name]}
                label={`${f.label}（${f.name}）`}
                extra={fieldHelp(entry, f)}
                rules={rulesOf(f)}
              >
                <FieldInput f={f} />
              </Form.Item>
            ))}
          </Form>
        </>
      )}
      <FormError error={error} />
    </Modal>
  );
}

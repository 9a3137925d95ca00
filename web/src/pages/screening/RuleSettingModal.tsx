import { Alert, App, Form, InputNumber, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { type ScreeningRule, screeningApi } from '../../api/screening';
import { FormError } from '../../components/FormError';
import { applyServerError } from '../../forms/server-errors';
import { RegionSelect } from '../feeds/RegionSelect';
import { formatThreshold, isShare, thresholdName } from './thresholds';

interface Values {
  regionCode: string;
  enabled: boolean;
  thresholds: Record<string, number>;
}

/**
 * 设定规则阈值 for one region (SPEC §3, §10): the values saved here apply to the region and every region below it
 * that has no setting of its own. Earlier settings are kept as history; a region's newest setting replaces its
 * previous one as a whole, so every threshold is saved, not only the changed ones.
 */
export function RuleSettingModal({
  rule,
  rootCode,
  initialRegion,
  onClose,
  onSaved,
}: {
  rule: ScreeningRule | undefined;
  rootCode: string;
  initialRegion: string;
  onClose: () => void;
  onSaved: (region: string) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [inForce, setInForce] = useState<ScreeningRule>();
  const region = Form.useWatch('regionCode', form);

  // The values in force for the chosen region fill the form, so that saving changes only what the user changed.
  useEffect(() => {
    if (!rule || !region) return;
    let live = true;
    screeningApi.rules(region).then(
      (rules) => {
        const r = rules.find((x) => x.code === rule.code);
        if (!live || !r) return;
        setInForce(r);
        form.setFieldsValue({ enabled: r.enabled, thresholds: r.thresholds });
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [rule, region, form]);

  const submit = async () => {
    if (!rule) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await screeningApi.setRule(rule.code, {
        regionCode: v.regionCode,
        enabled: v.enabled,
        ...(Object.keys(rule.thresholds).length ? { thresholds: v.thresholds } : {}),
      });
      message.success(`已保存规则“${rule.name}”的设定`);
      onSaved(v.regionCode);
    } catch (e) {
      setError(e);
      applyServerError(form, e, (field) => (field in rule.thresholds ? `thresholds.${field}` : field));
    } finally {
      setBusy(false);
    }
  };

  const keys = Object.keys(rule?.thresholds ?? {});
  return (
    <Modal
      title={rule ? `设定规则：${rule.name}` : ''}
      open={rule !== undefined}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存设定"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (!o) return;
        setError(undefined);
        setInForce(undefined);
      }}
    >
      {rule && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ regionCode: initialRegion, enabled: rule.enabled, thresholds: rule.thresholds }}
        >
          <Form.Item
            name="regionCode"
            label="适用区划"
            extra="对该区划及其下未单独设定的区划生效"
            rules={[{ required: true, message: '请选择区划' }]}
          >
            <RegionSelect rootCode={rootCode} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="enabled" label="是否启用" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
          {keys.length === 0 && <Alert type="info" showIcon title="该规则没有可调整的阈值，只能启用或停用" />}
          {keys.map((k) => (
            <Form.Item
              key={k}
              name={['thresholds', k]}
              label={thresholdName(k, rule.conditionKind)}
              extra={`默认 ${formatThreshold(k, rule.defaults[k] ?? 0)}${isShare(k) ? '（填 0 至 1 之间的小数，0.5 即 50%）' : ''}`}
              rules={[
                { required: true, message: '请填写阈值' },
                {
                  type: 'number',
                  min: 0,
                  max: isShare(k) ? 1 : undefined,
                  message: isShare(k) ? '应在0至1之间' : '不能为负数',
                },
              ]}
            >
              <InputNumber<number>
                style={{ width: 200 }}
                min={0}
                step={isShare(k) ? 0.05 : k === 'months' ? 1 : 1000}
                precision={k === 'months' ? 0 : undefined}
              />
            </Form.Item>
          ))}
          {inForce && inForce.region !== initialRegion && (
            <Alert type="info" showIcon title="已载入该区划当前生效的设定" style={{ marginBottom: 8 }} />
          )}
        </Form>
      )}
      <FormError error={error} />
    </Modal>
  );
}

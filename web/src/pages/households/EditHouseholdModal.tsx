import { Alert, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { householdsApi } from '../../api/households';
import type { HouseholdFile } from '../../api/types';
import { FormError } from '../../components/FormError';
import { label, RELATION } from '../../domain/labels';
import { type FieldConflict, threeWay } from '../../domain/three-way';
import { applyServerError } from '../../forms/server-errors';

interface Values {
  address: string;
  liftedOut: boolean;
  liftedOutYear: number | null;
  headPersonId: string;
}

const FIELDS = ['address', 'liftedOut', 'liftedOutYear', 'headPersonId'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_NAMES: Record<Field, string> = {
  address: '住址',
  liftedOut: '脱贫户',
  liftedOutYear: '脱贫年度',
  headPersonId: '户主',
};

const valuesOf = (f: HouseholdFile): Values => ({
  address: f.address ?? '',
  liftedOut: f.liftedOut,
  liftedOutYear: f.liftedOut ? (f.liftedOutYear ?? null) : null,
  headPersonId: f.headPersonId ?? '',
});

/** A value as the user reads it: a head by name, a flag as 是/否. */
function valueText(field: Field, v: unknown, file: HouseholdFile): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'liftedOut') return v ? '是' : '否';
  if (field === 'headPersonId') return file.members.find((m) => m.id === v)?.name ?? '（已不在本户）';
  return String(v);
}

/** The household as the server holds it now, the fields in conflict and the user's choice for each. */
interface Conflict {
  server: HouseholdFile;
  merged: Values;
  conflicts: FieldConflict<Field>[];
  theirsOnly: Field[];
}

/**
 * 修改农户信息: address, 脱贫户, head. Sends the version read, so a concurrent edit is refused — and then never lost
 * (issue 14 point 3): the form reads the household again, keeps the user's changes where nobody else changed the field,
 * takes the others' changes where only they did, and asks field by field where both did (我的修改 or 服务器上的当前值)
 * before saving against the new version. The responsible person is assigned in the household's 帮扶 tab
 * (PUT /api/households/:id/responsible), which keeps its history and deadline.
 */
export function EditHouseholdModal({
  file,
  open,
  onClose,
  onSaved,
}: {
  file: HouseholdFile;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const liftedOut = Form.useWatch('liftedOut', form);
  const [conflict, setConflict] = useState<Conflict>();
  const [choices, setChoices] = useState<Partial<Record<Field, 'mine' | 'server'>>>({});

  const save = async (v: Values, base: HouseholdFile) => {
    await householdsApi.update(file.id, {
      address: v.address.trim(),
      liftedOut: v.liftedOut,
      liftedOutYear: v.liftedOut ? (v.liftedOutYear ?? null) : null,
      ...(v.headPersonId && v.headPersonId !== base.headPersonId ? { headPersonId: v.headPersonId } : {}),
      version: base.version,
    });
  };

  const submit = async () => {
    const typed = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      if (conflict) {
        // the user's choice where both changed a field; the merge elsewhere
        const v = { ...conflict.merged };
        for (const c of conflict.conflicts)
          if (choices[c.field] === 'server') Object.assign(v, { [c.field]: c.theirs });
        await save(v, conflict.server);
      } else {
        const mine: Values = {
          ...typed,
          liftedOutYear: typed.liftedOut ? (typed.liftedOutYear ?? null) : null,
          headPersonId: typed.headPersonId ?? '',
        };
        try {
          await save(mine, file);
        } catch (e) {
          if (!(e instanceof ApiError) || e.code !== 'CONFLICT') throw e;
          const server = await householdsApi.get(file.id);
          const merge = threeWay(valuesOf(file), mine, valuesOf(server), FIELDS);
          if (merge.conflicts.length === 0) {
            // nothing both changed: save mine over their new version, keeping their other changes
            await save(merge.merged, server);
          } else {
            setChoices({});
            setConflict({ server, ...merge });
            return;
          }
        }
      }
      onSaved();
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  const undecided = conflict ? conflict.conflicts.some((c) => !choices[c.field]) : false;

  return (
    <Modal
      title="修改农户信息"
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      okButtonProps={{ disabled: undecided }}
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      {conflict && <ConflictChoices conflict={conflict} choices={choices} onChoose={setChoices} />}
      <Form<Values>
        hidden={conflict !== undefined}
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          address: file.address,
          liftedOut: file.liftedOut,
          liftedOutYear: file.liftedOutYear,
          headPersonId: file.headPersonId ?? undefined,
        }}
      >
        <Form.Item name="address" label="住址" rules={[{ max: 200, message: '住址最多200个字' }]}>
          <Input placeholder="如：某某村一组12号" />
        </Form.Item>
        <Form.Item name="liftedOut" label="脱贫户" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        {liftedOut && (
          <Form.Item
            name="liftedOutYear"
            label="脱贫年度"
            rules={[{ type: 'number', min: 2013, max: 2020, message: '脱贫年度应在2013至2020年之间' }]}
          >
            <InputNumber precision={0} style={{ width: 160 }} placeholder="2013–2020" />
          </Form.Item>
        )}
        <Form.Item name="headPersonId" label="户主">
          <Select
            options={file.members
              .filter((m) => m.status === 'normal')
              .map((m) => ({ value: m.id, label: `${m.name}（${label(RELATION, m.relation)}）` }))}
          />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}

/** 处理冲突: each field both changed, 我的修改 beside 服务器上的当前值; nothing is chosen for the user. */
function ConflictChoices({
  conflict,
  choices,
  onChoose,
}: {
  conflict: Conflict;
  choices: Partial<Record<Field, 'mine' | 'server'>>;
  onChoose: (c: Partial<Record<Field, 'mine' | 'server'>>) => void;
}) {
  const { server } = conflict;
  return (
    <div data-testid="edit-conflict">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="保存前，该户信息已被他人修改"
        description={[
          '以下项目您和他人都改了，请逐项选择保留哪一个，再点“保存”。',
          conflict.theirsOnly.length
            ? `他人修改的${conflict.theirsOnly.map((f) => FIELD_NAMES[f]).join('、')}已保留。`
            : '',
        ].join('')}
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        {conflict.conflicts.map((c) => (
          <Card key={c.field} size="small" title={FIELD_NAMES[c.field]} data-testid="edit-conflict-field">
            <Descriptions column={1} size="small" style={{ marginBottom: 8 }}>
              <Descriptions.Item label="我的修改">{valueText(c.field, c.mine, server)}</Descriptions.Item>
              <Descriptions.Item label="服务器上的当前值">{valueText(c.field, c.theirs, server)}</Descriptions.Item>
            </Descriptions>
            <Radio.Group
              value={choices[c.field]}
              onChange={(e) => onChoose({ ...choices, [c.field]: e.target.value })}
              options={[
                { value: 'mine', label: '用我的修改' },
                { value: 'server', label: '保留服务器上的值' },
              ]}
            />
          </Card>
        ))}
      </Space>
    </div>
  );
}

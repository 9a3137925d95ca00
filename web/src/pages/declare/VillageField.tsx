import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { Region } from '../../api/types';
import { childrenOf, lookupVillage, VILLAGE_CODE, type VillageInfo } from './village-lookup';

/**
 * The citizen's village. A village posts a QR code with its 12-digit code (`/declare?village=…`): the form shows
 * that village. A county's QR code (`/declare?region=621124`) lets the citizen pick township then village.
 * Otherwise the 12-digit code can be typed; the name is looked up to confirm it.
 */
export function VillageField({
  value,
  onChange,
  pickerRoot,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  pickerRoot?: string;
}) {
  const [info, setInfo] = useState<VillageInfo | null>();
  const [picking, setPicking] = useState(false);
  const [townships, setTownships] = useState<Region[]>([]);
  const [picked, setPicked] = useState<string>();
  const [villages, setVillages] = useState<Region[]>([]);
  const root = pickerRoot ?? (value && VILLAGE_CODE.test(value) ? value.slice(0, 6) : undefined);
  // A township's QR code (9 digits) skips the township choice.
  const township = root?.length === 9 ? root : picked;

  useEffect(() => {
    let live = true;
    setInfo(undefined);
    if (value && VILLAGE_CODE.test(value)) void lookupVillage(value).then((v) => live && setInfo(v ?? null));
    return () => {
      live = false;
    };
  }, [value]);

  useEffect(() => {
    let live = true;
    if ((picking || (pickerRoot && !value)) && root && root.length < 9)
      childrenOf(root).then(
        (t) => live && setTownships(t),
        () => live && setTownships([]),
      );
    return () => {
      live = false;
    };
  }, [picking, pickerRoot, value, root]);

  useEffect(() => {
    let live = true;
    setVillages([]);
    if (township)
      childrenOf(township).then(
        (v) => live && setVillages(v),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [township]);

  if (info && !picking) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="village-chosen">
        <div className="sx-public-village">
          <EnvironmentOutlined /> {info.township ? `${info.township} · ` : ''}
          {info.name}
          <div className="sx-muted">村（社区）代码 {info.code}</div>
        </div>
        {root && (
          <Button
            type="link"
            onClick={() => {
              setPicked(info.code.slice(0, 9));
              setPicking(true);
            }}
            style={{ padding: 0 }}
          >
            不是这个村？重新选择
          </Button>
        )}
      </Space>
    );
  }

  if ((picking || pickerRoot) && root) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {root.length < 9 && (
          <Select
            size="large"
            placeholder="请选择乡镇"
            value={picked}
            onChange={(t: string) => {
              setPicked(t);
              onChange?.(undefined);
            }}
            options={townships.map((t) => ({ value: t.code, label: t.name }))}
            style={{ width: '100%' }}
          />
        )}
        <Select
          size="large"
          placeholder="请选择村（社区）"
          disabled={!township}
          value={value && VILLAGE_CODE.test(value) ? value : undefined}
          onChange={(v: string) => {
            onChange?.(v);
            setPicking(false);
          }}
          options={villages.map((v) => ({ value: v.code, label: v.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
        />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input
        size="large"
        inputMode="numeric"
        maxLength={12}
        placeholder="12位村（社区）代码"
        value={value}
        onChange={(e) => onChange?.(e.target.value.replace(/\D/g, '') || undefined)}
      />
      {info === null && <Alert type="error" showIcon title="没有找到这个村（社区），请核对代码" />}
      {!value && <span className="sx-muted">请扫描村委会张贴的申报二维码进入，或向村干部询问本村代码。</span>}
    </Space>
  );
}

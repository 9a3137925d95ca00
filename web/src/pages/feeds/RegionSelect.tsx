import { TreeSelect } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { regionsApi } from '../../api/regions';
import type { Region } from '../../api/types';

interface Option {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const toOption = (r: Region, parent: string | null): Option => ({
  id: r.code,
  pId: parent,
  value: r.code,
  title: r.name,
  isLeaf: r.level >= 5 || r.childCount === 0,
});

/**
 * Picks a region of any level inside the user's scope (SPEC §3): department data, screening thresholds, cleaning and
 * regional risks apply to a county, a township or a village. Children load one level at a time.
 */
export function RegionSelect({
  rootCode,
  value,
  onChange,
  id,
  style,
  allowClear,
  placeholder = '请选择区划',
}: {
  rootCode: string;
  value?: string;
  /** `undefined` only when `allowClear` and the user cleared the choice. */
  onChange?: (code: string | undefined) => void;
  id?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    let live = true;
    regionsApi
      .children(rootCode)
      .then(({ region, children }) => {
        if (!live) return;
        const root = toOption({ ...region, childCount: children.length }, null);
        setOptions([root, ...children.map((c) => toOption(c, region.code))]);
      })
      .catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [rootCode]);

  const loadData = async (node: { id?: string | number; value?: string | number }) => {
    const code = String(node.value ?? node.id);
    if (options.some((o) => o.pId === code)) return;
    const { children } = await regionsApi.children(code);
    setOptions((prev) => [
      ...prev,
      ...children.filter((c) => !prev.some((p) => p.id === c.code)).map((c) => toOption(c, code)),
    ]);
  };

  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode
      treeData={options}
      loadData={loadData}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v || undefined)}
      allowClear={allowClear}
      treeDefaultExpandedKeys={[rootCode]}
      placeholder={placeholder}
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
    />
  );
}

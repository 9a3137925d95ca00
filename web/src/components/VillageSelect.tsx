import { TreeSelect } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { regionsApi } from '../api/regions';
import type { Region } from '../api/types';

interface Option {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  level: number;
}

const toOption = (r: Region, parent: string | null): Option => ({
  id: r.code,
  pId: parent,
  value: r.code,
  title: r.name,
  isLeaf: r.level >= 5 || r.childCount === 0,
  level: r.level,
});

/**
 * Picks a village (12-digit code) inside the user's scope; a household belongs to one village (SPEC §3). With
 * `levels`, a region of those levels instead (1 province … 5 village), e.g. a user's scope in 用户管理.
 */
export function VillageSelect({
  rootCode,
  value,
  onChange,
  id,
  levels = [5],
  placeholder = '请选择所属村（须选到村级）',
  testId,
}: {
  rootCode: string;
  value?: string;
  onChange?: (code: string) => void;
  /** From the form item, so that its label focuses the select. */
  id?: string;
  /** The region levels that may be chosen (default: villages). */
  levels?: number[];
  placeholder?: string;
  testId?: string;
}) {
  const [options, setOptions] = useState<Option[]>([]);
  // Read by the loader without being its dependencies: inside a form, `onChange` is a new function on every render
  // and `value` changes when a village is picked. Reloading then replaced the options with the root's children and
  // dropped the villages loaded below them, so the chosen village showed as a bare code.
  const latest = useRef({ value, onChange, levels });
  latest.current = { value, onChange, levels };

  useEffect(() => {
    let live = true;
    regionsApi
      .children(rootCode)
      .then(({ region, children }) => {
        if (!live) return;
        const root = toOption({ ...region, childCount: children.length }, null);
        setOptions([root, ...children.map((c) => toOption(c, region.code))]);
        // A user whose scope is one village: that village, chosen for them.
        if (region.level === 5 && latest.current.levels.includes(5) && !latest.current.value)
          latest.current.onChange?.(region.code);
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
      data-testid={testId}
      treeDataSimpleMode
      treeData={options.map((o) => ({ ...o, selectable: levels.includes(o.level) }))}
      loadData={loadData}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      treeDefaultExpandedKeys={[rootCode]}
      placeholder={placeholder}
      showSearch
      treeNodeFilterProp="title"
      style={{ width: '100%' }}
    />
  );
}

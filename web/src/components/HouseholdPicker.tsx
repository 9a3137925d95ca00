import { Select, Spin } from 'antd';
import { useRef, useState } from 'react';
import { householdsApi } from '../api/households';
import type { HouseholdRow } from '../api/types';
import { idNumberProblem } from '../domain/id-number';

/**
 * Picks a household of the user's scope by a member's exact name or 18-digit ID number (the household list's
 * filters); the value is the household id.
 */
export function HouseholdPicker({ value, onChange }: { value?: string; onChange?: (id: string | undefined) => void }) {
  const [options, setOptions] = useState<HouseholdRow[]>([]);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const search = (text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    if (!q) return;
    timer.current = setTimeout(() => lookup(q), 300);
  };

  const lookup = (q: string) => {
    const mine = ++seq.current;
    setBusy(true);
    const byId = /^\d{17}[\dXx]$/.test(q) && !idNumberProblem(q);
    householdsApi
      .list(byId ? { idNumber: q, pageSize: 20 } : { name: q, pageSize: 20 })
      .then((r) => mine === seq.current && setOptions(r.items))
      .catch(() => mine === seq.current && setOptions([]))
      .finally(() => mine === seq.current && setBusy(false));
  };

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder="输入成员姓名或身份证号查找（精确匹配）"
      // A household chosen elsewhere (e.g. `?household=` from its file) has no option until searched for.
      labelRender={(o) => o.label ?? '已选定的农户（可输入姓名或身份证号另选）'}
      notFoundContent={busy ? <Spin size="small" /> : '未找到，请输入完整姓名或身份证号'}
      options={options.map((h) => ({
        value: h.id,
        label: `${h.headName ?? '（无户主）'} · ${h.code} · ${h.address || '—'}`,
      }))}
    />
  );
}

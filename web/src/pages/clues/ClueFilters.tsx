import { Radio, Select, Space, Switch } from 'antd';
import type { ClueQuery } from '../../api/clues';
import { CLUE_CHANNEL, options } from '../../domain/procedure-labels';

const STATUS_OPTIONS = [
  { value: 'unclosed', label: '未销号' },
  { value: 'open', label: '待核实' },
  { value: 'verifying', label: '核实中' },
  { value: 'closed', label: '已销号' },
  { value: '', label: '全部' },
];

/** Filters of the ledger: status, channel, overdue only. Each change applies at once. */
export function ClueFilters({ query, onChange }: { query: ClueQuery; onChange: (q: ClueQuery) => void }) {
  return (
    <Space wrap size="large" style={{ marginBottom: 16 }}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={query.status ?? ''}
        options={STATUS_OPTIONS}
        onChange={(e) => onChange({ ...query, status: (e.target.value || undefined) as ClueQuery['status'], page: 1 })}
      />
      <span>
        监测渠道：
        <Select
          allowClear
          placeholder="全部渠道"
          style={{ width: 150 }}
          value={query.channel}
          options={options(CLUE_CHANNEL)}
          onChange={(channel) => onChange({ ...query, channel, page: 1 })}
        />
      </span>
      <span>
        <Switch
          checked={query.overdue === true}
          onChange={(on) => onChange({ ...query, overdue: on || undefined, page: 1 })}
          aria-label="只看逾期"
        />{' '}
        只看逾期未销号
      </span>
    </Space>
  );
}

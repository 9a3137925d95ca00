import { useEffect, useState } from 'react';
import type { Clue } from '../../api/clues';
import { householdsApi } from '../../api/households';
import { formatDate, formatDateTime } from '../../domain/format';
import { AUDIT_ACTION } from '../../domain/labels';
import { CLUE_CHANNEL, CLUE_RESULT, CLUE_SOURCE_KIND, label } from '../../domain/procedure-labels';

export interface HistoryEntry {
  key: string;
  when: string;
  who?: string;
  text: string;
  colour: 'blue' | 'green' | 'gray' | 'red';
}

/** What the clue's own fields tell: received, merged, assigned, closed. */
function fromFields(c: Clue): HistoryEntry[] {
  const out: HistoryEntry[] = [
    {
      key: 'received',
      when: formatDate(c.receivedOn),
      who: c.createdBy,
      text: `收到线索（${label(CLUE_CHANNEL, c.channel)}·${label(CLUE_SOURCE_KIND, c.sourceKind)}），应于${formatDate(c.dueOn)}前核实销号`,
      colour: 'blue',
    },
  ];
  if (c.mergedCount > 0)
    out.push({ key: 'merged', when: '', text: `同一情况又报送${c.mergedCount}次，已合并到本条`, colour: 'gray' });
  if (c.assigneeName) out.push({ key: 'assigned', when: '', text: `分派核实人：${c.assigneeName}`, colour: 'blue' });
  if (c.closedAt)
    out.push({
      key: 'closed',
      when: formatDateTime(c.closedAt),
      who: c.closedBy ?? undefined,
      text: `销号：${label(CLUE_RESULT, c.result)}。${c.resultNote ?? ''}`,
      colour: 'green',
    });
  return out;
}

function describe(action: string, after: Record<string, unknown> | null): string {
  const base = label(AUDIT_ACTION, action);
  if (action === 'clue.assign') return `${base}：${String(after?.assignee ?? '')}`;
  if (action === 'clue.close')
    return `${base}：${label(CLUE_RESULT, String(after?.result ?? ''))}。${after?.note ?? ''}`;
  return base;
}

/**
 * The clue's history: from the audit log when the clue belongs to a household the user may read (every event with
 * who and when), otherwise from the clue's own fields.
 */
export function useClueHistory(clue: Clue | undefined, canReadHousehold: boolean): HistoryEntry[] | undefined {
  const [entries, setEntries] = useState<HistoryEntry[]>();
  useEffect(() => {
    let live = true;
    setEntries(undefined);
    if (!clue) return;
    const fallback = fromFields(clue);
    if (!clue.householdId || !canReadHousehold) {
      setEntries(fallback);
      return;
    }
    householdsApi
      .history(clue.householdId)
      .then((r) => {
        const mine = r.items.filter((i) => i.entity === 'clue' && i.entityId === clue.id).reverse();
        if (!live) return;
        if (mine.length === 0) return setEntries(fallback);
        setEntries(
          mine.map((i) => ({
            key: String(i.id),
            when: formatDateTime(i.at),
            who: i.username,
            text: describe(i.action, i.after as Record<string, unknown> | null),
            colour: i.action === 'clue.close' ? 'green' : i.action === 'clue.merge' ? 'gray' : 'blue',
          })),
        );
      })
      .catch(() => live && setEntries(fallback));
    return () => {
      live = false;
    };
  }, [clue, canReadHousehold]);
  return entries;
}

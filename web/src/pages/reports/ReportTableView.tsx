// biome-ignore-all lint/suspicious/noArrayIndexKey: report rows and columns are fixed, ordered data that never reorder
import type { ReportTable } from '../../api/reports';

/**
 * A report table as the offices lay it out: the first column's header spans both header rows, group headers are
 * merged over their 户/人 columns; the same table the Excel file has (src/domain/reports/report-tables.ts).
 */
export function ReportTableView({ table, onRegion }: { table: ReportTable; onRegion?: (code: string) => void }) {
  const grouped = table.columns.some((c) => c.group);
  const groups: { title: string; span: number; single: boolean }[] = [];
  for (const c of table.columns) {
    const last = groups[groups.length - 1];
    if (c.group && last && !last.single && last.title === c.group) last.span += 1;
    else groups.push({ title: c.group ?? c.title, span: 1, single: !c.group });
  }
  return (
    <div className="sx-report-section">
      <h3 style={{ margin: '12px 0 6px' }}>{table.title}</h3>
      <div className="sx-report-scroll">
        <table className="sx-report-table">
          <thead>
            {grouped ? (
              <>
                <tr>
                  <th rowSpan={2}>{table.rowHeader}</th>
                  {groups.map((g, i) => (
                    <th key={`${g.title}-${i}`} colSpan={g.span} rowSpan={g.single ? 2 : 1}>
                      {g.title}
                    </th>
                  ))}
                </tr>
                <tr>{table.columns.map((c, i) => (c.group ? <th key={`${c.title}-${i}`}>{c.title}</th> : null))}</tr>
              </>
            ) : (
              <tr>
                <th>{table.rowHeader}</th>
                {table.columns.map((c, i) => (
                  <th key={`${c.title}-${i}`}>{c.title}</th>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={`${r.label}-${i}`} className={r.total ? 'sx-total' : undefined}>
                <td>
                  {r.code && onRegion ? (
                    <button type="button" className="sx-link-button" onClick={() => onRegion(r.code as string)}>
                      {r.label}
                    </button>
                  ) : (
                    r.label
                  )}
                </td>
                {r.cells.map((c, j) => (
                  <td key={j}>{c ?? '—'}</td>
                ))}
              </tr>
            ))}
            {table.rows.length === 0 && (
              <tr>
                <td colSpan={1 + table.columns.length}>无</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {table.note && (
        <div className="sx-muted" style={{ fontSize: 12, marginBottom: 8 }}>
          注：{table.note}
        </div>
      )}
    </div>
  );
}

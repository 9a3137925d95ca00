import type { VillagePublicity } from './publicity.service.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: unknown) =>
  v === null || v === undefined ? '' : String(v).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const yuan = (v: number | null) => (v === null ? '' : `${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`);
const period = (from: string | null, to: string | null) => (from || to ? `${esc(from ?? '')}至${esc(to ?? '')}` : '');

/**
 * The village's 帮扶措施公示 as a print-ready page (SPEC §9): A4 landscape, self-contained (no script, font or style
 * from outside, SPEC §17 intranet), names but never ID numbers.
 */
export function renderPublicityHtml(p: VillagePublicity): string {
  const rows = p.households.flatMap((h, i) => {
    const measures = h.measures.length > 0 ? h.measures : [null];
    return measures.map((m, j) => {
      const first = j === 0;
      const span = ` rowspan="${measures.length}"`;
      const householdCells = first
        ? `<td${span}>${i + 1}</td><td${span}>${esc(h.headName)}</td><td${span}>${h.memberCount}</td>` +
          `<td${span}>${esc(h.categoryName)}</td><td${span}>${esc(h.riskNames.join('、'))}</td>` +
          `<td${span}>${h.responsible ? `${esc(h.responsible.name)}<br><small>${esc(h.responsible.unit)}</small>` : '未指定'}</td>`
        : '';
      const measureCells = m
        ? `<td>${esc(m.typeName)}<br><small>${esc(m.name)}</small></td><td class="content">${esc(m.content)}</td>` +
          `<td>${esc(m.departmentName)}${m.responsiblePerson ? `<br><small>${esc(m.responsiblePerson)}</small>` : ''}</td>` +
          `<td>${period(m.startOn, m.plannedEndOn)}</td>` +
          `<td>${esc(yuan(m.amount))}${m.fundSource ? `<br><small>${esc(m.fundSource)}</small>` : ''}</td>` +
          `<td>${esc(m.statusName)}</td>`
        : '<td colspan="6">尚未落实帮扶措施</td>';
      return `<tr>${householdCells}${measureCells}</tr>`;
    });
  });
  const title = `${esc(p.village.name)}监测对象帮扶措施公示`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
  @page { size: A4 landscape; margin: 12mm; }
  body { font-family: "SimSun", "Songti SC", serif; font-size: 12pt; color: #000; margin: 0 auto; max-width: 277mm; }
  h1 { text-align: center; font-size: 20pt; margin: 0 0 4mm; }
  .meta { display: flex; justify-content: space-between; margin-bottom: 3mm; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #000; padding: 1.5mm; vertical-align: top; text-align: center; }
  td.content { text-align: left; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  small { font-size: 9pt; }
  .foot { margin-top: 6mm; line-height: 1.8; }
  .sign { text-align: right; margin-top: 8mm; }
</style>
</head>
<body>
<h1>${title}</h1>
<div class="meta"><span>${esc(p.regionPath)}</span><span>共${p.totals.households}户${p.totals.persons}人</span></div>
<table>
<thead><tr><th>序号</th><th>户主</th><th>人口</th><th>监测类别</th><th>风险类型</th><th>帮扶责任人</th>
<th>措施类型</th><th>帮扶措施内容</th><th>责任单位</th><th>实施期限</th><th>资金及来源</th><th>进度</th></tr></thead>
<tbody>
${rows.join('\n') || '<tr><td colspan="12">本村暂无监测对象</td></tr>'}
</tbody>
</table>
<div class="foot">公示期间，如对上述帮扶措施有异议，请向村委会或乡镇人民政府反映。</div>
<div class="sign">${esc(p.village.name)}村民委员会<br>${esc(p.generatedOn)}</div>
</body>
</html>
`;
}

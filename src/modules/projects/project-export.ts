import ExcelJS from 'exceljs';
import { PROJECT_STATUS_LABELS, WARNING_COLOUR_LABELS } from '../../domain/projects/index.ts';
import type { Bulletin } from './projects.schema.ts';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, Math.max(1, header.length));
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  for (let i = 2; i <= ws.rowCount; i++) {
    ws.getRow(i).eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.alignment = { vertical: 'middle', wrapText: true };
    });
  }
  header.forEach((text, i) => {
    ws.getColumn(i + 1).width = Math.min(50, Math.max(8, text.length * 2 + 4));
  });
}

/** The monthly 红黄蓝 bulletin as an Excel workbook (SPEC §13 "monthly bulletin by region"), the offices' columns. */
export async function bulletinWorkbook(b: Bulletin): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const title = `${b.regionName}${b.month.slice(0, 4)}年${Number(b.month.slice(5))}月${b.fundName}项目“红黄蓝”预警通报`;
  sheet(
    wb,
    '项目预警',
    title,
    ['序号', '项目编号', '项目名称', '所在区划', '状态', '负责人', '重点项目', '预警', '原因'],
    b.projects.map((p, i) => [
      i + 1,
      p.number,
      p.name,
      p.regionName,
      PROJECT_STATUS_LABELS[p.status],
      p.manager,
      p.keyProject ? '是' : '否',
      WARNING_COLOUR_LABELS[p.colour],
      p.reason,
    ]),
  );
  const countRow = (c: { blue: number; yellow: number; red: number; total: number }) => [
    c.total,
    c.blue,
    c.yellow,
    c.red,
  ];
  sheet(
    wb,
    '按区划',
    `${title}（按区划）`,
    ['区划', '项目数', '蓝牌', '黄牌', '红牌'],
    [...b.byRegion.map((r) => [r.regionName, ...countRow(r)]), ['合计', ...countRow(b.counts)]],
  );
  sheet(
    wb,
    '按负责人',
    `${title}（按负责人）`,
    ['负责人', '项目数', '蓝牌', '黄牌', '红牌'],
    b.byManager.map((m) => [m.manager, ...countRow(m)]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

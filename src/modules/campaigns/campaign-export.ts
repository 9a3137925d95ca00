import ExcelJS from 'exceljs';
import {
  PROBLEM_SEVERITY_LABELS,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_STATUS_LABELS,
  type ProblemSeverity,
  type ProblemSource,
  type ProblemStatus,
} from '../../domain/campaigns/index.ts';
import type { CampaignView, FiguresView, ReportView } from './campaigns.schema.ts';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface ProblemRow {
  number: number;
  townshipName: string | null;
  regionName: string;
  householdCode: string | null;
  project: string | null;
  areaKey: string | null;
  source: ProblemSource;
  description: string;
  severity: ProblemSeverity;
  owner: string;
  deadline: string;
  measures: string;
  status: ProblemStatus;
  escalatedToName: string | null;
  closedOn: string | null;
}

function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, Math.max(1, header.length));
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  const h = ws.addRow(header);
  h.font = { bold: true };
  for (const r of rows) ws.addRow(r);
  for (let i = 2; i <= ws.rowCount; i++) {
    ws.getRow(i).eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.alignment = { vertical: 'middle', wrapText: true };
    });
  }
  header.forEach((text, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(8, text.length * 2 + 4));
  });
  return ws;
}

/**
 * The campaign workbook (SPEC §15, §12 "ledgers export to Excel"): 问题清单 in the offices' columns, figures by area,
 * source and region with spot-check coverage, and the report text.
 */
export async function campaignWorkbook(
  campaign: CampaignView,
  figures: FiguresView,
  problems: ProblemRow[],
  report: ReportView,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const areaName = new Map(campaign.areas.map((a) => [a.key, a.name]));
  sheet(
    wb,
    '问题清单',
    `${campaign.name}问题清单`,
    [
      '问题编号',
      '乡镇',
      '村',
      '户编号',
      '项目',
      '任务领域',
      '问题来源',
      '问题描述',
      '严重程度',
      '责任单位',
      '整改时限',
      '整改措施',
      '整改状态',
      '督办层级',
      '销号日期',
    ],
    problems.map((p) => [
      p.number,
      p.townshipName ?? '',
      p.regionName,
      p.householdCode ?? '',
      p.project ?? '',
      (p.areaKey && areaName.get(p.areaKey)) || '',
      PROBLEM_SOURCE_LABELS[p.source],
      p.description,
      PROBLEM_SEVERITY_LABELS[p.severity],
      p.owner,
      p.deadline,
      p.measures,
      PROBLEM_STATUS_LABELS[p.status],
      p.escalatedToName ?? '',
      p.closedOn ?? '',
    ]),
  );
  const counts = ['发现', '已销号', '待验收', '逾期', '未清零'];
  const line = (c: { found: number; closed: number; submitted: number; overdue: number; open: number }) => [
    c.found,
    c.closed,
    c.submitted,
    c.overdue,
    c.open,
  ];
  sheet(
    wb,
    '按任务领域',
    `${figures.regionName}问题整改情况（按任务领域）`,
    ['任务领域', ...counts],
    figures.byArea.map((a) => [a.name, ...line(a)]),
  );
  sheet(
    wb,
    '按来源',
    `${figures.regionName}问题整改情况（按来源）`,
    ['问题来源', ...counts],
    figures.bySource.map((a) => [a.name, ...line(a)]),
  );
  sheet(
    wb,
    '按区划',
    `${figures.regionName}问题整改和抽查覆盖（按区划）`,
    ['区划', ...counts, '村数', '抽中村', '已检查村'],
    figures.byRegion.map((r) => [r.name, ...line(r), r.villages, r.sampledVillages, r.checkedVillages]),
  );
  const text = wb.addWorksheet('情况报告');
  text.getColumn(1).width = 100;
  text.addRow([report.title]).font = { bold: true, size: 14 };
  for (const s of report.sections) {
    text.addRow([s.heading]).font = { bold: true };
    for (const p of s.paragraphs) text.addRow([p]).alignment = { wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

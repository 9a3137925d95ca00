import {
  DEPARTMENT_NAMES,
  isDepartmentCode,
  LINE_OF_DEFENCE_NAMES,
  MEASURE_TYPE_NAMES,
  type MeasureType,
} from '../../domain/assistance/measure-catalogue.ts';
import { toFen } from '../../domain/money.ts';
import { AppError } from '../../shared/app-error.ts';
import type { MeasureStatus } from './assistance.tables.ts';
import type { MeasuresRepository } from './measures.repository.ts';

/** Editable fields of a measure (SPEC §9: type, content, department and person, dates, money and source, status, result). */
export interface MeasureFields {
  content?: string;
  department?: string;
  responsiblePerson?: string | null;
  startOn?: string | null;
  plannedEndOn?: string | null;
  /** Yuan, at most two decimals. */
  amount?: number | null;
  fundSource?: string | null;
  status?: MeasureStatus;
  result?: string | null;
  finishedOn?: string | null;
}

export const STATUS_NAMES: Record<MeasureStatus, string> = {
  planned: '计划',
  in_progress: '实施中',
  completed: '已完成',
  cancelled: '已取消',
};

/** Allowed status changes: a finished (completed or cancelled) measure stays finished; a new one is recorded instead. */
const NEXT: Record<MeasureStatus, MeasureStatus[]> = {
  planned: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function checkStatusChange(from: MeasureStatus, to: MeasureStatus | undefined): void {
  if (to === undefined || to === from) return;
  if (!NEXT[from].includes(to)) {
    throw new AppError('MEASURE_STATUS_INVALID', `措施状态不能从“${STATUS_NAMES[from]}”改为“${STATUS_NAMES[to]}”`, {
      field: 'status',
      from,
      to,
    });
  }
}

/** Money column text from a yuan number (numeric(14,2)); never a float in the database. */
export function moneyText(amount: number | null | undefined, field = 'amount'): string | null | undefined {
  if (amount === undefined || amount === null) return amount;
  let fen: number;
  try {
    fen = toFen(amount);
  } catch {
    throw new AppError('VALIDATION', '金额须为数字（元）', { field });
  }
  if (fen < 0 || Math.abs(amount * 100 - fen) > 1e-6) {
    throw new AppError('VALIDATION', '金额须为非负数，最多两位小数（元）', { field });
  }
  return (fen / 100).toFixed(2);
}

/** Checks the fields of a new or changed measure against each other (after merging with the stored ones). */
export function checkMeasure(m: {
  department: string;
  startOn: string | null;
  plannedEndOn: string | null;
  status: MeasureStatus;
  result: string | null;
  content: string;
}): void {
  if (!m.content.trim()) throw new AppError('VALIDATION', '请填写帮扶措施内容', { field: 'content' });
  if (!isDepartmentCode(m.department)) {
    throw new AppError('VALIDATION', `责任部门“${m.department}”不是已知部门代码`, { field: 'department' });
  }
  if (m.startOn && m.plannedEndOn && m.plannedEndOn < m.startOn) {
    throw new AppError('VALIDATION', '计划完成日期不能早于开始日期', { field: 'plannedEndOn' });
  }
  if ((m.status === 'completed' || m.status === 'cancelled') && !m.result?.trim()) {
    throw new AppError(
      'VALIDATION',
      m.status === 'completed' ? '完成措施须填写帮扶结果' : '取消措施须写明原因（填在结果中）',
      { field: 'result' },
    );
  }
}

type MeasureRow = Awaited<ReturnType<MeasuresRepository['byHousehold']>>[number];

/** A measure as the API shows it: yuan as a number, Chinese names beside the codes. */
export function presentMeasure(m: MeasureRow) {
  return {
    ...m,
    amount: m.amount === null ? null : Number(m.amount),
    typeName: MEASURE_TYPE_NAMES[m.type as MeasureType] ?? m.type,
    lineOfDefenceName: LINE_OF_DEFENCE_NAMES[m.lineOfDefence],
    departmentName: isDepartmentCode(m.department) ? DEPARTMENT_NAMES[m.department] : m.department,
    statusName: STATUS_NAMES[m.status],
  };
}

import { toFen, toYuan } from '../../domain/money.ts';
import { AppError } from '../../shared/app-error.ts';

/** Checks shared by the project services (SPEC §13): the field-naming error and money in yuan with two decimals. */
export const invalid = (message: string, field: string) => new AppError('PROJECT_INVALID', message, { field });

/** Fen as the numeric(14,2) text the project tables store. */
export const yuanText = (fen: number) => toYuan(fen).toFixed(2);

/** Yuan from a request as fen, refusing negatives and more than two decimals with the field's name. */
export function fenOf(amount: number, field: string): number {
  if (!Number.isFinite(amount) || amount < 0 || Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) {
    throw invalid('金额应为不小于0、最多2位小数的元数', field);
  }
  return toFen(amount);
}

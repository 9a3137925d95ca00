import { idCheckChar, type Sex } from '../../domain/id-number.ts';

/**
 * Deterministic allocation of unique 公民身份号码 (GB 11643, SPEC §4.2) for the synthetic population: region prefix
 * (6) + birth date (8) + sequence (3, odd for men) + check character. For every (prefix, birth date, sex) a counter
 * walks up from a base sequence number that varies with prefix and day (so numbers look varied), issuing at most
 * SLOTS numbers; no set of issued numbers is kept — a million people cost a 1.5 MB counter array. Numbers already
 * in the database are reserved first: only the highest sequence per (prefix, birth date, sex) matters, and it is
 * readable from the masked number (first 6 and last 4 characters) and the birth-date column.
 */
const EPOCH_YEAR = 1900;
const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(EPOCH_YEAR, 0, 1);
/** Numbers per (prefix, day, sex) before moving to the day before; bases run 0–399, so base + SLOTS ≤ 500. */
const SLOTS = 100;

/** Day number since 1900-01-01 (UTC) of an ISO date. */
export function dayOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / DAY_MS);
}

/** Birth dates as 'YYYYMMDD' by day number, built once for the allocator's range. */
function dateTable(days: number): string[] {
  const out = new Array<string>(days);
  for (let i = 0; i < days; i++) out[i] = new Date(EPOCH_MS + i * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
  return out;
}

export interface AllocatedId {
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

export class IdAllocator {
  private readonly index = new Map<string, number>();
  private readonly prefixNumbers: number[];
  private readonly counters: Uint16Array;
  private readonly dates: string[];
  readonly lastDay: number;

  /** `prefixes`: the 6-digit region codes numbers will be issued under; `lastDay`: the latest birth date allowed. */
  constructor(prefixes: readonly string[], lastDate: string) {
    this.lastDay = dayOf(lastDate);
    this.dates = dateTable(this.lastDay + 1);
    for (const [i, p] of prefixes.entries()) this.index.set(p, i);
    this.prefixNumbers = prefixes.map(Number);
    this.counters = new Uint16Array(prefixes.length * (this.lastDay + 1) * 2);
  }

  private slot(prefixIndex: number, day: number, male: boolean): number {
    return (prefixIndex * (this.lastDay + 1) + day) * 2 + (male ? 1 : 0);
  }

  /** First half-sequence (0–399) of the walk for a prefix and day: a hash, stable across runs. */
  private base(prefixIndex: number, day: number): number {
    return (Math.imul(day + (this.prefixNumbers[prefixIndex] as number), 0x9e3779b1) >>> 16) % 400;
  }

  /**
   * A new number born on `day` (or, when that day's numbers are taken, the nearest earlier day with a free one).
   */
  allocate(prefix: string, day: number, sex: Sex): AllocatedId {
    const p = this.index.get(prefix);
    if (p === undefined) throw new Error(`unknown ID prefix ${prefix}`);
    const male = sex === 'male';
    let d = Math.min(Math.max(0, day), this.lastDay);
    let slot = this.slot(p, d, male);
    while ((this.counters[slot] as number) >= SLOTS) {
      if (d === 0) throw new Error('ID sequence space exhausted');
      d -= 1;
      slot = this.slot(p, d, male);
    }
    const c = this.counters[slot] as number;
    this.counters[slot] = c + 1;
    const seq = (this.base(p, d) + c) * 2 + (male ? 1 : 0);
    const date = this.dates[d] as string;
    const first17 = `${prefix}${date}${seq < 10 ? '00' : seq < 100 ? '0' : ''}${seq}`;
    return {
      idNumber: first17 + idCheckChar(first17),
      birthDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
    };
  }

  /**
   * Reserves every number up to an existing one (the highest sequence of its prefix, birth date and sex), so that
   * numbers already registered are never issued again.
   */
  reserve(prefix: string, birthDate: string, seqDigits: string): void {
    const p = this.index.get(prefix);
    const d = dayOf(birthDate);
    const seq = Number(seqDigits);
    if (p === undefined || !(d >= 0 && d <= this.lastDay) || !Number.isInteger(seq)) return;
    const used = Math.min(SLOTS, (seq >> 1) - this.base(p, d) + 1);
    const slot = this.slot(p, d, seq % 2 === 1);
    if ((this.counters[slot] as number) < used) this.counters[slot] = used;
  }
}

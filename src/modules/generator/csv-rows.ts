import { maskIdNumber } from '../../domain/id-number.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import type { GeneratedHousehold } from './household-factory.ts';

/**
 * COPY … WITH (FORMAT csv) lines for the three registry tables (SPEC §4). NULL is an empty unquoted field, so an
 * empty string must be quoted; text is quoted only when it holds a quote, comma or line break. The ID number
 * leaves here only encrypted, hashed and masked (SPEC §17).
 */
export const HOUSEHOLD_COLUMNS = [
  'id',
  'region_code',
  'code',
  'address',
  'head_person_id',
  'lifted_out',
  'lifted_out_year',
  'labor_summary',
  'backstop',
];

export const PERSON_COLUMNS = [
  'id',
  'household_id',
  'region_code',
  'name',
  'id_number_enc',
  'id_number_hash',
  'id_number_masked',
  'birth_year',
  'sex',
  'relation',
  'status',
  'health',
  'disability_category',
  'disability_level',
  'labor',
  'education',
  'employment',
  'employment_months',
  'insured_medical',
  'insured_pension',
  'public_servant',
  'paid_village_cadre',
  'phone',
];

export const INCOME_COLUMNS = [
  'id',
  'household_id',
  'region_code',
  'year',
  'survey',
  'wage',
  'business_gross',
  'business_cost',
  'property',
  'transfer',
  'medical_expense',
  'education_expense',
  'disaster_loss',
  'accident_expense',
  'member_count',
];

const NEEDS_QUOTES = /[",\r\n]/;

export function csvText(v: string | null): string {
  if (v === null) return '';
  if (v === '') return '""';
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const num = (v: number | null) => (v === null ? '' : String(v));
const bool = (v: boolean) => (v ? 't' : 'f');

/**
 * The CSV text of one batch of households, per table a list of chunks (each a few hundred households' lines).
 * Rows are joined into chunks early so that the many small row strings die young and cheaply; a batch then holds
 * a few large flat strings until it is written.
 */
export interface CsvBatch {
  households: string[];
  persons: string[];
  incomes: string[];
  householdCount: number;
  personCount: number;
}

/** Households per chunk: small enough for the row strings to be collected in the young generation. */
const CHUNK = 200;

export class CsvBatchBuilder {
  private h: string[] = [];
  private p: string[] = [];
  private i: string[] = [];
  private batch: CsvBatch = CsvBatchBuilder.empty();

  constructor(private readonly cipher: PiiCipher) {}

  private static empty(): CsvBatch {
    return { households: [], persons: [], incomes: [], householdCount: 0, personCount: 0 };
  }

  /** Households added since the last `take`. */
  get size(): number {
    return this.batch.householdCount + this.h.length;
  }

  add(hh: GeneratedHousehold): void {
    this.h.push(
      `${hh.id},${hh.regionCode},${hh.code},${csvText(hh.address)},${hh.headPersonId},${bool(hh.liftedOut)},` +
        `${num(hh.liftedOutYear)},${hh.laborSummary},${hh.backstop ?? ''}\n`,
    );
    for (const m of hh.members) {
      this.p.push(
        `${m.id},${hh.id},${hh.regionCode},${csvText(m.name)},${this.cipher.encrypt(m.idNumber)},` +
          `${this.cipher.hash(m.idNumber)},${maskIdNumber(m.idNumber)},${m.birthDate.slice(0, 4)},${m.sex},${m.relation},` +
          `${m.status},${m.health},${m.disabilityCategory ?? ''},${num(m.disabilityLevel)},${m.labor},` +
          `${m.education ?? ''},${m.employment ?? ''},${num(m.employmentMonths)},${bool(m.insuredMedical)},` +
          `${bool(m.insuredPension)},${bool(m.publicServant)},${bool(m.paidVillageCadre)},${m.phone ?? ''}\n`,
      );
    }
    for (const y of hh.incomes) {
      this.i.push(
        `${y.id},${hh.id},${hh.regionCode},${y.year},annual,${y.wage},${y.businessGross},${y.businessCost},` +
          `${y.property},${y.transfer},${y.medicalExpense},${y.educationExpense},${y.disasterLoss},` +
          `${y.accidentExpense},${y.memberCount}\n`,
      );
    }
    if (this.h.length >= CHUNK) this.closeChunk();
  }

  private closeChunk(): void {
    if (this.h.length === 0) return;
    const b = this.batch;
    b.households.push(this.h.join(''));
    b.persons.push(this.p.join(''));
    b.incomes.push(this.i.join(''));
    b.householdCount += this.h.length;
    b.personCount += this.p.length;
    this.h = [];
    this.p = [];
    this.i = [];
  }

  /** The batch so far, and a fresh start. */
  take(): CsvBatch {
    this.closeChunk();
    const batch = this.batch;
    this.batch = CsvBatchBuilder.empty();
    return batch;
  }
}

import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { parseIdNumber } from '../../domain/id-number.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { regionPrefix } from '../auth/actor.ts';

/**
 * The ID-number checks of data cleaning (SPEC §17: invalid checksum; birth date or sex disagreeing with the ID).
 * Numbers are validated on entry, but rows loaded in bulk (legacy data, generated data) are not, and only the
 * ciphertext holds the full number: persons are read a page at a time (keyset), decrypted in memory, checked, and
 * the problems written back set-based per page. Constant memory; the plain numbers never leave this function.
 */
export interface IdProblem {
  region_code: string;
  household_id: string;
  person_id: string;
  rule_code: 'ID_INVALID' | 'ID_MISMATCH';
  reason: string;
  details: Record<string, unknown>;
}

const SEX = { male: '男', female: '女' } as const;

export function checkIdNumber(
  p: { id_number_enc: string; id_number_masked: string; birth_year: number; sex: 'male' | 'female'; name: string },
  cipher: PiiCipher,
  today: Date,
): Pick<IdProblem, 'rule_code' | 'reason'> | undefined {
  let plain: string;
  try {
    plain = cipher.decrypt(p.id_number_enc);
  } catch {
    return { rule_code: 'ID_INVALID', reason: '身份证号密文无法解密（密钥不符或数据损坏）' };
  }
  const parsed = parseIdNumber(plain, today);
  if (!parsed.ok) return { rule_code: 'ID_INVALID', reason: parsed.error.message };
  const reasons: string[] = [];
  // Only the birth year is kept beside the ciphertext (migration 0040); it must agree with digits 7–10.
  if (Number(parsed.value.birthDate.slice(0, 4)) !== p.birth_year) {
    reasons.push(`出生年份（${p.birth_year}）与身份证号不符`);
  }
  if (parsed.value.sex !== p.sex) reasons.push(`性别（${SEX[p.sex]}）与身份证号第17位不符`);
  return reasons.length ? { rule_code: 'ID_MISMATCH', reason: reasons.join('；') } : undefined;
}

export async function checkIdNumbers(
  trx: Transaction<DB>,
  opts: { runId: string; scope: string; cipher: PiiCipher; today: Date; pageSize?: number },
): Promise<number> {
  const pageSize = opts.pageSize ?? 5000;
  let after = '00000000-0000-0000-0000-000000000000';
  let found = 0;
  for (;;) {
    const page = await trx
      .selectFrom('persons')
      .select(['id', 'household_id', 'region_code', 'name', 'id_number_enc', 'id_number_masked', 'birth_year', 'sex'])
      .where(regionPrefix('region_code', opts.scope))
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    const problems: IdProblem[] = [];
    for (const p of page) {
      const problem = checkIdNumber(p, opts.cipher, opts.today);
      if (problem) {
        problems.push({
          ...problem,
          region_code: p.region_code,
          household_id: p.household_id,
          person_id: p.id,
          details: { name: p.name, idNumberMasked: p.id_number_masked, birthYear: p.birth_year, sex: p.sex },
        });
      }
    }
    if (problems.length) {
      await sql`INSERT INTO cleaning_problems (run_id, rule_code, region_code, household_id, person_id, reason, details)
        SELECT ${opts.runId}::uuid, x.rule_code, x.region_code, x.household_id, x.person_id, x.reason, x.details
        FROM jsonb_to_recordset(${JSON.stringify(problems)}::jsonb) AS x(rule_code text, region_code text,
          household_id uuid, person_id uuid, reason text, details jsonb)`.execute(trx);
      found += problems.length;
    }
    if (page.length < pageSize) return found;
    after = page[page.length - 1]?.id ?? after;
  }
}

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { maskIdNumber } from '../../domain/id-number.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError } from '../../shared/app-error.ts';
import { maskPhone, normalizePhone, trackingCode } from '../../shared/public-applicant.ts';
import { type Actor, requireScope, SYSTEM_ACTOR } from '../auth/actor.ts';
import type { CluesService } from '../clues/clues.service.ts';
import { RESULT_LABELS } from '../clues/clues.service.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import { protectIdNumber } from '../registry/person-input.ts';

const HARDSHIP_LABELS: Record<string, string> = {
  income: '收入大幅下降或过低',
  education: '子女上学困难或辍学',
  medical: '看病就医困难或医疗费用高',
  housing: '住房不安全',
  water: '饮水不安全',
  industry_employment: '产业受损或失业',
  other: '灾害、意外事故等其他困难',
};

export interface DeclarationInput {
  name: string;
  idNumber: string;
  phone: string;
  villageCode: string;
  hardship: string[];
  description: string;
  /** A village cadre declaring for a farmer who cannot, with the farmer's signature on paper. */
  signatureConfirmed?: boolean;
}

/** The citizen actor: no account (SPEC §6 channel 1); recorded as `citizen` in the audit log. */
const CITIZEN: Actor = { ...SYSTEM_ACTOR, username: 'citizen' };

/**
 * 农户自主申报 (SPEC §6 channel 1, §14): a citizen declares hardship from a phone without an account, or a village
 * cadre declares for them; the declaration becomes a clue in the ledger; the citizen checks its status with the
 * tracking code and phone number and sees the three notifications (SPEC §8.1).
 */
export const declarationsService = ({
  db,
  cipher,
  clues,
  regionsRepo,
  now = () => new Date(),
}: {
  db: Kysely<DB>;
  cipher: PiiCipher;
  clues: Pick<CluesService, 'record' | 'mergeRepeat' | 'linkDeclarants'>;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  now?: () => Date;
}) => ({
  async declare(input: DeclarationInput, onBehalfOf?: Actor) {
    const phone = normalizePhone(input.phone);
    if (!/^1\d{10}$/.test(phone)) throw new AppError('VALIDATION', '请填写11位手机号码', { field: 'phone' });
    const village = await regionsRepo.findByCode(input.villageCode);
    if (village?.level !== 5) throw new AppError('REGION_UNKNOWN', '请选择所在的村（社区）', { field: 'villageCode' });
    if (onBehalfOf) {
      requireScope(onBehalfOf, village.code);
      if (!input.signatureConfirmed) {
        throw new AppError('VALIDATION', '代为申报须有农户本人签字确认（signatureConfirmed）', {
          field: 'signatureConfirmed',
        });
      }
    }
    const unknown = input.hardship.filter((h) => !HARDSHIP_LABELS[h]);
    if (unknown.length) throw new AppError('VALIDATION', `困难类型无效：${unknown.join('、')}`, { field: 'hardship' });
    const { info, columns } = protectIdNumber(cipher, input.idNumber, 'idNumber', now());
    const person = await db
      .selectFrom('persons')
      .select(['id', 'household_id as householdId', 'region_code as regionCode'])
      .where('id_number_hash', '=', columns.id_number_hash)
      .executeTakeFirst();
    const code = trackingCode();
    const actor = onBehalfOf ?? CITIZEN;
    return db.transaction().execute(async (trx) => {
      // The same person declaring again while a clue of theirs is open: one clue (issue 10).
      const open = await trx
        .selectFrom('declarations as d')
        .innerJoin('clues as c', 'c.id', 'd.clue_id')
        .select('c.id')
        .where('d.id_number_hash', '=', columns.id_number_hash)
        .where('c.status', '<>', 'closed')
        .orderBy('c.received_on')
        .executeTakeFirst();
      if (open) await clues.mergeRepeat(actor, open.id, input.hardship, trx);
      const clue = open
        ? { id: open.id }
        : await clues.record(
            actor,
            {
              channel: 'self_declaration',
              sourceKind: onBehalfOf ? 'on_behalf' : 'citizen',
              sourceRef: code,
              householdId: person?.householdId ?? null,
              personId: person?.id ?? null,
              regionCode: person?.regionCode ?? village.code,
              finding: `${input.name.trim()}（${maskIdNumber(info.idNumber)}）申报：${input.hardship.map((h) => HARDSHIP_LABELS[h]).join('、')}。${input.description.trim()}`,
              facts: { trackingCode: code },
              riskTypes: input.hardship,
            },
            trx,
          );
      await trx
        .insertInto('declarations')
        .values({
          tracking_code: code,
          region_code: village.code,
          name: input.name.trim(),
          ...columns,
          phone_hash: cipher.hash(`phone:${phone}`),
          phone_masked: maskPhone(phone),
          hardship: input.hardship,
          description: input.description.trim(),
          on_behalf_by: onBehalfOf?.username ?? null,
          clue_id: clue.id,
        })
        .execute();
      // A repeat declaration merged into a clue opened before the declarant was registered: linked now.
      if (open && person) await clues.linkDeclarants(actor, [person.id], trx);
      return {
        trackingCode: code,
        message: `申报已提交，查询码 ${code}。村里将在核实后与您联系，请凭查询码和手机号查看办理进度。`,
      };
    });
  },

  /**
   * The citizen's status page: progress and every notification issued to the household since the declaration
   * (受理、认定、退出告知), each once — including those of a later elimination (issue 10).
   */
  async status(trackingCode: string, phone: string) {
    const d = await db
      .selectFrom('declarations as d')
      .innerJoin('clues as c', 'c.id', 'd.clue_id')
      .innerJoin('regions as v', 'v.code', 'd.region_code')
      .select([
        'd.tracking_code as trackingCode',
        'd.phone_hash as phoneHash',
        'd.created_at as submittedAt',
        'v.name as village',
        'c.status',
        'c.result',
        'c.received_on as receivedOn',
        'c.case_id as caseId',
        'c.household_id as householdId',
      ])
      .where('d.tracking_code', '=', trackingCode.trim().toUpperCase())
      .executeTakeFirst();
    if (!d || d.phoneHash !== cipher.hash(`phone:${normalizePhone(phone)}`)) {
      throw new AppError('NOT_FOUND', '查询码或手机号不正确');
    }
    // The clue's own case, else the household's newest case started since the declaration.
    const cases = db.selectFrom('cases').select(['id', 'status', 'outcome', 'current_step as currentStep']);
    const caseRow =
      (d.caseId ? await cases.where('id', '=', d.caseId).executeTakeFirst() : undefined) ??
      (d.householdId
        ? await cases
            .where('household_id', '=', d.householdId)
            .where('started_on', '>=', d.receivedOn)
            .orderBy('started_on', 'desc')
            .limit(1)
            .executeTakeFirst()
        : undefined);
    const { caseId, householdId } = d;
    const notifications =
      caseId || householdId
        ? await db
            .selectFrom('notifications')
            .select(['kind', 'outcome', 'text', 'issued_on as issuedOn'])
            .where('revoked_at', 'is', null)
            .where((eb) =>
              eb.or([
                ...(caseId ? [eb('case_id', '=', caseId)] : []),
                ...(householdId
                  ? [eb.and([eb('household_id', '=', householdId), eb('issued_on', '>=', d.receivedOn)])]
                  : []),
              ]),
            )
            .orderBy('created_at')
            .execute()
        : [];
    const caseState = caseRow
      ? { status: caseRow.status, outcome: caseRow.outcome, currentStep: caseRow.currentStep }
      : undefined;
    const stage = caseState
      ? caseState.outcome
        ? '已办结'
        : '正在按程序办理'
      : d.status === 'closed'
        ? `已核实：${RESULT_LABELS[d.result as keyof typeof RESULT_LABELS] ?? ''}`
        : '已受理，等待村里入户核实';
    return {
      trackingCode: d.trackingCode,
      village: d.village,
      submittedAt: d.submittedAt,
      stage,
      case: caseState ?? null,
      notifications,
    };
  },
});

export type DeclarationsService = ReturnType<typeof declarationsService>;

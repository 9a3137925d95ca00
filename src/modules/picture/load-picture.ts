import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { toFen, toYuan } from '../../domain/money.ts';
import { buildPicture, type HouseholdPicture, type SurveyInput } from '../../domain/picture/index.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { notFound } from '../../shared/app-error.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import { type PictureRepository, pictureRepository } from './picture.repository.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type SurveyKind = 'identification' | 'elimination';

interface Deps {
  db: Kysely<DB>;
  registryRepo: Pick<RegistryRepository, 'findHousehold' | 'members' | 'incomes'>;
  cipher: PiiCipher;
  pictureRepo?: PictureRepository;
}

/**
 * Loads what the household picture is built from (SPEC §7.4) and builds it: the one place every decision — the
 * household assessment, the case decision step, the effectiveness review, elimination and the 研判 panel — gets its
 * facts from. Scope-checked through `findHousehold`; the caller audits the read.
 */
export const pictureLoader = ({ db, registryRepo, cipher, pictureRepo = pictureRepository(db) }: Deps) => {
  async function latestSurvey(householdId: string, kind: SurveyKind, q: Q = db): Promise<SurveyInput | undefined> {
    const row = await q
      .selectFrom('household_surveys')
      .select(['id', 'kind', 'facts', 'surveyed_on as surveyedOn', 'recorded_by as recordedBy'])
      .where('household_id', '=', householdId)
      .where('kind', '=', kind)
      .orderBy('surveyed_on', 'desc')
      .orderBy('recorded_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    const on = row.surveyedOn as unknown;
    return {
      id: row.id,
      kind: row.kind as SurveyKind,
      surveyedOn: on instanceof Date ? on.toISOString().slice(0, 10) : String(on).slice(0, 10),
      recordedBy: row.recordedBy,
      facts: row.facts as SurveyInput['facts'],
    };
  }

  /**
   * `alongside` runs with the picture's own queries (the region's line and thresholds, for the rules): one round of
   * concurrent index lookups after the household, so a picture costs about two query latencies (issue 9: < 50 ms).
   */
  async function load<T = undefined>(
    actor: Actor,
    householdId: string,
    year: number,
    mode: SurveyKind,
    q: Q = db,
    alongside?: (household: { regionCode: string }) => Promise<T>,
  ) {
    const household = await registryRepo.findHousehold(actor, householdId, q);
    if (!household) throw notFound('农户');
    const [members, incomes, records, rules, visits, own, identification, extra] = await Promise.all([
      registryRepo.members(householdId, q),
      registryRepo.incomes(householdId, q),
      pictureRepo.departmentRecords(householdId, q),
      pictureRepo.exclusionRules(household.regionCode, q),
      pictureRepo.visits(householdId, q),
      latestSurvey(householdId, mode, q),
      mode === 'elimination' ? latestSurvey(householdId, 'identification', q) : Promise.resolve(undefined),
      alongside ? alongside(household) : Promise.resolve(undefined as T),
    ]);
    const survey = own ?? identification;
    const dateText = (v: unknown) =>
      v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
    const picture: HouseholdPicture = buildPicture({
      year,
      household: {
        id: household.id,
        code: household.code,
        regionCode: household.regionCode,
        liftedOut: household.liftedOut,
        backstop: household.backstop as 'dibao' | 'tekun' | null,
        monitoringStatus: household.monitoringStatus,
      },
      members: members.map((m) => ({
        personId: m.id,
        idNumber: cipher.decrypt(m.idNumberEnc),
        name: m.name,
        relation: m.relation,
        status: m.status,
        labor: m.labor,
        health: m.health,
        disabilityLevel: m.disabilityLevel,
        education: m.education,
        publicServant: m.publicServant,
        paidVillageCadre: m.paidVillageCadre,
      })),
      incomes: incomes.map((i) => ({
        year: i.year,
        survey: i.survey,
        surveyedOn: dateText(i.surveyedOn),
        recordedAt: new Date(i.recordedAt).toISOString(),
        wage: Number(i.wage),
        businessNet: toYuan(toFen(i.businessGross) - toFen(i.businessCost)),
        property: Number(i.property),
        transfer: Number(i.transfer),
        medical: Number(i.medicalExpense),
        education: Number(i.educationExpense),
        disaster: Number(i.disasterLoss),
        accident: Number(i.accidentExpense),
      })),
      survey: survey ?? null,
      visits,
      records,
      rules,
    });
    return { household, picture, survey: survey ?? null, extra: extra as T };
  }

  return { load, latestSurvey };
};

export type PictureLoader = ReturnType<typeof pictureLoader>;

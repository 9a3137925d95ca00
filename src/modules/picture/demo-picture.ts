import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../../app-context.ts';
import { findFeedRecord } from '../../domain/feeds/index.ts';
import type { Services } from '../../services.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

/** A department file as the template lays it out (SPEC §10), values by column key. */
function templateCsv(department: string, kind: string, rows: Record<string, string>[]): string {
  const record = findFeedRecord(department, kind);
  if (!record) throw new Error(`no feed ${department}/${kind}`);
  const lines = [record.columns.map((c) => c.header), ...rows.map((r) => record.columns.map((c) => r[c.key] ?? ''))];
  return lines.map((l) => l.join(',')).join('\r\n');
}

/**
 * Department evidence for the demo's 研判 panel (SPEC §7.4; issue 9): a 公安 vehicle registration for one household
 * whose survey says "no car" (an exclusion and a conflict to explain) and a 医保 settlement with 30,000 yuan of
 * 个人自付 for another (a medical risk from the department's figure), imported through the ordinary feeds service.
 */
export async function loadDemoPicture(
  ctx: AppContext,
  services: Services,
  village: string,
): Promise<{ car: string; patient: string } | null> {
  const db = ctx.database.db;
  const heads = await db
    .selectFrom('persons')
    .innerJoin('households', 'households.id', 'persons.household_id')
    .select(['persons.household_id as householdId', 'persons.name', 'persons.id_number_enc as enc'])
    .where('persons.region_code', '=', village)
    .where('persons.relation', '=', 'head')
    .where('households.monitoring_status', '=', 'none')
    .orderBy('persons.id')
    .limit(2)
    .execute();
  const [car, patient] = heads;
  if (!car || !patient) return null;
  const year = (ctx.now?.() ?? new Date()).getFullYear();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-demo-picture-'));
  try {
    const files = [
      {
        department: 'public_security',
        kind: 'vehicle',
        rows: [
          {
            name: car.name,
            idNumber: ctx.cipher.decrypt(car.enc),
            plateNumber: '甘J·D2618',
            vehicleType: '小型普通客车',
            purchaseDate: `${year}-06-10`,
            registrationDate: `${year}-06-12`,
          },
        ],
      },
      {
        department: 'medical_insurance',
        kind: 'settlement',
        rows: [
          {
            name: patient.name,
            idNumber: ctx.cipher.decrypt(patient.enc),
            hospital: '定西市人民医院',
            disease: '腰椎间盘突出',
            admissionDate: `${year}-05-06`,
            dischargeDate: `${year}-05-28`,
            stayDays: '22',
            totalCost: '68500',
            basicInsurancePaid: '38500',
            outOfPocket: '30000',
            settlementDate: `${year}-05-29`,
          },
        ],
      },
    ];
    for (const f of files) {
      const file = path.join(dir, `${f.kind}.csv`);
      fs.writeFileSync(file, templateCsv(f.department, f.kind, f.rows));
      await services.feeds.import(SYSTEM_ACTOR, {
        department: f.department,
        recordKind: f.kind,
        regionCode: village.slice(0, 6),
        period: `${year}-10`,
        fileName: `${f.kind}.csv`,
        path: file,
      });
    }
    await services.assessments.recordSurvey(SYSTEM_ACTOR, car.householdId, {
      kind: 'identification',
      surveyedOn: `${year}-11-02`,
      facts: { exclusions: { consumerCar: false }, note: '户主称家中无车' },
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { car: car.householdId, patient: patient.householdId };
}

import { type Static, Type } from 'typebox';
import { AuditActions } from '../../audit/audit-actions.ts';
import { requirePermission } from '../../auth/actor.ts';
import { protectIdNumber } from '../../registry/person-input.ts';
import { registryRepository } from '../../registry/registry.repository.ts';
import { defineLedger, defineSheet, idNumberFor, type LedgerDeps } from '../ledger.ts';
import { CATEGORY, categoryName, householdStatusName, REGION, riskNames, yesNo } from './names.ts';

const filters = Type.Object(
  {
    region: REGION,
    status: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('monitored'), Type.Literal('eliminated')])),
    category: CATEGORY,
    liftedOut: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);
type Filters = Static<typeof filters>;

const hashed = (deps: LedgerDeps, f: Filters) => {
  const { idNumber, ...rest } = f;
  const idHash = idNumber
    ? protectIdNumber(deps.cipher, idNumber, 'idNumber', deps.now()).columns.id_number_hash
    : undefined;
  return { ...rest, idHash };
};

/** 农户档案: the household list with the filters on screen (SPEC §4, §12). */
export const householdsLedger = defineLedger<Filters>({
  name: 'households',
  title: '农户档案',
  filters,
  revealable: true,
  audit: AuditActions.householdExport,
  entity: 'household',
  authorize: (actor) => requirePermission(actor, 'registry.read'),
  describe: (f) =>
    [
      f.region && `区划 ${f.region}`,
      f.status && `监测状态 ${f.status}`,
      f.category && `类别 ${f.category}`,
      f.liftedOut !== undefined && (f.liftedOut ? '脱贫户' : '非脱贫户'),
      f.name && `成员姓名 ${f.name}`,
      f.idNumber && '按身份证号查找',
    ].filter((x): x is string => typeof x === 'string'),
  estimate: (deps, actor, f) => registryRepository(deps.db, deps.cipher).exportCount(actor, hashed(deps, f)),
  sheets: (deps, actor, f, opts) => [
    defineSheet({
      name: '农户档案',
      title: '农户档案',
      persons: (r) => r.memberCount,
      pages: registryRepository(deps.db, deps.cipher).exportPages(actor, hashed(deps, f)),
      columns: [
        { header: '户编号', width: 20, value: (r) => r.code },
        { header: '所在村（社区）', width: 22, value: (r) => r.village },
        { header: '户主', width: 10, value: (r) => r.headName },
        { header: '户主身份证号', width: 22, value: (r) => idNumberFor(deps, opts, r.headIdMasked, r.headIdEnc) },
        { header: '家庭人口', width: 9, value: (r) => r.memberCount },
        { header: '住址', width: 28, value: (r) => r.address },
        { header: '脱贫户', width: 8, value: (r) => yesNo(r.liftedOut) },
        { header: '监测状态', width: 12, value: (r) => householdStatusName(r.monitoringStatus) },
        { header: '监测类别', width: 16, value: (r) => categoryName(r.category) },
        { header: '风险类型', width: 18, value: (r) => riskNames(r.riskTypes) },
        { header: '帮扶责任人', width: 12, value: (r) => r.responsiblePerson },
      ],
    }),
  ],
});

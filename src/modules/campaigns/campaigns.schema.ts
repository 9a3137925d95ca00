import { type Static, type TSchema, Type } from 'typebox';
import {
  PROBLEM_ACTIONS,
  PROBLEM_SEVERITIES,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
} from '../../domain/campaigns/index.ts';

/**
 * Request and response shapes of the campaigns API (SPEC §15), one source for validation, handler types and OpenAPI
 * (decision 0009). Word lists (statuses, sources, severities, actions) come from src/domain/campaigns with their
 * Chinese labels.
 */
const oneOf = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const RegionCode = Type.String({ pattern: '^[0-9]{2,12}$', description: '区划代码' });
export const Day = Type.String({ format: 'date' });
const Uuid = Type.String({ format: 'uuid' });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

export const IdParams = Type.Object({ id: Uuid });
export const FileParams = Type.Object({ id: Uuid, fileId: Uuid });

export const ChecklistItemSchema = Type.Object(
  { key: Text(40, 1), title: Text(200, 1), howToCheck: Text(1000) },
  { additionalProperties: false },
);
export const TaskAreaSchema = Type.Object(
  {
    key: Text(40, 1),
    name: Text(100, 1),
    responsibleUnits: Type.Array(Text(100, 1), { maxItems: 30 }),
    items: Type.Array(ChecklistItemSchema, { maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const CampaignInput = Type.Object(
  {
    name: Text(200, 1),
    regionCode: RegionCode,
    scopeCodes: Type.Optional(Type.Array(RegionCode, { minItems: 1, maxItems: 500 })),
    startsOn: Day,
    endsOn: Day,
    areas: Type.Optional(Type.Array(TaskAreaSchema, { minItems: 1, maxItems: 30 })),
  },
  { additionalProperties: false },
);
export type CampaignInput = Static<typeof CampaignInput>;

export const AreasInput = Type.Object(
  { areas: Type.Array(TaskAreaSchema, { minItems: 1, maxItems: 30 }), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const CampaignSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  scope: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  startsOn: Type.String(),
  endsOn: Type.String(),
  areas: Type.Array(TaskAreaSchema),
  createdBy: Type.String(),
  createdAt: Type.String(),
  version: Type.Integer(),
  problems: Type.Object({
    total: Type.Integer(),
    open: Type.Integer(),
    overdue: Type.Integer(),
    closed: Type.Integer(),
  }),
});
export type CampaignView = Static<typeof CampaignSchema>;

export const SpotCheckInput = Type.Object(
  {
    ratio: Type.Number({ description: '抽查比例，0.3 即 30%' }),
    seed: Text(100, 1),
    regionCode: RegionCode,
    householdsPerVillage: Type.Optional(Type.Integer({ minimum: 0, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type SpotCheckInput = Static<typeof SpotCheckInput>;

export const RecheckInput = Type.Object(
  {
    target: oneOf(['households', 'problems'] as const, '回头看对象：已消除风险的户，或已销号的问题'),
    ratio: Type.Number(),
    seed: Text(100, 1),
    regionCode: RegionCode,
  },
  { additionalProperties: false },
);
export type RecheckInput = Static<typeof RecheckInput>;

const UnitRef = {
  unitId: Type.String(),
  regionCode: Type.String(),
  villageName: Type.String(),
  townshipCode: Type.String(),
  townshipName: Type.String(),
};
export const SpotCheckSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  campaignId: Uuid,
  kind: oneOf(['spot_check', 'recheck_households', 'recheck_problems'] as const),
  regionCode: Type.String(),
  regionName: Type.String(),
  ratio: Type.Number(),
  minRatio: Type.Number(),
  seed: Type.String(),
  householdsPerVillage: Type.Integer(),
  strata: Type.Array(
    Type.Object({ stratum: Type.String(), name: Type.String(), size: Type.Integer(), sampled: Type.Integer() }),
  ),
  villages: Type.Array(Type.Object({ ...UnitRef, checkedItems: Type.Integer(), problemsFound: Type.Integer() })),
  households: Type.Array(Type.Object({ ...UnitRef, householdCode: Type.String(), checkedItems: Type.Integer() })),
  problems: Type.Array(
    Type.Object({
      ...UnitRef,
      problemNumber: Type.Integer(),
      description: Type.String(),
      checkedItems: Type.Integer(),
    }),
  ),
  createdBy: Type.String(),
  createdAt: Type.String(),
  existing: Type.Boolean({ description: '同一种子已抽取过：返回已冻结的名单' }),
});
export type SpotCheckView = Static<typeof SpotCheckSchema>;

export const SpotCheckSummary = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  kind: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  ratio: Type.Number(),
  seed: Type.String(),
  units: Type.Integer(),
  findings: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});

export const FindingInput = Type.Object(
  {
    unitId: Text(60, 1),
    areaKey: Text(40, 1),
    itemKey: Text(40, 1),
    result: oneOf(['ok', 'problem'] as const),
    note: Type.Optional(Text(2000)),
    severity: Type.Optional(oneOf(PROBLEM_SEVERITIES)),
    owner: Type.Optional(Text(100, 1)),
    deadline: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type FindingInput = Static<typeof FindingInput>;

export const FindingSchema = Type.Object({
  id: Uuid,
  unitId: Type.String(),
  regionCode: Type.String(),
  areaKey: Type.String(),
  itemKey: Type.String(),
  result: Type.String(),
  note: Type.String(),
  problemId: Nullable(Type.String()),
  problemNumber: Nullable(Type.Integer()),
  checkedBy: Type.String(),
  checkedAt: Type.String(),
});

export const ProblemInput = Type.Object(
  {
    campaignId: Uuid,
    regionCode: Type.Optional(RegionCode),
    householdId: Type.Optional(Uuid),
    project: Type.Optional(Text(200, 1)),
    areaKey: Type.Optional(Text(40, 1)),
    source: oneOf(PROBLEM_SOURCES),
    description: Text(2000, 1),
    severity: Type.Optional(oneOf(PROBLEM_SEVERITIES)),
    owner: Text(100, 1),
    deadline: Type.Optional(Day),
    measures: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type ProblemInput = Static<typeof ProblemInput>;

export const ProblemActionInput = Type.Object(
  {
    type: oneOf(PROBLEM_ACTIONS),
    measures: Type.Optional(Text(2000)),
    note: Type.Optional(Text(2000)),
    reason: Type.Optional(Text(2000)),
    deadline: Type.Optional(Day),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type ProblemActionInput = Static<typeof ProblemActionInput>;

export const ProblemQuery = Type.Object(
  {
    campaignId: Type.Optional(Uuid),
    regionCode: Type.Optional(RegionCode),
    status: Type.Optional(oneOf(PROBLEM_STATUSES)),
    source: Type.Optional(oneOf(PROBLEM_SOURCES)),
    areaKey: Type.Optional(Text(40, 1)),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  },
  { additionalProperties: false },
);
export type ProblemQuery = Static<typeof ProblemQuery>;

export const ProblemSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  campaignId: Uuid,
  campaignName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  householdId: Nullable(Type.String()),
  householdCode: Nullable(Type.String()),
  project: Nullable(Type.String()),
  areaKey: Nullable(Type.String()),
  areaName: Nullable(Type.String()),
  source: oneOf(PROBLEM_SOURCES),
  description: Type.String(),
  severity: oneOf(PROBLEM_SEVERITIES),
  owner: Type.String(),
  deadline: Type.String(),
  measures: Type.String(),
  status: oneOf(PROBLEM_STATUSES),
  escalatedTo: Nullable(Type.String()),
  escalatedToName: Nullable(Type.String()),
  escalationLevels: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  closedOn: Nullable(Type.String()),
  version: Type.Integer(),
  files: Type.Integer(),
});
export type ProblemView = Static<typeof ProblemSchema>;

export const ProblemList = Type.Object({
  items: Type.Array(ProblemSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ProblemDetail = Type.Object({
  problem: ProblemSchema,
  actions: Type.Array(
    Type.Object({
      type: Type.String(),
      fromStatus: Nullable(Type.String()),
      toStatus: Type.String(),
      note: Type.String(),
      deadline: Nullable(Type.String()),
      by: Type.String(),
      at: Type.String(),
    }),
  ),
  fileList: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      size: Type.Integer(),
      uploadedBy: Type.String(),
      uploadedAt: Type.String(),
    }),
  ),
  /** What this reader may do now (the web shows only those buttons). */
  allowed: Type.Array(oneOf(PROBLEM_ACTIONS)),
});

const Counts = {
  found: Type.Integer(),
  open: Type.Integer(),
  submitted: Type.Integer(),
  closed: Type.Integer(),
  overdue: Type.Integer(),
};
export const FiguresQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });
export const FiguresSchema = Type.Object({
  campaignId: Uuid,
  regionCode: Type.String(),
  regionName: Type.String(),
  totals: Type.Object(Counts),
  byArea: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), ...Counts })),
  bySource: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), ...Counts })),
  byRegion: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      ...Counts,
      villages: Type.Integer(),
      sampledVillages: Type.Integer(),
      checkedVillages: Type.Integer(),
    }),
  ),
  coverage: Type.Object({
    villages: Type.Integer(),
    sampledVillages: Type.Integer(),
    checkedVillages: Type.Integer(),
    townships: Type.Integer(),
    townshipsSampled: Type.Integer(),
  }),
});
export type FiguresView = Static<typeof FiguresSchema>;

export const BoardQuery = Type.Object(
  { regionCode: Type.Optional(RegionCode), campaignId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const BoardSchema = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  rows: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      ...Counts,
      escalated: Type.Integer(),
      cleared: Type.Boolean({ description: '问题清零：没有未销号的问题' }),
    }),
  ),
  cleared: Type.Boolean(),
});

export const ReportSchema = Type.Object({
  title: Type.String(),
  sections: Type.Array(Type.Object({ heading: Type.String(), paragraphs: Type.Array(Type.String()) })),
});
export type ReportView = Static<typeof ReportSchema>;

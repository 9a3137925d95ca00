import { type Static, type TSchema, Type } from 'typebox';
import {
  BENEFIT_WAYS,
  FUND_LEVELS,
  FUND_SOURCES,
  MILESTONES,
  PROJECT_STATUSES,
  WARNING_COLOURS,
} from '../../domain/projects/index.ts';

/**
 * Request and response shapes of the projects API (SPEC §13), one source for validation, handler types and OpenAPI
 * (decision 0009). Word lists come from src/domain/projects with their Chinese labels.
 */
const oneOf = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

const RegionCode = Type.String({ pattern: '^[0-9]{2,12}$', description: '区划代码' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' });
const Day = Type.String({ format: 'date' });
const Uuid = Type.String({ format: 'uuid' });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Yuan = Type.Number({ minimum: 0, maximum: 1e11, description: '元，最多2位小数' });
const Share = Type.Number({ minimum: 0, maximum: 1, description: '比例，0.3 即 30%' });
const Milestone = oneOf(MILESTONES);
export const Colour = oneOf(WARNING_COLOURS, 'blue 蓝牌 | yellow 黄牌 | red 红牌');

export const IdParams = Type.Object({ id: Uuid });

export const FundSchema = Type.Object(
  {
    level: oneOf(FUND_LEVELS),
    source: oneOf(FUND_SOURCES, 'linkage: 衔接资金（按地区名称） | other: 其他资金'),
    amountYuan: Yuan,
  },
  { additionalProperties: false },
);
export const KeyResponsibleSchema = Type.Object(
  { city: Type.Optional(Text(50)), district: Type.Optional(Text(50)), town: Type.Optional(Text(50)) },
  { additionalProperties: false },
);

export const ProjectInput = Type.Object(
  {
    name: Text(200, 1),
    regionCode: RegionCode,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    type: Text(30, 1),
    funds: Type.Array(FundSchema, { minItems: 1, maxItems: 20 }),
    taskForce: Text(100, 1),
    manager: Text(50, 1),
    managerPhone: Type.Optional(Text(40)),
    keyResponsible: Type.Optional(KeyResponsibleSchema),
    description: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type ProjectInput = Static<typeof ProjectInput>;

export const StatusInput = Type.Object(
  {
    to: oneOf(PROJECT_STATUSES),
    on: Type.Optional(Day),
    note: Type.Optional(Text(500)),
    publicityFrom: Type.Optional(Day),
    publicityTo: Type.Optional(Day),
    keyResponsible: Type.Optional(KeyResponsibleSchema),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type StatusInput = Static<typeof StatusInput>;

export const PlanMonthSchema = Type.Object(
  { month: Month, milestones: Type.Array(Milestone, { maxItems: 6 }), paymentShare: Share },
  { additionalProperties: false },
);
export const PlanInput = Type.Object(
  { months: Type.Array(PlanMonthSchema, { minItems: 1, maxItems: 36 }) },
  { additionalProperties: false },
);
export type PlanInput = Static<typeof PlanInput>;

export const ProgressInput = Type.Object(
  {
    month: Month,
    milestones: Type.Array(Milestone, { maxItems: 6 }),
    worksShare: Share,
    paidYuan: Yuan,
    note: Type.Optional(Text(1000)),
    evidence: Type.Optional(Type.Array(Text(200, 1), { maxItems: 20, description: '佐证材料名称' })),
  },
  { additionalProperties: false },
);
export type ProgressInput = Static<typeof ProgressInput>;

export const BeneficiaryInput = Type.Object(
  {
    householdId: Uuid,
    way: oneOf(BENEFIT_WAYS),
    amountYuan: Yuan,
    note: Type.Optional(Text(200)),
    countAsMeasure: Type.Optional(
      Type.Boolean({ description: '监测户：同时记为一项帮扶措施（务工记为就业帮扶，其他记为产业帮扶）' }),
    ),
  },
  { additionalProperties: false },
);
export type BeneficiaryInput = Static<typeof BeneficiaryInput>;

export const ListQuery = Type.Object({
  region: Type.Optional(RegionCode),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  colour: Type.Optional(Colour),
  status: Type.Optional(oneOf(PROJECT_STATUSES)),
  month: Type.Optional(Month),
});
export type ListQuery = Static<typeof ListQuery>;

export const WarningsQuery = Type.Object({ region: Type.Optional(RegionCode), month: Type.Optional(Month) });

export const WarningSchema = Type.Object({
  month: Type.String(),
  colour: Colour,
  reason: Type.String(),
  missedMonths: Type.Integer(),
  gapPoints: Type.Number(),
  plannedShare: Type.Number(),
  paidShare: Type.Number(),
  missing: Type.Array(Milestone),
});
export type WarningView = Static<typeof WarningSchema>;

export const BenefitFiguresSchema = Type.Object({
  households: Type.Integer(),
  persons: Type.Integer(),
  monitoredHouseholds: Type.Integer(),
  monitoredPersons: Type.Integer(),
  amountYuan: Type.Number(),
});

export const ProjectSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  year: Type.Integer(),
  type: Type.String(),
  status: oneOf(PROJECT_STATUSES),
  funds: Type.Array(FundSchema),
  linkageYuan: Type.Number(),
  totalYuan: Type.Number(),
  fundName: Type.String({ description: '该地区对衔接资金的称谓' }),
  taskForce: Type.String(),
  manager: Type.String(),
  managerPhone: Nullable(Type.String()),
  keyProject: Type.Boolean(),
  keyResponsible: KeyResponsibleSchema,
  description: Type.String(),
  publicityFrom: Nullable(Type.String()),
  publicityTo: Nullable(Type.String()),
  exitReason: Nullable(Type.String()),
  createdAt: Type.String(),
  version: Type.Integer(),
  warning: Nullable(WarningSchema),
});
export type ProjectView = Static<typeof ProjectSchema>;

export const ProjectDetailSchema = Type.Object({
  project: ProjectSchema,
  plan: Type.Array(PlanMonthSchema),
  progress: Type.Array(
    Type.Object({
      month: Type.String(),
      milestones: Type.Array(Milestone),
      worksShare: Type.Number(),
      paidYuan: Type.Number(),
      note: Type.String(),
      evidence: Type.Array(Type.String()),
      reportedBy: Type.String(),
      reportedAt: Type.String(),
    }),
  ),
  history: Type.Array(WarningSchema),
  events: Type.Array(
    Type.Object({
      fromStatus: Nullable(oneOf(PROJECT_STATUSES)),
      toStatus: oneOf(PROJECT_STATUSES),
      note: Type.String(),
      on: Type.String(),
      by: Type.String(),
    }),
  ),
  beneficiaries: Type.Array(
    Type.Object({
      id: Uuid,
      householdId: Uuid,
      householdCode: Type.String(),
      regionCode: Type.String(),
      regionName: Type.String(),
      headName: Type.String(),
      persons: Type.Integer(),
      monitored: Type.Boolean(),
      way: oneOf(BENEFIT_WAYS),
      amountYuan: Type.Number(),
      note: Type.String(),
      /** The assistance measure this benefit was counted as (SPEC §9), if any. */
      measureId: Nullable(Uuid),
    }),
  ),
  benefit: BenefitFiguresSchema,
  nextStatuses: Type.Array(oneOf(PROJECT_STATUSES)),
  canEdit: Type.Boolean(),
});
export type ProjectDetail = Static<typeof ProjectDetailSchema>;

export const WarningRowSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  status: oneOf(PROJECT_STATUSES),
  manager: Type.String(),
  keyProject: Type.Boolean(),
  colour: Colour,
  reason: Type.String(),
  missedMonths: Type.Integer(),
  gapPoints: Type.Number(),
});
export type WarningRow = Static<typeof WarningRowSchema>;

const Counts = { blue: Type.Integer(), yellow: Type.Integer(), red: Type.Integer(), total: Type.Integer() };
export const BulletinSchema = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  month: Type.String(),
  fundName: Type.String(),
  counts: Type.Object(Counts),
  byRegion: Type.Array(Type.Object({ regionCode: Type.String(), regionName: Type.String(), ...Counts })),
  byManager: Type.Array(Type.Object({ manager: Type.String(), ...Counts })),
  projects: Type.Array(WarningRowSchema),
});
export type Bulletin = Static<typeof BulletinSchema>;

export const RulesQuery = Type.Object({ region: Type.Optional(RegionCode) });
export const RulesSchema = Type.Object({
  regionCode: Type.String(),
  setAt: Nullable(Type.String({ description: '规则来自哪一级区划（无则为默认值）' })),
  value: Type.Object({
    fundName: Type.String(),
    types: Type.Array(Type.String()),
    keyProjectMinYuan: Type.Integer(),
    keyAreaCodes: Type.Array(Type.String()),
    warning: Type.Object({
      toleratedPoints: Type.Integer(),
      redAfterMissedMonths: Type.Integer(),
      redAbovePoints: Nullable(Type.Integer()),
    }),
  }),
});
export const RulesInput = Type.Object(
  { regionCode: RegionCode, value: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);

export const HouseholdBenefitSchema = Type.Object({
  projectId: Uuid,
  projectName: Type.String(),
  projectStatus: oneOf(PROJECT_STATUSES),
  year: Type.Integer(),
  way: oneOf(BENEFIT_WAYS),
  amountYuan: Type.Number(),
  note: Type.String(),
});

export const ImportResultSchema = Type.Object({
  imported: Type.Integer(),
  skipped: Type.Integer({ description: '已导入过的项目（同县、年度、地点、名称）' }),
  problems: Type.Array(
    Type.Object({ sheet: Type.String(), row: Type.Integer(), column: Type.String(), message: Type.String() }),
  ),
});

export const FilingKindParams = Type.Object({
  id: Uuid,
  kind: oneOf(['pre', 'post'] as const, 'pre 实施前报备 | post 验收后报备'),
});
export const FilingFileQuery = Type.Object({ item: Text(40, 1) });
export const FilingSubmitInput = Type.Object({ note: Type.Optional(Text(500)) }, { additionalProperties: false });
export const FilingDecisionInput = Type.Object(
  { decision: oneOf(['approve', 'return'] as const), note: Type.Optional(Text(500)) },
  { additionalProperties: false },
);
export const FilingsSchema = Type.Array(
  Type.Object({
    kind: oneOf(['pre', 'post'] as const),
    items: Type.Array(
      Type.Object({
        item: Type.String(),
        label: Type.String(),
        files: Type.Array(
          Type.Object({
            id: Uuid,
            name: Type.String(),
            size: Type.Integer(),
            uploadedBy: Type.String(),
            uploadedAt: Type.String(),
          }),
        ),
      }),
    ),
    filing: Nullable(
      Type.Object({
        id: Uuid,
        status: oneOf(['submitted', 'approved', 'returned'] as const),
        note: Type.String(),
        submittedBy: Type.String(),
        submittedAt: Type.String(),
        decisionNote: Nullable(Type.String()),
        reviewedBy: Nullable(Type.String()),
      }),
    ),
  }),
);

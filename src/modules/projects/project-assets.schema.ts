import { type Static, type TSchema, Type } from 'typebox';
import {
  ASSET_CHANGE_KINDS,
  ASSET_KINDS,
  ASSET_OWNER_KINDS,
  ASSET_STATUSES,
  INCOME_PURPOSES,
} from '../../domain/projects/index.ts';

/** Request and response shapes of the project asset register (SPEC §13 item 6), one source for validation and OpenAPI. */
const oneOf = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Uuid = Type.String({ format: 'uuid' });
const Yuan = Type.Number({ minimum: 0, maximum: 1e11, description: '元，最多2位小数' });

export const AssetIdParams = Type.Object({ assetId: Uuid });
export const ChangeIdParams = Type.Object({ changeId: Uuid });

export const AssetInput = Type.Object(
  {
    name: Text(100, 1),
    kind: oneOf(ASSET_KINDS, 'operating 经营性 | public 公益性 | household 到户类'),
    valueYuan: Yuan,
    regionCode: Type.String({ pattern: '^[0-9]{2,12}$', description: '资产所在区划（村、乡镇或县）' }),
    location: Text(200, 1),
    ownerKind: oneOf(ASSET_OWNER_KINDS, 'state 国有 | collective 村集体'),
    ownerName: Text(100, 1),
    caretaker: Text(100, 1),
    registeredOn: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type AssetInput = Static<typeof AssetInput>;

export const AssetIncomeInput = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    incomeYuan: Yuan,
    distribution: Type.Array(
      Type.Object({ purpose: oneOf(INCOME_PURPOSES), amountYuan: Yuan }, { additionalProperties: false }),
      { maxItems: INCOME_PURPOSES.length },
    ),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type AssetIncomeInput = Static<typeof AssetIncomeInput>;

export const AssetChangeInput = Type.Object(
  {
    kind: oneOf(ASSET_CHANGE_KINDS, 'transfer 权属变更 | write_off 报废核销'),
    reason: Text(500, 1),
    newOwnerKind: Type.Optional(oneOf(ASSET_OWNER_KINDS)),
    newOwnerName: Type.Optional(Text(100, 1)),
    newCaretaker: Type.Optional(Text(100, 1)),
  },
  { additionalProperties: false },
);
export type AssetChangeInput = Static<typeof AssetChangeInput>;

export const AssetDecisionInput = Type.Object(
  { approve: Type.Boolean(), note: Type.Optional(Text(500)) },
  { additionalProperties: false },
);
export type AssetDecisionInput = Static<typeof AssetDecisionInput>;

export const AssetListQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    status: Type.Optional(oneOf(ASSET_STATUSES)),
  },
  { additionalProperties: false },
);

const ChangeSchema = Type.Object({
  id: Uuid,
  kind: oneOf(ASSET_CHANGE_KINDS),
  reason: Type.String(),
  newOwnerKind: Nullable(oneOf(ASSET_OWNER_KINDS)),
  newOwnerName: Nullable(Type.String()),
  newCaretaker: Nullable(Type.String()),
  status: oneOf(['pending', 'approved', 'rejected'] as const),
  requestedBy: Type.String(),
  requestedAt: Type.String(),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  /** Whether the reader may decide it (a writer other than the requester). */
  canDecide: Type.Boolean(),
});

const IncomeSchema = Type.Object({
  year: Type.Integer(),
  incomeYuan: Type.Number(),
  distribution: Type.Array(Type.Object({ purpose: oneOf(INCOME_PURPOSES), amountYuan: Type.Number() })),
  undistributedYuan: Type.Number(),
  note: Type.String(),
  reportedBy: Type.String(),
  reportedAt: Type.String(),
});

export const AssetSchema = Type.Object({
  id: Uuid,
  projectId: Uuid,
  projectName: Type.String(),
  projectYear: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  name: Type.String(),
  kind: oneOf(ASSET_KINDS),
  valueYuan: Type.Number(),
  location: Type.String(),
  ownerKind: oneOf(ASSET_OWNER_KINDS),
  ownerName: Type.String(),
  caretaker: Type.String(),
  status: oneOf(ASSET_STATUSES),
  registeredOn: Type.String(),
  incomes: Type.Array(IncomeSchema),
  changes: Type.Array(ChangeSchema),
});
export type AssetView = Static<typeof AssetSchema>;

export const AssetRegisterSchema = Type.Object({
  assets: Type.Array(AssetSchema),
  totals: Type.Object({
    count: Type.Integer(),
    valueYuan: Type.Number(),
    byKind: Type.Array(Type.Object({ kind: oneOf(ASSET_KINDS), count: Type.Integer(), valueYuan: Type.Number() })),
    pendingChanges: Type.Integer(),
  }),
});

import { type Static, Type } from 'typebox';
import {
  RELIEF_ACTION_TYPES,
  RELIEF_CHANNELS,
  RELIEF_OUTCOMES,
  RELIEF_STATUSES,
} from '../../domain/relief/relief-request.ts';

/**
 * Request and response schemas of the government relief platform (SPEC §14): one object per shape gives the
 * validation, the TypeScript type and the OpenAPI document (decision 0009).
 */

const villageCode = Type.String({ pattern: '^[0-9]{12}$' });
const regionCode = Type.String({ pattern: '^[0-9]{2,12}$' });
const date = Type.String({ format: 'date' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const trackingCode = Type.String({ minLength: 4, maxLength: 20 });
const phone = Type.String({ minLength: 1, maxLength: 20 });

export const reliefItemSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  department: Type.String(),
  departmentName: Type.String(),
  limitDays: Type.Integer(),
  materials: Type.Array(Type.String()),
  needsRegistryMatch: Type.Boolean(),
  enabled: Type.Boolean(),
});

export const publicCatalogueQuery = Type.Object({ village: villageCode });
export const publicCatalogueReply = Type.Array(reliefItemSchema);

export const catalogueQuery = Type.Object({ region: regionCode });
/** The county's own view adds the risk types each item's clue carries, so the catalogue can be edited whole. */
export const catalogueReply = Type.Object({
  regionCode: Type.String(),
  items: Type.Array(Type.Intersect([reliefItemSchema, Type.Object({ riskTypes: Type.Array(Type.String()) })])),
});
export const catalogueBody = Type.Object(
  {
    region: regionCode,
    items: Type.Array(
      Type.Object(
        {
          code: Type.String({ maxLength: 40 }),
          name: Type.String({ maxLength: 30 }),
          department: Type.String({ maxLength: 40 }),
          limitDays: Type.Integer(),
          materials: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }),
          needsRegistryMatch: Type.Boolean(),
          riskTypes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
          enabled: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

const applicant = {
  applicantName: Type.String({ minLength: 1, maxLength: 30 }),
  idNumber: Type.String({ minLength: 1, maxLength: 40 }),
  phone,
  villageCode,
  itemCode: Type.String({ minLength: 1, maxLength: 40 }),
  description: Type.String({ minLength: 1, maxLength: 2000 }),
};

export const applyBody = Type.Object(
  {
    channel: Type.Union(RELIEF_CHANNELS.filter((c) => c !== 'government').map((c) => Type.Literal(c))),
    ...applicant,
    proxy: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 30 }),
          relation: Type.String({ minLength: 1, maxLength: 20 }),
          phone,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ApplyBody = Static<typeof applyBody>;

/** 政府托举: either a registered member (personId) or the applicant's name, ID number and village typed in. */
export const fileBody = Type.Object(
  {
    personId: Type.Optional(Type.String({ format: 'uuid' })),
    applicantName: Type.Optional(applicant.applicantName),
    idNumber: Type.Optional(applicant.idNumber),
    phone,
    villageCode: Type.Optional(villageCode),
    itemCode: applicant.itemCode,
    description: applicant.description,
  },
  { additionalProperties: false },
);

export const submittedReply = Type.Object({
  trackingCode: Type.String(),
  itemName: Type.String(),
  departmentName: Type.String(),
  dueOn: Type.String(),
  dueEstimated: Type.Boolean(),
  /** How many photos the applicant may attach (region setting `relief.limits`). */
  photosAllowed: Type.Integer(),
  message: Type.String(),
});

export const trackingParams = Type.Object({ trackingCode });
export const phoneQuery = Type.Object({ phone });
export const phoneBody = Type.Object({ phone }, { additionalProperties: false });
export const rateBody = Type.Object(
  { phone, rating: Type.Integer({ minimum: 1, maximum: 5 }), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

const step = Type.Object({
  seq: Type.Integer(),
  action: Type.String(),
  actionName: Type.String(),
  actorName: Type.String(),
  fromDepartmentName: nullable(Type.String()),
  toDepartmentName: nullable(Type.String()),
  note: nullable(Type.String()),
  at: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }),
});

export const publicStatusReply = Type.Object({
  trackingCode: Type.String(),
  itemName: Type.String(),
  village: Type.String(),
  departmentName: Type.String(),
  status: Type.String(),
  statusName: Type.String(),
  receivedOn: Type.String(),
  dueOn: Type.String(),
  dueEstimated: Type.Boolean(),
  overdue: Type.Boolean(),
  outcomeName: nullable(Type.String()),
  resultNote: nullable(Type.String()),
  rating: nullable(Type.Integer()),
  needsConfirmation: Type.Boolean(),
  canRate: Type.Boolean(),
  photoCount: Type.Integer(),
  photosAllowed: Type.Integer(),
  steps: Type.Array(step),
});

export const confirmReply = Type.Object({ trackingCode: Type.String(), confirmed: Type.Boolean() });
export const rateReply = Type.Object({ trackingCode: Type.String(), rating: Type.Integer() });

const listItem = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  regionCode: Type.String(),
  village: Type.String(),
  countyCode: Type.String(),
  itemCode: Type.String(),
  itemName: Type.String(),
  department: Type.String(),
  departmentName: Type.String(),
  channel: Type.String(),
  channelName: Type.String(),
  applicantName: Type.String(),
  status: Type.String(),
  statusName: Type.String(),
  receivedOn: Type.String(),
  dueOn: Type.String(),
  dueEstimated: Type.Boolean(),
  outcome: nullable(Type.String()),
  outcomeName: nullable(Type.String()),
  repliedAt: nullable(Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' })),
  urgedCount: Type.Integer(),
  rating: nullable(Type.Integer()),
  householdId: nullable(Type.String()),
  clueId: nullable(Type.String()),
  overdue: Type.Boolean(),
  escalation: Type.String(),
  escalationName: Type.String(),
});

export const listQuery = Type.Object({
  status: Type.Optional(Type.Union([...RELIEF_STATUSES, 'open' as const].map((s) => Type.Literal(s)))),
  department: Type.Optional(Type.String({ maxLength: 40 })),
  region: Type.Optional(regionCode),
  item: Type.Optional(Type.String({ maxLength: 40 })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
export const listReply = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(listItem),
});

export const idParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const detailReply = Type.Intersect([
  listItem,
  Type.Object({
    description: Type.String(),
    resultNote: nullable(Type.String()),
    idNumber: Type.String(),
    phone: Type.String(),
    proxyName: nullable(Type.String()),
    proxyRelation: nullable(Type.String()),
    confirmedAt: nullable(Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' })),
    filedBy: nullable(Type.String()),
    ratingNote: nullable(Type.String()),
    inRegistry: Type.Boolean(),
    mayHandle: Type.Boolean(),
    steps: Type.Array(step),
    photos: Type.Array(
      Type.Object({ id: Type.String(), seq: Type.Integer(), size: Type.Integer(), mime: Type.String() }),
    ),
  }),
]);

export const photoParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  photoId: Type.String({ format: 'uuid' }),
});
export const photoReply = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  size: Type.Integer(),
  mime: Type.String(),
});

export const actionBody = Type.Object(
  {
    type: Type.Union(RELIEF_ACTION_TYPES.map((t) => Type.Literal(t))),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    department: Type.Optional(Type.String({ maxLength: 40 })),
    outcome: Type.Optional(Type.Union(RELIEF_OUTCOMES.map((o) => Type.Literal(o)))),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof actionBody>;
export const actionReply = Type.Object({ id: Type.String(), status: Type.String(), department: Type.String() });

export const overdueQuery = Type.Object({ asOf: Type.Optional(date) });
export const overdueReply = Type.Object({ asOf: Type.String(), total: Type.Integer(), items: Type.Array(listItem) });

export const householdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const householdReply = Type.Array(listItem);

export const figuresQuery = Type.Object({
  region: regionCode,
  month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }),
});
const counts = {
  received: Type.Integer(),
  replied: Type.Integer(),
  inTime: Type.Integer(),
  overdue: Type.Integer(),
  rated: Type.Integer(),
  satisfied: Type.Integer(),
};
export const figuresReply = Type.Object({
  region: Type.String(),
  month: Type.String(),
  totals: Type.Object(counts),
  items: Type.Array(
    Type.Object({ itemCode: Type.String(), itemName: Type.String(), departmentName: Type.String(), ...counts }),
  ),
});

/**
 * One error type for the whole application (STYLE: Documenso app-error). Services throw AppError with a stable
 * English code and a Chinese message for the user; only the HTTP edge maps codes to status codes.
 */
export const ErrorCodes = {
  VALIDATION: 400,
  REGISTRY_ID_FORMAT: 400,
  REGISTRY_ID_CHECKSUM: 400,
  REGISTRY_ID_BIRTHDATE: 400,
  REGISTRY_ID_LEGACY_15: 400,
  REGISTRY_ID_MISMATCH: 400,
  REGISTRY_PERSON_IN_OTHER_HOUSEHOLD: 409,
  REGISTRY_DUPLICATE_CODE: 409,
  REGISTRY_NO_HEAD: 400,
  REGISTRY_INCOME_INVALID: 400,
  REGION_UNKNOWN: 404,
  REGION_NOT_VILLAGE: 400,
  REGION_OUT_OF_SCOPE: 403,
  LINE_BELOW_PARENT: 400,
  LINE_NOT_SET: 404,
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  AUTH_FORBIDDEN: 403,
  USER_EXISTS: 409,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMBEDDED_DB_IN_USE: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCodes | (string & {});

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly status: number = (ErrorCodes as Record<string, number>)[code] ?? 400,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或不在您的管辖范围内`);

/**
 * The stable error codes of the API (SPEC §8). Clients branch on `code`, never on `message`,
 * so a code once published keeps its meaning and its HTTP status.
 */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  REFRESH_TOKEN_INVALID: 401,
  REFRESH_TOKEN_REUSED: 401,
  FORBIDDEN: 403,
  ORG_NOT_VERIFIED: 403,
  // Least privilege for money (issue 15 point 5): the bureau user lacks the duty (REVIEWER, PAYER) the route
  // needs; or would pay a claim they approved themselves (maker-checker, a program option on by default).
  FORBIDDEN_ROLE: 403,
  MAKER_CHECKER: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  USCC_TAKEN: 409,
  INVALID_STATE_TRANSITION: 409,
  ORG_IDENTITY_LOCKED: 409,
  OUTSIDE_OPENING_HOURS: 409,
  SLOT_BLOCKED: 409,
  SLOT_TAKEN: 409,
  ALREADY_REVIEWED: 409,
  BUDGET_EXHAUSTED: 409,
  INSUFFICIENT_BALANCE: 409,
  PROGRAM_RULES_LOCKED: 409,
  HOLD_EXISTS: 409,
  CLAIM_EXISTS: 409,
  ORDER_NOT_SETTLED: 409,
  ORDER_STATE: 409,
  // Vouchers over time (issue 16): payment waits for the public notice (公示); an objection only during it;
  // one open application per SME and program.
  NOTICE_PERIOD: 409,
  NOTICE_CLOSED: 409,
  APPLICATION_EXISTS: 409,
  CLAIM_WINDOW_CLOSED: 409,
  // 揭榜挂帅: proposals until the deadline, the award within the award window after it.
  SUBMISSIONS_CLOSED: 409,
  AWARD_WINDOW_CLOSED: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYMENT_EXCEEDS_OWED: 422,
  // Why a voucher cannot be applied for or used (SPEC §6); the codes match GET /orders/:id/voucher-options reasons.
  RELATED_PARTY: 422,
  APPLICATION_WINDOW_CLOSED: 422,
  AMOUNT_OVER_VOUCHER_MAX: 422,
  PROGRAM_NOT_OPEN: 422,
  VOUCHER_NOT_ACTIVE: 422,
  VOUCHER_EXPIRED: 422,
  VOUCHER_NOT_YET_VALID: 422,
  VOUCHER_EMPTY: 422,
  SME_NOT_TECH_SME: 422,
  SME_IS_TEAM: 422,
  SME_REGION: 422,
  SME_FIELD: 422,
  CATEGORY_NOT_ELIGIBLE: 422,
  PURPOSE_EXCLUDED: 422,
  PLATFORM_NOT_LISTED: 422,
  PLATFORM_NOT_IN_PROGRAM: 422,
  RECOGNITION_TOO_LOW: 422,
  PER_ORDER_CAP_REACHED: 422,
  SME_YEAR_CAP_REACHED: 422,
  PLATFORM_YEAR_CAP_REACHED: 422,
  PAIR_ALREADY_SUBSIDISED: 422,
  // An order whose buyer is not an SME (an institute verifying its result, issue 21): no program covers it.
  BUYER_NOT_SME: 422,
  // Annual evaluation (SPEC §7): the outcome is not one the grade allows (e.g. KEEP after FAIL).
  EVALUATION_OUTCOME_NOT_ALLOWED: 422,
  // A subsidy rule whose policy names no figure (e.g. 嘉兴's "一定比例") cannot be active until its bureau sets it.
  RULE_PARAMETER_UNSET: 409,
  // Safe to deploy (issue 15): a webhook URL to a private/loopback/link-local/metadata address (SSRF).
  WEBHOOK_URL_FORBIDDEN: 400,
  // A test ping needs an enabled webhook endpoint to go to.
  WEBHOOK_NOT_CONFIGURED: 409,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  SEARCH_UNAVAILABLE: 503,
  // The database connection was lost or cannot be had right now: nothing was written, retry after Retry-After.
  DATABASE_UNAVAILABLE: 503,
  // Redis (the job queues) does not answer: the admin action was not queued, retry after Retry-After.
  QUEUE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export const ERROR_CODES = Object.keys(ERROR_HTTP_STATUS) as ErrorCode[];

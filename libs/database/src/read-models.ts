/**
 * The one place where a context may read tables it does not own: read models for reports. Each is one
 * `*.read-model.ts` file that only reads (no INSERT, UPDATE or DELETE) the tables listed here, and says why
 * it needs them. Everything else reaches another context through that context's services and ports;
 * `context-boundaries.spec.ts` holds the code to this list.
 */
export interface ReadModelDeclaration {
  /** Path from the repository root. */
  file: string;
  /** Tables of other contexts the read model reads. */
  reads: readonly string[];
  why: string;
}

export const READ_MODELS: readonly ReadModelDeclaration[] = [
  {
    file: 'libs/governance/src/audit/audit-trail.read-model.ts',
    reads: ['audit_events', 'orgs', 'voucher_programs', 'voucher_claims'],
    why: "The audit trail (GET /audit-events) pages the audit context's events; a bureau's view keeps those about orgs in its jurisdiction, its programs and their claims — one filtered, paged query.",
  },
  {
    file: 'libs/governance/src/recognition/platform-indicators.read-model.ts',
    reads: ['platforms', 'orders', 'orgs', 'order_payments', 'reservations', 'voucher_claims'],
    why: "An evaluation's and the per-platform report's indicators: a year's completed orders, their payments and SMEs' regions, instrument use and rejected claims, for many platforms in one query.",
  },
  {
    file: 'libs/governance/src/reports/platform-report.read-model.ts',
    reads: ['platforms'],
    why: "The per-platform report lists the LISTED platforms of the reader's jurisdiction.",
  },
  {
    file: 'libs/governance/src/reports/program-report.read-model.ts',
    reads: ['voucher_programs', 'voucher_claims', 'orders', 'services', 'demands', 'orgs', 'platforms'],
    why: "The program report's reimbursed claims grouped by their orders' field, SMEs' region, platform and month (GROUPING SETS, one pass), and the program's heading.",
  },
  {
    file: 'libs/governance/src/reports/funnel-report.read-model.ts',
    reads: ['demands', 'orgs', 'industry_fields', 'notifications', 'quotes', 'orders', 'voucher_claims'],
    why: 'The funnel counts the demands published in a year by region and field through each stage: notified to a platform, quoted, ordered, completed, reimbursed.',
  },
];

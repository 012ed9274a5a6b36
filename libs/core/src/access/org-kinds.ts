/** Who may call what: the kinds of org and the roles of their users, which every context checks. */

/**
 * INSTITUTE: 高校、科研院所、新型研发机构 — they publish research results (科技成果) looking for a pilot. An org kind,
 * not a capability of platform host orgs: most institutes host no platform; a platform operator sees
 * confidential demands, which an institute must not; and the kind decides routes and the portal's home.
 */
export const ORG_KINDS = ['SME', 'PLATFORM_OPERATOR', 'BUREAU', 'ADMIN', 'INSTITUTE'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Kinds that may sign themselves up (and that a bureau in jurisdiction verifies); bureaus are created by an admin, admins by the operator. */
export const SELF_REGISTERING_KINDS = ['SME', 'PLATFORM_OPERATOR', 'INSTITUTE'] as const;
export type SelfRegisteringKind = (typeof SELF_REGISTERING_KINDS)[number];

/**
 * A user's role in its org. Every org has OWNERs (everything, including members and, for a bureau, its
 * programs) and MEMBERs. A bureau's users may instead hold a duty (issue 15 point 5, least privilege for
 * money): a REVIEWER decides applications, claims, objections, spot checks, verifications, platform
 * listings, recognitions, evaluations, revenue declarations and subsidy assessments; a PAYER records
 * payments and disbursement batches; programs and subsidy rules are the OWNER's. A bureau MEMBER only reads. REVIEWER and PAYER exist only
 * in bureau orgs. Bureau routes say which duty they need with @RequireBureauRole (OWNER always passes).
 */
export const USER_ROLES = ['OWNER', 'MEMBER', 'REVIEWER', 'PAYER'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The duties only a bureau's users hold. */
export const BUREAU_DUTIES = ['REVIEWER', 'PAYER'] as const;
export type BureauDuty = (typeof BUREAU_DUTIES)[number];

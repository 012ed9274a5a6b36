import { api, RequestBody, Schema } from '../../shared/api';

/** An org as GET/PATCH /orgs/:id answer it, with its pending correction request. */
export type OrgProfile = Schema<'OrgResponseDto'>;
/** A correction request of a verified org's eligibility facts (techSme, legal representative, shareholders). */
export type OrgCorrection = Schema<'OrgCorrectionResponseDto'>;
export type Shareholder = Schema<'ShareholderDto'>;
export type EligibilityFacts = Schema<'EligibilityFactsDto'>;
export type RequestedFacts = Schema<'RequestedFactsDto'>;

export const CORRECTION_STATUS: Record<OrgCorrection['status'], { text: string; color: string }> = {
  PENDING: { text: '待审核', color: 'processing' },
  APPROVED: { text: '已通过', color: 'success' },
  REJECTED: { text: '未通过', color: 'error' },
  CANCELLED: { text: '已撤回', color: 'default' },
};

export const ORG_SIZE: Record<string, string> = { MICRO: '微型', SMALL: '小型', MEDIUM: '中型', LARGE: '大型' };

export const getOrg = (orgId: string) => api<OrgProfile>(`/orgs/${orgId}`);

export const updateOrg = (orgId: string, body: RequestBody<'UpdateOrgDto'>) =>
  api<OrgProfile>(`/orgs/${orgId}`, { method: 'PATCH', body });

/** A bureau's queue (PENDING in its jurisdiction); for an SME or operator, its own requests, newest first. */
export const listCorrections = (query: { status?: OrgCorrection['status']; limit?: number } = {}) =>
  api<Schema<'OrgCorrectionPageDto'>>('/org-corrections', { query: { limit: 50, ...query } });

export const decideCorrection = (id: string, action: 'approve' | 'reject' | 'cancel', reason?: string) =>
  api<OrgCorrection>(`/org-corrections/${id}/${action}`, {
    method: 'POST',
    body: action === 'reject' ? ({ reason: reason ?? '' } satisfies RequestBody<'RejectCorrectionDto'>) : {},
  });

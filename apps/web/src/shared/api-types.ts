/** Response shapes the portal reads, typed by hand against the API's response DTOs (libs/*\/src/dto) until the OpenAPI document declares them. */
import { OrgKind, Page, RequestBody, Schema } from './api';

export interface ServiceHit {
  id: string;
  title: string;
  description: string;
  category: string;
  categoryLabel: string;
  fieldNames: string[];
  stageLabels: string[];
  pricingKind: 'FIXED' | 'UNIT' | 'QUOTE';
  priceFen: number | null;
  unitName: string | null;
  leadTimeDays: number;
  voucherEligible: boolean;
  platform: {
    id: string;
    name: string;
    typeLabel: string;
    regionCode: string;
    recognitionLevel: string;
    ratingAvg: number | null;
  };
  _highlight: { title: string; description: string };
}

export interface ServiceSearchPage extends Page<ServiceHit> {
  facets: Record<string, Record<string, number>>;
}

export interface Demand {
  id: string;
  title: string;
  description?: string;
  fieldCode: string;
  stage: string;
  status: string;
  mode: string;
  confidentiality: string;
  budgetMinFen?: number | null;
  budgetMaxFen?: number | null;
  createdAt?: string;
  publishedAt?: string | null;
}

export interface DemandMatch {
  rank: number;
  score: number;
  service: {
    id: string;
    title: string;
    categoryLabel: string;
    priceFen: number | null;
    leadTimeDays: number;
    voucherEligible: boolean;
  };
  platform: { id: string; name: string; regionCode: string; recognitionLevel: string | null; ratingAvg: number | null };
  reasons: { terms: string[]; field: boolean; stage: boolean; categories: string[]; region: boolean; budget: boolean };
}

export interface Quote {
  id: string;
  demandId: string;
  platformId: string;
  platformName?: string;
  priceFen: number;
  timelineDays: number;
  scope: string;
  validUntil: string;
  status: string;
  orderId?: string | null;
  ipTerms?: Schema<'IpTermsResponseDto'>;
}

export interface Order {
  id: string;
  status: string;
  contractNumber: string;
  agreedAmountFen: number;
  paidFen?: number;
  owedFen?: number;
  voucherDeductionFen?: number;
  /** 揭榜挂帅: the challenge's reward, when the order came from an awarded challenge. */
  challengeRewardFen?: number | null;
  /** Who owns what the pilot produces (from the accepted quote). */
  ipTerms?: Schema<'IpTermsResponseDto'>;
  smeOrgId?: string;
  platformId?: string;
  title?: string;
  createdAt?: string;
}

export interface Voucher {
  id: string;
  code: string;
  faceValueFen: number;
  balanceFen: number;
  availableFen: number;
  heldFen: number;
  status: string;
  validFrom: string;
  validUntil: string;
  daysLeft: number;
  programId?: string;
  programName?: string;
  claimWindowDays?: number;
  holds?: {
    holdId: string;
    orderId: string;
    amountFen: number;
    status: string;
    survivesExpiry?: boolean;
    claimBy?: string | null;
  }[];
}

export interface VoucherOption {
  voucherId: string;
  amountFen: number;
  reasons: string[];
  best: boolean;
  limitedBy?: string | null;
  code: string;
  programName: string;
  validUntil: string;
}

export interface VoucherOptions {
  orderId: string;
  orderAmountFen: number;
  currentHold: { id: string; voucherId: string; amountFen: number; status: string } | null;
  options: VoucherOption[];
}

export interface Claim {
  id: string;
  orderId: string;
  programId?: string;
  status: string;
  amountFen?: number;
  invoiceNumber: string;
  invoiceAmountFen: number;
  contractNumber: string;
  checks: { code: string; passed: boolean; detail?: string }[];
  flags: string[];
  spotCheck?: boolean;
  createdAt?: string;
}

export interface Org {
  id: string;
  kind: OrgKind;
  name: string;
  uscc: string;
  regionCode: string;
  verificationStatus: string;
}

export interface Program {
  id: string;
  name: string;
  kind: RequestBody<'CreateProgramDto'>['kind'];
  year: number;
  status: string;
  maxVoucherFen: number;
  applyFrom: string;
  applyUntil: string;
  validityDays: number;
  redemptionMode: RequestBody<'CreateProgramDto'>['redemptionMode'];
  budgetFen: number;
  rulesLocked: boolean;
  rule: { kind: 'RATIO' | 'TIERS'; ratioBp?: number; tiers?: { uptoFen: number | null; ratioBp: number }[] };
}

export interface VoucherApplication {
  id: string;
  programId: string;
  smeOrgId: string;
  requestedFen: number;
  approvedFen: number | null;
  purpose: string;
  status: string;
  reason: string | null;
  voucherId: string | null;
  decidedAt: string | null;
  createdAt: string;
}

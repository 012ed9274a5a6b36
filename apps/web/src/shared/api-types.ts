/**
 * Names for the API's response schemas the portal reads across features: each is the generated schema of the
 * OpenAPI document (openapi.d.ts, `npm run gen:api-types`), never a hand-written shape — see the ESLint rule
 * in eslint.config.mjs that rejects interfaces named like API shapes under apps/web/src.
 */
import type { Schema } from './api';

export type ServiceHit = Schema<'ServiceHitDto'>;
export type ServiceSearchPage = Schema<'ServiceSearchPageDto'>;
export type Demand = Schema<'DemandResponseDto'>;
export type DemandPage = Schema<'DemandPageDto'>;
export type DemandMatch = Schema<'DemandMatchDto'>;
export type Quote = Schema<'QuoteResponseDto'>;
export type QuotePage = Schema<'QuotePageDto'>;
export type MyQuote = Schema<'MyQuoteResponseDto'>;
export type MyQuotePage = Schema<'MyQuotePageDto'>;
export type Order = Schema<'OrderResponseDto'>;
export type OrderPage = Schema<'OrderPageDto'>;
export type Voucher = Schema<'VoucherResponseDto'>;
export type VoucherPage = Schema<'VoucherPageDto'>;
export type VoucherOption = Schema<'VoucherOptionDto'>;
export type VoucherOptions = Schema<'VoucherOptionsDto'>;
export type Claim = Schema<'ClaimResponseDto'>;
export type ClaimPage = Schema<'ClaimPageDto'>;
export type Org = Schema<'OrgResponseDto'>;
export type OrgPage = Schema<'OrgPageDto'>;
export type Program = Schema<'ProgramResponseDto'>;
export type ProgramPage = Schema<'ProgramPageDto'>;
export type VoucherApplication = Schema<'ApplicationResponseDto'>;
export type VoucherApplicationPage = Schema<'ApplicationPageDto'>;
export type Batch = Schema<'BatchResponseDto'>;

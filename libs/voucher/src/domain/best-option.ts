import { IneligibleReason } from './eligibility';

/** One voucher the SME could apply to an order, with what it would hold and why not, if not. */
export interface VoucherOption {
  voucherId: string;
  programId: string;
  amountFen: number;
  reasons: IneligibleReason[];
  /** YYYY-MM-DD */
  validUntil: string;
}

export function isUsableOption(option: VoucherOption): boolean {
  return option.reasons.length === 0 && option.amountFen > 0;
}

function compareOptions(a: VoucherOption, b: VoucherOption): number {
  if (a.amountFen !== b.amountFen) return b.amountFen - a.amountFen;
  // of equal amounts, spend the voucher that runs out first
  if (a.validUntil !== b.validUntil) return a.validUntil < b.validUntil ? -1 : 1;
  return a.voucherId < b.voucherId ? -1 : a.voucherId > b.voucherId ? 1 : 0;
}

/**
 * 就高不重复: usable options first, the one paying most on top (then the earlier expiry, then the id,
 * so the order is total); unusable ones after, ranked the same way. Does not mutate the input.
 */
export function rankOptions(options: readonly VoucherOption[]): VoucherOption[] {
  const usable = options.filter(isUsableOption).sort(compareOptions);
  const unusable = options.filter((option) => !isUsableOption(option)).sort(compareOptions);
  return [...usable, ...unusable];
}

/** The option the API recommends, or null when none is usable. */
export function bestOption(options: readonly VoucherOption[]): VoucherOption | null {
  const [first] = rankOptions(options);
  return first && isUsableOption(first) ? first : null;
}

import type { EligibilityFacts } from './eligibility';

/** What an order bought, as far as voucher eligibility goes: its service, reservation or quote. */
export interface OrderSubjectFacts {
  /** The order's service (a direct order, or a quote delivered under a named service). */
  service: { category: string; fieldCodes: readonly string[]; voucherEligible: boolean } | null;
  /** An equipment reservation: the platform's fields, and whether it offers equipment sharing as a voucher-eligible service. */
  reservation: { platformFieldCodes: readonly string[]; equipmentSharingEligible: boolean } | null;
  /** A quote on a demand without a named service: the demand's categories and field. */
  demand: { categories: readonly string[]; fieldCode: string | null } | null;
}

/**
 * Issue 16 point 11: quote and reservation orders are judged "by the underlying service like any order" —
 * not eligible regardless of the service's category and voucher flag, as they were.
 * - An order with a service (direct, or a quote that names the service it is delivered under): that service.
 * - An equipment reservation: EQUIPMENT_SHARING in the platform's fields, voucher-eligible only if the
 *   platform publishes a voucher-eligible EQUIPMENT_SHARING service (its sharing is then a declared
 *   voucher service).
 * - A quote naming no service: the demand's first category and field, not declared voucher-eligible (so a
 *   program excluding non-eligible purposes refuses it).
 */
export function orderSubject(f: OrderSubjectFacts): EligibilityFacts['service'] {
  if (f.service) return { ...f.service, fieldCodes: [...f.service.fieldCodes] };
  if (f.reservation) {
    return {
      category: 'EQUIPMENT_SHARING',
      fieldCodes: [...f.reservation.platformFieldCodes],
      voucherEligible: f.reservation.equipmentSharingEligible,
    };
  }
  return {
    category: f.demand?.categories[0] ?? 'SCALE_UP',
    fieldCodes: f.demand?.fieldCode ? [f.demand.fieldCode] : [],
    voucherEligible: false,
  };
}

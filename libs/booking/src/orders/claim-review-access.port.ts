import { Injectable } from '@nestjs/common';

/** Does this bureau review a voucher claim on this order? */
export type ClaimReviewQuery = (bureauOrgId: string, orderId: string) => Promise<boolean>;

/**
 * A bureau reviewing a voucher claim on an order reads the order's deliverables (it checks the
 * acceptance report). Claims are the voucher context's, and voucher depends on booking: so booking
 * declares this port and the voucher context registers its query at start-up. Without one, no bureau
 * reviews anything.
 */
@Injectable()
export class ClaimReviewAccess {
  private query: ClaimReviewQuery | null = null;

  register(query: ClaimReviewQuery): void {
    this.query = query;
  }

  async reviews(bureauOrgId: string, orderId: string): Promise<boolean> {
    return this.query ? this.query(bureauOrgId, orderId) : false;
  }
}

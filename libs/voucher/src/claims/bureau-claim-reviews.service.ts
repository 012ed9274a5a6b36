import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClaimReviewAccess } from '@pilotlink/booking';
import { DataSource } from 'typeorm';

/**
 * The voucher context's answer to booking's claim-review port: a bureau reviews a claim on an order when
 * the claim belongs to a program it runs (it may then read the order's deliverables).
 */
@Injectable()
export class BureauClaimReviews implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ClaimReviewAccess,
  ) {}

  onModuleInit(): void {
    this.access.register((bureauOrgId, orderId) => this.reviews(bureauOrgId, orderId));
  }

  async reviews(bureauOrgId: string, orderId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM voucher_claims c JOIN voucher_programs p ON p.id = c.program_id
        WHERE c.order_id = $1 AND p.bureau_org_id = $2 LIMIT 1`,
      [orderId, bureauOrgId],
    );
    return rows.length > 0;
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { SpotCheckRecord } from '../entities/voucher-claim.entity';

export class SpotCheckResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() claimId: string;
  @ApiProperty() smeOrgId: string;
  @ApiProperty({ enum: ['PASS', 'FAIL'] }) result: 'PASS' | 'FAIL';
  @ApiProperty() note: string;
  @ApiProperty() evidence: string;
  @ApiProperty() voucherRevoked: boolean;
  @ApiProperty({ description: 'Who checked (user)' }) checkedByUserId: string;
  @ApiProperty() createdAt: Date;

  static from(r: SpotCheckRecord): SpotCheckResponseDto {
    return {
      id: r.id,
      claimId: r.claimId,
      smeOrgId: r.smeOrgId,
      result: r.result,
      note: r.note,
      evidence: r.evidence,
      voucherRevoked: r.voucherRevoked,
      checkedByUserId: r.checkedByUserId,
      createdAt: r.createdAt,
    };
  }
}

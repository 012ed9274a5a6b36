import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import { ORG_SIZES, VERIFICATION_STATUSES } from '../domain/org';
import { ORG_KINDS, USER_ROLES } from '@pilotlink/core';
import type { OrgSize, VerificationStatus } from '../domain/org';
import type { OrgKind, UserRole } from '@pilotlink/core';
import type { Org } from '../domain/org.entity';
import type { User } from '../domain/user.entity';
import { regionName } from '../domain/region';
import { OrgCorrectionResponseDto } from './org-corrections.response.dto';

export class OrgResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ORG_KINDS }) kind: OrgKind;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty() isTeam: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) teamLeaderName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) teamLeaderIdMasked: string | null;
  @ApiProperty() regionCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) regionName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) legalRepresentative: string | null;
  @ApiProperty() techSme: boolean;
  @ApiPropertyOptional({ enum: ORG_SIZES, nullable: true }) size: OrgSize | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactPhone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ enum: VERIFICATION_STATUSES }) verificationStatus: VerificationStatus;
  @ApiPropertyOptional({ nullable: true, type: Date }) verifiedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({
    nullable: true,
    type: OrgCorrectionResponseDto,
    description:
      'The pending correction of eligibility facts (techSme, legal representative, shareholders) a bureau has yet to decide; returned by GET and PATCH /orgs/:id',
  })
  pendingCorrection?: OrgCorrectionResponseDto | null;

  static from(org: Org, pendingCorrection?: OrgCorrectionResponseDto | null): OrgResponseDto {
    return {
      id: org.id,
      kind: org.kind,
      name: org.name,
      uscc: org.uscc,
      isTeam: org.isTeam,
      teamLeaderName: org.teamLeaderName,
      teamLeaderIdMasked: org.teamLeaderIdMasked,
      regionCode: org.regionCode,
      regionName: regionName(org.regionCode) ?? null,
      legalRepresentative: org.legalRepresentative,
      techSme: org.techSme,
      size: org.size,
      contactPhone: org.contactPhone,
      address: org.address,
      verificationStatus: org.verificationStatus,
      verifiedAt: org.verifiedAt,
      rejectionReason: org.rejectionReason,
      createdAt: org.createdAt,
      ...(pendingCorrection !== undefined ? { pendingCorrection } : {}),
    };
  }
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orgId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: Date;

  static from(user: User): UserResponseDto {
    return {
      id: user.id,
      orgId: user.orgId,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      isActive: user.isActive,
      createdAt: user.createdAt,
    };
  }
}

export class TokenResponseDto {
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ description: 'Rotated on every use; reuse of an old one revokes the session' })
  refreshToken: string;
}

export class SessionResponseDto extends TokenResponseDto {
  @ApiProperty({ type: UserResponseDto }) user: UserResponseDto;
  @ApiProperty({ type: OrgResponseDto }) org: OrgResponseDto;
}

export class MeResponseDto {
  @ApiProperty({ type: UserResponseDto }) user: UserResponseDto;
  @ApiProperty({ type: OrgResponseDto }) org: OrgResponseDto;
}

export class OrgPageDto extends pageDtoOf(OrgResponseDto, 'OrgPageDto') {}

export class UserPageDto extends pageDtoOf(UserResponseDto, 'UserPageDto') {}

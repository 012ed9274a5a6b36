import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { VERIFICATION_STATUSES, VerificationStatus } from '../domain/org';
import { ORG_KINDS, OrgKind, USER_ROLES, UserRole } from '@pilotlink/core';
import { NewUserDto, OrgProfileDto } from './auth.request.dto';
import { ShareholderDto } from './org-corrections.request.dto';
import { IsRegionCode, IsUscc } from './validators';

export class UpdateOrgDto extends OrgProfileDto {
  @ApiPropertyOptional({ description: 'Locked once the org is verified' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Locked once the org is verified' })
  @IsOptional()
  @IsUscc()
  uscc?: string;

  @ApiPropertyOptional({ description: 'Locked once the org is verified' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({
    type: [ShareholderDto],
    description:
      'Major shareholders (关联交易). Like techSme and legalRepresentative, a change to a verified org becomes a correction request',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ShareholderDto)
  shareholders?: ShareholderDto[];
}

export class RejectOrgDto {
  @ApiProperty({ example: '营业执照信息与统一社会信用代码不一致' })
  @Transform(trimString)
  @IsString()
  @Length(2, 500)
  reason: string;
}

const ROLE_HELP = 'REVIEWER (审核) and PAYER (拨付) are roles of bureau users only; a bureau MEMBER only reads';

export class AddMemberDto extends NewUserDto {
  @ApiPropertyOptional({ enum: USER_ROLES, default: 'MEMBER', description: ROLE_HELP })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: USER_ROLES, description: ROLE_HELP })
  @IsIn(USER_ROLES)
  role: UserRole;
}

/** Admin-only: bureaus and admin orgs do not self-register. */
export class CreateOrgDto extends OrgProfileDto {
  @ApiProperty({ enum: ['BUREAU', 'ADMIN'] })
  @IsIn(['BUREAU', 'ADMIN'])
  kind: 'BUREAU' | 'ADMIN';

  @ApiProperty({ example: '晋江市科学技术局' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty()
  @IsUscc()
  uscc: string;

  @ApiProperty({ description: "The bureau's jurisdiction", example: '350582' })
  @IsRegionCode()
  regionCode: string;

  @ApiProperty({ type: NewUserDto, description: 'The first (owner) account of the new org' })
  @ValidateNested()
  @Type(() => NewUserDto)
  @IsNotEmpty()
  owner: NewUserDto;
}

export class OrgListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORG_KINDS })
  @IsOptional()
  @IsIn(ORG_KINDS)
  kind?: OrgKind;

  @ApiPropertyOptional({ enum: VERIFICATION_STATUSES })
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  verificationStatus?: VerificationStatus;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trimString } from '@pilotlink/core';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ORG_SIZES, OrgSize } from '../domain/org';
import { SELF_REGISTERING_KINDS, SelfRegisteringKind } from '@pilotlink/core';
import { IsRegionCode, IsResidentId, IsUscc } from './validators';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class NewUserDto {
  @ApiProperty({ example: 'owner@example.cn' })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 128, example: 'correct horse battery' })
  @IsString()
  @Length(10, 128)
  password: string;

  @ApiProperty({ example: '王晓明' })
  @Transform(trimString)
  @IsString()
  @Length(1, 80)
  displayName: string;
}

/** Fields an org owner may edit later too. */
export class OrgProfileDto {
  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 80)
  legalRepresentative?: string;

  @ApiPropertyOptional({ description: '科技型中小企业 入库', default: false })
  @IsOptional()
  @IsBoolean()
  techSme?: boolean;

  @ApiPropertyOptional({ enum: ORG_SIZES })
  @IsOptional()
  @IsIn(ORG_SIZES)
  size?: OrgSize;

  @ApiPropertyOptional({ example: '0595-88888888' })
  @IsOptional()
  @IsString()
  @Length(5, 30)
  contactPhone?: string;

  @ApiPropertyOptional({ example: '福建省晋江市世纪大道 1 号' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  address?: string;
}

export class RegisterOrgDto extends OrgProfileDto {
  @ApiProperty({ enum: SELF_REGISTERING_KINDS })
  @IsIn(SELF_REGISTERING_KINDS)
  kind: SelfRegisteringKind;

  @ApiProperty({ example: '晋江市示例新材料有限公司' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiPropertyOptional({ description: '统一社会信用代码; required unless isTeam', example: '91350582MA2Y00001X' })
  @ValidateIf((o: RegisterOrgDto) => !o.isTeam || o.uscc !== undefined)
  @IsUscc()
  uscc?: string;

  @ApiPropertyOptional({ description: 'A start-up team without a USCC (SME only)', default: false })
  @IsOptional()
  @IsBoolean()
  isTeam?: boolean;

  @ApiPropertyOptional({ description: 'Team leader name (teams only)' })
  @ValidateIf((o: RegisterOrgDto) => o.isTeam === true)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  teamLeaderName?: string;

  @ApiPropertyOptional({ description: 'Team leader resident ID (teams only); stored hashed and masked' })
  @ValidateIf((o: RegisterOrgDto) => o.isTeam === true)
  @IsResidentId()
  teamLeaderId?: string;

  @ApiProperty({ description: '6-digit 行政区划代码', example: '350582' })
  @IsRegionCode()
  regionCode: string;
}

export class RegisterRequestDto {
  @ApiProperty({ type: RegisterOrgDto })
  @ValidateNested()
  @Type(() => RegisterOrgDto)
  @IsNotEmpty()
  org: RegisterOrgDto;

  @ApiProperty({ type: NewUserDto })
  @ValidateNested()
  @Type(() => NewUserDto)
  @IsNotEmpty()
  user: NewUserDto;
}

export class LoginRequestDto {
  @ApiProperty({ example: 'sme@demo.pilotlink.cn' })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 128)
  password: string;
}

export class RefreshRequestDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @Length(1, 200)
  refreshToken: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { trimString } from '@pilotlink/core';

export class ShareholderDto {
  @ApiProperty({ description: "The holder's USCC (an org) or a stable personal key (e.g. the hash of an ID number)" })
  @Transform(trimString)
  @IsString()
  @Length(1, 64)
  holderKey: string;

  @ApiProperty({ example: '陈某某' }) @Transform(trimString) @IsString() @Length(1, 100) holderName: string;

  @ApiProperty({ example: 5100, description: 'Share held, basis points' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBp: number;
}

export class ShareholdersDto {
  @ApiProperty({ type: [ShareholderDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ShareholderDto)
  shareholders: ShareholderDto[];
}

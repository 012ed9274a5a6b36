import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trimString } from '@pilotlink/core';

/** The public objection form (异议) of a claim on notice: anyone, no login. */
export class LodgeObjectionDto {
  @ApiProperty({ description: 'How the bureau reaches the objector (phone or email)', example: '138 0000 0000' })
  @Transform(trimString)
  @IsString()
  @Length(3, 120)
  contact: string;
  @ApiProperty({ description: 'What is wrong with the claim', example: '该订单未实际开展中试，验收报告不实' })
  @Transform(trimString)
  @IsString()
  @Length(5, 2000)
  reason: string;
}

export class ObjectionDecisionDto {
  @ApiProperty({ description: "The bureau's finding, told to the claimant", example: '经核查，异议不成立' })
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  note: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trimString } from '@pilotlink/core';

export class ReviewOrderDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) quality: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) timeliness: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) communication: number;

  @ApiPropertyOptional({ example: '数据完整，沟通及时' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(0, 2_000)
  comment?: string;
}

export class ReplyToReviewDto {
  @ApiProperty({ example: '感谢评价，期待再次合作' })
  @Transform(trimString)
  @IsString()
  @Length(1, 2_000)
  reply: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { pageDtoOf, trimString } from '@pilotlink/core';
import { OrderDeliverable, OrderReview } from '../orders/order-records.entity';

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

export class ReviewResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty() quality: number;
  @ApiProperty() timeliness: number;
  @ApiProperty() communication: number;
  @ApiProperty() comment: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reply: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) repliedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static from(review: OrderReview): ReviewResponseDto {
    return {
      id: review.id,
      orderId: review.orderId,
      platformId: review.platformId,
      quality: review.quality,
      timeliness: review.timeliness,
      communication: review.communication,
      comment: review.comment,
      reply: review.reply,
      repliedAt: review.repliedAt,
      createdAt: review.createdAt,
    };
  }
}

export class ReviewPageDto extends pageDtoOf(ReviewResponseDto, 'ReviewPageDto') {}

export class DeliverableResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256: string;
  @ApiProperty() uploadedAt: Date;

  static from(file: OrderDeliverable): DeliverableResponseDto {
    return {
      id: file.id,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      uploadedAt: file.createdAt,
    };
  }
}

export class DeliverablePageDto extends pageDtoOf(DeliverableResponseDto, 'DeliverablePageDto') {}

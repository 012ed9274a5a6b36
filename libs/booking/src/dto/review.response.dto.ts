import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import { OrderDeliverable, OrderReview } from '../orders/order-records.entity';

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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WebhookDelivery } from '../domain/webhook.entity';

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) notificationId: string;
  @ApiProperty({
    example: 'quote.submitted',
    description: "The notification's event type (`webhook.ping`: a test ping)",
  })
  eventType: string;
  @ApiProperty({ description: '1 for the first attempt' }) attempt: number;
  @ApiProperty() url: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'HTTP status, null if no answer' })
  responseStatus: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty() succeeded: boolean;
  @ApiProperty() createdAt: Date;

  static from(d: WebhookDelivery, eventType: string): WebhookDeliveryDto {
    return {
      id: d.id,
      notificationId: d.notificationId,
      eventType,
      attempt: d.attempt,
      url: d.url,
      responseStatus: d.responseStatus,
      error: d.error,
      durationMs: d.durationMs,
      succeeded: d.succeeded,
      createdAt: d.createdAt,
    };
  }
}

/**
 * An org's webhook. `secret` is the full signing secret only in the answer to the PUT that created or
 * rotated it; every other answer masks it (`whsec_…abcd`).
 */
export class WebhookResponseDto {
  @ApiProperty({ description: 'false until a URL is set' }) configured: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) url: string | null;
  @ApiProperty() enabled: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Masked except right after create/rotate' })
  secret: string | null;
  @ApiProperty({ description: 'true when `secret` is the full secret (store it now)' }) secretRevealed: boolean;
  @ApiProperty({ example: 'pilotlink-signature', description: 'Header carrying t=<unix s>,v1=<hex HMAC-SHA256>' })
  signatureHeader: string;
  @ApiPropertyOptional({ nullable: true, type: Date }) updatedAt: Date | null;
  @ApiProperty({ type: [WebhookDeliveryDto], description: 'The 20 latest delivery attempts, newest first' })
  deliveries: WebhookDeliveryDto[];
}

/** A queued test ping: its inbox row; its delivery attempts appear in the webhook's log under this id. */
export class WebhookPingResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The delivery log lists its attempts under this notificationId' })
  notificationId: string;
  @ApiProperty({ description: 'Always true: the delivery was queued (sent by the worker, retried on failure)' })
  queued: boolean;
}

import { ApiProperty } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import type { AuditTrailEvent } from './audit-trail.read-model';

export class AuditEventResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorOrgId: string | null;
  @ApiProperty({ example: 'org.verified' }) action: string;
  @ApiProperty({ example: 'org' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The org the event is about' })
  subjectOrgId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;

  static from(e: AuditTrailEvent): AuditEventResponseDto {
    return {
      id: e.id,
      occurredAt: e.occurredAt,
      actorUserId: e.actorUserId,
      actorOrgId: e.actorOrgId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      subjectOrgId: e.subjectOrgId,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
    };
  }
}

export class AuditEventPageDto extends pageDtoOf(AuditEventResponseDto, 'AuditEventPageDto') {}

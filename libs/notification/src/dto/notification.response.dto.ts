import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import { SUBJECT_TYPES } from '../domain/notification.entity';
import type { Notification, SubjectType } from '../domain/notification.entity';

export class NotificationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'demand.published' }) eventType: string;
  @ApiProperty({ description: 'The logical event (one notification per org and key)' }) eventKey: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType: SubjectType;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ example: '新的中试需求：石墨烯导热膜中试放大' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Structured facts (ids, view, reason…), never more than the recipient may see',
  })
  data: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, type: Date }) readAt: Date | null;
  @ApiProperty() createdAt: Date;

  static from(n: Notification): NotificationResponseDto {
    return {
      id: n.id,
      eventType: n.eventType,
      eventKey: n.eventKey,
      subjectType: n.subjectType,
      subjectId: n.subjectId,
      title: n.title,
      body: n.body,
      data: n.data,
      readAt: n.readAt,
      createdAt: n.createdAt,
    };
  }
}

export class NotificationPageDto extends pageDtoOf(NotificationResponseDto, 'NotificationPageDto') {}

export class UnreadCountDto {
  @ApiProperty({ example: 3 }) unread: number;
}

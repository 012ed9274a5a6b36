import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@pilotlink/core';
import { jurisdictionPrefix } from '@pilotlink/identity';
import { AllowOrgKinds, CurrentActor } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { AuditEventPageDto, AuditEventResponseDto } from './audit-event.response.dto';
import { AuditTrailReadModel } from './audit-trail.read-model';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'org' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events about this org' })
  @IsOptional()
  @IsUUID()
  subjectOrgId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events caused by this org' })
  @IsOptional()
  @IsUUID()
  actorOrgId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this instant (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly trail: AuditTrailReadModel) {}

  @Get()
  @AllowOrgKinds('ADMIN', 'BUREAU')
  @ApiOperation({
    summary:
      'The append-only audit trail, newest first: admins everything; a bureau the events about orgs in its jurisdiction, its own programs and their claims, and its own actions',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditEventPageDto> {
    const { entityType, entityId, subjectOrgId, actorOrgId, from, to } = query;
    const scope =
      actor.orgKind === 'BUREAU'
        ? { orgId: actor.orgId, regionPrefix: jurisdictionPrefix(actor.regionCode) }
        : undefined;
    const page = await this.trail.list(
      { entityType, entityId, subjectOrgId, actorOrgId, from, to, bureau: scope },
      query,
    );
    return { ...page, items: page.items.map(AuditEventResponseDto.from) };
  }
}

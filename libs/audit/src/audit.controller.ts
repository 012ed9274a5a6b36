import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@pilotlink/core';
import { AllowOrgKinds } from '@pilotlink/identity';
import { AuditService } from './audit.service';

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
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  // Bureaus get a view scoped to their programs with the governance issue; until then admins only.
  @Get()
  @AllowOrgKinds('ADMIN')
  @ApiOperation({ summary: 'Admin: the append-only audit trail, newest first' })
  list(@Query() query: AuditQueryDto) {
    const { entityType, entityId, subjectOrgId } = query;
    return this.audit.list({ entityType, entityId, subjectOrgId }, query);
  }
}

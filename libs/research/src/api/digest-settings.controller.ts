import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { CurrentActor, RequireOwner } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { DigestSettingsService } from '../digest/digest-settings.service';
import { DigestSettingsDto } from '../dto/digest-settings.request.dto';

@ApiTags('research results')
@ApiBearerAuth()
@RequireOwner()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: "Only the org's owner" })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Another org' })
@Controller('orgs/:id/digest-settings')
export class DigestSettingsController {
  constructor(private readonly settings: DigestSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'How often your org receives the research digest' })
  @ApiOkResponse({ type: DigestSettingsDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) orgId: string): Promise<DigestSettingsDto> {
    return { frequency: await this.settings.get(actor, orgId) };
  }

  @Put()
  @ApiOperation({ summary: 'Set how often your org receives the research digest (WEEKLY, DAILY or OFF)' })
  @ApiOkResponse({ type: DigestSettingsDto })
  async put(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) orgId: string,
    @Body() body: DigestSettingsDto,
  ): Promise<DigestSettingsDto> {
    return { frequency: await this.settings.put(actor, orgId, body.frequency) };
  }
}

import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, OptionalActor, Public, ReqContext } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { EquipmentPageDto, EquipmentResponseDto } from '../dto/catalogue.response.dto';
import { CreateEquipmentDto, UpdateEquipmentDto } from '../dto/equipment.request.dto';
import { EquipmentService } from '../equipment/equipment.service';

@ApiTags('equipment')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller()
export class EquipmentController {
  constructor(private readonly equipment: EquipmentService) {}

  @Get('platforms/:id/equipment')
  @Public()
  @ApiOperation({ summary: "A platform's shareable instruments" })
  @ApiOkResponse({ type: EquipmentPageDto })
  async list(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) platformId: string,
    @Query() page: PageQueryDto,
  ): Promise<EquipmentPageDto> {
    const result = await this.equipment.listForPlatform(actor, platformId, page);
    return { ...result, items: result.items.map(EquipmentResponseDto.from) };
  }

  @Post('platforms/:id/equipment')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Operator: add an instrument to your platform' })
  @ApiCreatedResponse({ type: EquipmentResponseDto })
  async create(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) platformId: string,
    @Body() body: CreateEquipmentDto,
  ): Promise<EquipmentResponseDto> {
    return EquipmentResponseDto.from(await this.equipment.create(ctx, platformId, body));
  }

  @Get('equipment/:id')
  @Public()
  @ApiOperation({ summary: 'An instrument of a listed platform, or your own' })
  @ApiOkResponse({ type: EquipmentResponseDto })
  async get(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<EquipmentResponseDto> {
    return EquipmentResponseDto.from(await this.equipment.get(actor, id));
  }

  @Patch('equipment/:id')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Operator: edit or retire your instrument' })
  @ApiOkResponse({ type: EquipmentResponseDto })
  async update(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateEquipmentDto,
  ): Promise<EquipmentResponseDto> {
    return EquipmentResponseDto.from(await this.equipment.update(ctx, id, body));
  }
}

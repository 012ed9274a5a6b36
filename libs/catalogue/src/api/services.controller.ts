import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, OptionalActor, Public, ReqContext, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { ServicePageDto, ServiceResponseDto } from '../dto/catalogue.response.dto';
import { CreateServiceDto, UpdateServiceDto } from '../dto/service.request.dto';
import { PilotServicesService } from '../services/pilot-services.service';

@ApiTags('services')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller()
export class ServicesController {
  constructor(private readonly services: PilotServicesService) {}

  @Get('platforms/:id/services')
  @Public()
  @ApiOperation({ summary: "A platform's services: published ones for everyone, all for its operator and supervisors" })
  @ApiOkResponse({ type: ServicePageDto })
  async list(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) platformId: string,
    @Query() page: PageQueryDto,
  ): Promise<ServicePageDto> {
    const result = await this.services.listForPlatform(actor, platformId, page);
    return { ...result, items: result.items.map(ServiceResponseDto.from) };
  }

  @Post('platforms/:id/services')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Operator: add a service (DRAFT) to your platform' })
  @ApiCreatedResponse({ type: ServiceResponseDto })
  async create(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) platformId: string,
    @Body() body: CreateServiceDto,
  ): Promise<ServiceResponseDto> {
    return ServiceResponseDto.from(await this.services.create(ctx, platformId, body));
  }

  @Get('services/:id')
  @Public()
  @ApiOperation({ summary: 'A published service of a listed platform, or your own in any state' })
  @ApiOkResponse({ type: ServiceResponseDto })
  async get(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ServiceResponseDto> {
    return ServiceResponseDto.from(await this.services.get(actor, id));
  }

  @Patch('services/:id')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Operator: edit your service' })
  @ApiOkResponse({ type: ServiceResponseDto })
  async update(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateServiceDto,
  ): Promise<ServiceResponseDto> {
    return ServiceResponseDto.from(await this.services.update(ctx, id, body));
  }

  @Post('services/:id/publish')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: 'Operator (verified org): publish; searchable while the platform is LISTED' })
  @ApiOkResponse({ type: ServiceResponseDto })
  async publish(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<ServiceResponseDto> {
    return ServiceResponseDto.from(await this.services.transition(ctx, id, 'PUBLISHED'));
  }

  @Post('services/:id/archive')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Operator: archive a service (leaves search)' })
  @ApiOkResponse({ type: ServiceResponseDto })
  async archive(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<ServiceResponseDto> {
    return ServiceResponseDto.from(await this.services.transition(ctx, id, 'ARCHIVED'));
  }
}

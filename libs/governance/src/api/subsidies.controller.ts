import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, fieldInvalid, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireBureauRole } from '@pilotlink/identity';
import type { Actor, RequestContext } from '@pilotlink/identity';
import {
  AssessDto,
  CreateSubsidyRuleDto,
  DeclareEquipmentDto,
  EquipmentDeclarationResponseDto,
  SubsidyRuleResponseDto,
  UpdateSubsidyRuleDto,
} from '../dto/subsidy.dto';
import { DecideRevenueDto, DeclareRevenueDto, RevenueDeclarationResponseDto } from '../dto/revenue.dto';
import { RevenueDeclarationsService } from '../subsidies/revenue-declarations.service';
import { SubsidyAssessment } from '../subsidies/subsidy.entities';
import { SubsidiesService } from '../subsidies/subsidies.service';

@ApiTags('governance')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or outside your jurisdiction' })
@Controller()
export class SubsidiesController {
  constructor(
    private readonly subsidies: SubsidiesService,
    private readonly revenues: RevenueDeclarationsService,
  ) {}

  @Get('subsidy-rules')
  @ApiQuery({ name: 'regionCode', required: false, description: 'Only the rules covering this region' })
  @ApiOperation({ summary: 'Platform subsidy rules (data, per bureau region)' })
  listRules(@Query('regionCode') regionCode?: string): Promise<SubsidyRuleResponseDto[]> {
    if (regionCode !== undefined && !/^\d{6}$/.test(regionCode)) throw fieldInvalid('regionCode', 'must be 6 digits');
    return this.subsidies.listRules(regionCode);
  }

  @Post('subsidy-rules')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: 'Bureau: add a subsidy rule for its region (就高不重复 via overlapGroup)' })
  createRule(@ReqContext() ctx: RequestContext, @Body() body: CreateSubsidyRuleDto): Promise<SubsidyRuleResponseDto> {
    return this.subsidies.createRule(ctx, body);
  }

  @Patch('subsidy-rules/:id')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description:
      'RULE_PARAMETER_UNSET: activating a rule with a parameter its policy leaves to the bureau (details.fields)',
  })
  @ApiOperation({ summary: "Bureau: change or deactivate one of its region's rules" })
  updateRule(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateSubsidyRuleDto,
  ): Promise<SubsidyRuleResponseDto> {
    return this.subsidies.updateRule(ctx, id, body);
  }

  @Put('platforms/:id/equipment-declarations/:year')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: "Operator: declare a year's non-fiscal equipment spend, with evidence" })
  declare(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: DeclareEquipmentDto,
  ) {
    if (year < 2000 || year > 2100) throw fieldInvalid('year', 'must be a year from 2000 to 2100');
    return this.subsidies.declareEquipment(ctx, id, year, body);
  }

  @Get('platforms/:id/equipment-declarations')
  @AllowOrgKinds('PLATFORM_OPERATOR', 'BUREAU')
  @ApiOperation({
    summary: "A platform's equipment declarations, latest year first: its operator and bureaus in jurisdiction",
  })
  listDeclarations(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<EquipmentDeclarationResponseDto[]> {
    return this.subsidies.listDeclarations(actor, id);
  }

  @Put('platforms/:id/revenue-declarations/:year')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({
    summary: "Operator: declare a year's 服务性收入 with evidence (re-declaring replaces it unless accepted)",
  })
  @ApiOkResponse({ type: RevenueDeclarationResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'INVALID_STATE_TRANSITION: already accepted' })
  declareRevenue(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: DeclareRevenueDto,
  ): Promise<RevenueDeclarationResponseDto> {
    if (year < 2000 || year > 2100) throw fieldInvalid('year', 'must be a year from 2000 to 2100');
    return this.revenues.declare(ctx, id, year, body);
  }

  @Post('platforms/:id/revenue-declarations/:year/decision')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({ summary: 'Bureau in jurisdiction: accept a revenue declaration, or return it with a note' })
  @ApiOkResponse({ type: RevenueDeclarationResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'INVALID_STATE_TRANSITION: already decided' })
  decideRevenue(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: DecideRevenueDto,
  ): Promise<RevenueDeclarationResponseDto> {
    return this.revenues.decide(ctx, id, year, body);
  }

  @Get('platforms/:id/revenue-declarations')
  @AllowOrgKinds('PLATFORM_OPERATOR', 'BUREAU')
  @ApiOperation({
    summary: "A platform's revenue declarations beside the marketplace's revenue, latest year first, with flags",
  })
  @ApiOkResponse({ type: [RevenueDeclarationResponseDto] })
  listRevenue(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<RevenueDeclarationResponseDto[]> {
    return this.revenues.list(actor, id);
  }

  @Post('platforms/:id/subsidy-assessments')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({
    summary: "Bureau in jurisdiction: assess a platform's subsidies for a year (stored with its inputs)",
  })
  assess(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: AssessDto,
  ): Promise<SubsidyAssessment> {
    return this.subsidies.assess(ctx, id, body.year);
  }

  @Get('platforms/:id/subsidy-assessments')
  @AllowOrgKinds('BUREAU', 'PLATFORM_OPERATOR')
  @ApiOperation({ summary: "A platform's assessments: its operator and bureaus in jurisdiction" })
  listAssessments(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<SubsidyAssessment[]> {
    return this.subsidies.listAssessments(actor, id);
  }
}

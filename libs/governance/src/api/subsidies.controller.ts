import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, fieldInvalid, ParseIdPipe, PageQueryDto } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireBureauRole } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import {
  AssessDto,
  CreateSubsidyRuleDto,
  DeclareEquipmentDto,
  UpdateSubsidyRuleDto,
  SubsidyRuleListQueryDto,
} from '../dto/subsidy.request.dto';
import {
  EquipmentDeclarationResponseDto,
  SubsidyRuleResponseDto,
  SubsidyRulePageDto,
  EquipmentDeclarationPageDto,
} from '../dto/subsidy.response.dto';
import { DecideRevenueDto, DeclareRevenueDto } from '../dto/revenue.request.dto';
import { RevenueDeclarationResponseDto, RevenueDeclarationPageDto } from '../dto/revenue.response.dto';
import { RevenueDeclarationsService } from '../subsidies/revenue-declarations.service';
import { SubsidiesService } from '../subsidies/subsidies.service';
import { SubsidyAssessmentResponseDto, SubsidyAssessmentPageDto } from '../dto/assessment.response.dto';

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
  @ApiOperation({ summary: 'Platform subsidy rules (data, per bureau region)' })
  @ApiOkResponse({ type: SubsidyRulePageDto })
  listRules(@Query() query: SubsidyRuleListQueryDto): Promise<SubsidyRulePageDto> {
    return this.subsidies.listRules(query.regionCode, query);
  }

  @Post('subsidy-rules')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: 'Bureau: add a subsidy rule for its region (就高不重复 via overlapGroup)' })
  @ApiCreatedResponse({ type: SubsidyRuleResponseDto })
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
  @ApiOkResponse({ type: SubsidyRuleResponseDto })
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
  @ApiOkResponse({ type: EquipmentDeclarationResponseDto })
  declare(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: DeclareEquipmentDto,
  ): Promise<EquipmentDeclarationResponseDto> {
    if (year < 2000 || year > 2100) throw fieldInvalid('year', 'must be a year from 2000 to 2100');
    return this.subsidies.declareEquipment(ctx, id, year, body);
  }

  @Get('platforms/:id/equipment-declarations')
  @AllowOrgKinds('PLATFORM_OPERATOR', 'BUREAU')
  @ApiOperation({
    summary: "A platform's equipment declarations, latest year first: its operator and bureaus in jurisdiction",
  })
  @ApiOkResponse({ type: EquipmentDeclarationPageDto })
  listDeclarations(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<EquipmentDeclarationPageDto> {
    return this.subsidies.listDeclarations(actor, id, page);
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
  @ApiOkResponse({ type: RevenueDeclarationPageDto })
  listRevenue(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<RevenueDeclarationPageDto> {
    return this.revenues.list(actor, id, page);
  }

  @Post('platforms/:id/subsidy-assessments')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({
    summary: "Bureau in jurisdiction: assess a platform's subsidies for a year (stored with its inputs)",
  })
  @ApiCreatedResponse({ type: SubsidyAssessmentResponseDto })
  async assess(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: AssessDto,
  ): Promise<SubsidyAssessmentResponseDto> {
    return SubsidyAssessmentResponseDto.from(await this.subsidies.assess(ctx, id, body.year));
  }

  @Get('platforms/:id/subsidy-assessments')
  @AllowOrgKinds('BUREAU', 'PLATFORM_OPERATOR')
  @ApiOperation({ summary: "A platform's assessments: its operator and bureaus in jurisdiction" })
  @ApiOkResponse({ type: SubsidyAssessmentPageDto })
  async listAssessments(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<SubsidyAssessmentPageDto> {
    const result = await this.subsidies.listAssessments(actor, id, page);
    return { ...result, items: result.items.map((a) => SubsidyAssessmentResponseDto.from(a)) };
  }
}

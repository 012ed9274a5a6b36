import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import {
  CloseKeyProjectDto,
  CreateKeyProjectDto,
  CreateMilestoneDto,
  KeyProjectBoardQueryDto,
  KeyProjectCandidatesQueryDto,
  KeyProjectSubjectQueryDto,
  UpdateKeyProjectDto,
  UpdateMilestoneDto,
} from '../dto/key-project.request.dto';
import {
  KeyProjectBoardDto,
  KeyProjectCandidateListDto,
  KeyProjectResponseDto,
  KeyProjectTrackingListDto,
} from '../dto/key-project.response.dto';
import { KeyProjectsService } from '../key-projects/key-projects.service';

/** 重点项目清单 (SPEC §4a, Guangzhou plan (十二)): a bureau's tracked results, demands and orders. */
@ApiTags('governance')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, naming the field' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not a bureau (the parties only read the tracking)' })
@ApiNotFoundResponse({
  type: ErrorResponseDto,
  description: 'Unknown, or not your bureau’s / not in your jurisdiction',
})
@Controller('key-projects')
export class KeyProjectsController {
  constructor(private readonly keyProjects: KeyProjectsService) {}

  @Post()
  @AllowOrgKinds('BUREAU')
  @RequireVerifiedOrg()
  @ApiOperation({
    summary:
      'Bureau: mark a result, demand or order of an org in its jurisdiction as a key project and assign ' +
      'an officer (专人跟踪, an active user of the bureau)',
  })
  @ApiCreatedResponse({ type: KeyProjectResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CONFLICT: already one of your key projects' })
  async mark(@ReqContext() ctx: RequestContext, @Body() body: CreateKeyProjectDto): Promise<KeyProjectResponseDto> {
    return this.keyProjects.mark(ctx, body);
  }

  @Get()
  @AllowOrgKinds('BUREAU')
  @ApiOperation({ summary: 'Bureau: its board — key projects by stage, overdue milestones counted; by officer' })
  @ApiOkResponse({ type: KeyProjectBoardDto })
  async board(@CurrentActor() actor: Actor, @Query() query: KeyProjectBoardQueryDto): Promise<KeyProjectBoardDto> {
    return this.keyProjects.board(actor, query);
  }

  @Get('tracking')
  @ApiOperation({
    summary:
      "The parties' view (the result's institute, the demand's SME, the order's SME and platform): which " +
      'bureau tracks it, by which officer (name only) and at which stage — nothing of the bureau’s notes',
  })
  @ApiOkResponse({ type: KeyProjectTrackingListDto })
  async tracking(
    @CurrentActor() actor: Actor,
    @Query() query: KeyProjectSubjectQueryDto,
  ): Promise<KeyProjectTrackingListDto> {
    return this.keyProjects.tracking(actor, query.subjectType, query.subjectId);
  }

  @Get('candidates')
  @AllowOrgKinds('BUREAU')
  @ApiOperation({ summary: 'Bureau: results, demands or orders in its jurisdiction it may mark (newest 20)' })
  @ApiOkResponse({ type: KeyProjectCandidateListDto })
  async candidates(
    @CurrentActor() actor: Actor,
    @Query() query: KeyProjectCandidatesQueryDto,
  ): Promise<KeyProjectCandidateListDto> {
    return this.keyProjects.candidates(actor, query.subjectType, query.q);
  }

  @Get(':id')
  @AllowOrgKinds('BUREAU')
  @ApiOperation({ summary: 'Bureau: one of its key projects with milestones' })
  @ApiOkResponse({ type: KeyProjectResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<KeyProjectResponseDto> {
    return this.keyProjects.get(actor, id);
  }

  @Patch(':id')
  @AllowOrgKinds('BUREAU')
  @ApiOperation({ summary: 'Bureau: reassign the officer, move the stage forward, edit the note' })
  @ApiOkResponse({ type: KeyProjectResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'INVALID_STATE_TRANSITION: backwards, or closed' })
  async update(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateKeyProjectDto,
  ): Promise<KeyProjectResponseDto> {
    return this.keyProjects.update(ctx, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @ApiOperation({ summary: 'Bureau: stop tracking (with a reason); the project stays on record' })
  @ApiOkResponse({ type: KeyProjectResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'INVALID_STATE_TRANSITION: already closed' })
  async close(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CloseKeyProjectDto,
  ): Promise<KeyProjectResponseDto> {
    return this.keyProjects.close(ctx, id, body.reason);
  }

  @Post(':id/milestones')
  @AllowOrgKinds('BUREAU')
  @ApiOperation({ summary: 'Bureau: add a milestone (stage, title, due date, optional done date and note)' })
  @ApiCreatedResponse({ type: KeyProjectResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'INVALID_STATE_TRANSITION: the project is closed' })
  async addMilestone(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CreateMilestoneDto,
  ): Promise<KeyProjectResponseDto> {
    return this.keyProjects.addMilestone(ctx, id, body);
  }

  @Patch(':id/milestones/:mid')
  @AllowOrgKinds('BUREAU')
  @ApiOperation({ summary: 'Bureau: edit a milestone or record it done (doneOn; null reopens it)' })
  @ApiOkResponse({ type: KeyProjectResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'INVALID_STATE_TRANSITION: the project is closed' })
  async updateMilestone(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('mid', ParseIdPipe) milestoneId: string,
    @Body() body: UpdateMilestoneDto,
  ): Promise<KeyProjectResponseDto> {
    return this.keyProjects.updateMilestone(ctx, id, milestoneId, body);
  }
}

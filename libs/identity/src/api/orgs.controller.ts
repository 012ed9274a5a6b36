import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, ParseIdPipe } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireBureauRole, RequireVerifiedOrg } from '@pilotlink/core';
import {
  AddMemberDto,
  ChangeRoleDto,
  CreateOrgDto,
  OrgListQueryDto,
  RejectOrgDto,
  UpdateOrgDto,
} from '../dto/orgs.request.dto';
import { OrgPageDto, OrgResponseDto, UserPageDto, UserResponseDto } from '../dto/identity.response.dto';
import { OrgsService } from '../orgs/orgs.service';

const uuid = ParseIdPipe;

@ApiTags('orgs')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown org, or one you may not see' })
@Controller('orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Get()
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @ApiOperation({ summary: "Orgs in a bureau's jurisdiction (all for an admin), e.g. the verification queue" })
  @ApiOkResponse({ type: OrgPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: OrgListQueryDto): Promise<OrgPageDto> {
    const page = await this.orgs.list(actor, query);
    return { ...page, items: page.items.map((org) => OrgResponseDto.from(org)) };
  }

  @Post()
  @AllowOrgKinds('ADMIN')
  @ApiOperation({ summary: 'Admin: create a bureau (or admin) org with its owner account' })
  @ApiCreatedResponse({ type: OrgResponseDto })
  async create(@ReqContext() ctx: RequestContext, @Body() body: CreateOrgDto): Promise<OrgResponseDto> {
    return OrgResponseDto.from((await this.orgs.create(ctx, body)).org);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An org you belong to, oversee (bureau) or administer' })
  @ApiOkResponse({ type: OrgResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<OrgResponseDto> {
    const { org, pendingCorrection } = await this.orgs.get(actor, id);
    return OrgResponseDto.from(org, pendingCorrection);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Edit your org's data (owner); identity fields lock once verified",
    description:
      'Once the org is verified, name, USCC and region are locked (409 ORG_IDENTITY_LOCKED), and a change to an ' +
      'eligibility fact (techSme, legalRepresentative, shareholders) is not applied: it opens or amends the ' +
      "org's correction request (pendingCorrection in the answer), which a bureau approves or rejects. Until " +
      'then every rule uses the verified values. Other fields apply at once.',
  })
  @ApiOkResponse({ type: OrgResponseDto })
  async update(
    @ReqContext() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Body() body: UpdateOrgDto,
  ): Promise<OrgResponseDto> {
    const { org, pendingCorrection } = await this.orgs.update(ctx, id, body);
    return OrgResponseDto.from(org, pendingCorrection);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @RequireVerifiedOrg()
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiOperation({ summary: 'Bureau in jurisdiction or admin: mark an SME or platform operator VERIFIED' })
  @ApiOkResponse({ type: OrgResponseDto })
  async verify(@ReqContext() ctx: RequestContext, @Param('id', uuid) id: string): Promise<OrgResponseDto> {
    return OrgResponseDto.from(await this.orgs.verify(ctx, id));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: 'Bureau in jurisdiction or admin: reject a verification with a reason' })
  @ApiOkResponse({ type: OrgResponseDto })
  async reject(
    @ReqContext() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Body() body: RejectOrgDto,
  ): Promise<OrgResponseDto> {
    return OrgResponseDto.from(await this.orgs.reject(ctx, id, body.reason));
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'Accounts of an org you may see' })
  @ApiOkResponse({ type: UserPageDto })
  async members(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Query() page: PageQueryDto,
  ): Promise<UserPageDto> {
    const result = await this.orgs.listMembers(actor, id, page);
    return { ...result, items: result.items.map(UserResponseDto.from) };
  }

  @Post(':id/members')
  @RequireVerifiedOrg()
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'ORG_NOT_VERIFIED or not the owner' })
  @ApiOperation({
    summary: 'Owner: add an account to your org',
    description:
      'Only verified orgs add accounts: until a bureau has checked the org, it has only its registering owner.',
  })
  @ApiCreatedResponse({ type: UserResponseDto })
  async addMember(
    @ReqContext() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Body() body: AddMemberDto,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.orgs.addMember(ctx, id, body));
  }

  @Patch(':id/members/:userId')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not the owner' })
  @ApiOperation({
    summary: "Owner: change a member's role (a bureau gives REVIEWER or PAYER duties); not your own",
  })
  async changeRole(
    @ReqContext() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
    @Body() body: ChangeRoleDto,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.orgs.changeMemberRole(ctx, id, userId, body.role));
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed: the account can no longer sign in' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not the owner' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Your own account' })
  @ApiOperation({
    summary: 'Owner: remove an account from your org (not your own); it is deactivated, its history kept',
  })
  async removeMember(
    @ReqContext() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
  ): Promise<void> {
    await this.orgs.removeMember(ctx, id, userId);
  }
}

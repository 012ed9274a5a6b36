import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiNoContentResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, ParseIdPipe, pageDtoOf } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, OptionalActor, Public, ReqContext } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { SLOT_MS } from '../../domain/availability';
import { BookingRulesDto, CreateBlockDto, TimeRangeQueryDto } from '../dto/reservation.request.dto';
import {
  AvailabilityResponseDto,
  BlockResponseDto,
  BookingRulesResponseDto,
  UtilisationResponseDto,
} from '../dto/reservation.response.dto';
import { EquipmentScheduleService } from '../equipment-schedule.service';

class BlockPageDto extends pageDtoOf(BlockResponseDto, 'EquipmentBlockPageDto') {}

@ApiTags('equipment')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto })
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The failing field is named (from, to, startsAt, …)' })
@Controller()
export class EquipmentScheduleController {
  constructor(private readonly schedule: EquipmentScheduleService) {}

  @Get('equipment/:id/availability')
  @Public()
  @ApiOperation({
    summary: 'Free, bookable time in [from, to) (at most 31 days)',
    description:
      'Opening hours (Asia/Shanghai) minus active reservations, maintenance blocks and the past, on quarter ' +
      'hours. A reservation inside one free interval is accepted — by the same computation.',
  })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  async availability(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: TimeRangeQueryDto,
  ): Promise<AvailabilityResponseDto> {
    const result = await this.schedule.availability(actor, id, query);
    return {
      equipmentId: result.equipment.id,
      from: new Date(result.from),
      to: new Date(result.to),
      slotMinutes: SLOT_MS / 60_000,
      free: result.free.map((i) => ({ startsAt: new Date(i.start), endsAt: new Date(i.end) })),
      rules: BookingRulesResponseDto.from(result.equipment),
    };
  }

  @Get('equipment/:id/booking-rules')
  @Public()
  @ApiOperation({ summary: "An instrument's opening hours and cancellation / no-show policy" })
  @ApiOkResponse({ type: BookingRulesResponseDto })
  async rules(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<BookingRulesResponseDto> {
    return BookingRulesResponseDto.from(await this.schedule.rules(actor, id));
  }

  @Put('equipment/:id/booking-rules')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Operator: set opening hours and the cancellation / no-show policy' })
  @ApiOkResponse({ type: BookingRulesResponseDto })
  async setRules(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: BookingRulesDto,
  ): Promise<BookingRulesResponseDto> {
    return BookingRulesResponseDto.from(await this.schedule.setRules(ctx, id, body));
  }

  @Get('equipment/:id/blocks')
  @AllowOrgKinds('PLATFORM_OPERATOR', 'BUREAU', 'ADMIN')
  @ApiOperation({ summary: 'Operator and supervisors: current and coming maintenance blocks' })
  @ApiOkResponse({ type: BlockPageDto })
  async listBlocks(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<BlockPageDto> {
    const result = await this.schedule.listBlocks(actor, id, page);
    return { ...result, items: result.items.map(BlockResponseDto.from) };
  }

  @Post('equipment/:id/blocks')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({
    summary: 'Operator: block time for maintenance',
    description: '409 SLOT_TAKEN (with reservationIds) while active reservations overlap it.',
  })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiCreatedResponse({ type: BlockResponseDto })
  async createBlock(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CreateBlockDto,
  ): Promise<BlockResponseDto> {
    return BlockResponseDto.from(await this.schedule.createBlock(ctx, id, body));
  }

  @Delete('equipment/:id/blocks/:blockId')
  @HttpCode(204)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Operator: remove a maintenance block' })
  @ApiNoContentResponse({ description: 'Removed' })
  async deleteBlock(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('blockId', ParseIdPipe) blockId: string,
  ): Promise<void> {
    await this.schedule.deleteBlock(ctx, id, blockId);
  }

  @Get('equipment/:id/utilisation')
  @AllowOrgKinds('PLATFORM_OPERATOR', 'BUREAU', 'ADMIN')
  @ApiOperation({
    summary: 'Operator or a bureau over its region: utilisation in [from, to) (at most 366 days)',
    description:
      'Over reservations starting in the period: scheduled vs used hours, the sharing rate (hours used by orgs ' +
      'other than the platform operator / used hours) and used / open hours.',
  })
  @ApiOkResponse({ type: UtilisationResponseDto })
  async utilisation(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: TimeRangeQueryDto,
  ): Promise<UtilisationResponseDto> {
    const result = await this.schedule.utilisation(actor, id, query);
    return { equipmentId: id, from: new Date(query.from), to: new Date(query.to), ...result };
  }
}

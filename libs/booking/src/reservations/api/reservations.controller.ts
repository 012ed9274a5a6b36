import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { CompleteReservationDto, CreateReservationDto, ReservationListQueryDto } from '../dto/reservation.request.dto';
import { ReservationPageDto, ReservationResponseDto } from '../dto/reservation.response.dto';
import { ReservationsService } from '../reservations.service';

@ApiTags('reservations')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not yours to see' })
@Controller()
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Get('equipment/:id/reservations')
  @ApiOperation({ summary: "The platform operator: all of its instrument's reservations. Anyone else: its own" })
  @ApiOkResponse({ type: ReservationPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) equipmentId: string,
    @Query() query: ReservationListQueryDto,
  ): Promise<ReservationPageDto> {
    const result = await this.reservations.list(actor, equipmentId, query);
    return { ...result, items: result.items.map(ReservationResponseDto.from) };
  }

  @Post('equipment/:id/reservations')
  @AllowOrgKinds('SME', 'PLATFORM_OPERATOR')
  @RequireVerifiedOrg()
  @ApiOperation({
    summary: 'Reserve [startsAt, endsAt) — confirmed at once when free (see availability)',
    description:
      'A verified SME or another platform books at the hourly rate per started quarter hour, which creates an ' +
      "ACCEPTED order line. The platform's own operator org may book too: internal use, no price, no order. " +
      '400 VALIDATION_FAILED names startsAt/endsAt (not on a quarter hour, in the past, out of order); 409 ' +
      'OUTSIDE_OPENING_HOURS, SLOT_BLOCKED (maintenance) or SLOT_TAKEN (reserved, also when a racing request won).',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiCreatedResponse({ type: ReservationResponseDto })
  async create(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) equipmentId: string,
    @Body() body: CreateReservationDto,
  ): Promise<ReservationResponseDto> {
    return ReservationResponseDto.from(await this.reservations.create(ctx, equipmentId, body));
  }

  @Get('reservations/:id')
  @ApiOperation({ summary: 'A reservation: for its booker and the platform' })
  @ApiOkResponse({ type: ReservationResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ReservationResponseDto> {
    return ReservationResponseDto.from(await this.reservations.get(actor, id));
  }

  @Post('reservations/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Booker (before the start) or platform: cancel',
    description:
      "The booker pays nothing until the instrument's freeCancellationHours before the start, then " +
      'lateCancellationFeeBp of the price (feeFen). The platform cancels without fee. The order is cancelled too.',
  })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiOkResponse({ type: ReservationResponseDto })
  async cancel(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ReservationResponseDto> {
    return ReservationResponseDto.from(await this.reservations.cancel(ctx, id));
  }

  @Post('reservations/:id/check-in')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Platform: the booker arrived (from an hour before the start until the end)' })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiOkResponse({ type: ReservationResponseDto })
  async checkIn(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ReservationResponseDto> {
    return ReservationResponseDto.from(await this.reservations.checkIn(ctx, id));
  }

  @Post('reservations/:id/complete')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Platform: the use is over — records the actual minutes (default: since check-in)' })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiOkResponse({ type: ReservationResponseDto })
  async complete(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CompleteReservationDto,
  ): Promise<ReservationResponseDto> {
    return ReservationResponseDto.from(await this.reservations.complete(ctx, id, body));
  }

  @Post('reservations/:id/no-show')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({
    summary: 'Platform, after the start: the booker did not come',
    description: 'noShowFeeBp of the price becomes feeFen; the order is cancelled; the rest of the slot is free again.',
  })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiOkResponse({ type: ReservationResponseDto })
  async noShow(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ReservationResponseDto> {
    return ReservationResponseDto.from(await this.reservations.noShow(ctx, id));
  }
}

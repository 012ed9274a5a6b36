import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { CurrentActor } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { NotificationListQueryDto } from '../dto/notification.request.dto';
import { NotificationPageDto, NotificationResponseDto, UnreadCountDto } from '../dto/notification.response.dto';
import { InboxService } from '../inbox/inbox.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({
    summary: "Your org's inbox, newest first (`unread=true`: unread only)",
    description:
      'Every member of the org sees the same inbox. Demand notifications show only what your org may see of the demand.',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: NotificationListQueryDto): Promise<NotificationPageDto> {
    const page = await this.inbox.list(actor, query);
    return { ...page, items: page.items.map(NotificationResponseDto.from) };
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many of your org's notifications are unread" })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { unread: await this.inbox.unreadCount(actor) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or another org’s notification' })
  @ApiOperation({ summary: 'Mark one notification read (idempotent: keeps the first read time)' })
  @ApiOkResponse({ type: NotificationResponseDto })
  async markRead(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<NotificationResponseDto> {
    return NotificationResponseDto.from(await this.inbox.markRead(actor, id));
  }
}

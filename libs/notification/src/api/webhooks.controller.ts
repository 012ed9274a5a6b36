import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { CurrentActor, ReqContext, RequireOwner } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { PutWebhookDto } from '../dto/webhook.request.dto';
import { WebhookPingResponseDto, WebhookResponseDto } from '../dto/webhook.response.dto';
import { WebhookPingService } from '../webhooks/webhook-ping.service';
import { WebhooksService } from '../webhooks/webhooks.service';

const SIGNING =
  'Each delivery is a POST of JSON `{ id, eventType, eventKey, notificationId, title, body, data, createdAt }` with the ' +
  'header `pilotlink-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; reject a timestamp ' +
  'older than 5 minutes. Non-2xx answers, timeouts and refused connections are retried with exponential backoff ' +
  '(WEBHOOK_ATTEMPTS, WEBHOOK_BACKOFF_MS); a notification is delivered successfully at most once.';

@ApiTags('webhooks')
@ApiBearerAuth()
@RequireOwner()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: "Only the org's owner" })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Another org' })
@Controller('orgs/:id/webhook')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly pings: WebhookPingService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Your org's webhook (secret masked) with its 20 latest delivery attempts",
    description: SIGNING,
  })
  @ApiOkResponse({ type: WebhookResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) orgId: string): Promise<WebhookResponseDto> {
    return this.webhooks.get(actor, orgId);
  }

  @Put()
  @ApiOperation({
    summary: 'Set the webhook URL (creates it with a new secret); `rotateSecret: true` replaces the secret',
    description: `The full secret is in this answer only when it was just created or rotated (\`secretRevealed\`). ${SIGNING}`,
  })
  @ApiOkResponse({ type: WebhookResponseDto })
  put(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) orgId: string,
    @Body() body: PutWebhookDto,
  ): Promise<WebhookResponseDto> {
    return this.webhooks.put(ctx, orgId, body);
  }

  @Post('ping')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a signed test delivery (`eventType: "webhook.ping"`) to your webhook URL',
    description:
      'Queued like any notification (it also lands in your inbox): the worker signs and POSTs it, retries it on ' +
      `failure, and every attempt appears in the delivery log under the answer's \`notificationId\`. ${SIGNING}`,
  })
  @ApiAcceptedResponse({ type: WebhookPingResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'WEBHOOK_NOT_CONFIGURED: no URL set, or disabled' })
  async ping(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) orgId: string): Promise<WebhookPingResponseDto> {
    const { notificationId } = await this.pings.ping(actor, orgId);
    return { notificationId, queued: true };
  }
}

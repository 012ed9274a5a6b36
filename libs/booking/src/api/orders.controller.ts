import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  PipeTransform,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import {
  attachmentDisposition,
  ErrorResponseDto,
  NotFoundError,
  ParseIdPipe,
  PageQueryDto,
  readUpload,
} from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ORDER_ACTIONS } from '../domain/order';
import { CreateOrderDto, OrderActionDto, OrderListQueryDto, RecordPaymentDto } from '../dto/order.request.dto';
import { OrderPageDto, OrderResponseDto, PaymentResponseDto, PaymentsResponseDto } from '../dto/order.response.dto';
import { DeliverablePageDto, DeliverableResponseDto } from '../dto/review.response.dto';
import { DeliverablesService } from '../orders/deliverables.service';
import { OrdersService, SimpleOrderAction } from '../orders/orders.service';
import { PaymentsService } from '../orders/payments.service';

const SIMPLE_ACTIONS = ORDER_ACTIONS.filter((a): a is SimpleOrderAction => a !== 'deliver');

/** An action that is not one of ours is a route that does not exist: 404, like any unknown path. */
class OrderActionPipe<T extends string> implements PipeTransform<string, T> {
  constructor(private readonly values: readonly T[]) {}

  transform(value: string): T {
    if (!(this.values as readonly string[]).includes(value)) throw new NotFoundError('Route');
    return value as T;
  }
}

@ApiTags('orders')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not a party to it' })
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly deliverables: DeliverablesService,
  ) {}

  @Post()
  @AllowOrgKinds('SME')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: 'SME: order a FIXED- or UNIT-priced service directly (starts REQUESTED)' })
  @ApiCreatedResponse({ type: OrderResponseDto })
  async create(@ReqContext() ctx: RequestContext, @Body() body: CreateOrderDto): Promise<OrderResponseDto> {
    return OrderResponseDto.from(await this.orders.create(ctx, body));
  }

  @Get()
  @AllowOrgKinds('SME', 'INSTITUTE', 'PLATFORM_OPERATOR', 'ADMIN')
  @ApiOperation({
    summary: 'Your orders, as the buyer (SME, or an institute verifying a result), co-funder or platform, newest first',
  })
  @ApiOkResponse({ type: OrderPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: OrderListQueryDto): Promise<OrderPageDto> {
    const page = await this.orders.list(actor, query);
    const viewers = await this.orders.viewers(actor, page.items);
    return { ...page, items: page.items.map((o) => OrderResponseDto.from(o, undefined, viewers.get(o.id))) };
  }

  @Get(':id')
  @AllowOrgKinds('SME', 'INSTITUTE', 'PLATFORM_OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'One order with paid/owed amounts, its history and the actions open to you' })
  @ApiOkResponse({ type: OrderResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<OrderResponseDto> {
    const { order, viewer, ...detail } = await this.orders.get(actor, id);
    return OrderResponseDto.from(order, detail, viewer);
  }

  @Post(':id/:action')
  @HttpCode(200)
  @AllowOrgKinds('SME', 'INSTITUTE', 'PLATFORM_OPERATOR')
  @ApiParam({ name: 'action', enum: SIMPLE_ACTIONS })
  @ApiOperation({
    summary: 'A transition by the party allowed to make it',
    description:
      'Platform: accept | reject (REQUESTED), start (CONTRACTED or DISPUTED). Both: contract (each confirms; ' +
      'CONTRACTED once both have), cancel (before IN_PROGRESS). SME: complete (DELIVERED or DISPUTED), ' +
      'dispute (DELIVERED, `note` required). Wrong party → 403, illegal → 409 with `currentState`. ' +
      '`deliver` is its own route (it carries the report).',
  })
  @ApiOkResponse({ type: OrderResponseDto })
  async act(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('action', new OrderActionPipe(SIMPLE_ACTIONS)) action: SimpleOrderAction,
    @Body() body: OrderActionDto,
  ): Promise<OrderResponseDto> {
    return OrderResponseDto.from(await this.orders.act(ctx, id, action, body.note));
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    summary: 'Platform: deliver with the report attached (IN_PROGRESS → DELIVERED)',
    description: 'One file: PDF, PNG/JPEG, or Office/ZIP, recognised by content; at most DELIVERABLE_MAX_BYTES.',
  })
  @ApiOkResponse({ type: OrderResponseDto })
  async deliver(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Req() req: FastifyRequest,
  ): Promise<OrderResponseDto> {
    await this.deliverables.assertMayDeliver(ctx.actor, id);
    const file = await readUpload(req, this.deliverables.maxBytes);
    return OrderResponseDto.from(await this.deliverables.deliver(ctx, id, file));
  }

  @Get(':id/deliverables')
  @AllowOrgKinds('SME', 'INSTITUTE', 'PLATFORM_OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'The files delivered on an order (the two parties only)' })
  @ApiOkResponse({ type: DeliverablePageDto })
  async listDeliverables(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<DeliverablePageDto> {
    const result = await this.deliverables.list(actor, id, page);
    return { ...result, items: result.items.map((f) => DeliverableResponseDto.from(f)) };
  }

  @Get(':id/deliverables/:fileId')
  @AllowOrgKinds('SME', 'INSTITUTE', 'PLATFORM_OPERATOR', 'ADMIN')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Download one delivered file' })
  @ApiOkResponse({
    description: 'The file, with its own content type and name',
    schema: { type: 'string', format: 'binary' },
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('fileId', ParseIdPipe) fileId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { file, stream } = await this.deliverables.open(actor, id, fileId);
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', attachmentDisposition(file.fileName));
    reply.header('content-length', String(file.sizeBytes));
    return new StreamableFile(stream);
  }

  @Get(':id/payments')
  @AllowOrgKinds('SME', 'INSTITUTE', 'PLATFORM_OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'Payments recorded on an order, with agreed, paid and owed amounts' })
  @ApiOkResponse({ type: PaymentsResponseDto })
  async listPayments(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<PaymentsResponseDto> {
    const result = await this.payments.list(actor, id);
    return { ...result, items: result.items.map((p) => PaymentResponseDto.from(p)) };
  }

  @Post(':id/payments')
  @AllowOrgKinds('SME', 'INSTITUTE')
  @ApiOperation({ summary: 'SME: record a payment (positive, at most what is owed; 422 PAYMENT_EXCEEDS_OWED)' })
  @ApiCreatedResponse({ type: PaymentResponseDto })
  async recordPayment(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: RecordPaymentDto,
  ): Promise<PaymentResponseDto> {
    return PaymentResponseDto.from(await this.payments.record(ctx, id, body));
  }
}

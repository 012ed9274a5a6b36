import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canViewPlatform, PlatformDirectory, PlatformRating } from '@pilotlink/catalogue';
import { Clock, DomainError, NotFoundError, Page, PageQueryDto, toPage } from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import { ReplyToReviewDto, ReviewOrderDto } from '../dto/review.request.dto';
import { lockForParty } from './order-access';
import { OrderChanges } from './order-changes.service';
import { OrderReview } from './order-records.entity';

/** 服务评价: the SME rates a completed order once; the platform may answer once. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: OrderChanges,
    private readonly platforms: PlatformDirectory,
    private readonly rating: PlatformRating,
    private readonly clock: Clock,
  ) {}

  async review(ctx: RequestContext, orderId: string, input: ReviewOrderDto): Promise<OrderReview> {
    return withTransaction(this.dataSource, async (manager) => {
      const { order, party } = await lockForParty(manager, ctx.actor, orderId);
      if (party !== 'SME') throw new DomainError('FORBIDDEN', 'Only the SME reviews its order');
      if (order.status !== 'COMPLETED') {
        throw new DomainError('CONFLICT', 'An order is reviewed once it is completed', { currentState: order.status });
      }
      try {
        const review = await manager.save(
          manager.create(OrderReview, {
            orderId,
            platformId: order.platformId,
            smeOrgId: order.smeOrgId,
            quality: input.quality,
            timeliness: input.timeliness,
            communication: input.communication,
            comment: input.comment ?? '',
          }),
        );
        await this.refreshPlatformRating(manager, order.platformId);
        await this.changes.record(manager, ctx, order, {
          action: 'order.reviewed',
          from: order.status,
          details: { quality: input.quality, timeliness: input.timeliness, communication: input.communication },
        });
        return review;
      } catch (error) {
        if (uniqueViolation(error) === 'order_reviews_order_id_key') {
          throw new DomainError('ALREADY_REVIEWED', 'This order has already been reviewed');
        }
        throw error;
      }
    });
  }

  async reply(ctx: RequestContext, orderId: string, input: ReplyToReviewDto): Promise<OrderReview> {
    return withTransaction(this.dataSource, async (manager) => {
      const { order, party } = await lockForParty(manager, ctx.actor, orderId);
      if (party !== 'PLATFORM') throw new DomainError('FORBIDDEN', 'Only the platform replies to a review');
      const review = await manager.findOneBy(OrderReview, { orderId });
      if (!review) throw new NotFoundError('Review');
      if (review.reply !== null) throw new DomainError('CONFLICT', 'You already replied to this review');
      review.reply = input.reply;
      review.repliedAt = this.clock.now();
      await manager.save(review);
      await this.changes.record(manager, ctx, order, { action: 'order.review_replied', from: order.status });
      return review;
    });
  }

  /** Public for a listed platform, like its catalogue; reviewers are not named. */
  async listForPlatform(actor: Actor | undefined, platformId: string, page: PageQueryDto): Promise<Page<OrderReview>> {
    const platform = (await this.platforms.ofIds([platformId])).get(platformId);
    if (!platform || !canViewPlatform(actor, platform)) throw new NotFoundError('Platform');
    const [items, total] = await this.dataSource.manager.findAndCount(OrderReview, {
      where: { platformId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  /**
   * Re-derives the platform's rating from all its reviews under the catalogue's lock on the platform row
   * (so two reviews committing together cannot leave a stale average); catalogue stores and indexes it.
   */
  private async refreshPlatformRating(manager: EntityManager, platformId: string): Promise<void> {
    await this.rating.refresh(manager, platformId, async () => {
      const [row] = await manager.query<{ avg_score: string | null; n: number }[]>(
        `SELECT round(avg((quality + timeliness + communication) / 3.0), 2)::text AS avg_score, count(*)::int AS n
           FROM order_reviews WHERE platform_id = $1`,
        [platformId],
      );
      return { avgScore: row.avg_score, count: row.n };
    });
  }
}

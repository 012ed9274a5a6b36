import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { NotFoundError, Page, PageQueryDto, toPage, validationFailed } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { OrgDirectory } from '@pilotlink/identity';
import { Actor, OrgKind, RequestContext } from '@pilotlink/core';
import { DataSource } from 'typeorm';
import { Subscription } from '../domain/subscription.entity';
import { CreateSubscriptionDto } from '../dto/subscription.request.dto';

const CRITERIA = ['fieldCodes', 'categories', 'keywords', 'regionCodes'] as const;

/** Platforms and SMEs subscribe to fields, categories, keywords and regions (SPEC §4). */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly orgs: OrgDirectory,
  ) {}

  async list(actor: Actor, page: PageQueryDto): Promise<Page<Subscription>> {
    const [items, total] = await this.dataSource.getRepository(Subscription).findAndCount({
      where: { orgId: actor.orgId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  async create(ctx: RequestContext, input: CreateSubscriptionDto): Promise<Subscription> {
    const criteria = {
      fieldCodes: input.fieldCodes ?? [],
      categories: input.categories ?? [],
      keywords: [...new Set(input.keywords ?? [])], // trimmed and non-empty by the DTO; duplicates dropped
      regionCodes: input.regionCodes ?? [],
    };
    if (CRITERIA.every((name) => criteria[name].length === 0)) {
      throw validationFailed(
        CRITERIA.map((field) => ({
          field,
          errors: ['give at least one of fieldCodes, categories, keywords, regionCodes'],
        })),
      );
    }
    return withTransaction(this.dataSource, async (manager) => {
      const subscription = await manager.save(
        manager.create(Subscription, { ...criteria, orgId: ctx.actor.orgId, createdByUserId: ctx.actor.userId }),
      );
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'subscription.created',
        entityType: 'subscription',
        entityId: subscription.id,
        subjectOrgId: ctx.actor.orgId,
        after: { ...subscription },
        requestId: ctx.requestId,
      });
      return subscription;
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await withTransaction(this.dataSource, async (manager) => {
      const subscription = await manager.findOneBy(Subscription, { id, orgId: ctx.actor.orgId });
      if (!subscription) throw new NotFoundError('Subscription');
      await manager.delete(Subscription, { id });
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'subscription.deleted',
        entityType: 'subscription',
        entityId: id,
        subjectOrgId: ctx.actor.orgId,
        before: { ...subscription },
        requestId: ctx.requestId,
      });
    });
  }

  /**
   * Subscriptions of orgs of one kind that could fit a target with these fields and categories — a
   * cheap prefilter in SQL (an empty criterion matches anything); subscriptionFits decides exactly.
   */
  async candidates(orgKind: OrgKind, target: { fieldCodes: string[]; categories: string[] }): Promise<Subscription[]> {
    const subscriptions = await this.dataSource
      .getRepository(Subscription)
      .createQueryBuilder('s')
      .where(`(cardinality(s.field_codes) = 0 OR s.field_codes && :fields::text[])`, { fields: target.fieldCodes })
      .andWhere(`(cardinality(s.categories) = 0 OR s.categories && :categories::text[])`, {
        categories: target.categories,
      })
      .orderBy('s.id')
      .getMany();
    // The org's kind is identity's to tell; a subscription of a deleted org has no kind and drops out.
    const orgs = await this.orgs.profilesOf(subscriptions.map((s) => s.orgId));
    return subscriptions.filter((s) => orgs.get(s.orgId)?.kind === orgKind);
  }
}

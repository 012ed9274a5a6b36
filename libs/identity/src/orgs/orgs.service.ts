import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import {
  assertTransition,
  Clock,
  definedOnly,
  DomainError,
  fieldInvalid,
  NotFoundError,
  Page,
  PageQueryDto,
  toPage,
} from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, RequestContext } from '@pilotlink/core';
import { canManageOrg, canReviewOrg } from '../access/org-access';
import { AuthService } from '../auth/auth.service';
import { PasswordService } from '../auth/password.service';
import { roleAllowedIn, VERIFICATION_TRANSITIONS, VerificationStatus } from '../domain/org';
import { UserRole } from '@pilotlink/core';
import { Org } from '../domain/org.entity';
import { jurisdictionPrefix } from '../domain/region';
import { User } from '../domain/user.entity';
import { AddMemberDto, CreateOrgDto, OrgListQueryDto, UpdateOrgDto } from '../dto/orgs.request.dto';
import { OrgDirectory } from './org-directory.service';
import { OrgCorrectionsService } from './org-corrections.service';
import { readShareholders, writeShareholders } from './org-shareholders';
import { isEmptyRequest, RequestedFacts, Shareholder, shareholderProblem } from '../domain/org-facts';
import { OrgCorrectionResponseDto } from '../dto/org-corrections.response.dto';

/** Fields that identify an org; a bureau vouched for them, so they are frozen once VERIFIED. */
const IDENTITY_FIELDS = ['name', 'uscc', 'regionCode'] as const;

/** An org with its pending correction request (null when none). */
export interface OrgWithCorrection {
  org: Org;
  pendingCorrection: OrgCorrectionResponseDto | null;
}

@Injectable()
export class OrgsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrgDirectory,
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly corrections: OrgCorrectionsService,
  ) {}

  async get(actor: Actor, orgId: string): Promise<OrgWithCorrection> {
    const org = await this.directory.getVisible(actor, orgId);
    return { org, pendingCorrection: await this.corrections.pendingView(this.dataSource.manager, org) };
  }

  /** A bureau's review queue (its jurisdiction) or, for an admin, every org. */
  async list(actor: Actor, query: OrgListQueryDto): Promise<Page<Org>> {
    const qb = this.dataSource.getRepository(Org).createQueryBuilder('o');
    if (actor.orgKind === 'BUREAU') {
      qb.andWhere('o.region_code LIKE :prefix', { prefix: `${jurisdictionPrefix(actor.regionCode)}%` });
    }
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.verificationStatus) qb.andWhere('o.verification_status = :status', { status: query.verificationStatus });
    const [items, total] = await qb
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return toPage(items, total, query);
  }

  /**
   * The owner edits the org. Eligibility facts (techSme, legal representative, shareholders) of a
   * verified org are not changed here: they become the org's pending correction request, which a bureau
   * approves (SPEC §2); the other fields apply at once. An admin edits them directly (audited), as it may
   * the identity fields.
   */
  async update(ctx: RequestContext, orgId: string, patch: UpdateOrgDto): Promise<OrgWithCorrection> {
    return withTransaction(this.dataSource, async (manager) => {
      const org = await this.directory.getVisible(ctx.actor, orgId, manager, true);
      if (!canManageOrg(ctx.actor, org))
        throw new DomainError('FORBIDDEN', "Only the organisation's owner may edit it");
      const touchesIdentity = IDENTITY_FIELDS.some(
        (field) => patch[field] !== undefined && patch[field] !== org[field],
      );
      if (touchesIdentity && org.verificationStatus === 'VERIFIED' && ctx.actor.orgKind !== 'ADMIN') {
        throw new DomainError(
          'ORG_IDENTITY_LOCKED',
          'Name, USCC and region of a verified organisation cannot be changed',
          {
            fields: IDENTITY_FIELDS.filter((field) => patch[field] !== undefined),
          },
        );
      }
      if (patch.uscc !== undefined && org.isTeam) {
        throw fieldInvalid('uscc', 'teams register without a USCC');
      }
      const { techSme, legalRepresentative, shareholders, ...profile } = patch;
      const facts: RequestedFacts = definedOnly({ techSme, legalRepresentative, shareholders });
      const problem = shareholders && shareholderProblem(shareholders);
      if (problem) throw fieldInvalid('shareholders', problem);
      const frozen = org.verificationStatus === 'VERIFIED' && ctx.actor.orgKind !== 'ADMIN';
      if (frozen && !isEmptyRequest(facts)) await this.corrections.file(manager, ctx, org, facts);
      const before = snapshot(org);
      Object.assign(org, definedOnly(profile), frozen ? {} : definedOnly({ techSme, legalRepresentative }));
      if (!frozen && shareholders) await this.replaceShareholdersNow(manager, ctx, org, shareholders);
      // A rejected org that corrects its data asks for review again.
      if (org.verificationStatus === 'REJECTED') {
        assertTransition('Organisation', VERIFICATION_TRANSITIONS, org.verificationStatus, 'PENDING');
        org.verificationStatus = 'PENDING';
        org.rejectionReason = null;
      }
      const saved = await manager.save(org);
      await this.audit.record(manager, {
        ...auditBase(ctx, org),
        action: 'org.updated',
        before,
        after: snapshot(saved),
      });
      return { org: saved, pendingCorrection: await this.corrections.pendingView(manager, saved) };
    });
  }

  /**
   * PUT /orgs/:id/shareholders (voucher routes): the same rule as a PATCH. Answers the shareholders in
   * force — for a verified org, the list stays as verified until a bureau approves the change.
   */
  async replaceShareholders(ctx: RequestContext, orgId: string, holders: Shareholder[]): Promise<Shareholder[]> {
    await this.update(ctx, orgId, { shareholders: holders });
    return readShareholders(this.dataSource.manager, orgId);
  }

  private async replaceShareholdersNow(manager: EntityManager, ctx: RequestContext, org: Org, holders: Shareholder[]) {
    const before = await readShareholders(manager, org.id);
    await writeShareholders(manager, org.id, holders);
    await this.audit.record(manager, {
      ...auditBase(ctx, org),
      action: 'org.shareholders_replaced',
      before: { shareholders: before },
      after: { shareholders: holders },
    });
  }

  verify(ctx: RequestContext, orgId: string): Promise<Org> {
    return this.decide(ctx, orgId, 'VERIFIED', null);
  }

  reject(ctx: RequestContext, orgId: string, reason: string): Promise<Org> {
    return this.decide(ctx, orgId, 'REJECTED', reason);
  }

  async listMembers(actor: Actor, orgId: string, page: PageQueryDto): Promise<Page<User>> {
    await this.directory.getVisible(actor, orgId);
    const [items, total] = await this.dataSource.getRepository(User).findAndCount({
      where: { orgId, isActive: true },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  async addMember(ctx: RequestContext, orgId: string, input: AddMemberDto): Promise<User> {
    const passwordHash = await this.passwordHashFor(input.password);
    return withTransaction(this.dataSource, async (manager) => {
      const org = await this.directory.getVisible(ctx.actor, orgId, manager);
      if (!canManageOrg(ctx.actor, org))
        throw new DomainError('FORBIDDEN', "Only the organisation's owner may add members");
      const role = input.role ?? 'MEMBER';
      assertRoleAllowed(org, role);
      const user = await this.auth.insertUser(manager, org.id, input, role, passwordHash);
      await this.audit.record(manager, {
        ...auditBase(ctx, org),
        action: 'org.member_added',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, role: user.role },
      });
      return user;
    });
  }

  /** The owner gives a member another role (a bureau's REVIEWER or PAYER duty); never their own. */
  async changeMemberRole(ctx: RequestContext, orgId: string, userId: string, role: UserRole): Promise<User> {
    return withTransaction(this.dataSource, async (manager) => {
      const org = await this.directory.getVisible(ctx.actor, orgId, manager);
      if (!canManageOrg(ctx.actor, org))
        throw new DomainError('FORBIDDEN', "Only the organisation's owner may change roles");
      const user = await manager.findOne(User, { where: { id: userId, orgId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User');
      // An owner demoting themselves could leave the org with nobody to manage it.
      if (user.id === ctx.actor.userId) throw new DomainError('CONFLICT', 'You cannot change your own role');
      assertRoleAllowed(org, role);
      const before = { role: user.role };
      user.role = role;
      await manager.update(User, user.id, { role });
      await this.audit.record(manager, {
        ...auditBase(ctx, org),
        action: 'org.member_role_changed',
        entityType: 'user',
        entityId: user.id,
        before,
        after: { email: user.email, role },
      });
      return user;
    });
  }

  /**
   * The owner removes an account from the org (never their own): it is deactivated — kept for the audit trail and
   * what it did — so it can no longer sign in or refresh; a bureau duty checked live lapses at once.
   */
  async removeMember(ctx: RequestContext, orgId: string, userId: string): Promise<void> {
    await withTransaction(this.dataSource, async (manager) => {
      const org = await this.directory.getVisible(ctx.actor, orgId, manager);
      if (!canManageOrg(ctx.actor, org))
        throw new DomainError('FORBIDDEN', "Only the organisation's owner may remove members");
      const user = await manager.findOne(User, {
        where: { id: userId, orgId, isActive: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundError('User');
      if (user.id === ctx.actor.userId) throw new DomainError('CONFLICT', 'You cannot remove yourself');
      await manager.update(User, user.id, { isActive: false });
      await this.audit.record(manager, {
        ...auditBase(ctx, org),
        action: 'org.member_removed',
        entityType: 'user',
        entityId: user.id,
        before: { email: user.email, role: user.role, isActive: true },
        after: { email: user.email, role: user.role, isActive: false },
      });
    });
  }

  /** Admin creates a bureau (or another admin org) with its owner; such orgs start VERIFIED. */
  async create(ctx: RequestContext, input: CreateOrgDto): Promise<{ org: Org; owner: User }> {
    const passwordHash = await this.passwordHashFor(input.owner.password);
    return withTransaction(this.dataSource, async (manager) => {
      const org = await this.auth.insertOrg(
        manager,
        { ...input, isTeam: false },
        {
          verificationStatus: 'VERIFIED',
          verifiedAt: this.clock.now(),
          verifiedByOrgId: ctx.actor.orgId,
        },
      );
      const owner = await this.auth.insertUser(manager, org.id, input.owner, 'OWNER', passwordHash);
      await this.audit.record(manager, { ...auditBase(ctx, org), action: 'org.created', after: snapshot(org) });
      return { org, owner };
    });
  }

  private async decide(
    ctx: RequestContext,
    orgId: string,
    to: VerificationStatus,
    reason: string | null,
  ): Promise<Org> {
    return withTransaction(this.dataSource, async (manager) => {
      // Locked so two reviewers deciding at once cannot both win.
      const org = await this.directory.getVisible(ctx.actor, orgId, manager, true);
      if (!canReviewOrg(ctx.actor, org)) {
        // Visible but not reviewable: its own org, or a bureau (only admins review those).
        throw new DomainError('FORBIDDEN', 'You may not review this organisation');
      }
      assertTransition('Organisation', VERIFICATION_TRANSITIONS, org.verificationStatus, to);
      const before = snapshot(org);
      org.verificationStatus = to;
      org.rejectionReason = reason;
      org.verifiedAt = to === 'VERIFIED' ? this.clock.now() : null;
      org.verifiedByOrgId = ctx.actor.orgId;
      const saved = await manager.save(org);
      await this.audit.record(manager, {
        ...auditBase(ctx, org),
        action: to === 'VERIFIED' ? 'org.verified' : 'org.rejected',
        before,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  private passwordHashFor(password: string): Promise<string> {
    return this.passwords.hash(password);
  }
}

/** REVIEWER and PAYER are bureau duties: another kind of org cannot hand them out (400). */
function assertRoleAllowed(org: Org, role: UserRole): void {
  if (!roleAllowedIn(org.kind, role)) throw fieldInvalid('role', `${role} is a role of bureau users only`);
}

function auditBase(ctx: RequestContext, org: Org) {
  return {
    actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
    entityType: 'org',
    entityId: org.id,
    subjectOrgId: org.id,
    requestId: ctx.requestId,
  };
}

function snapshot(org: Org): Record<string, unknown> {
  const { teamLeaderIdHash: _hidden, createdAt: _c, updatedAt: _u, ...visible } = org;
  return { ...visible };
}

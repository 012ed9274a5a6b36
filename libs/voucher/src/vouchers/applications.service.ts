import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate, Clock, DomainError, NotFoundError, Page, parseFen, toPage } from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import { OrgDirectory, OrgVoucherFacts } from '@pilotlink/identity';
import type { Actor, RequestContext } from '@pilotlink/core';
import { coversRegion } from '@pilotlink/identity';
import { DataSource, EntityManager } from 'typeorm';
import { generateVoucherCode } from '../domain/voucher-code';
import { assertApplicationTransition, voucherValidity } from '../domain/voucher-state';
import { ApplicationListQueryDto, ApplyDto, ApproveApplicationDto, ReasonDto } from '../dto/voucher.request.dto';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { Voucher, VoucherApplication } from '../entities/voucher.entity';
import { Ledger } from '../ledger/ledger.service';
import { readableProgram, runsProgram } from '../programs/program-access';
import { VoucherEvents } from '../voucher-events.service';

function applicationExists(applicationId: string | null): DomainError {
  return new DomainError(
    'APPLICATION_EXISTS',
    'You already have an open application to this program: wait for its decision or withdraw it',
    applicationId ? { applicationId } : {},
  );
}

/** An application with the applicant's name, as the API shows it (reviewers see who asks). */
export type NamedApplication = VoucherApplication & { smeOrgName: string; failedSpotChecks: number };

/** Applications (申领) for vouchers, and their approval — which issues the voucher from the budget. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly events: VoucherEvents,
    private readonly clock: Clock,
    private readonly orgs: OrgDirectory,
  ) {}

  async apply(ctx: RequestContext, programId: string, input: ApplyDto): Promise<NamedApplication> {
    return withTransaction(this.dataSource, async (manager) => {
      const program = await readableProgram(manager, ctx.actor, programId);
      const sme = (await this.orgs.voucherFactsOf([ctx.actor.orgId], manager)).get(ctx.actor.orgId);
      if (!sme) throw new NotFoundError('Organisation');
      this.assertMayApply(program, sme, input.amountFen);
      // One open (PENDING) application per SME and program: a partial unique index settles racing ones.
      const open = await manager.findOne(VoucherApplication, {
        where: { programId, smeOrgId: sme.orgId, status: 'PENDING' },
      });
      if (open) throw applicationExists(open.id);
      let application: VoucherApplication;
      try {
        application = await manager.save(
          manager.create(VoucherApplication, {
            programId,
            smeOrgId: sme.orgId,
            requestedFen: String(input.amountFen),
            purpose: input.purpose,
          }),
        );
      } catch (error) {
        if (uniqueViolation(error) === 'voucher_applications_one_open') throw applicationExists(null);
        throw error;
      }
      await this.events.record(manager, ctx, {
        action: 'voucher.application.submitted',
        entityType: 'voucher_application',
        entityId: application.id,
        subjectOrgId: sme.orgId,
        notify: [program.bureauOrgId],
        after: { programId, requestedFen: input.amountFen },
      });
      return (await this.named(manager, [application]))[0];
    });
  }

  async list(actor: Actor, query: ApplicationListQueryDto): Promise<Page<NamedApplication>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(VoucherApplication, 'a')
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(query.offset)
      .take(query.limit);
    if (actor.orgKind === 'SME') qb.andWhere('a.sme_org_id = :org', { org: actor.orgId });
    else if (actor.orgKind === 'BUREAU') {
      qb.andWhere('a.program_id IN (SELECT id FROM voucher_programs WHERE bureau_org_id = :org)', { org: actor.orgId });
    } else if (actor.orgKind !== 'ADMIN') qb.andWhere('false');
    if (query.programId) qb.andWhere('a.program_id = :programId', { programId: query.programId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    const [items, total] = await qb.getManyAndCount();
    return toPage(await this.named(this.dataSource.manager, items), total, query);
  }

  /**
   * Approval issues the voucher: BUDGET → VOUCHER in the ledger. The budget account row is locked by
   * the transfer, so racing approvals queue on it and the one that would overdraw it is refused
   * (409 BUDGET_EXHAUSTED) — issuance never passes the budget.
   */
  async approve(ctx: RequestContext, id: string, input: ApproveApplicationDto): Promise<NamedApplication> {
    return withTransaction(this.dataSource, async (manager) => {
      const { application, program } = await this.decidable(manager, ctx.actor, id);
      assertApplicationTransition(application.status, 'APPROVED');
      const requested = parseFen(application.requestedFen);
      const amountFen = input.amountFen ?? requested;
      if (amountFen > requested) {
        throw new DomainError('VALIDATION_FAILED', 'Approve at most the amount asked for', {
          fields: [{ field: 'amountFen', message: `must not exceed ${requested}` }],
        });
      }
      const today = chinaDate(this.clock.now());
      const voucher = await manager.save(
        manager.create(Voucher, {
          code: generateVoucherCode(program.year),
          programId: program.id,
          smeOrgId: application.smeOrgId,
          faceValueFen: String(amountFen),
          ...voucherValidity(today, program.validityDays),
        }),
      );
      await this.ledger.openVoucherAccounts(manager, program.id, voucher.id);
      try {
        await this.ledger.transfer(
          manager,
          { programId: program.id, kind: 'ISSUE', refType: 'voucher', refId: voucher.id },
          { kind: 'BUDGET' },
          { kind: 'VOUCHER', voucherId: voucher.id },
          amountFen,
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'INSUFFICIENT_BALANCE') {
          throw new DomainError('BUDGET_EXHAUSTED', 'The program budget cannot cover this voucher', {
            remainingFen: (error.details as { balanceFen: number }).balanceFen,
            amountFen,
          });
        }
        throw error;
      }
      // The first voucher freezes the rules (SPEC §6); later approvals find it set and leave the row alone.
      await manager.query(
        `UPDATE voucher_programs SET rules_locked_at = now() WHERE id = $1 AND rules_locked_at IS NULL`,
        [program.id],
      );
      const decision = {
        status: 'APPROVED' as const,
        approvedFen: String(amountFen),
        voucherId: voucher.id,
        decidedAt: this.clock.now(),
        decidedByOrgId: ctx.actor.orgId,
      };
      Object.assign(application, decision);
      await manager.update(VoucherApplication, application.id, decision);
      await this.events.record(manager, ctx, {
        action: 'voucher.application.approved',
        entityType: 'voucher_application',
        entityId: application.id,
        subjectOrgId: application.smeOrgId,
        notify: [application.smeOrgId],
        before: { status: 'PENDING' },
        after: { status: 'APPROVED', approvedFen: amountFen, voucherId: voucher.id, code: voucher.code },
      });
      return (await this.named(manager, [application]))[0];
    });
  }

  async reject(ctx: RequestContext, id: string, input: ReasonDto): Promise<NamedApplication> {
    return withTransaction(this.dataSource, async (manager) => {
      const { application } = await this.decidable(manager, ctx.actor, id);
      assertApplicationTransition(application.status, 'REJECTED');
      const decision = {
        status: 'REJECTED' as const,
        reason: input.reason,
        decidedAt: this.clock.now(),
        decidedByOrgId: ctx.actor.orgId,
      };
      Object.assign(application, decision);
      await manager.update(VoucherApplication, application.id, decision);
      await this.events.record(manager, ctx, {
        action: 'voucher.application.rejected',
        entityType: 'voucher_application',
        entityId: application.id,
        subjectOrgId: application.smeOrgId,
        notify: [application.smeOrgId],
        before: { status: 'PENDING' },
        after: { status: 'REJECTED', reason: input.reason },
      });
      return (await this.named(manager, [application]))[0];
    });
  }

  /** The SME withdraws its pending application (after which it may apply again). */
  async withdraw(ctx: RequestContext, id: string): Promise<NamedApplication> {
    return withTransaction(this.dataSource, async (manager) => {
      const application = await manager.findOne(VoucherApplication, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!application || application.smeOrgId !== ctx.actor.orgId) throw new NotFoundError('Voucher application');
      assertApplicationTransition(application.status, 'WITHDRAWN');
      const change = { status: 'WITHDRAWN' as const, decidedAt: this.clock.now() };
      Object.assign(application, change);
      await manager.update(VoucherApplication, application.id, change);
      const program = await manager.findOneByOrFail(VoucherProgram, { id: application.programId });
      await this.events.record(manager, ctx, {
        action: 'voucher.application.withdrawn',
        entityType: 'voucher_application',
        entityId: application.id,
        subjectOrgId: application.smeOrgId,
        notify: [program.bureauOrgId],
        before: { status: 'PENDING' },
        after: { status: 'WITHDRAWN' },
      });
      return (await this.named(manager, [application]))[0];
    });
  }

  /** The applications with their SMEs' names: one lookup of the orgs they name. */
  private async named(manager: EntityManager, applications: VoucherApplication[]): Promise<NamedApplication[]> {
    const ids = [...new Set(applications.map((a) => a.smeOrgId))];
    const orgs = await this.orgs.voucherFactsOf(ids, manager);
    const names = new Map([...orgs.values()].map((o) => [o.orgId, o.name]));
    // A failed spot check marks the SME for the bureau's attention on its later applications (issue 16).
    const failed = ids.length
      ? await manager.query<{ sme_org_id: string; n: number }[]>(
          `SELECT sme_org_id, count(*)::int AS n FROM spot_check_records
            WHERE result = 'FAIL' AND sme_org_id = ANY($1::uuid[]) GROUP BY sme_org_id`,
          [ids],
        )
      : [];
    const failures = new Map(failed.map((r) => [r.sme_org_id, r.n]));
    return applications.map((a) =>
      Object.assign(a, { smeOrgName: names.get(a.smeOrgId) ?? '', failedSpotChecks: failures.get(a.smeOrgId) ?? 0 }),
    );
  }

  /**
   * The application locked (racing decisions on it queue), and its program — which must be run by the
   * actor's bureau (else 404) and not be a draft. The program row is key-share-locked: rules cannot
   * change under an approval, while approvals do not wait for each other.
   */
  private async decidable(manager: EntityManager, actor: Actor, id: string) {
    const application = await manager.findOne(VoucherApplication, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!application) throw new NotFoundError('Voucher application');
    // FOR KEY SHARE: it conflicts with a PATCH's FOR UPDATE, but not with the rules_locked_at UPDATE a
    // racing approval makes (a FOR SHARE lock would, and racing approvals would deadlock on it).
    const program = await manager.findOne(VoucherProgram, {
      where: { id: application.programId },
      lock: { mode: 'for_key_share' },
    });
    if (!program || !runsProgram(actor, program)) throw new NotFoundError('Voucher application');
    if (program.status === 'DRAFT') {
      throw new DomainError('PROGRAM_NOT_OPEN', 'The program is not open', { currentState: program.status });
    }
    return { application, program };
  }

  /** SPEC §6 applicant rules: open program, inside the window, within the face-value cap, eligible SME. */
  private assertMayApply(
    program: VoucherProgram,
    sme: Pick<OrgVoucherFacts, 'techSme' | 'isTeam' | 'regionCode'>,
    amountFen: number,
  ): void {
    if (program.status !== 'OPEN') {
      throw new DomainError('PROGRAM_NOT_OPEN', 'The program does not take applications', {
        currentState: program.status,
      });
    }
    const today = chinaDate(this.clock.now());
    if (today < program.applyFrom || today > program.applyUntil) {
      throw new DomainError(
        'APPLICATION_WINDOW_CLOSED',
        `Applications are taken from ${program.applyFrom} to ${program.applyUntil}`,
      );
    }
    const max = parseFen(program.maxVoucherFen);
    if (amountFen > max) {
      throw new DomainError('AMOUNT_OVER_VOUCHER_MAX', `A voucher of this program is worth at most ${max} fen`, {
        field: 'amountFen',
        maxVoucherFen: max,
      });
    }
    if (program.smeTechOnly && !sme.techSme) {
      throw new DomainError('SME_NOT_TECH_SME', 'This program is for 科技型中小企业 only');
    }
    if (!program.smeTeamsAllowed && sme.isTeam) {
      throw new DomainError('SME_IS_TEAM', 'This program is not open to start-up teams');
    }
    if (program.smeRegionCodes.length && !program.smeRegionCodes.some((code) => coversRegion(code, sme.regionCode))) {
      throw new DomainError('SME_REGION', 'Your region is outside this program', { regionCode: sme.regionCode });
    }
  }
}

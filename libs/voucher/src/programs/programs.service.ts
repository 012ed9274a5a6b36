import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { DomainError, fieldInvalid, Page, parseFen, toPage } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertProgramTransition, ProgramStatus } from '../domain/program';
import { DEFAULT_CLAIM_WINDOW_DAYS } from '../domain/expiry';
import { validateRule } from '../domain/rule';
import { validateShares } from '../domain/split';
import {
  CreateProgramDto,
  ProgramListQueryDto,
  ProgramRulesDto,
  TopUpDto,
  UpdateProgramDto,
} from '../dto/program.request.dto';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { Ledger } from '../ledger/ledger.service';
import { programRunBy, readableProgram } from './program-access';
import { rulesOf } from './program-rules';

/** Voucher programs (券种): created, changed until the first voucher, opened, closed and funded by a bureau. */
@Injectable()
export class ProgramsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, input: CreateProgramDto): Promise<VoucherProgram> {
    checkRules(input);
    return withTransaction(this.dataSource, async (manager) => {
      const program = await manager.save(
        manager.create(VoucherProgram, { ...rulesColumns(input), bureauOrgId: ctx.actor.orgId, budgetFen: '0' }),
      );
      await this.ledger.openProgramAccounts(
        manager,
        program.id,
        input.cofunders.map((c) => c.key),
      );
      if (input.budgetFen) await this.grant(manager, program, input.budgetFen);
      await this.record(manager, ctx, program, 'voucher_program.created', null);
      return program;
    });
  }

  async list(actor: Actor, query: ProgramListQueryDto): Promise<Page<VoucherProgram>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(VoucherProgram, 'p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip(query.offset)
      .take(query.limit);
    if (actor.orgKind === 'BUREAU') qb.andWhere('p.bureau_org_id = :org', { org: actor.orgId });
    else if (actor.orgKind !== 'ADMIN') qb.andWhere(`p.status <> 'DRAFT'`);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    const [items, total] = await qb.getManyAndCount();
    return toPage(items, total, query);
  }

  get(actor: Actor, id: string): Promise<VoucherProgram> {
    return readableProgram(this.dataSource.manager, actor, id);
  }

  /** Rules change only until the first voucher is issued (SPEC §6); after that, budget top-ups and closing. */
  async update(ctx: RequestContext, id: string, patch: UpdateProgramDto): Promise<VoucherProgram> {
    return withTransaction(this.dataSource, async (manager) => {
      const program = await programRunBy(manager, ctx.actor, id, true);
      if (program.rulesLockedAt || program.status === 'CLOSED') {
        throw new DomainError(
          'PROGRAM_RULES_LOCKED',
          'Vouchers were issued under these rules: they can no longer change',
          {
            currentState: program.status,
          },
        );
      }
      const before = ProgramsService.snapshot(program);
      const merged = { ...rulesOf(program), ...definedFields(patch) } as ProgramRulesDto;
      checkRules(merged);
      if (patch.cofunders)
        await this.ledger.openProgramAccounts(
          manager,
          program.id,
          merged.cofunders.map((c) => c.key),
        );
      Object.assign(program, rulesColumns(merged));
      await manager.save(program);
      await this.record(manager, ctx, program, 'voucher_program.updated', before);
      return program;
    });
  }

  async transition(ctx: RequestContext, id: string, to: Exclude<ProgramStatus, 'DRAFT'>): Promise<VoucherProgram> {
    return withTransaction(this.dataSource, async (manager) => {
      const program = await programRunBy(manager, ctx.actor, id, true);
      const from = program.status;
      assertProgramTransition(from, to);
      program.status = to;
      await manager.save(program);
      await this.record(manager, ctx, program, `voucher_program.${to === 'OPEN' ? 'opened' : 'closed'}`, {
        status: from,
      });
      return program;
    });
  }

  /** A budget top-up: the funders grant more; allowed while the program is not closed. */
  async topUp(ctx: RequestContext, id: string, input: TopUpDto): Promise<VoucherProgram> {
    return withTransaction(this.dataSource, async (manager) => {
      const program = await programRunBy(manager, ctx.actor, id, true);
      if (program.status === 'CLOSED') {
        throw new DomainError('INVALID_STATE_TRANSITION', 'A closed program takes no more budget', {
          currentState: program.status,
        });
      }
      const before = { budgetFen: parseFen(program.budgetFen) };
      await this.grant(manager, program, input.amountFen);
      await this.record(manager, ctx, program, 'voucher_program.budget_added', before);
      return program;
    });
  }

  /** Programs by id, for other services of the context (no access check). */
  async byIds(manager: EntityManager, ids: string[]): Promise<Map<string, VoucherProgram>> {
    const programs = ids.length ? await manager.findBy(VoucherProgram, { id: In(ids) }) : [];
    return new Map(programs.map((p) => [p.id, p]));
  }

  private async grant(manager: EntityManager, program: VoucherProgram, amountFen: number): Promise<void> {
    program.budgetFen = String(parseFen(program.budgetFen) + amountFen);
    await manager.update(VoucherProgram, program.id, { budgetFen: program.budgetFen });
    await this.ledger.transfer(
      manager,
      { programId: program.id, kind: 'BUDGET_GRANT', refType: 'voucher_program', refId: program.id },
      { kind: 'FUNDING' },
      { kind: 'BUDGET' },
      amountFen,
    );
  }

  private record(
    manager: EntityManager,
    ctx: RequestContext,
    program: VoucherProgram,
    action: string,
    before: Record<string, unknown> | null,
  ) {
    return this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'voucher_program',
      entityId: program.id,
      subjectOrgId: program.bureauOrgId,
      before,
      after: ProgramsService.snapshot(program),
      requestId: ctx.requestId,
    });
  }

  private static snapshot(program: VoucherProgram): Record<string, unknown> {
    return { status: program.status, budgetFen: parseFen(program.budgetFen), rule: program.rule, name: program.name };
  }
}

/** Checks the rules as a whole (what field validation cannot see: tiers, shares, dates, caps). */
export function checkRules(rules: ProgramRulesDto): void {
  const ruleProblem = validateRule(rules.rule);
  if (ruleProblem) throw fieldInvalid('rule', ruleProblem);
  const shareProblem = validateShares(rules.cofunders);
  if (shareProblem) throw fieldInvalid('cofunders', shareProblem);
  if (rules.applyUntil < rules.applyFrom) throw fieldInvalid('applyUntil', 'must not be before applyFrom');
  if (rules.capPerOrderFen != null && rules.capPerOrderFen < 1)
    throw fieldInvalid('capPerOrderFen', 'must be positive');
}

function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const fenColumn = (value: number | null | undefined) => (value == null ? null : String(value));

function rulesColumns(r: ProgramRulesDto): Partial<VoucherProgram> {
  return {
    kind: r.kind,
    name: r.name,
    year: r.year,
    rule:
      r.rule.kind === 'RATIO'
        ? { kind: 'RATIO', ratioBp: r.rule.ratioBp! }
        : { kind: 'TIERS', tiers: r.rule.tiers!.map((t) => ({ uptoFen: t.uptoFen ?? null, ratioBp: t.ratioBp })) },
    maxVoucherFen: String(r.maxVoucherFen),
    capPerSmeYearFen: fenColumn(r.capPerSmeYearFen),
    capPerOrderFen: fenColumn(r.capPerOrderFen),
    capPerPlatformYearFen: fenColumn(r.capPerPlatformYearFen),
    onePerPair: r.onePerPair ?? false,
    smeTechOnly: r.smeTechOnly ?? false,
    smeTeamsAllowed: r.smeTeamsAllowed ?? true,
    smeRegionCodes: r.smeRegionCodes ?? [],
    smeFieldCodes: r.smeFieldCodes ?? [],
    eligibleCategories: r.eligibleCategories ?? [],
    excludedPurposes: r.excludedPurposes ?? [],
    platformIds: r.platformIds ?? [],
    minRecognitionLevel: r.minRecognitionLevel ?? 'NONE',
    applyFrom: r.applyFrom,
    applyUntil: r.applyUntil,
    validityDays: r.validityDays,
    redemptionMode: r.redemptionMode,
    cofunders: r.cofunders.map((c) => ({ key: c.key, name: c.name, shareBp: c.shareBp })),
    noticeDays: r.noticeDays ?? 7,
    claimWindowDays: r.claimWindowDays ?? DEFAULT_CLAIM_WINDOW_DAYS,
    spotCheckBp: r.spotCheckBp ?? 500,
    makerChecker: r.makerChecker ?? true,
  };
}

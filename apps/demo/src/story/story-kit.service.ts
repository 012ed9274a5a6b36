import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DeliverablesService,
  OrdersService,
  PaymentsService,
  ReservationsService,
  ReviewsService,
} from '@pilotlink/booking';
import { chinaDate, Clock } from '@pilotlink/core';
import { DemandsService, ExpiryService, QuotesService } from '@pilotlink/demand';
import {
  EvaluationsService,
  RecognitionsService,
  RevenueDeclarationsService,
  SubsidiesService,
} from '@pilotlink/governance';
import type { RequestContext, UserRole } from '@pilotlink/core';
import {
  ApplicationsService,
  ClaimsService,
  DisbursementsService,
  HoldsService,
  ObjectionsService,
  ProgramsService,
  SpotChecksService,
  VoucherExpiryService,
} from '@pilotlink/voucher';
import { DataSource, EntitySubscriberInterface, InsertEvent } from 'typeorm';

const DAY_MS = 86_400_000;

/** A small but real PDF: the acceptance report (验收报告) a platform delivers. */
export const DEMO_REPORT_PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n% PilotLink demo acceptance report\n'),
  Buffer.alloc(1_200, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

/**
 * What the demo story needs: the domain services (every row is written through them, so ledger, audit
 * and outbox rows come with it), the actors by login, and the seed's own time. The story happens over
 * the past year: the seed moves the injected Clock (the seam the test clock uses too) to the day a step
 * happens, so the dates services take from "now" — decisions, notices, validity, completion — spread out.
 */
@Injectable()
export class StoryKit {
  private offsetMs = 0;
  private restoreClock: (() => void) | null = null;
  private readonly contexts = new Map<string, RequestContext>();

  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    readonly clock: Clock,
    readonly demands: DemandsService,
    readonly quotes: QuotesService,
    readonly demandExpiry: ExpiryService,
    readonly orders: OrdersService,
    readonly payments: PaymentsService,
    readonly deliverables: DeliverablesService,
    readonly reviews: ReviewsService,
    readonly reservations: ReservationsService,
    readonly programs: ProgramsService,
    readonly applications: ApplicationsService,
    readonly holds: HoldsService,
    readonly claims: ClaimsService,
    readonly disbursements: DisbursementsService,
    readonly objections: ObjectionsService,
    readonly spotChecks: SpotChecksService,
    readonly voucherExpiry: VoucherExpiryService,
    readonly recognitions: RecognitionsService,
    readonly evaluations: EvaluationsService,
    readonly subsidies: SubsidiesService,
    readonly revenue: RevenueDeclarationsService,
  ) {}

  /** From here on the services' "now" is `days` from the real now (negative: in the past). */
  at(days: number, hours = 0): void {
    if (!this.restoreClock) {
      const original = this.clock.now;
      this.clock.now = () => new Date(Date.now() + this.offsetMs);
      // Rows inserted meanwhile carry the story's time too (created_at/updated_at default to the database's now()).
      const stamp = new StoryTimestamps(() => this.clock.now());
      this.dataSource.subscribers.push(stamp);
      this.restoreClock = () => {
        this.clock.now = original;
        this.dataSource.subscribers.splice(this.dataSource.subscribers.indexOf(stamp), 1);
      };
    }
    this.offsetMs = days * DAY_MS + hours * 3_600_000;
  }

  /** From here on the services' "now" is this instant. */
  atInstant(instant: Date): void {
    this.at(0);
    this.offsetMs = instant.getTime() - Date.now();
  }

  /** Back to real time, the clock as it was. */
  restore(): void {
    this.restoreClock?.();
    this.restoreClock = null;
    this.offsetMs = 0;
  }

  /** The China calendar date `days` from the real today. */
  date(days: number): string {
    return chinaDate(new Date(Date.now() + days * DAY_MS));
  }

  /** The acting context of a demo login (its org, its role), as the API would build it from a token. */
  async as(email: string): Promise<RequestContext> {
    const known = this.contexts.get(email);
    if (known) return known;
    const [row] = await this.dataSource.query<
      { user_id: string; org_id: string; kind: string; region_code: string; role: UserRole }[]
    >(
      `SELECT u.id AS user_id, o.id AS org_id, o.kind, o.region_code, u.role
         FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.email = $1`,
      [email],
    );
    if (!row) throw new Error(`demo login ${email} is missing: run the identity seed first`);
    const ctx: RequestContext = {
      actor: {
        userId: row.user_id,
        orgId: row.org_id,
        orgKind: row.kind as RequestContext['actor']['orgKind'],
        role: row.role,
        regionCode: row.region_code,
      },
      requestId: 'demo-seed',
    };
    this.contexts.set(email, ctx);
    return ctx;
  }

  /** A platform's id by name (the catalogue seed made them). */
  async platformId(name: string): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM platforms WHERE name = $1`, [name]);
    if (!row) throw new Error(`demo platform ${name} is missing: run the catalogue seed first`);
    return row.id;
  }

  /** A published service's id by title. */
  async serviceId(title: string): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM services WHERE title = $1`, [title]);
    if (!row) throw new Error(`demo service ${title} is missing: run the catalogue seed first`);
    return row.id;
  }

  /** An instrument's id by name. */
  async equipmentId(name: string): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM equipment WHERE name = $1`, [name]);
    if (!row) throw new Error(`demo equipment ${name} is missing: run the catalogue seed first`);
    return row.id;
  }
}

/** Sets an inserted row's create/update date columns, when it does not set them itself, to the story's now. */
class StoryTimestamps implements EntitySubscriberInterface {
  constructor(private readonly now: () => Date) {}

  beforeInsert(event: InsertEvent<object>): void {
    // The outbox is plumbing, not the story: its age measures the relay's lag (health, metrics).
    if (!event.entity || event.metadata.tableName === 'outbox') return;
    const at = this.now();
    for (const column of [event.metadata.createDateColumn, event.metadata.updateDateColumn]) {
      if (column && column.getEntityValue(event.entity) === undefined) column.setEntityValue(event.entity, at);
    }
  }
}

import { Injectable } from '@nestjs/common';
import { OrderFacts } from '@pilotlink/booking';
import { NotFoundError } from '@pilotlink/core';
import { DemandFacts } from '@pilotlink/demand';
import { coversRegion, OrgDirectory } from '@pilotlink/identity';
import { Actor } from '@pilotlink/core';
import { ResultFacts } from '@pilotlink/research';
import type { KeyProjectSubjectType } from '../domain/key-project';

/** A result, demand or order as governance may know it: a title and the orgs that are its parties. */
export interface KeyProjectSubject {
  type: KeyProjectSubjectType;
  id: string;
  title: string;
  partyOrgIds: string[];
}

const SUBJECT_NAMES: Record<KeyProjectSubjectType, string> = { RESULT: 'Result', DEMAND: 'Demand', ORDER: 'Order' };
const CANDIDATE_LIMIT = 20;

/**
 * Reads key-project subjects through their owners' ports (research, demand, booking) and decides
 * jurisdiction: a bureau covers a subject when it covers one of its parties' regions (350500 covers an
 * order between a 晋江 SME and a 福州 platform, and so does 350100).
 */
@Injectable()
export class KeyProjectSubjects {
  constructor(
    private readonly results: ResultFacts,
    private readonly demands: DemandFacts,
    private readonly orders: OrderFacts,
    private readonly orgs: OrgDirectory,
  ) {}

  /** The subject (not a draft), or null. */
  async find(type: KeyProjectSubjectType, id: string): Promise<KeyProjectSubject | null> {
    const [facts] = await this.port(type).ofIds([id]);
    return facts ? { type, ...facts } : null;
  }

  /** The subject if the bureau covers one of its parties; otherwise the 404 of a missing one. */
  async inJurisdiction(actor: Actor, type: KeyProjectSubjectType, id: string): Promise<KeyProjectSubject> {
    const subject = await this.find(type, id);
    if (!subject || !(await this.covers(actor, subject.partyOrgIds))) throw new NotFoundError(SUBJECT_NAMES[type]);
    return subject;
  }

  async covers(actor: Actor, partyOrgIds: readonly string[]): Promise<boolean> {
    if (actor.orgKind !== 'BUREAU') return false;
    const regions = await this.orgs.regionsOf(partyOrgIds);
    return [...regions.values()].some((region) => coversRegion(actor.regionCode, region));
  }

  /** What the bureau may mark: newest subjects of orgs in its jurisdiction, optionally by a title fragment. */
  async candidates(actor: Actor, type: KeyProjectSubjectType, q: string | undefined): Promise<KeyProjectSubject[]> {
    const orgIds = await this.orgs.orgIdsInJurisdiction(actor.regionCode);
    const facts = await this.port(type).ofOrgs(orgIds, q, CANDIDATE_LIMIT);
    return facts.map((f) => ({ type, ...f }));
  }

  private port(type: KeyProjectSubjectType): ResultFacts | DemandFacts | OrderFacts {
    return type === 'RESULT' ? this.results : type === 'DEMAND' ? this.demands : this.orders;
  }
}

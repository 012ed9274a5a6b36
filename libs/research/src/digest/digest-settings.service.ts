import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { DataSource } from 'typeorm';
import { DigestSetting } from './digest-period';

/** How often each org hears of new results (issue 21: "weekly by default, per org setting"). */
@Injectable()
export class DigestSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(actor: Actor, orgId: string): Promise<DigestSetting> {
    if (orgId !== actor.orgId) throw new NotFoundError('Org');
    return (await this.settingsOf([orgId])).get(orgId) ?? 'WEEKLY';
  }

  async put(actor: Actor, orgId: string, frequency: DigestSetting): Promise<DigestSetting> {
    if (orgId !== actor.orgId) throw new NotFoundError('Org');
    await this.dataSource.query(
      `INSERT INTO research_digest_settings (org_id, frequency) VALUES ($1, $2)
       ON CONFLICT (org_id) DO UPDATE SET frequency = EXCLUDED.frequency, updated_at = now()`,
      [orgId, frequency],
    );
    return frequency;
  }

  /** The settings these orgs chose; an org missing from the map is WEEKLY. */
  async settingsOf(orgIds: readonly string[]): Promise<Map<string, DigestSetting>> {
    if (orgIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ org_id: string; frequency: DigestSetting }[]>(
      `SELECT org_id, frequency FROM research_digest_settings WHERE org_id = ANY($1::uuid[])`,
      [[...orgIds]],
    );
    return new Map(rows.map((row) => [row.org_id, row.frequency]));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What one subscription asks for, as far as other contexts match on it. */
export interface SubscribedInterest {
  orgId: string;
  fieldCodes: string[];
  keywords: string[];
}

/**
 * Subscriptions other contexts match their subjects against (research: the SMEs that may adopt a result,
 * or hear of it in a digest). Whose orgs they are, and whether they qualify, is the caller's to check.
 */
@Injectable()
export class SubscriptionMatches {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Subscriptions naming any of these fields, oldest first. */
  inFields(fieldCodes: readonly string[]): Promise<SubscribedInterest[]> {
    return this.interests(`field_codes && $1::text[]`, fieldCodes);
  }

  /** Subscriptions naming any of these fields or any keyword (keywords are matched by the caller), oldest first. */
  inFieldsOrWithKeywords(fieldCodes: readonly string[]): Promise<SubscribedInterest[]> {
    return this.interests(`(field_codes && $1::text[] OR cardinality(keywords) > 0)`, fieldCodes);
  }

  private async interests(where: string, fieldCodes: readonly string[]): Promise<SubscribedInterest[]> {
    const rows = await this.dataSource.query<{ org_id: string; field_codes: string[]; keywords: string[] }[]>(
      `SELECT org_id, field_codes, keywords FROM subscriptions WHERE ${where} ORDER BY created_at, id`,
      [[...fieldCodes]],
    );
    return rows.map((row) => ({ orgId: row.org_id, fieldCodes: row.field_codes, keywords: row.keywords }));
  }
}

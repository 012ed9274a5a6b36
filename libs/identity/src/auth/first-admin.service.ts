import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { withTransaction } from '@pilotlink/database';
import { DataSource } from 'typeorm';
import { Org } from '../domain/org.entity';
import { User } from '../domain/user.entity';
import { AuthService } from './auth.service';

export interface FirstAdminInput {
  email: string;
  displayName: string;
  password: string;
  orgName: string;
  uscc: string;
  regionCode: string;
}

/**
 * The first administrator of an install (production never loads demo data): an ADMIN org, verified by
 * itself, and its owner. Refuses an email already taken; an existing ADMIN org with this USCC is reused.
 */
@Injectable()
export class FirstAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  async create(input: FirstAdminInput): Promise<{ orgId: string; userId: string }> {
    return withTransaction(this.dataSource, async (manager) => {
      if (await manager.existsBy(User, { email: input.email.toLowerCase() })) {
        throw new Error(`a user with email ${input.email} already exists`);
      }
      let org = await manager.findOneBy(Org, { uscc: input.uscc });
      if (org && org.kind !== 'ADMIN') throw new Error(`USCC ${input.uscc} belongs to a non-admin organisation`);
      if (!org) {
        org = await this.auth.insertOrg(
          manager,
          { kind: 'ADMIN', name: input.orgName, uscc: input.uscc, regionCode: input.regionCode },
          { verificationStatus: 'VERIFIED', verifiedAt: new Date(), verifiedByOrgId: null },
        );
        await manager.update(Org, { id: org.id }, { verifiedByOrgId: org.id });
      }
      const user = await this.auth.insertUser(
        manager,
        org.id,
        { email: input.email.toLowerCase(), displayName: input.displayName, password: input.password },
        'OWNER',
      );
      return { orgId: org.id, userId: user.id };
    });
  }
}

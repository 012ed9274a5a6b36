import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@pilotlink/audit';
import { CoreModule } from '@pilotlink/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DatabaseModule, withTransaction } from '@pilotlink/database';
import { AuthService, IdentityModule, Org, User } from '@pilotlink/identity';
import { DataSource } from 'typeorm';

export interface CreateAdminInput {
  email: string;
  displayName: string;
  password: string;
  orgName: string;
  uscc: string;
  regionCode: string;
}

/** Identity and the database, configured when called (not when this file is loaded). */
@Module({})
class AdminCreateModule {
  static forRoot(): DynamicModule {
    return { module: AdminCreateModule, imports: [CoreModule.forRoot(), DatabaseModule, AuditModule, IdentityModule] };
  }
}

/**
 * The first administrator of an install (production never loads demo data): an ADMIN org, verified by
 * itself, and its owner. Refuses an email already taken; an existing ADMIN org with this USCC is reused.
 */
export async function createAdmin(input: CreateAdminInput): Promise<{ orgId: string; userId: string }> {
  if (input.password.length < 12) throw new Error('ADMIN_PASSWORD must be at least 12 characters');
  const app = await NestFactory.createApplicationContext(AdminCreateModule.forRoot(), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    const auth = app.get(AuthService);
    return await withTransaction(app.get<DataSource>(getDataSourceToken()), async (manager) => {
      if (await manager.existsBy(User, { email: input.email.toLowerCase() })) {
        throw new Error(`a user with email ${input.email} already exists`);
      }
      let org = await manager.findOneBy(Org, { uscc: input.uscc });
      if (org && org.kind !== 'ADMIN') throw new Error(`USCC ${input.uscc} belongs to a non-admin organisation`);
      if (!org) {
        org = await auth.insertOrg(
          manager,
          { kind: 'ADMIN', name: input.orgName, uscc: input.uscc, regionCode: input.regionCode },
          { verificationStatus: 'VERIFIED', verifiedAt: new Date(), verifiedByOrgId: null },
        );
        await manager.update(Org, { id: org.id }, { verifiedByOrgId: org.id });
      }
      const user = await auth.insertUser(
        manager,
        org.id,
        { email: input.email.toLowerCase(), displayName: input.displayName, password: input.password },
        'OWNER',
      );
      return { orgId: org.id, userId: user.id };
    });
  } finally {
    await app.close();
  }
}

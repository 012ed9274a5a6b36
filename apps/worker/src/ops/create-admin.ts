import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@pilotlink/audit';
import { CoreModule } from '@pilotlink/core';
import { DatabaseModule } from '@pilotlink/database';
import { FirstAdminInput, FirstAdminService, IdentityModule } from '@pilotlink/identity';

export type CreateAdminInput = FirstAdminInput;

/** Identity and the database, configured when called (not when this file is loaded). */
@Module({})
class AdminCreateModule {
  static forRoot(): DynamicModule {
    return { module: AdminCreateModule, imports: [CoreModule.forRoot(), DatabaseModule, AuditModule, IdentityModule] };
  }
}

/** `cli.js admin:create`: the first administrator of an install, by identity's FirstAdminService. */
export async function createAdmin(input: CreateAdminInput): Promise<{ orgId: string; userId: string }> {
  if (input.password.length < 12) throw new Error('ADMIN_PASSWORD must be at least 12 characters');
  const app = await NestFactory.createApplicationContext(AdminCreateModule.forRoot(), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    return await app.get(FirstAdminService).create(input);
  } finally {
    await app.close();
  }
}

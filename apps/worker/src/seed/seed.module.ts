import { Module } from '@nestjs/common';
import { AuditModule } from '@pilotlink/audit';
import { CoreModule } from '@pilotlink/core';
import { DatabaseModule } from '@pilotlink/database';
import { IdentityModule } from '@pilotlink/identity';
import { DemoIdentitySeed } from './demo-identity.seed';

/** Just what loading demo data needs: no queues, no HTTP. */
@Module({
  imports: [CoreModule.forRoot(), DatabaseModule, AuditModule, IdentityModule],
  providers: [DemoIdentitySeed],
})
export class SeedModule {}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@pilotlink/core';
import { AccessGuard } from './access/access.guard';
import { AuthController, MeController } from './api/auth.controller';
import {
  AuthThrottlerGuard,
  LoginLockoutService,
  ObjectionThrottlerGuard,
  PublicThrottlerGuard,
  throttlerOptions,
} from './api/throttling.guard';
import { OrgCorrectionsController } from './api/org-corrections.controller';
import { OrgsController } from './api/orgs.controller';
import { IdentityModule } from './identity.module';

/**
 * The HTTP surface of identity, plus the global AccessGuard every other context's routes rely on.
 * Throttling (Redis-backed, see api/throttling.ts): per account and per address on login, per address on
 * sign-up/refresh and on every anonymous route.
 */
@Module({
  imports: [
    IdentityModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: AppConfig) => throttlerOptions(config),
    }),
  ],
  controllers: [AuthController, MeController, OrgsController, OrgCorrectionsController],
  providers: [
    AuthThrottlerGuard,
    ObjectionThrottlerGuard,
    LoginLockoutService,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: PublicThrottlerGuard },
  ],
})
export class IdentityApiModule {}

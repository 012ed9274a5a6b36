import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@pilotlink/core';
import { AccessGuard } from './access/access.guard';
import { AuthController, MeController } from './api/auth.controller';
import { AuthThrottlerGuard } from './api/login-throttler.guard';
import { OrgsController } from './api/orgs.controller';
import { IdentityModule } from './identity.module';

/**
 * The HTTP surface of identity, plus the global AccessGuard every other context's routes rely on.
 * Throttling: `login` counts attempts per IP and account, `auth` guards sign-up and refresh per IP.
 */
@Module({
  imports: [
    IdentityModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'login', ttl: 60_000, limit: config.get('LOGIN_RATE_LIMIT', { infer: true }) },
          { name: 'auth', ttl: 60_000, limit: config.get('AUTH_RATE_LIMIT', { infer: true }) },
        ],
      }),
    }),
  ],
  controllers: [AuthController, MeController, OrgsController],
  providers: [AuthThrottlerGuard, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class IdentityApiModule {}

import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@pilotlink/core';
import { AuthService } from './auth/auth.service';
import { FirstAdminService } from './auth/first-admin.service';
import { MeService } from './auth/me.service';
import { PasswordService } from './auth/password.service';
import { TokenService } from './auth/token.service';
import { Org } from './domain/org.entity';
import { OrgCorrection } from './domain/org-correction.entity';
import { RefreshToken } from './domain/refresh-token.entity';
import { User } from './domain/user.entity';
import { OrgDirectory } from './orgs/org-directory.service';
import { OrgsService } from './orgs/orgs.service';
import { OrgCorrectionsService } from './orgs/org-corrections.service';
import { OrgDisplay } from './orgs/org-display.port';

/** Orgs, users and sessions: the services, usable by the API and the worker alike. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Org, User, RefreshToken, OrgCorrection]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: jsonwebtoken would otherwise try (and fail) to parse the string as
        // a PEM public key on every verify before treating it as a secret — 5 % of the API's CPU under load.
        secret: createSecretKey(Buffer.from(String(config.get('JWT_SECRET', { infer: true })), 'utf8')),
        signOptions: { issuer: 'pilotlink', audience: 'pilotlink-api' },
        verifyOptions: { issuer: 'pilotlink', audience: 'pilotlink-api', algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    PasswordService,
    TokenService,
    AuthService,
    MeService,
    OrgDirectory,
    OrgCorrectionsService,
    OrgsService,
    OrgDisplay,
    FirstAdminService,
  ],
  exports: [
    FirstAdminService,
    PasswordService,
    TokenService,
    AuthService,
    MeService,
    OrgDirectory,
    OrgCorrectionsService,
    OrgsService,
    JwtModule,
    OrgDisplay,
  ],
})
export class IdentityModule {}

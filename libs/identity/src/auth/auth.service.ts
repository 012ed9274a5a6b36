import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { AppConfig, Clock } from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import { DataSource, EntityManager } from 'typeorm';
import {
  emailTaken,
  invalidCredentials,
  refreshTokenInvalid,
  refreshTokenReused,
  teamLeaderTaken,
  usccTaken,
} from '../domain/identity.errors';
import { Org } from '../domain/org.entity';
import { hashResidentId, maskResidentId } from '../domain/resident-id';
import { User } from '../domain/user.entity';
import { NewUserDto, RegisterOrgDto, RegisterRequestDto } from '../dto/auth.request.dto';
import { PasswordService } from './password.service';
import { IssuedTokens, TokenService } from './token.service';

export interface Session {
  tokens: IssuedTokens;
  user: User;
  org: Org;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    @Inject(ConfigService) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Self-registration of an SME or platform operator: the org starts PENDING verification. */
  async register(input: RegisterRequestDto, requestId: string | null): Promise<Session> {
    const passwordHash = await this.passwords.hash(input.user.password);
    return withTransaction(this.dataSource, async (manager) => {
      const org = await this.insertOrg(manager, input.org);
      const user = await this.insertUser(manager, org.id, input.user, 'OWNER', passwordHash);
      await this.audit.record(manager, {
        actor: { userId: user.id, orgId: org.id },
        action: 'org.registered',
        entityType: 'org',
        entityId: org.id,
        subjectOrgId: org.id,
        after: { kind: org.kind, name: org.name, uscc: org.uscc, regionCode: org.regionCode, ownerEmail: user.email },
        requestId,
      });
      const issued = await this.tokens.issue(manager, user, org);
      return { tokens: issued.tokens, user, org };
    });
  }

  async login(email: string, password: string, requestId: string | null): Promise<Session> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const passwordOk = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !passwordOk || !user.isActive) throw invalidCredentials();
    return withTransaction(this.dataSource, async (manager) => {
      const org = await manager.findOneByOrFail(Org, { id: user.orgId });
      await manager.update(User, { id: user.id }, { lastLoginAt: this.clock.now() });
      await this.audit.record(manager, {
        actor: { userId: user.id, orgId: org.id },
        action: 'user.logged_in',
        entityType: 'user',
        entityId: user.id,
        subjectOrgId: org.id,
        requestId,
      });
      const issued = await this.tokens.issue(manager, user, org);
      return { tokens: issued.tokens, user, org };
    });
  }

  /**
   * Rotates a refresh token. A token that was already rotated is a stolen or replayed one: the
   * revocation of its whole family is committed first, then the caller gets 401.
   */
  async refresh(presented: string): Promise<IssuedTokens> {
    const outcome = await withTransaction(this.dataSource, async (manager) => {
      const inspection = await this.tokens.inspect(manager, presented);
      if (inspection.kind === 'invalid') return { error: refreshTokenInvalid() };
      if (inspection.kind === 'reused') {
        await this.tokens.revokeFamily(manager, inspection.token.familyId, 'REUSE_DETECTED');
        await this.audit.record(manager, {
          actor: { userId: inspection.token.userId, orgId: null },
          action: 'session.reuse_detected',
          entityType: 'session',
          entityId: inspection.token.familyId,
        });
        return { error: refreshTokenReused() };
      }
      const user = await manager.findOneByOrFail(User, { id: inspection.token.userId });
      const org = await manager.findOneByOrFail(Org, { id: user.orgId });
      if (!user.isActive) return { error: refreshTokenInvalid() };
      const issued = await this.tokens.issue(manager, user, org, inspection.token.familyId);
      await this.tokens.markRotated(manager, inspection.token, issued.refreshTokenId);
      return { tokens: issued.tokens };
    });
    if (outcome.error) {
      if (outcome.error.code === 'REFRESH_TOKEN_REUSED')
        this.logger.warn('refresh token reuse detected; session revoked');
      throw outcome.error;
    }
    return outcome.tokens!;
  }

  /** Ends the session the refresh token belongs to; unknown tokens are ignored (logout is idempotent). */
  async logout(presented: string): Promise<void> {
    await withTransaction(this.dataSource, async (manager) => {
      const inspection = await this.tokens.inspect(manager, presented);
      if (inspection.kind === 'invalid') return;
      await this.tokens.revokeFamily(manager, inspection.token.familyId, 'LOGOUT');
    });
  }

  async insertOrg(
    manager: EntityManager,
    input: RegisterOrgDto | (Omit<RegisterOrgDto, 'kind'> & { kind: Org['kind'] }),
    verification?: Pick<Org, 'verificationStatus' | 'verifiedAt' | 'verifiedByOrgId'>,
  ): Promise<Org> {
    const isTeam = input.isTeam === true && input.kind === 'SME';
    const pepper = this.config.get('TEAM_ID_PEPPER', { infer: true });
    const org = manager.create(Org, {
      kind: input.kind,
      name: input.name,
      uscc: isTeam ? null : (input.uscc ?? null),
      isTeam,
      teamLeaderName: isTeam ? (input.teamLeaderName ?? null) : null,
      teamLeaderIdMasked: isTeam && input.teamLeaderId ? maskResidentId(input.teamLeaderId) : null,
      teamLeaderIdHash: isTeam && input.teamLeaderId ? hashResidentId(input.teamLeaderId, pepper) : null,
      regionCode: input.regionCode,
      legalRepresentative: input.legalRepresentative ?? null,
      techSme: input.techSme ?? false,
      size: input.size ?? null,
      contactPhone: input.contactPhone ?? null,
      address: input.address ?? null,
      ...verification,
    });
    try {
      return await manager.save(org);
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'orgs_uscc_key') throw usccTaken();
      if (constraint === 'orgs_team_leader_uq') throw teamLeaderTaken();
      throw error;
    }
  }

  async insertUser(
    manager: EntityManager,
    orgId: string,
    input: NewUserDto,
    role: User['role'],
    passwordHash?: string,
  ): Promise<User> {
    const user = manager.create(User, {
      orgId,
      email: input.email,
      displayName: input.displayName,
      role,
      passwordHash: passwordHash ?? (await this.passwords.hash(input.password)),
    });
    try {
      return await manager.save(user);
    } catch (error) {
      if (uniqueViolation(error) === 'users_email_uq') throw emailTaken();
      throw error;
    }
  }
}

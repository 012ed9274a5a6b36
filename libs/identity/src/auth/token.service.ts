import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppConfig, Clock } from '@pilotlink/core';
import { EntityManager, IsNull, LessThan } from 'typeorm';
import { AccessTokenClaims } from '../access/actor';
import { Org } from '../domain/org.entity';
import { RefreshToken } from '../domain/refresh-token.entity';
import { mintRefreshToken, parseRefreshToken, secretMatches } from '../domain/refresh-token';
import { User } from '../domain/user.entity';

export interface IssuedTokens {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

/** What `issue` returns: the tokens for the client, plus the new refresh token's row id. */
export interface IssuedSession {
  tokens: IssuedTokens;
  refreshTokenId: string;
}

/**
 * Short-lived JWT access tokens plus rotating refresh tokens. Each refresh replaces the token it
 * used; presenting a replaced token again means it leaked, so the whole family (login session) is
 * revoked.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(ConfigService) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private get accessTtl(): number {
    return this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true });
  }

  private get refreshTtl(): number {
    return this.config.get('REFRESH_TOKEN_TTL_SECONDS', { infer: true });
  }

  async issue(manager: EntityManager, user: User, org: Org, familyId: string = randomUUID()): Promise<IssuedSession> {
    const minted = mintRefreshToken();
    await manager.insert(RefreshToken, {
      id: minted.id,
      userId: user.id,
      familyId,
      tokenHash: minted.hash,
      expiresAt: new Date(this.clock.now().getTime() + this.refreshTtl * 1000),
    });
    const claims: AccessTokenClaims = {
      sub: user.id,
      org: org.id,
      kind: org.kind,
      role: user.role,
      region: org.regionCode,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.accessTtl });
    return {
      tokens: { tokenType: 'Bearer', accessToken, expiresIn: this.accessTtl, refreshToken: minted.token },
      refreshTokenId: minted.id,
    };
  }

  /**
   * Looks up the presented token with its row locked, so two racing refreshes with one token cannot
   * both succeed: the loser finds it rotated, which counts as reuse.
   */
  async inspect(manager: EntityManager, presented: string): Promise<RefreshInspection> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) return { kind: 'invalid' };
    const row = await manager.findOne(RefreshToken, { where: { id: parsed.id }, lock: { mode: 'pessimistic_write' } });
    if (!row || !secretMatches(parsed.secret, row.tokenHash)) return { kind: 'invalid' };
    if (row.revokedAt) return row.revokedReason === 'ROTATED' ? { kind: 'reused', token: row } : { kind: 'invalid' };
    if (row.expiresAt <= this.clock.now()) return { kind: 'invalid' };
    return { kind: 'valid', token: row };
  }

  async markRotated(manager: EntityManager, token: RefreshToken, successorId: string): Promise<void> {
    await manager.update(
      RefreshToken,
      { id: token.id },
      { revokedAt: this.clock.now(), revokedReason: 'ROTATED', replacedById: successorId },
    );
  }

  async revokeFamily(manager: EntityManager, familyId: string, reason: 'LOGOUT' | 'REUSE_DETECTED'): Promise<void> {
    await manager.update(
      RefreshToken,
      { familyId, revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
  }

  /** Deletes tokens past their expiry; run by the worker's scheduled maintenance job. */
  async pruneExpired(manager: EntityManager): Promise<number> {
    const result = await manager.delete(RefreshToken, { expiresAt: LessThan(this.clock.now()) });
    return result.affected ?? 0;
  }
}

export type RefreshInspection =
  { kind: 'valid'; token: RefreshToken } | { kind: 'reused'; token: RefreshToken } | { kind: 'invalid' };

import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiNoContentResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorResponseDto } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { CurrentActor, Public } from '@pilotlink/core';
import { AuthService, Session } from '../auth/auth.service';
import { LoginRequestDto, RefreshRequestDto, RegisterRequestDto } from '../dto/auth.request.dto';
import {
  MeResponseDto,
  OrgResponseDto,
  SessionResponseDto,
  TokenResponseDto,
  UserResponseDto,
} from '../dto/identity.response.dto';
import { MeService } from '../auth/me.service';
import { AuthThrottlerGuard, LoginLockoutService } from './throttling.guard';

function toSession(session: Session): SessionResponseDto {
  return { ...session.tokens, user: UserResponseDto.from(session.user), org: OrgResponseDto.from(session.org) };
}

@ApiTags('auth')
@Controller('auth')
@UseGuards(AuthThrottlerGuard)
@ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'RATE_LIMITED' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly lockout: LoginLockoutService,
  ) {}

  @Post('register')
  @Public()
  @SkipThrottle({ login: true, loginAddress: true })
  @ApiOperation({ summary: 'Register an SME or platform operator org with its owner account' })
  @ApiCreatedResponse({ type: SessionResponseDto })
  async register(@Body() body: RegisterRequestDto, @Req() req: FastifyRequest): Promise<SessionResponseDto> {
    return toSession(await this.auth.register(body, String(req.id)));
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @SkipThrottle({ auth: true })
  @ApiOperation({
    summary: 'Exchange email and password for an access and a refresh token',
    description:
      'Limited per account (all addresses) and per address (all accounts); repeated failures lock the account ' +
      'for a while, doubling. 429 carries Retry-After and details.retryAt.',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  async login(@Body() body: LoginRequestDto, @Req() req: FastifyRequest): Promise<SessionResponseDto> {
    const email = body.email.trim().toLowerCase();
    await this.lockout.assertNotLocked(email);
    try {
      const session = await this.auth.login(body.email, body.password, String(req.id));
      await this.lockout.reset(email);
      return toSession(session);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_CREDENTIALS') await this.lockout.recordFailure(email);
      throw error;
    }
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @SkipThrottle({ login: true, loginAddress: true })
  @ApiOperation({ summary: 'Rotate the refresh token; reusing an old one revokes the session' })
  @ApiOkResponse({ type: TokenResponseDto })
  refresh(@Body() body: RefreshRequestDto): Promise<TokenResponseDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @SkipThrottle({ login: true, loginAddress: true })
  @ApiOperation({ summary: 'Revoke the session of this refresh token' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@Body() body: RefreshRequestDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user and their organisation' })
  @ApiOkResponse({ type: MeResponseDto })
  async get(@CurrentActor() actor: Actor): Promise<MeResponseDto> {
    const { user, org } = await this.me.get(actor);
    return { user: UserResponseDto.from(user), org: OrgResponseDto.from(org) };
  }
}

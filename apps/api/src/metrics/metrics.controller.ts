import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig, NotFoundError } from '@pilotlink/core';
import { Public } from '@pilotlink/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint (text exposition format). Exposes counts only, no business data; still,
 * with METRICS_TOKEN set it answers only `Authorization: Bearer <token>`, and in production without a
 * token it is off (404).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(ConfigService) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  scrape(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const token = this.config.get('METRICS_TOKEN', { infer: true });
    if (token) {
      if (!sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)) throw new NotFoundError('Route');
    } else if (this.config.get('NODE_ENV', { infer: true }) === 'production') {
      throw new NotFoundError('Route');
    }
    // Set here, not by @Header: a refusal above must still leave as the JSON error envelope.
    reply.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    return this.metrics.metrics();
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

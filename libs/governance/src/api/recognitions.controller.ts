import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe, PageQueryDto } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireBureauRole, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { ApplyRecognitionDto, ApproveRecognitionDto, RejectRecognitionDto } from '../dto/recognition.request.dto';
import { RecognitionResponseDto, RecognitionPageDto } from '../dto/recognition.response.dto';
import { RecognitionsService } from '../recognition/recognitions.service';

@ApiTags('governance')
@ApiBearerAuth()
@ApiNotFoundResponse({
  type: ErrorResponseDto,
  description: 'Unknown, not yours to see, or (deciding) not for your level or jurisdiction',
})
@Controller()
export class RecognitionsController {
  constructor(private readonly recognitions: RecognitionsService) {}

  @Post('platforms/:id/recognitions')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: 'Operator: apply for CITY / PROVINCE / NATIONAL recognition (one pending at a time, 409)' })
  @ApiCreatedResponse({ type: RecognitionResponseDto })
  async apply(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) platformId: string,
    @Body() body: ApplyRecognitionDto,
  ): Promise<RecognitionResponseDto> {
    return RecognitionResponseDto.from(await this.recognitions.apply(ctx, platformId, body));
  }

  @Get('platforms/:id/recognitions')
  @AllowOrgKinds('PLATFORM_OPERATOR', 'BUREAU', 'ADMIN')
  @ApiOperation({ summary: "A platform's applications and decisions: its operator, a bureau over it, an admin" })
  @ApiOkResponse({ type: RecognitionPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) platformId: string,
    @Query() page: PageQueryDto,
  ): Promise<RecognitionPageDto> {
    const result = await this.recognitions.listForPlatform(actor, platformId, page);
    return { ...result, items: result.items.map((r) => RecognitionResponseDto.from(r)) };
  }

  @Post('recognitions/:id/approve')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({
    summary:
      'Bureau of the right level over the platform (CITY: city or province bureau; PROVINCE: province bureau; ' +
      'NATIONAL: an admin): approve with a validity period — the level shows on the platform and in search',
  })
  @ApiOkResponse({ type: RecognitionResponseDto })
  async approve(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ApproveRecognitionDto,
  ): Promise<RecognitionResponseDto> {
    return RecognitionResponseDto.from(await this.recognitions.approve(ctx, id, body));
  }

  @Post('recognitions/:id/reject')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({ summary: 'The same deciders: reject with a reason' })
  @ApiOkResponse({ type: RecognitionResponseDto })
  async reject(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: RejectRecognitionDto,
  ): Promise<RecognitionResponseDto> {
    return RecognitionResponseDto.from(await this.recognitions.reject(ctx, id, body));
  }
}

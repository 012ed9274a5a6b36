import { Controller, Get, HttpCode, Param, Put, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { attachmentDisposition, chinaDate, Clock, ErrorResponseDto, ParseIdPipe, readUpload } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QualificationResponseDto } from '../dto/catalogue.response.dto';
import { QualificationCertificatesService } from '../platforms/qualification-certificates.service';

@ApiTags('platforms')
@ApiBearerAuth()
@ApiNotFoundResponse({
  type: ErrorResponseDto,
  description: 'Unknown platform or qualification, one you may not see, or no scan on file',
})
@Controller('platforms/:id/qualifications/:qualificationId/certificate')
export class QualificationCertificatesController {
  constructor(
    private readonly certificates: QualificationCertificatesService,
    private readonly clock: Clock,
  ) {}

  @Put()
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    summary: "Operator: upload (or replace) the scan of one of your platform's qualification certificates",
    description:
      'One file in `file`: PDF, JPG or PNG, recognised by content (another kind → 400 naming `file`); at most ' +
      'CERTIFICATE_MAX_BYTES (413). Not multipart → 415. Any other org → 404; a delisted platform → 409.',
  })
  @ApiOkResponse({ type: QualificationResponseDto })
  async upload(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('qualificationId', ParseIdPipe) qualificationId: string,
    @Req() req: FastifyRequest,
  ): Promise<QualificationResponseDto> {
    await this.certificates.assertMayUpload(ctx.actor, id, qualificationId);
    const file = await readUpload(req, this.certificates.maxBytes);
    const qualification = await this.certificates.upload(ctx, id, qualificationId, file);
    return QualificationResponseDto.from(qualification, chinaDate(this.clock.now()), true);
  }

  @Get()
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({
    summary: 'Download a certificate scan: the operator, and the bureaus supervising the platform or an admin',
    description: 'Anyone else — the public, SMEs, other platforms, bureaus elsewhere — 404: they see 证书已上传 only.',
  })
  @ApiOkResponse({
    description: 'The scan, with its own content type and name',
    schema: { type: 'string', format: 'binary' },
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('qualificationId', ParseIdPipe) qualificationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { qualification: q, stream } = await this.certificates.open(actor, id, qualificationId);
    reply.header('content-type', q.certificateContentType!);
    reply.header('content-disposition', attachmentDisposition(q.certificateFileName!));
    reply.header('content-length', String(q.certificateSizeBytes));
    return new StreamableFile(stream);
  }
}

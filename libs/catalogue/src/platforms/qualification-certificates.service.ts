import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  cleanFileName,
  Clock,
  fieldInvalid,
  FileKind,
  FileStore,
  NotFoundError,
  sniffContentType,
  SNIFF_BYTES,
  UploadedFile,
} from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { Actor, RequestContext } from '@pilotlink/core';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { operatesPlatform, seesWholeCatalogue } from '../access/platform-access';
import { CatalogueChanges } from '../catalogue-changes.service';
import { PlatformQualification } from '../domain/platform-qualification.entity';
import { Platform } from '../domain/platform.entity';
import { assertEditable, PlatformsService } from './platforms.service';

/** A certificate scan is a PDF or a photo of the certificate. */
const CERTIFICATE_KINDS: readonly FileKind[] = ['pdf', 'png', 'jpeg'];

/**
 * Qualification certificate scans (证书扫描件), kept in the same file store as order deliverables. The
 * operator uploads (or replaces) the scan of one of its qualifications; the operator and the bureaus
 * supervising the platform (and admins) download it — the ones who review the platform. The public
 * only learns that a scan is on file.
 */
@Injectable()
export class QualificationCertificatesService {
  private readonly logger = new Logger(QualificationCertificatesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ConfigService) private readonly config: AppConfig,
    private readonly files: FileStore,
    private readonly platforms: PlatformsService,
    private readonly changes: CatalogueChanges,
    private readonly clock: Clock,
  ) {}

  get maxBytes(): number {
    return this.config.get('CERTIFICATE_MAX_BYTES', { infer: true });
  }

  /** Checked before the upload is read, so a stranger never gets bytes stored (and again under the lock). */
  async assertMayUpload(actor: Actor, platformId: string, qualificationId: string): Promise<void> {
    const platform = await this.dataSource.manager.findOneBy(Platform, { id: platformId });
    if (!platform || !operatesPlatform(actor, platform)) throw new NotFoundError('Platform');
    assertEditable(platform);
    const qualification = await this.dataSource.manager.findOneBy(PlatformQualification, {
      id: qualificationId,
      platformId,
    });
    if (!qualification) throw new NotFoundError('Qualification');
  }

  /** Stores the scan, then records it on the qualification; a scan it replaces is removed after commit. */
  async upload(
    ctx: RequestContext,
    platformId: string,
    qualificationId: string,
    file: UploadedFile,
  ): Promise<PlatformQualification> {
    const contentType = sniffContentType(file.fileName, file.bytes.subarray(0, SNIFF_BYTES), CERTIFICATE_KINDS);
    if (!contentType) throw fieldInvalid('file', 'The certificate scan must be a PDF, JPG or PNG file');
    const storageKey = `certificates/${platformId}/${randomUUID()}`;
    await this.files.put(storageKey, file.bytes);
    let replaced: string | null = null;
    try {
      const qualification = await withTransaction(this.dataSource, async (manager) => {
        const platform = await this.platforms.lockForOperator(manager, ctx.actor, platformId);
        assertEditable(platform);
        const row = await manager.findOneBy(PlatformQualification, { id: qualificationId, platformId });
        if (!row) throw new NotFoundError('Qualification');
        replaced = row.certificateStorageKey;
        const before = scanFacts(row);
        Object.assign(row, {
          certificateStorageKey: storageKey,
          certificateFileName: cleanFileName(file.fileName, 'certificate'),
          certificateContentType: contentType,
          certificateSizeBytes: file.bytes.length,
          certificateSha256: createHash('sha256').update(file.bytes).digest('hex'),
          certificateUploadedBy: ctx.actor.userId,
          certificateUploadedAt: this.clock.now(),
        });
        await manager.save(row);
        await this.changes.record(manager, ctx, {
          action: 'platform.qualification.certificate_uploaded',
          entityType: 'platform',
          entityId: platformId,
          operatorOrgId: platform.operatorOrgId,
          before,
          after: scanFacts(row),
        });
        return row;
      });
      if (replaced) await this.removeQuietly(replaced);
      return qualification;
    } catch (error) {
      // Nothing recorded it: the stored bytes belong to nothing.
      await this.removeQuietly(storageKey);
      throw error;
    }
  }

  /** The scan, for the operator and the bureaus/admins supervising the platform; anyone else 404. */
  async open(
    actor: Actor,
    platformId: string,
    qualificationId: string,
  ): Promise<{ qualification: PlatformQualification; stream: Readable }> {
    const platform = await this.dataSource.manager.findOneBy(Platform, { id: platformId });
    if (!platform || !seesWholeCatalogue(actor, platform)) throw new NotFoundError('Platform');
    const qualification = await this.dataSource.manager.findOneBy(PlatformQualification, {
      id: qualificationId,
      platformId,
    });
    if (!qualification?.certificateStorageKey) throw new NotFoundError('Certificate');
    return { qualification, stream: this.files.open(qualification.certificateStorageKey) };
  }

  private async removeQuietly(key: string): Promise<void> {
    await this.files.remove(key).catch((err: unknown) => this.logger.warn({ err, key }, 'orphan file left'));
  }
}

/** What the audit trail keeps of a scan: which qualification, and the file's name, size and hash. */
function scanFacts(q: PlatformQualification): Record<string, unknown> {
  return {
    qualificationId: q.id,
    certificateNo: q.certificateNo,
    certificateFileName: q.certificateFileName,
    certificateSizeBytes: q.certificateSizeBytes,
    certificateSha256: q.certificateSha256,
  };
}

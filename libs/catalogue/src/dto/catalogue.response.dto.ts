import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf, parseFen } from '@pilotlink/core';
import { regionName } from '@pilotlink/identity';
import {
  EQUIPMENT_STATUSES,
  OPERATING_MODELS,
  OPERATING_MODEL_LABELS,
  PLATFORM_STATUSES,
  PLATFORM_TYPES,
  PLATFORM_TYPE_LABELS,
  PRICING_KINDS,
  QUALIFICATION_KINDS,
  RECOGNITION_LEVELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SERVICE_STAGES,
  SERVICE_STATUSES,
} from '@pilotlink/core';
import type {
  EquipmentStatus,
  OperatingModel,
  PlatformStatus,
  PlatformType,
  PricingKind,
  QualificationKind,
  RecognitionLevel,
  ServiceCategory,
  ServiceStage,
  ServiceStatus,
} from '@pilotlink/core';
import type { Equipment } from '../domain/equipment.entity';
import type { PilotService } from '../domain/pilot-service.entity';
import type { PlatformQualification } from '../domain/platform-qualification.entity';
import type { Platform } from '../domain/platform.entity';

export class QualificationCertificateDto {
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'] }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() uploadedAt: Date;
}

export class QualificationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: QUALIFICATION_KINDS }) kind: QualificationKind;
  @ApiProperty() certificateNo: string;
  @ApiProperty() accreditedScope: string;
  @ApiProperty({ example: '2028-06-30' }) validUntil: string;
  @ApiProperty({ description: 'Past its validity: shown to the operator and supervisors only' }) expired: boolean;
  @ApiProperty({ description: 'A scan of the certificate is on file (证书已上传): everyone sees whether' })
  certificateUploaded: boolean;
  @ApiProperty({
    type: QualificationCertificateDto,
    nullable: true,
    description:
      'The scan (GET …/qualifications/:qualificationId/certificate): described to the operator and supervising ' +
      'bureaus/admins only, null for everyone else',
  })
  certificate: QualificationCertificateDto | null;

  /** `showScan`: the operator and supervisors see the scan's details (and may download it). */
  static from(q: PlatformQualification, today: string, showScan = false): QualificationResponseDto {
    return {
      id: q.id,
      kind: q.kind,
      certificateNo: q.certificateNo,
      accreditedScope: q.accreditedScope,
      validUntil: q.validUntil,
      expired: q.validUntil < today,
      certificateUploaded: !!q.certificateStorageKey,
      certificate:
        showScan && q.certificateStorageKey
          ? {
              fileName: q.certificateFileName!,
              contentType: q.certificateContentType!,
              sizeBytes: q.certificateSizeBytes!,
              uploadedAt: q.certificateUploadedAt!,
            }
          : null,
    };
  }
}

export class PlatformResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) operatorOrgId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLATFORM_TYPES }) type: PlatformType;
  @ApiProperty() typeLabel: string;
  @ApiProperty({ enum: OPERATING_MODELS }) operatingModel: OperatingModel;
  @ApiProperty() operatingModelLabel: string;
  @ApiProperty({ type: [String] }) fieldCodes: string[];
  @ApiProperty() regionCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) regionName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ nullable: true, type: String }) contactName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ enum: RECOGNITION_LEVELS }) recognitionLevel: RecognitionLevel;
  @ApiProperty({ enum: PLATFORM_STATUSES }) status: PlatformStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) statusReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) listedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) ratingAvg: number | null;
  @ApiProperty() reviewCount: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Median minutes from seeing a demand to quoting on it; null before the first quote',
  })
  medianFirstQuoteMinutes: number | null;
  @ApiProperty({ description: 'Demands the platform has quoted on' }) quotedDemandCount: number;
  @ApiProperty({ type: [QualificationResponseDto] }) qualifications: QualificationResponseDto[];
  @ApiProperty() updatedAt: Date;

  /** `showExpired`: the operator and supervisors see lapsed certificates and the scans; the public does not. */
  static from(p: Platform, showExpired: boolean, today: string): PlatformResponseDto {
    const qualifications = (p.qualifications ?? [])
      .map((q) => QualificationResponseDto.from(q, today, showExpired))
      .filter((q) => showExpired || !q.expired)
      .sort((a, b) => a.validUntil.localeCompare(b.validUntil));
    return {
      id: p.id,
      operatorOrgId: p.operatorOrgId,
      name: p.name,
      type: p.type,
      typeLabel: PLATFORM_TYPE_LABELS[p.type],
      operatingModel: p.operatingModel,
      operatingModelLabel: OPERATING_MODEL_LABELS[p.operatingModel],
      fieldCodes: p.fieldCodes,
      regionCode: p.regionCode,
      regionName: regionName(p.regionCode) ?? null,
      address: p.address,
      description: p.description,
      contactName: p.contactName,
      contactPhone: p.contactPhone,
      recognitionLevel: p.recognitionLevel,
      status: p.status,
      statusReason: p.statusReason,
      listedAt: p.listedAt,
      ratingAvg: p.ratingAvg === null ? null : Number(p.ratingAvg),
      reviewCount: p.reviewCount,
      medianFirstQuoteMinutes: p.medianFirstQuoteMinutes,
      quotedDemandCount: p.quotedDemandCount,
      qualifications,
      updatedAt: p.updatedAt,
    };
  }
}

export class ServiceResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SERVICE_CATEGORIES }) category: ServiceCategory;
  @ApiProperty() categoryLabel: string;
  @ApiProperty({ type: [String] }) fieldCodes: string[];
  @ApiProperty({ enum: SERVICE_STAGES, isArray: true }) stages: ServiceStage[];
  @ApiProperty({ enum: PRICING_KINDS }) pricingKind: PricingKind;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'fen' }) priceFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty() leadTimeDays: number;
  @ApiProperty() voucherEligible: boolean;
  @ApiProperty({ enum: SERVICE_STATUSES }) status: ServiceStatus;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty() updatedAt: Date;

  static from(s: PilotService): ServiceResponseDto {
    return {
      id: s.id,
      platformId: s.platformId,
      title: s.title,
      description: s.description,
      category: s.category,
      categoryLabel: SERVICE_CATEGORY_LABELS[s.category],
      fieldCodes: s.fieldCodes,
      stages: s.stages,
      pricingKind: s.pricingKind,
      priceFen: s.priceFen === null ? null : parseFen(s.priceFen),
      unitName: s.unitName,
      leadTimeDays: s.leadTimeDays,
      voucherEligible: s.voucherEligible,
      status: s.status,
      publishedAt: s.publishedAt,
      updatedAt: s.updatedAt,
    };
  }
}

export class EquipmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) model: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) maker: string | null;
  @ApiProperty() category: string;
  @ApiProperty() keySpecs: string;
  @ApiProperty({ description: 'fen per hour' }) hourlyRateFen: number;
  @ApiProperty({ enum: EQUIPMENT_STATUSES }) status: EquipmentStatus;
  @ApiProperty() updatedAt: Date;

  static from(e: Equipment): EquipmentResponseDto {
    return {
      id: e.id,
      platformId: e.platformId,
      name: e.name,
      model: e.model,
      maker: e.maker,
      category: e.category,
      keySpecs: e.keySpecs,
      hourlyRateFen: parseFen(e.hourlyRateFen),
      status: e.status,
      updatedAt: e.updatedAt,
    };
  }
}

export class PlatformPageDto extends pageDtoOf(PlatformResponseDto, 'PlatformPageDto') {}
export class ServicePageDto extends pageDtoOf(ServiceResponseDto, 'ServicePageDto') {}
export class EquipmentPageDto extends pageDtoOf(EquipmentResponseDto, 'EquipmentPageDto') {}

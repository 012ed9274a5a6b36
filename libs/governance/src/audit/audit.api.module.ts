import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditTrailReadModel } from './audit-trail.read-model';

/** The audit trail's HTTP route (admins, and bureaus for their jurisdiction). */
@Module({ controllers: [AuditController], providers: [AuditTrailReadModel] })
export class AuditApiModule {}

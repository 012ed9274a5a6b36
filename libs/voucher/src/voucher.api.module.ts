import { Module } from '@nestjs/common';
import { ClaimsController } from './api/claims.controller';
import { ObjectionsController } from './api/objections.controller';
import { ProgramsController } from './api/programs.controller';
import { VouchersController } from './api/vouchers.controller';
import { VoucherModule } from './voucher.module';

/** HTTP routes of the voucher context. */
@Module({
  imports: [VoucherModule],
  controllers: [ProgramsController, VouchersController, ClaimsController, ObjectionsController],
})
export class VoucherApiModule {}

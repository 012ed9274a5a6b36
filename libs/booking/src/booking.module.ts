import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrderRecords } from './orders/order-records.service';
import { Order } from './orders/order.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Order])],
  providers: [OrderRecords],
  exports: [OrderRecords],
})
export class BookingModule {}

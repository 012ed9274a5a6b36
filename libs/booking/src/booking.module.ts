import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@pilotlink/catalogue';
import { DeliverablesService } from './orders/deliverables.service';
import { OrderChanges } from './orders/order-changes.service';
import { OrderDeliverable, OrderEvent, OrderPayment, OrderReview } from './orders/order-records.entity';
import { OrderRecords } from './orders/order-records.service';
import { Order } from './orders/order.entity';
import { OrdersService } from './orders/orders.service';
import { OrderFacts } from './orders/order-facts.port';
import { PaymentsService } from './orders/payments.service';
import { ReviewsService } from './orders/reviews.service';
import { OrderNotices } from './ports/order-notices.port';
import { ClaimReviewAccess } from './orders/claim-review-access.port';
import { OrderDeductions } from './orders/order-deductions.port';

@Module({
  imports: [
    TypeOrmModule.forFeature([Order, OrderEvent, OrderPayment, OrderDeliverable, OrderReview]),
    CatalogueModule,
  ],
  providers: [
    OrderRecords,
    OrderChanges,
    OrdersService,
    OrderFacts,
    PaymentsService,
    DeliverablesService,
    ReviewsService,
    OrderNotices,
    ClaimReviewAccess,
    OrderDeductions,
  ],
  exports: [
    OrderRecords,
    OrderChanges,
    OrdersService,
    OrderFacts,
    PaymentsService,
    DeliverablesService,
    ReviewsService,
    OrderNotices,
    ClaimReviewAccess,
    OrderDeductions,
  ],
})
export class BookingModule {}

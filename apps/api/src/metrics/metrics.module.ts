import { Module } from '@nestjs/common';
import { OutboxModule } from '@pilotlink/queue';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({
  imports: [OutboxModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsModule {}

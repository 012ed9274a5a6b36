import { Module } from '@nestjs/common';
import { SearchController } from './api/search.controller';
import { SearchModule } from './search.module';

/** GET /api/search/services and /api/search/platforms. */
@Module({
  imports: [SearchModule],
  controllers: [SearchController],
})
export class SearchApiModule {}

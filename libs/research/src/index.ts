export * from './domain/result';
export * from './domain/result-visibility';
export * from './research.api.module';
export * from './research.module';
export * from './results/results.service';
export * from './results/result-search.service';
export * from './dto/result.request.dto';
export * from './dto/result.response.dto';

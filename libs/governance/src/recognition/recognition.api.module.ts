import { Module } from '@nestjs/common';
import { EvaluationsController } from '../api/evaluations.controller';
import { RecognitionsController } from '../api/recognitions.controller';
import { RecognitionModule } from './recognition.module';

/** HTTP routes for recognition and evaluation. */
@Module({ imports: [RecognitionModule], controllers: [RecognitionsController, EvaluationsController] })
export class RecognitionApiModule {}

import { Module } from '@nestjs/common';
import { KeyProjectsController } from '../api/key-projects.controller';
import { KeyProjectsModule } from './key-projects.module';

@Module({ imports: [KeyProjectsModule], controllers: [KeyProjectsController] })
export class KeyProjectsApiModule {}

import { Foundation1763800000000 } from './1763800000000-foundation';
import { Catalogue1763900000000 } from './1763900000000-catalogue';
import { Demands1764000000000 } from './1764000000000-demands';
import { Quotes1764100000000 } from './1764100000000-quotes';

/** Every migration, in order. Listed explicitly so compiled and ts runs load the same set. */
export const MIGRATIONS = [Foundation1763800000000, Catalogue1763900000000, Demands1764000000000, Quotes1764100000000];

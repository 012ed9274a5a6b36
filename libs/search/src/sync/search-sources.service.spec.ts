import { SearchDocumentSource } from './search-document-source';
import { SearchSources } from './search-sources.service';

const source = (index: SearchDocumentSource['index']): SearchDocumentSource => ({
  index,
  changes: () => Promise.resolve({ upserts: [], deletes: [] }),
  pages: async function* () {},
  count: () => Promise.resolve(0),
  versions: () => Promise.resolve(new Map()),
});

describe('search sources', () => {
  it('gives each index the source its owner registered, and one only', () => {
    const sources = new SearchSources();
    const demands = source('demands');
    sources.register(demands);
    expect(sources.of('demands')).toBe(demands);
    expect(() => sources.register(source('demands'))).toThrow(/already registered/);
  });

  it('names the index whose owner an app forgot to import', () => {
    expect(() => new SearchSources().of('policies')).toThrow(/no search source registered for the policies index/);
  });
});

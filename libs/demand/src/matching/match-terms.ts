import { toSimplified } from '@pilotlink/search';

/** A term of the text to match, with its weight before inverse document frequency. */
export interface MatchTerm {
  term: string;
  /** Title terms weigh more than description terms. */
  weight: number;
}

/**
 * A match sends one query per term, this many at most: every title term (up to six), then the most frequent
 * description terms. Each query costs Meilisearch work on every request; the terms past eight are
 * once-used description words, and leaving them out did not lower the labelled set's scores.
 */
export const MAX_MATCH_TERMS = 8;
/** Fitting a service to open demands reads up to ten (Meilisearch reads only the first ten words of a query). */
export const MAX_FIT_TERMS = 10;
const MAX_TITLE_TERMS = 6;
const TITLE_WEIGHT = 2;
const DESCRIPTION_WEIGHT = 1;

/** Function characters that carry no meaning on their own; they also split terms. */
const STOP_CHARS = new Set(
  '的了和与及或对在为等需要并将由把被从向至于以其该本各每我你他她它是有也都就而且但如若之所'.split(''),
);

/** Words every demand uses: matching on them finds everything and therefore nothing. */
const STOP_WORDS = new Set([
  '需要',
  '进行',
  '我司',
  '我们',
  '公司',
  '本公司',
  '企业',
  '希望',
  '寻求',
  '寻找',
  '提供',
  '具有',
  '具备',
  '能够',
  '可以',
  '相关',
  '要求',
  '以及',
  '目前',
  '已经',
  '完成',
  '实现',
  '问题',
  '方面',
  '情况',
  '通过',
  '用于',
  '一个',
  '一种',
  '一批',
  '技术',
  '服务',
  '项目',
  '平台',
  '合作',
  '支持',
  '满足',
  '符合',
  '开展',
  '帮助',
  '协助',
  '主要',
  '包括',
  '开发',
  '研发',
  '产品',
  '单位',
  '机构',
  '希望能',
  'the',
  'and',
  'for',
  'with',
]);

const HAN = /^\p{Script=Han}+$/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * The words of a text as a reader would pick them. ICU's Chinese dictionary is small and splits many
 * technical words into single characters (石墨|烯, 中|试, 货架|期): runs of single characters are joined
 * (中试), and a lone character is joined to the word it directly follows (石墨烯, 货架期). Function
 * characters split words and are dropped, as are generic words and bare short numbers.
 */
export function termsOf(text: string): string[] {
  const tokens: Token[] = [];
  for (const part of segmenter.segment(toSimplified(text).toLowerCase())) {
    if (!part.isWordLike || STOP_CHARS.has(part.segment)) continue;
    tokens.push({ text: part.segment, start: part.index, end: part.index + part.segment.length });
  }
  const merged: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const single = token.text.length === 1 && HAN.test(token.text);
    if (!single) {
      merged.push({ ...token });
      continue;
    }
    // A run of single characters forms one word.
    let run = token;
    while (i + 1 < tokens.length && isSingleHan(tokens[i + 1]) && tokens[i + 1].start === run.end) {
      i += 1;
      run = { text: run.text + tokens[i].text, start: run.start, end: tokens[i].end };
    }
    const previous = merged.at(-1);
    if (run.text.length === 1 && previous && previous.end === run.start && HAN.test(previous.text)) {
      previous.text += run.text;
      previous.end = run.end;
    } else {
      merged.push(run);
    }
  }
  return merged.map((token) => token.text).filter(isMeaningful);
}

function isSingleHan(token: Token): boolean {
  return token.text.length === 1 && HAN.test(token.text);
}

function isMeaningful(term: string): boolean {
  if (term.length < 2 || STOP_WORDS.has(term)) return false;
  // Bare numbers mean nothing without their unit (0.3, 500), but a standard's number does (30585).
  if (/^[\d.]+$/.test(term)) return /^\d{4,}$/.test(term);
  return true;
}

/**
 * The terms to match a text on: every distinct title term, then the description's terms by how often
 * they occur (earlier first among equals), up to `max`.
 */
export function salientTerms(title: string, description = '', max = MAX_MATCH_TERMS): MatchTerm[] {
  const key = `${max}\u0000${title}\u0000${description}`;
  let terms = recentTerms.get(key);
  if (terms) {
    recentTerms.delete(key); // most recently used last: the first key is the one to evict
  } else {
    terms = computeSalientTerms(title, description, max);
    if (recentTerms.size >= RECENT_TERMS) recentTerms.delete(recentTerms.keys().next().value!);
  }
  recentTerms.set(key, terms);
  return terms.map((term) => ({ ...term }));
}

/**
 * Segmenting a demand (ICU word breaks, Traditional → Simplified) was the largest item of a match request's
 * own CPU profile, and the same demand is matched again and again (its owner's page, each publish). The
 * terms are a pure function of the text, so remembering the last few hundred cannot go stale or differ
 * between processes.
 */
const RECENT_TERMS = 500;
const recentTerms = new Map<string, MatchTerm[]>();

function computeSalientTerms(title: string, description: string, max: number): MatchTerm[] {
  const terms: MatchTerm[] = [];
  const seen = new Set<string>();
  for (const term of termsOf(title)) {
    if (seen.has(term) || terms.length >= MAX_TITLE_TERMS) continue;
    seen.add(term);
    terms.push({ term, weight: TITLE_WEIGHT });
  }
  const counts = new Map<string, number>();
  for (const term of termsOf(description)) if (!seen.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1]); // stable: first occurrence wins ties
  for (const [term] of byFrequency) {
    if (terms.length >= max) break;
    terms.push({ term, weight: DESCRIPTION_WEIGHT });
  }
  return terms;
}

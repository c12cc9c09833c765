import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../src/lib/fuzzy';

const names = (items: { zh: string; en: string }[], query: string) =>
  fuzzyFilter(items, query, (item) => [item.zh, item.en]).map((item) => item.en);

const ACTIONS = [
  { zh: '前往：商机', en: 'Go to Opportunities' },
  { zh: '前往：合同', en: 'Go to Contracts' },
  { zh: '前往：客户', en: 'Go to Customers' },
  { zh: '新建客户', en: 'New Customer' },
  { zh: '前往：销售漏斗', en: 'Go to Pipeline' },
  { zh: '切换语言：English', en: 'Switch language to English' },
];

describe('fuzzy matching of palette actions', () => {
  it('finds an action by a prefix of its English name while the names shown are Chinese', () => {
    expect(names(ACTIONS, 'cust').sort()).toEqual(['Go to Customers', 'New Customer']);
  });

  it('ranks a contiguous match above a scattered one', () => {
    // "opp" starts Opportunities; in "Go to Pipeline" the letters o…p…p are scattered.
    expect(names(ACTIONS, 'opp')).toEqual(['Go to Opportunities', 'Go to Pipeline']);
  });

  it('matches abbreviations as subsequences, every word of the query', () => {
    expect(names(ACTIONS, 'gopi')[0]).toBe('Go to Pipeline');
    expect(names(ACTIONS, 'new cus')).toEqual(['New Customer']);
    expect(names(ACTIONS, 'lang')).toEqual(['Switch language to English']);
  });

  it('matches Chinese characters anywhere in the name', () => {
    expect(names(ACTIONS, '客户').sort()).toEqual(['Go to Customers', 'New Customer']);
    expect(names(ACTIONS, '漏斗')).toEqual(['Go to Pipeline']);
  });

  it('returns nothing for text that is not there, and everything for a blank query', () => {
    expect(names(ACTIONS, 'zzq')).toEqual([]);
    expect(names(ACTIONS, '  ')).toHaveLength(ACTIONS.length);
    expect(fuzzyScore('xyz', ['Go to Customers'])).toBeNull();
  });
});
